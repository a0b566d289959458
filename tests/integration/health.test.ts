import SQLite from 'better-sqlite3'
import { copyFileSync, renameSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest'
import { closeDb } from '#db/index'
import * as healthz from '~/routes/healthz'
import { call } from '../support/remix'
import { opsDatabase } from '../support/ops-db'

/** Each test gets a database of its own that it may break. */
const saved = { db: process.env.DATABASE_PATH, uploads: process.env.UPLOAD_DIR }
let live: Awaited<ReturnType<typeof opsDatabase>>

beforeEach(async () => {
  await closeDb()
  live = await opsDatabase()
  process.env.DATABASE_PATH = live.databasePath
  process.env.UPLOAD_DIR = live.uploadDir
  vi.spyOn(console, 'error').mockImplementation(() => {})
})

afterEach(async () => {
  await closeDb().catch(() => {})
  process.env.DATABASE_PATH = saved.db
  process.env.UPLOAD_DIR = saved.uploads
  vi.restoreAllMocks()
})

async function health() {
  const res = await call(healthz.loader, { path: '/healthz' })
  return { status: res.status, data: res.data as { status: string; problems?: string[] } }
}

describe('/healthz', () => {
  test('is ok on the expected, writable database with a writable upload folder', async () => {
    expect(await health()).toMatchObject({ status: 200, data: { status: 'ok' } })
  })

  test('fails when the database file is deleted while open', async () => {
    expect((await health()).status).toBe(200)
    rmSync(live.databasePath)
    expect(await health()).toEqual({
      status: 503,
      data: { status: 'error', db: { ok: false }, problems: ['database_deleted'] },
    })
  })

  test('fails when the file was replaced underneath the server (a restore while running)', async () => {
    expect((await health()).status).toBe(200)
    copyFileSync(live.databasePath, `${live.databasePath}.copy`)
    renameSync(`${live.databasePath}.copy`, live.databasePath)
    expect((await health()).data.problems).toEqual(['database_replaced'])
  })

  test('fails when the schema is not the one this code expects', async () => {
    const raw = new SQLite(live.databasePath)
    raw
      .prepare('DELETE FROM kysely_migration WHERE name = (SELECT max(name) FROM kysely_migration)')
      .run()
    raw.close()
    expect((await health()).data.problems).toEqual(['schema_mismatch'])
  })

  test('fails when the upload folder cannot take files', async () => {
    writeFileSync(join(live.dir, 'a-file'), '')
    process.env.UPLOAD_DIR = join(live.dir, 'a-file', 'uploads')
    expect((await health()).data.problems).toEqual(['uploads_not_writable'])
    expect(console.error).toHaveBeenCalledTimes(1)
  })

  test('fails while another process holds the write lock longer than busy_timeout', async () => {
    expect((await health()).status).toBe(200)
    const raw = new SQLite(live.databasePath)
    raw.exec('BEGIN IMMEDIATE')
    const { openDatabase } = await import('#db/index')
    openDatabase().sqlite.pragma('busy_timeout = 50')
    try {
      expect((await health()).data.problems).toEqual(['database_busy'])
    } finally {
      raw.exec('ROLLBACK')
      raw.close()
    }
  })
})
