import { accessSync, closeSync, constants, existsSync, openSync, readSync, statSync } from 'node:fs'
import { dirname, resolve } from 'node:path'

/**
 * Start-up checks of the settings that name places on disk, and the messages for a server
 * that cannot listen: each problem is one line naming the setting, never a stack trace.
 */

const SQLITE_HEADER = 'SQLite format 3\0'

/** The nearest folder on the way to `path` that exists. */
function nearestExisting(path: string) {
  let dir = resolve(path)
  while (!existsSync(dir) && dirname(dir) !== dir) dir = dirname(dir)
  return dir
}

function writable(path: string) {
  try {
    accessSync(path, constants.W_OK)
    return true
  } catch {
    return false
  }
}

function header(path: string) {
  const fd = openSync(path, 'r')
  try {
    const bytes = Buffer.alloc(16)
    const n = readSync(fd, bytes, 0, 16, 0)
    return bytes.subarray(0, n).toString('latin1')
  } finally {
    closeSync(fd)
  }
}

/** Problems with DATABASE_PATH, each one line. `mayCreate`: a missing database may be created. */
export function databasePathProblems(path: string, options: { mayCreate: boolean }): string[] {
  if (path === ':memory:') return []
  if (!existsSync(path)) {
    if (!options.mayCreate) {
      return [
        `DATABASE_PATH ${path} does not exist: check the path (a mistyped path would serve an empty site), ` +
          'or create a new database with `npm run db:migrate`, `INIT_DATABASE=true` or `--init`',
      ]
    }
    const parent = nearestExisting(dirname(path))
    if (!statSync(parent).isDirectory())
      return [`DATABASE_PATH ${path}: ${parent} is a file, not a folder`]
    if (!writable(parent))
      return [`DATABASE_PATH ${path}: cannot create it, ${parent} is not writable`]
    return []
  }
  const stat = statSync(path)
  if (stat.isDirectory()) return [`DATABASE_PATH ${path} is a folder, not a SQLite database file`]
  if (!stat.isFile()) return [`DATABASE_PATH ${path} is not a regular file`]
  try {
    accessSync(path, constants.R_OK)
  } catch {
    return [`DATABASE_PATH ${path} is not readable by this user`]
  }
  if (stat.size > 0 && header(path) !== SQLITE_HEADER) {
    return [`DATABASE_PATH ${path} is not a SQLite database`]
  }
  if (!writable(path))
    return [`DATABASE_PATH ${path} is read-only: the server must be able to write it`]
  // SQLite writes the -wal and -shm files beside the database.
  if (!writable(dirname(resolve(path)))) {
    return [
      `DATABASE_PATH ${path}: its folder ${dirname(resolve(path))} is read-only (SQLite keeps its -wal and -shm files there)`,
    ]
  }
  return []
}

/** Problems with UPLOAD_DIR (created when missing), each one line. */
export function uploadDirProblems(path: string): string[] {
  if (existsSync(path)) {
    if (!statSync(path).isDirectory()) return [`UPLOAD_DIR ${path} is a file, not a folder`]
    if (!writable(path)) return [`UPLOAD_DIR ${path} is not writable`]
    return []
  }
  const parent = nearestExisting(path)
  if (!statSync(parent).isDirectory())
    return [`UPLOAD_DIR ${path}: ${parent} is a file, not a folder`]
  if (!writable(parent)) return [`UPLOAD_DIR ${path}: cannot create it, ${parent} is not writable`]
  return []
}

/** The one-line message for an error of server.listen(). */
export function listenErrorMessage(error: unknown, host: string, port: number): string {
  const code = (error as { code?: string }).code
  switch (code) {
    case 'EADDRINUSE':
      return `PORT ${port} is already in use on ${host} (is another server running?): stop it or set another PORT`
    case 'EACCES':
      return `PORT ${port}: this user may not listen on it (ports below 1024 need privileges): set PORT to 1024 or above`
    case 'EADDRNOTAVAIL':
      return `HOST ${host} is not an address of this machine: use 0.0.0.0, 127.0.0.1 or one of its addresses`
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
    case 'EAI_NONAME':
      return `HOST ${host} is not a valid address or known host name: use 0.0.0.0, 127.0.0.1 or one of this machine's addresses`
    default:
      return `Cannot listen on ${host}:${port}: ${(error as Error).message ?? String(error)}`
  }
}

/** Prints the problems, one line each, and says the server stops. */
export function reportStartupProblems(problems: string[]) {
  for (const line of problems) console.error(`Cannot start: ${line}`)
}
