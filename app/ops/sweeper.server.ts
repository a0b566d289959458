import SQLite from 'better-sqlite3'
import { rmSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { listFiles, referencedUploadKeys } from '#db/ops/backup'

/** Files younger than this may belong to an upload whose database row is not committed yet. */
export const ORPHAN_MIN_AGE_MS = 60 * 60 * 1000

/**
 * Removes upload files that no media row refers to (left by uploads that failed or were
 * killed between writing the files and committing the row), when older than an hour.
 * Returns the keys removed.
 */
export function sweepOrphanUploads(options: {
  databasePath: string
  uploadDir: string
  now?: number
  minAgeMs?: number
}): string[] {
  const now = options.now ?? Date.now()
  const minAge = options.minAgeMs ?? ORPHAN_MIN_AGE_MS
  // Listed before the database is read: a file written after this is not considered.
  const files = listFiles(options.uploadDir)
  const db = new SQLite(options.databasePath, { readonly: true, fileMustExist: true })
  let referenced: Set<string>
  try {
    referenced = new Set(referencedUploadKeys(db))
  } finally {
    db.close()
  }
  const removed: string[] = []
  for (const key of files) {
    if (referenced.has(key) || key.endsWith('.restoring')) continue
    const path = join(options.uploadDir, key)
    try {
      if (now - statSync(path).mtimeMs < minAge) continue
      rmSync(path)
      removed.push(key)
    } catch (error) {
      if ((error as { code?: string }).code !== 'ENOENT') throw error
    }
  }
  return removed
}

/** Sweeps now and then every day; failures are logged, never fatal. */
export function startUploadSweeper(options: { databasePath: string; uploadDir: string }) {
  const run = () => {
    try {
      const removed = sweepOrphanUploads(options)
      if (removed.length) console.log(`uploads: removed ${removed.length} orphaned files`)
    } catch (error) {
      console.error(
        `uploads: sweep failed: ${error instanceof Error ? error.message : String(error)}`,
      )
    }
  }
  run()
  const timer = setInterval(run, 24 * 3_600_000)
  timer.unref()
  return timer
}
