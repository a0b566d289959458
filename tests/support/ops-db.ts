import SQLite from 'better-sqlite3'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createDb } from '#db/index'
import { migrateToLatest } from '#db/migrator'

/**
 * A database file of its own for the operations tests (backups, restores, several processes):
 * migrated, with one unit and one model to attach media to. Returns its paths and the model id.
 */
export async function opsDatabase() {
  const dir = mkdtempSync(join(tmpdir(), 'dvk-ops-'))
  const databasePath = join(dir, 'live.sqlite')
  const uploadDir = join(dir, 'uploads')
  const db = createDb(databasePath)
  await migrateToLatest(db)
  await db.destroy()
  const raw = new SQLite(databasePath)
  const now = new Date().toISOString()
  const unit = raw
    .prepare(
      `INSERT INTO org_units (kind, name, unit_type, created_at, updated_at) VALUES ('province', 'Tỉnh Một', NULL, ?, ?)`,
    )
    .run(now, now).lastInsertRowid
  const model = raw
    .prepare(
      `INSERT INTO models (slug, unit_id, title, kind, field, created_at, updated_at)
       VALUES ('mo-hinh', ?, 'Mô hình', 'model', 'economy', ?, ?)`,
    )
    .run(unit, now, now).lastInsertRowid
  raw.close()
  return { dir, databasePath, uploadDir, modelId: Number(model) }
}
