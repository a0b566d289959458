import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll } from 'vitest'

/**
 * Every test file gets its own freshly migrated SQLite database and upload folder.
 * (Vitest runs each file in its own process, so getDb() is per file.)
 */
const dir = mkdtempSync(join(tmpdir(), 'dvk-test-'))
process.env.DATABASE_PATH = join(dir, 'test.sqlite')
process.env.UPLOAD_DIR = join(dir, 'uploads')
process.env.SESSION_SECRET ??= 'test-session-secret-at-least-32-characters'
process.env.NODE_ENV ??= 'test'

beforeAll(async () => {
  const { getDb } = await import('#db/index')
  const { migrateToLatest } = await import('#db/migrator')
  await migrateToLatest(getDb())
})

afterAll(async () => {
  const { closeDb } = await import('#db/index')
  await closeDb()
})
