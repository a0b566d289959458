import SQLite from 'better-sqlite3'
import { existsSync, mkdirSync, utimesSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, test } from 'vitest'
import { pruneBackups, scheduledBackupName } from '#db/ops/backup'
import { runScheduledBackup } from '~/ops/scheduled-backup.server'
import { sweepOrphanUploads } from '~/ops/sweeper.server'
import { opsDatabase } from '../support/ops-db'

const HOUR = 3_600_000

function file(root: string, key: string, ageMs: number) {
  const path = join(root, key)
  mkdirSync(join(path, '..'), { recursive: true })
  writeFileSync(path, 'bytes')
  const t = (Date.now() - ageMs) / 1000
  utimesSync(path, t, t)
  return path
}

describe('orphaned upload files', () => {
  test('removes files no media row refers to once they are an hour old, and keeps the rest', async () => {
    const live = await opsDatabase()
    const raw = new SQLite(live.databasePath)
    const media = raw
      .prepare(
        `INSERT INTO media (kind, storage_key, model_id, position, mime_type, byte_size, width, height, sha256, created_at)
         VALUES ('photo', 'media/aa.jpg', ?, 0, 'image/jpeg', 5, 10, 10, ?, ?)`,
      )
      .run(live.modelId, 'x'.repeat(64), new Date().toISOString()).lastInsertRowid
    raw
      .prepare(
        `INSERT INTO media_variants (media_id, width, height, storage_key, mime_type, byte_size)
         VALUES (?, 10, 10, 'media/aa-640.webp', 'image/webp', 5)`,
      )
      .run(media)
    raw.close()
    const kept = [
      file(live.uploadDir, 'media/aa.jpg', 48 * HOUR),
      file(live.uploadDir, 'media/aa-640.webp', 48 * HOUR),
    ]
    // An upload in progress: files written, row not committed yet.
    const young = file(live.uploadDir, 'media/bb.jpg', 60_000)
    const orphans = [
      file(live.uploadDir, 'media/cc.jpg', 2 * HOUR),
      file(live.uploadDir, 'media/cc-640.webp', 2 * HOUR),
    ]

    const removed = sweepOrphanUploads({
      databasePath: live.databasePath,
      uploadDir: live.uploadDir,
    })
    expect(removed).toEqual(['media/cc-640.webp', 'media/cc.jpg'])
    for (const path of [...kept, young]) expect(existsSync(path)).toBe(true)
    for (const path of orphans) expect(existsSync(path)).toBe(false)
  })
})

describe('scheduled backups', () => {
  test('are named by their UTC time and only the newest BACKUP_KEEP are kept', async () => {
    const live = await opsDatabase()
    const backupDir = join(live.dir, 'backups')
    expect(scheduledBackupName(new Date('2026-12-02T19:30:05.123Z'))).toBe('dvk-20261202-193005')
    const days = [1, 2, 3, 4].map((d) => new Date(`2026-12-0${d}T02:00:00Z`))
    const made = days.map((now) =>
      runScheduledBackup({
        databasePath: live.databasePath,
        uploadDir: live.uploadDir,
        backupDir,
        keep: 2,
        now,
      }),
    )
    expect(made.every(Boolean)).toBe(true)
    mkdirSync(join(backupDir, 'hand-made'))
    expect(pruneBackups(backupDir, 2)).toEqual([])
    const { readdirSync } = await import('node:fs')
    expect(readdirSync(backupDir).sort()).toEqual([
      'dvk-20261203-020000',
      'dvk-20261204-020000',
      'hand-made',
    ])
    expect(existsSync(join(backupDir, 'dvk-20261204-020000', 'manifest.json'))).toBe(true)
  })
})
