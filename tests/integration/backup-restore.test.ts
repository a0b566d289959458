import SQLite from 'better-sqlite3'
import { copyFileSync, existsSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, test } from 'vitest'
import {
  backupSite,
  databaseInUse,
  integrityCheck,
  listFiles,
  restoreSite,
  type BackupManifest,
} from '#db/ops/backup'
import { acks, spawnTsx } from '../support/processes'
import { opsDatabase } from '../support/ops-db'

const WRITER = 'tests/support/ops-writer.ts'

function auditIds(path: string) {
  const db = new SQLite(path, { readonly: true })
  try {
    return new Set(
      (
        db.prepare(`SELECT id FROM audit_log WHERE action = 'ops.write'`).all() as { id: number }[]
      ).map((r) => r.id),
    )
  } finally {
    db.close()
  }
}

describe('backup and restore', () => {
  test('a backup taken under concurrent writes restores every acknowledged write and every file', async () => {
    const live = await opsDatabase()
    const writer = spawnTsx(WRITER, {
      DATABASE_PATH: live.databasePath,
      UPLOAD_DIR: live.uploadDir,
      MODEL_ID: String(live.modelId),
    })
    try {
      await writer.waitFor((lines) => acks(lines).length >= 100)
      const before = acks(writer.lines)
      const backup = backupSite({
        databasePath: live.databasePath,
        uploadDir: live.uploadDir,
        dir: join(live.dir, 'backup'),
      })
      // The writer kept writing during and after the backup.
      await writer.waitFor((lines) => acks(lines).length >= before.length + 50)
      expect(backup.manifest.missing).toEqual([])
      expect(backup.manifest.migration).toMatch(/^\d{4}_/)

      const target = join(live.dir, 'restored')
      const result = restoreSite({
        from: backup.dir,
        databasePath: join(target, 'dvk.sqlite'),
        uploadDir: join(target, 'uploads'),
      })
      expect(result.previous).toBeNull()
      expect(result.missing).toEqual([])
      expect(integrityCheck(join(target, 'dvk.sqlite'))).toBe('ok')

      // Every write acknowledged before the backup started is in the restored database…
      const restored = auditIds(join(target, 'dvk.sqlite'))
      expect(before.filter((a) => !restored.has(a.id))).toEqual([])
      // …with its file, byte for byte.
      for (const { key } of before) {
        expect(readFileSync(join(target, 'uploads', key))).toEqual(
          readFileSync(join(live.uploadDir, key)),
        )
      }
      // And every media row of the restored database has its file, of the recorded size.
      const db = new SQLite(join(target, 'dvk.sqlite'), { readonly: true })
      const rows = db.prepare('SELECT storage_key, byte_size FROM media').all() as {
        storage_key: string
        byte_size: number
      }[]
      db.close()
      expect(rows.length).toBeGreaterThanOrEqual(before.length)
      for (const row of rows) {
        expect(statSync(join(target, 'uploads', row.storage_key)).size).toBe(row.byte_size)
      }
      const manifest = JSON.parse(
        readFileSync(join(backup.dir, 'manifest.json'), 'utf8'),
      ) as BackupManifest
      expect(manifest.files.length).toBe(rows.length)
    } finally {
      writer.process.kill('SIGTERM')
      await writer.exited
    }
    expect(writer.lines.filter((l) => l.startsWith('err '))).toEqual([])
  })

  test('restore refuses while the database is open, then replaces it and moves the old one aside with its -wal', async () => {
    const live = await opsDatabase()
    const backup = backupSite({
      databasePath: live.databasePath,
      uploadDir: live.uploadDir,
      dir: join(live.dir, 'backup'),
    })
    // Writes after the backup, left in the -wal by a process killed without closing.
    const writer = spawnTsx(WRITER, {
      DATABASE_PATH: live.databasePath,
      UPLOAD_DIR: live.uploadDir,
      MODEL_ID: String(live.modelId),
    })
    await writer.waitFor((lines) => acks(lines).length >= 20)
    expect(databaseInUse(live.databasePath)).toBe(true)
    expect(() =>
      restoreSite({ from: backup.dir, databasePath: live.databasePath, uploadDir: live.uploadDir }),
    ).toThrow(/open in another process \(is the server running\?\)/)
    writer.process.kill('SIGKILL')
    await writer.exited
    const written = acks(writer.lines)
    expect(existsSync(`${live.databasePath}-wal`)).toBe(true)
    expect(databaseInUse(live.databasePath)).toBe(false)

    const result = restoreSite({
      from: backup.dir,
      databasePath: live.databasePath,
      uploadDir: live.uploadDir,
    })
    expect(existsSync(`${live.databasePath}-wal`)).toBe(false)
    expect(existsSync(`${live.databasePath}-shm`)).toBe(false)
    expect(integrityCheck(live.databasePath)).toBe('ok')
    expect(auditIds(live.databasePath).size).toBe(0)
    // The replaced database kept every write it had acknowledged.
    expect(result.previous).not.toBeNull()
    expect(integrityCheck(result.previous!)).toBe('ok')
    const previous = auditIds(result.previous!)
    expect(written.filter((a) => !previous.has(a.id))).toEqual([])
  })

  test('restore refuses a backup that fails the integrity check and leaves the database as it was', async () => {
    const live = await opsDatabase()
    const backup = backupSite({
      databasePath: live.databasePath,
      uploadDir: live.uploadDir,
      dir: join(live.dir, 'backup'),
    })
    const file = join(backup.dir, 'dvk.sqlite')
    const bytes = readFileSync(file)
    // Scribble over the pages after the first (the header stays valid).
    bytes.fill(0xab, 4096 + 100, 4096 * 3)
    writeFileSync(file, bytes)
    const copy = join(live.dir, 'before.sqlite')
    copyFileSync(live.databasePath, copy)
    expect(() =>
      restoreSite({ from: backup.dir, databasePath: live.databasePath, uploadDir: live.uploadDir }),
    ).toThrow(/integrity check|not a readable SQLite database/)
    expect(readFileSync(live.databasePath)).toEqual(readFileSync(copy))

    writeFileSync(join(live.dir, 'not-sqlite.sqlite'), 'hello')
    expect(() =>
      restoreSite({
        from: join(live.dir, 'not-sqlite.sqlite'),
        databasePath: live.databasePath,
        uploadDir: live.uploadDir,
      }),
    ).toThrow(/not a readable SQLite database/)
  })

  test('a backup refuses an existing directory, copies upload files the database does not know and skips uploads in progress', async () => {
    const live = await opsDatabase()
    writeFileSync(join(live.dir, 'x'), '')
    expect(() =>
      backupSite({ databasePath: live.databasePath, uploadDir: live.uploadDir, dir: live.dir }),
    ).toThrow(/already exists/)
    const { mkdirSync } = await import('node:fs')
    mkdirSync(join(live.uploadDir, 'media'), { recursive: true })
    writeFileSync(join(live.uploadDir, 'media/loose.jpg'), 'bytes')
    // An upload still being received (the streaming reader's folder) is not part of a backup.
    mkdirSync(join(live.uploadDir, '.incoming/req-1'), { recursive: true })
    writeFileSync(join(live.uploadDir, '.incoming/req-1/half.jpg'), 'half')
    const backup = backupSite({
      databasePath: live.databasePath,
      uploadDir: live.uploadDir,
      dir: join(live.dir, 'b2'),
    })
    expect(listFiles(join(backup.dir, 'uploads'))).toEqual(['media/loose.jpg'])
  })
})
