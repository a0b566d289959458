import SQLite from 'better-sqlite3'
import { expect, test } from 'vitest'
import { opsDatabase } from '../support/ops-db'
import { acks, spawnTsx } from '../support/processes'

test('two processes writing to one database file wait for each other instead of failing', async () => {
  const live = await opsDatabase()
  const env = {
    DATABASE_PATH: live.databasePath,
    UPLOAD_DIR: live.uploadDir,
    MODEL_ID: String(live.modelId),
    WRITES: '300',
  }
  // Each transaction reads, then writes: with a deferred BEGIN, the second writer's
  // upgrade from reader to writer fails with SQLITE_BUSY(_SNAPSHOT) whatever busy_timeout says.
  const writers = [
    spawnTsx('tests/support/ops-writer.ts', { ...env, WRITER_TAG: 'a' }),
    spawnTsx('tests/support/ops-writer.ts', { ...env, WRITER_TAG: 'b' }),
  ]
  expect(await Promise.all(writers.map((w) => w.exited))).toEqual([0, 0])
  for (const w of writers) {
    expect(w.lines.filter((l) => l.startsWith('err '))).toEqual([])
    expect(w.lines.at(-1)).toBe('done 300 0')
  }
  const db = new SQLite(live.databasePath, { readonly: true })
  const ids = new Set(
    (
      db.prepare(`SELECT id FROM audit_log WHERE action = 'ops.write'`).all() as { id: number }[]
    ).map((r) => r.id),
  )
  db.close()
  const acked = writers.flatMap((w) => acks(w.lines))
  expect(acked).toHaveLength(600)
  expect(acked.every((a) => ids.has(a.id))).toBe(true)
})
