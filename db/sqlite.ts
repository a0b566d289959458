import SQLite from 'better-sqlite3'
import { SqliteAdapter, SqliteDialect, type DialectAdapter } from 'kysely'
import { mkdirSync } from 'node:fs'
import { dirname } from 'node:path'

/**
 * Everything SQLite-specific about opening the database lives here, so the rest
 * of the code stays portable to PostgreSQL.
 */
export function openSqlite(path: string): SQLite.Database {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true })
  const sqlite = new SQLite(path)
  sqlite.pragma('journal_mode = WAL')
  sqlite.pragma('foreign_keys = ON')
  sqlite.pragma('busy_timeout = 5000')
  sqlite.pragma('synchronous = NORMAL')
  return sqlite
}

/**
 * SQLite can roll back schema changes, but Kysely's adapter says it cannot, which
 * would let a failing migration leave half its tables behind. Saying so lets the
 * Migrator run every pending migration inside one transaction.
 */
class TransactionalDdlSqliteAdapter extends SqliteAdapter {
  override get supportsTransactionalDdl() {
    return true
  }
}

export class AppSqliteDialect extends SqliteDialect {
  override createAdapter(): DialectAdapter {
    return new TransactionalDdlSqliteAdapter()
  }
}
