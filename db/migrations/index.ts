import type { Migration } from 'kysely'
import * as m0001 from './0001_schema'
import * as m0002 from './0002_catalog_search'
import * as m0003 from './0003_model_revisions'

/** Numbered migrations, imported statically so the server bundle and the CLI run the same list. */
export const migrations: Record<string, Migration> = {
  '0001_schema': m0001,
  '0002_catalog_search': m0002,
  '0003_model_revisions': m0003,
}
