import { Kysely, type Transaction } from 'kysely'
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

let instance: { path: string; db: Db } | undefined

/** Path of the database file: DATABASE_PATH, else ./data/dvk.sqlite. */
export function databasePath() {
  return process.env.DATABASE_PATH ?? 'data/dvk.sqlite'
}

/** The process-wide database handle (opened lazily on first use). */
export function getDb(): Db {
  const path = databasePath()
  if (!instance || instance.path !== path) {
    instance = { path, db: createDb(path) }
  }
  return instance.db
}

export async function closeDb() {
  if (instance) {
    await instance.db.destroy()
    instance = undefined
  }
}
