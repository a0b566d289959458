import SQLite from 'better-sqlite3'
import { copyFileSync, existsSync, mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { expect, test } from 'vitest'
import { opsDatabase } from '../support/ops-db'
import { spawnTsx } from '../support/processes'

test('after SIGTERM the .sqlite file alone holds every acknowledged write, and requests in flight are answered', async () => {
  const live = await opsDatabase()
  const server = spawnTsx('tests/support/ops-server.ts', {
    DATABASE_PATH: live.databasePath,
    UPLOAD_DIR: live.uploadDir,
  })
  await server.waitFor((lines) => lines.some((l) => l.startsWith('listening ')))
  const port = server.lines.find((l) => l.startsWith('listening '))!.split(' ')[1]

  const acked: number[] = []
  const startedBeforeSignal: Promise<boolean>[] = []
  let signalled = false
  const write = async () => {
    const res = await fetch(`http://127.0.0.1:${port}/write`, { method: 'POST' })
    if (!res.ok) return false
    acked.push(((await res.json()) as { id: number }).id)
    return true
  }
  // Eight clients writing without pause; SIGTERM after 300 acknowledged writes.
  const clients = Array.from({ length: 8 }, async () => {
    while (!signalled) {
      const request = write().catch(() => false)
      startedBeforeSignal.push(request)
      await request
      if (acked.length >= 300 && !signalled) {
        signalled = true
        // Requests of the other clients are in flight right now.
        server.process.kill('SIGTERM')
      }
    }
  })
  await Promise.all(clients)
  const answered = await Promise.all(startedBeforeSignal)
  expect(await server.exited).toBe(0)
  expect(answered.every(Boolean)).toBe(true)
  expect(server.lines.join('\n')).toMatch(/Stopped \(all requests answered\)/)

  // The database file alone, without its -wal, as a careless copy would take it.
  expect(existsSync(`${live.databasePath}-wal`)).toBe(false)
  const copy = join(mkdtempSync(join(tmpdir(), 'dvk-copy-')), 'copy.sqlite')
  copyFileSync(live.databasePath, copy)
  const db = new SQLite(copy, { readonly: true })
  const ids = new Set(
    (
      db.prepare(`SELECT id FROM audit_log WHERE action = 'ops.write'`).all() as { id: number }[]
    ).map((r) => r.id),
  )
  expect(db.pragma('integrity_check', { simple: true })).toBe('ok')
  db.close()
  expect(acked.length).toBeGreaterThanOrEqual(300)
  expect(acked.filter((id) => !ids.has(id))).toEqual([])
})
