import { join, resolve } from 'node:path'
import { backupSite, pruneBackups, scheduledBackupName } from '#db/ops/backup'

/**
 * Scheduled backups (BACKUP_DIR): every BACKUP_INTERVAL_HOURS a backup in npm run db:backup's
 * format, named dvk-YYYYMMDD-HHMMSS (UTC), keeping the newest BACKUP_KEEP. A failure is logged
 * with its cause and retried at the next interval; the server keeps serving.
 */
export function runScheduledBackup(options: {
  databasePath: string
  uploadDir: string
  backupDir: string
  keep: number
  now?: Date
}) {
  const now = options.now ?? new Date()
  try {
    const { dir, manifest, ms } = backupSite({
      databasePath: options.databasePath,
      uploadDir: options.uploadDir,
      dir: join(resolve(options.backupDir), scheduledBackupName(now)),
      now,
    })
    const removed = pruneBackups(options.backupDir, options.keep)
    console.log(
      `backup: ${dir} (${manifest.files.length} files, ${ms} ms)` +
        (removed.length ? `; removed the oldest: ${removed.join(', ')}` : ''),
    )
    if (manifest.missing.length) {
      console.warn(`backup: ${manifest.missing.length} referenced upload files are missing`)
    }
    return dir
  } catch (error) {
    console.error(`backup: failed: ${error instanceof Error ? error.message : String(error)}`)
    return null
  }
}

export function startScheduledBackups(options: {
  databasePath: string
  uploadDir: string
  backupDir: string | undefined
  intervalHours: number
  keep: number
}) {
  const { backupDir } = options
  if (!backupDir) return undefined
  const run = () => runScheduledBackup({ ...options, backupDir })
  const timer = setInterval(run, options.intervalHours * 3_600_000)
  timer.unref()
  console.log(
    `backup: every ${options.intervalHours} h into ${resolve(backupDir)}, keeping ${options.keep}`,
  )
  return timer
}
