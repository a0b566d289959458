import { Migrator, type MigrationResultSet } from 'kysely'
import type { Db } from './index'
import { migrations } from './migrations/index'

/**
 * Applies every pending migration. Kysely runs them inside one transaction on
 * SQLite, so a failing migration leaves the database as it was; the error is thrown.
 */
export async function migrateToLatest(db: Db): Promise<MigrationResultSet> {
  const migrator = new Migrator({
    db,
    provider: { getMigrations: async () => migrations },
  })
  const result = await migrator.migrateToLatest()
  if (result.error) {
    const failed = result.results?.find((r) => r.status === 'Error')
    const err = result.error instanceof Error ? result.error : new Error(String(result.error))
    err.message = `Migration ${failed?.migrationName ?? '(unknown)'} failed: ${err.message}`
    throw err
  }
  return result
}
