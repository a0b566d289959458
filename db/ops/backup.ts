import SQLite from 'better-sqlite3'
import {
  copyFileSync,
  existsSync,
  fsyncSync,
  linkSync,
  mkdirSync,
  openSync,
  closeSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs'
import { dirname, join, relative, resolve, sep } from 'node:path'

/**
 * Backups and restores of the whole site: the SQLite database and the upload folder.
 *
 * A backup is a directory:
 *   dvk.sqlite      a consistent copy made online with VACUUM INTO (one read transaction,
 *                   so writers keep going and nothing half-committed is copied)
 *   uploads/        the upload files, hard-linked when the backup is on the same disk (upload
 *                   files are never changed once written: keys are unique), copied otherwise
 *   manifest.json   when, what, and every upload file the database refers to, with its size
 *
 * Copying the .sqlite file by hand while the server runs misses what is still in the -wal file,
 * and copying it back beside an old -wal corrupts it: use these instead.
 */

export const BACKUP_DATABASE = 'dvk.sqlite'
export const BACKUP_UPLOADS = 'uploads'
export const BACKUP_MANIFEST = 'manifest.json'

export interface BackupManifest {
  format: 1
  createdAt: string
  /** The last migration applied to the copied database. */
  migration: string | null
  databaseBytes: number
  /** Every local upload file the database refers to, with its size. */
  files: { key: string; bytes: number }[]
  /** Files the database refers to that were not in the upload folder at backup time. */
  missing: string[]
}

export interface BackupResult {
  dir: string
  manifest: BackupManifest
  ms: number
}

/** SQLite's integrity_check of a database file, opened read-only: 'ok' or the first problems. */
export function integrityCheck(path: string): string {
  const db = new SQLite(path, { readonly: true, fileMustExist: true })
  try {
    const rows = db.pragma('integrity_check(20)') as { integrity_check: string }[]
    return rows.map((r) => r.integrity_check).join('; ')
  } finally {
    db.close()
  }
}

/** Every local upload key the database refers to (media files and their variants). */
export function referencedUploadKeys(db: SQLite.Database): string[] {
  const rows = db
    .prepare(
      `SELECT storage_key AS key FROM media WHERE storage = 'local'
       UNION SELECT v.storage_key FROM media_variants v JOIN media m ON m.id = v.media_id
       WHERE m.storage = 'local'`,
    )
    .all() as { key: string }[]
  return rows.map((r) => r.key).sort()
}

function lastMigration(db: SQLite.Database): string | null {
  const table = db
    .prepare(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'kysely_migration'`)
    .get()
  if (!table) return null
  const row = db.prepare('SELECT max(name) AS name FROM kysely_migration').get() as {
    name: string | null
  }
  return row.name
}

/** Every regular file under a folder, as paths relative to it with '/' separators. */
export function listFiles(root: string): string[] {
  if (!existsSync(root)) return []
  return readdirSync(root, { recursive: true, withFileTypes: true })
    .filter((d) => d.isFile())
    .map((d) => relative(root, join(d.parentPath, d.name)).split(sep).join('/'))
    .sort()
}

/** Hard-links (or, across disks, copies) the file unless the target already holds it whole. */
function linkOrCopy(from: string, to: string) {
  const source = statSync(from)
  if (existsSync(to)) {
    const target = statSync(to)
    if (target.ino === source.ino && target.dev === source.dev) return
    if (target.size === source.size) return
    rmSync(to)
  }
  mkdirSync(dirname(to), { recursive: true })
  try {
    linkSync(from, to)
  } catch {
    copyFileSync(from, to)
  }
}

/**
 * Top-level folders of UPLOAD_DIR whose names start with a dot are the server's working space
 * (`.incoming`: uploads still being received). They are never part of a backup: a half-received
 * file would come back on restore with no media row pointing at it.
 */
function isWorkingFile(key: string) {
  return key.startsWith('.')
}

function copyUploads(uploadDir: string, into: string) {
  for (const key of listFiles(uploadDir)) {
    if (isWorkingFile(key)) continue
    try {
      linkOrCopy(join(uploadDir, key), join(into, key))
    } catch (error) {
      // A file deleted while we copy it is no longer needed.
      if ((error as { code?: string }).code !== 'ENOENT') throw error
    }
  }
}

function fsyncFile(path: string) {
  const fd = openSync(path, 'r')
  try {
    fsyncSync(fd)
  } finally {
    closeSync(fd)
  }
}

/**
 * Backs up the database and the upload folder into `dir` (which must not exist yet), online:
 * the server may keep running and writing. Uploads are copied before and after the database
 * copy, so every file the copied database refers to is in the backup.
 */
export function backupSite(options: {
  databasePath: string
  uploadDir: string
  dir: string
  now?: Date
}): BackupResult {
  const started = performance.now()
  const dir = resolve(options.dir)
  if (existsSync(dir)) throw new Error(`${dir} already exists: choose a new backup directory`)
  if (!existsSync(options.databasePath)) {
    throw new Error(`DATABASE_PATH ${options.databasePath} does not exist: nothing to back up`)
  }
  const partial = `${dir}.partial`
  rmSync(partial, { recursive: true, force: true })
  mkdirSync(join(partial, BACKUP_UPLOADS), { recursive: true })
  const uploads = join(partial, BACKUP_UPLOADS)
  const database = join(partial, BACKUP_DATABASE)

  copyUploads(options.uploadDir, uploads)
  const source = new SQLite(options.databasePath, { fileMustExist: true })
  try {
    source.pragma('busy_timeout = 10000')
    source.prepare('VACUUM INTO ?').run(database)
  } finally {
    source.close()
  }
  copyUploads(options.uploadDir, uploads)
  fsyncFile(database)

  const copy = new SQLite(database, { readonly: true })
  let manifest: BackupManifest
  try {
    const files: BackupManifest['files'] = []
    const missing: string[] = []
    for (const key of referencedUploadKeys(copy)) {
      const path = join(uploads, key)
      if (existsSync(path)) files.push({ key, bytes: statSync(path).size })
      else missing.push(key)
    }
    manifest = {
      format: 1,
      createdAt: (options.now ?? new Date()).toISOString(),
      migration: lastMigration(copy),
      databaseBytes: statSync(database).size,
      files,
      missing,
    }
  } finally {
    copy.close()
  }
  writeFileSync(join(partial, BACKUP_MANIFEST), JSON.stringify(manifest, null, 2) + '\n')
  renameSync(partial, dir)
  return { dir, manifest, ms: Math.round(performance.now() - started) }
}

/**
 * Whether a process has the database open: an exclusive lock is refused while any
 * connection (a running server, a script) holds it. Returns false for a missing file.
 */
export function databaseInUse(path: string): boolean {
  if (!existsSync(path)) return false
  const db = new SQLite(path, { fileMustExist: true, timeout: 0 })
  try {
    db.pragma('locking_mode = EXCLUSIVE')
    db.exec('BEGIN EXCLUSIVE')
    db.exec('COMMIT')
    return false
  } catch (error) {
    if ((error as { code?: string }).code?.startsWith('SQLITE_BUSY')) return true
    throw error
  } finally {
    db.close()
  }
}

export interface RestoreResult {
  /** Where the database that was replaced now lives (null when there was none). */
  previous: string | null
  files: number
  missing: string[]
  migration: string | null
  ms: number
}

const SIDE_FILES = ['-wal', '-shm', '-journal']

/**
 * Restores a backup (a directory made by backupSite, or a bare .sqlite file) over
 * DATABASE_PATH and UPLOAD_DIR. Refuses while the database is open elsewhere (the server
 * runs) and when the backup fails SQLite's integrity check. The current database is kept,
 * moved aside with its -wal and -shm files (never left beside the restored one); upload
 * files are added, none removed.
 */
export function restoreSite(options: {
  from: string
  databasePath: string
  uploadDir: string
  now?: Date
}): RestoreResult {
  const started = performance.now()
  const from = resolve(options.from)
  if (!existsSync(from)) throw new Error(`${from} does not exist`)
  const isDir = statSync(from).isDirectory()
  const backupDb = isDir ? join(from, BACKUP_DATABASE) : from
  if (!existsSync(backupDb))
    throw new Error(`${from} is not a backup: ${BACKUP_DATABASE} is missing`)
  let manifest: BackupManifest | null = null
  if (isDir && existsSync(join(from, BACKUP_MANIFEST))) {
    manifest = JSON.parse(readFileSync(join(from, BACKUP_MANIFEST), 'utf8')) as BackupManifest
  }

  let before: string
  try {
    before = integrityCheck(backupDb)
  } catch (error) {
    throw new Error(`${backupDb} is not a readable SQLite database: ${(error as Error).message}`)
  }
  if (before !== 'ok') throw new Error(`The backup fails SQLite's integrity check: ${before}`)

  const target = resolve(options.databasePath)
  if (existsSync(target) && statSync(target).isDirectory()) {
    throw new Error(`DATABASE_PATH ${target} is a directory`)
  }
  if (databaseInUse(target)) {
    throw new Error(
      `${target} is open in another process (is the server running?): stop it before restoring`,
    )
  }

  // Keep the current database, with its side files, under one new name.
  let previous: string | null = null
  const stamp = (options.now ?? new Date()).toISOString().replace(/[:.]/g, '-')
  if (existsSync(target)) {
    previous = `${target}.before-restore-${stamp}`
    renameSync(target, previous)
  }
  for (const suffix of SIDE_FILES) {
    if (existsSync(target + suffix)) {
      if (previous) renameSync(target + suffix, previous + suffix)
      else rmSync(target + suffix)
    }
  }

  const after = (() => {
    try {
      mkdirSync(dirname(target), { recursive: true })
      const incoming = `${target}.restoring`
      copyFileSync(backupDb, incoming)
      fsyncFile(incoming)
      renameSync(incoming, target)
      return integrityCheck(target)
    } catch (error) {
      const kept = previous ? ` (the previous database is kept as ${previous})` : ''
      throw new Error(`Restoring ${target} failed: ${(error as Error).message}${kept}`)
    }
  })()
  if (after !== 'ok') {
    throw new Error(`The restored database fails SQLite's integrity check: ${after}`)
  }

  // Upload files: copy what the backup has and the folder lacks.
  let files = 0
  if (isDir) {
    const source = join(from, BACKUP_UPLOADS)
    for (const key of listFiles(source)) {
      const to = join(options.uploadDir, key)
      const size = statSync(join(source, key)).size
      if (existsSync(to) && statSync(to).size === size) continue
      mkdirSync(dirname(to), { recursive: true })
      copyFileSync(join(source, key), `${to}.restoring`)
      renameSync(`${to}.restoring`, to)
      files++
    }
  }

  const restored = new SQLite(target, { readonly: true })
  try {
    const missing = referencedUploadKeys(restored).filter(
      (key) => !existsSync(join(options.uploadDir, key)),
    )
    return {
      previous,
      files,
      missing,
      migration: manifest?.migration ?? lastMigration(restored),
      ms: Math.round(performance.now() - started),
    }
  } finally {
    restored.close()
  }
}

/** Name of a scheduled backup directory: dvk-20261202-193000 (UTC). */
export function scheduledBackupName(now: Date) {
  return `dvk-${now.toISOString().slice(0, 19).replace(/[-:]/g, '').replace('T', '-')}`
}

/**
 * Deletes the oldest scheduled backups in `dir` so that `keep` remain; returns the names
 * removed. Only directories named by scheduledBackupName are considered.
 */
export function pruneBackups(dir: string, keep: number): string[] {
  if (!existsSync(dir)) return []
  const names = readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && /^dvk-\d{8}-\d{6}$/.test(d.name))
    .map((d) => d.name)
    .sort()
  const removed = names.slice(0, Math.max(0, names.length - keep))
  for (const name of removed) rmSync(join(dir, name), { recursive: true, force: true })
  return removed
}
