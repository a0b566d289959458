import SQLite from 'better-sqlite3'
import {
  CompiledQuery,
  SqliteAdapter,
  SqliteDialect,
  SqliteDriver,
  type DatabaseConnection,
  type DialectAdapter,
  type Driver,
  type SqliteDialectConfig,
} from 'kysely'
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

/**
 * Transactions start `BEGIN IMMEDIATE`: the write lock is taken at the start, so a
 * second process (or a backup, or a second instance on the same file) waits up to
 * busy_timeout instead of failing with SQLITE_BUSY / SQLITE_BUSY_SNAPSHOT when a
 * transaction that read first tries to write. Every Kysely transaction in this code
 * base writes, so nothing is lost by locking early.
 *
 * When SQLite has already rolled a transaction back itself (disk full, I/O error,
 * SQLITE_BUSY inside a statement), Kysely's ROLLBACK would fail with "cannot rollback
 * - no transaction is active" and hide the real error: it is skipped then.
 */
class ImmediateSqliteDriver extends SqliteDriver {
  readonly #sqlite: SQLite.Database
  constructor(config: SqliteDialectConfig & { database: SQLite.Database }) {
    super(config)
    this.#sqlite = config.database
  }
  override async beginTransaction(connection: DatabaseConnection) {
    await connection.executeQuery(CompiledQuery.raw('begin immediate'))
  }
  override async rollbackTransaction(connection: DatabaseConnection) {
    if (!this.#sqlite.inTransaction) return
    await connection.executeQuery(CompiledQuery.raw('rollback'))
  }
}

export class AppSqliteDialect extends SqliteDialect {
  readonly #config: SqliteDialectConfig & { database: SQLite.Database }
  constructor(config: SqliteDialectConfig & { database: SQLite.Database }) {
    super(config)
    this.#config = config
  }
  override createDriver(): Driver {
    return new ImmediateSqliteDriver(this.#config)
  }
  override createAdapter(): DialectAdapter {
    return new TransactionalDdlSqliteAdapter()
  }
}
