import { Migrator, type Migration, type MigrationResultSet } from 'kysely'
import type { Db } from './index'
import { migrations } from './migrations/index'

/**
 * Applies every pending migration inside one transaction (see AppSqliteDialect),
 * so a failing migration leaves the database as it was; the error is thrown.
 */
export async function migrateToLatest(
  db: Db,
  list: Record<string, Migration> = migrations,
): Promise<MigrationResultSet> {
  const migrator = new Migrator({
    db,
    provider: { getMigrations: async () => list },
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
