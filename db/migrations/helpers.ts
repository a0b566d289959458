import type { ColumnDefinitionBuilder, CreateTableBuilder, Kysely, SqlBool } from 'kysely'
import { sql } from 'kysely'

/**
 * Small helpers that keep the migrations portable. Everything dialect-specific
 * (SQLite's rowid-backed integer keys today, PostgreSQL identity columns later)
 * lives here rather than in the migrations themselves.
 */
export function idColumn(col: ColumnDefinitionBuilder) {
  return col.primaryKey().autoIncrement()
}

export function withTimestamps<T extends string, C extends string>(t: CreateTableBuilder<T, C>) {
  return t
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
}

/** SQL list literal for an IN (...) check: values are compile-time constants, never user input. */
export function oneOf(column: string, values: readonly string[]) {
  const list = values.map((v) => `'${v.replace(/'/g, "''")}'`).join(', ')
  return sql.raw<SqlBool>(`${column} IN (${list})`)
}

export async function index(
  db: Kysely<unknown>,
  table: string,
  columns: string[],
  opts: { unique?: boolean; where?: string } = {},
) {
  let b = db.schema.createIndex(`${table}_${columns.join('_')}_${opts.unique ? 'uq' : 'idx'}`)
  if (opts.unique) b = b.unique()
  let q = b.on(table).columns(columns)
  if (opts.where) q = q.where(sql.raw<SqlBool>(opts.where))
  await q.execute()
}
