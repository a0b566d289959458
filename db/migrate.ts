import { closeDb, databasePath, getDb } from './index'
import { migrateToLatest } from './migrator'

const result = await migrateToLatest(getDb()).catch(async (err: unknown) => {
  console.error(err instanceof Error ? err.message : err)
  await closeDb()
  process.exit(1)
})
const applied = result.results?.filter((r) => r.status === 'Success') ?? []
console.log(
  applied.length
    ? `Applied ${applied.length} migration(s) to ${databasePath()}: ${applied.map((r) => r.migrationName).join(', ')}`
    : `Database ${databasePath()} is up to date.`,
)
await closeDb()
