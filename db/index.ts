import { Kysely, type Transaction } from 'kysely'
import type SQLite from 'better-sqlite3'
import { statSync } from 'node:fs'
import type { Database } from './schema'
import { AppSqliteDialect, openSqlite } from './sqlite'

export type Db = Kysely<Database>
export type Tx = Transaction<Database>
/**
 * Anything a repository function can run on: the database or an open transaction.
 * SQLite has one connection: inside a transaction, every query must go through
 * the transaction (`tx`), or it waits for the transaction to end — forever.
 */
export type Executor = Db | Tx

export function createDb(path: string): Db {
  return new Kysely<Database>({ dialect: new AppSqliteDialect({ database: openSqlite(path) }) })
}

/** The open process-wide database: its path, the file it opened (device + inode) and the driver. */
export interface OpenDatabase {
  path: string
  db: Db
  sqlite: SQLite.Database
  /** Device and inode of the file when it was opened (null for :memory:). */
  file: { dev: number; ino: number } | null
}

/**
 * The server (server.ts, run by tsx) and the Remix build (its own bundled copy of this
 * module) must share one handle, so that closing it on shutdown closes the connection
 * the requests used: it lives on globalThis.
 */
const HOLDER = Symbol.for('dan-van-kheo.db')
const holder = globalThis as typeof globalThis & { [HOLDER]?: OpenDatabase }

/** Path of the database file: DATABASE_PATH, else ./data/dvk.sqlite. */
export function databasePath() {
  return process.env.DATABASE_PATH ?? 'data/dvk.sqlite'
}

/** The process-wide database, opened lazily on first use. */
export function openDatabase(): OpenDatabase {
  const path = databasePath()
  const current = holder[HOLDER]
  if (current && current.path === path) return current
  const sqlite = openSqlite(path)
  const stat = path === ':memory:' ? null : statSync(path)
  const opened: OpenDatabase = {
    path,
    sqlite,
    db: new Kysely<Database>({ dialect: new AppSqliteDialect({ database: sqlite }) }),
    file: stat ? { dev: stat.dev, ino: stat.ino } : null,
  }
  holder[HOLDER] = opened
  return opened
}

/** The process-wide database handle (opened lazily on first use). */
export function getDb(): Db {
  return openDatabase().db
}

/**
 * Closes the process-wide database after moving everything from the -wal file into the
 * database file (wal_checkpoint(TRUNCATE)), so that the .sqlite file alone holds every
 * committed write.
 */
export async function closeDb() {
  const current = holder[HOLDER]
  if (!current) return
  holder[HOLDER] = undefined
  try {
    if (current.sqlite.open && !current.sqlite.readonly) {
      current.sqlite.pragma('wal_checkpoint(TRUNCATE)')
    }
  } finally {
    await current.db.destroy()
  }
}
