import { sql, type Kysely } from 'kysely'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { createDb, getDb } from '#db/index'
import { migrateToLatest } from '#db/migrator'
import { migrations } from '#db/migrations/index'

const tables = async (db: Kysely<unknown>) =>
  (
    await sql<{
      name: string
    }>`SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name`.execute(db)
  ).rows.map((r) => r.name)

describe('migrations', () => {
  it('run once and then report nothing to do', async () => {
    const again = await migrateToLatest(getDb())
    expect(again.results).toEqual([])
  })

  it('set the pragmas the app relies on', async () => {
    const db = getDb()
    const pragma = async (name: string) =>
      Object.values((await sql.raw(`PRAGMA ${name}`).execute(db)).rows[0] as object)[0]
    expect(await pragma('journal_mode')).toBe('wal')
    expect(await pragma('foreign_keys')).toBe(1)
    expect(await pragma('busy_timeout')).toBe(5000)
    expect(await pragma('synchronous')).toBe(1) // NORMAL
  })

  it('fail loudly and leave nothing half-applied', async () => {
    const db = createDb(join(mkdtempSync(join(tmpdir(), 'dvk-mig-')), 'x.sqlite'))
    const broken = {
      ...migrations,
      '0999_broken': {
        async up(k: Kysely<unknown>) {
          await k.schema.createTable('half_done').addColumn('id', 'integer').execute()
          throw new Error('boom')
        },
      },
    }
    await expect(migrateToLatest(db, broken)).rejects.toThrow(/Migration 0999_broken failed: boom/)
    const left = await tables(db as unknown as Kysely<unknown>)
    expect(left).not.toContain('half_done')
    expect(left).not.toContain('users') // the earlier migration in the same run was rolled back too
    await db.destroy()
  })
})
