import SQLite from 'better-sqlite3'
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, test } from 'vitest'
import { opsDatabase } from '../support/ops-db'
import { spawnTsx } from '../support/processes'

function rows(path: string) {
  const db = new SQLite(path, { readonly: true })
  try {
    return db
      .prepare(
        'SELECT (SELECT count(*) FROM org_units) AS orgUnits, (SELECT count(*) FROM models) AS models',
      )
      .get()
  } finally {
    db.close()
  }
}

/** npm run db:seed itself, in its own process, on a database of its own. */
async function seed(env: Record<string, string>, args: string[]) {
  const child = spawnTsx('db/seed.ts', env, args)
  const code = await child.exited
  return { code, out: child.lines.join('\n'), err: child.stderr() }
}

describe('npm run db:seed refusals', () => {
  test('refuses a database with data without --force, and leaves it as it was', async () => {
    const live = await opsDatabase()
    const before = rows(live.databasePath)
    const env = {
      DATABASE_PATH: live.databasePath,
      UPLOAD_DIR: live.uploadDir,
      NODE_ENV: 'development',
    }
    const r = await seed(env, [])
    expect(r.code).toBe(1)
    expect(r.err).toMatch(
      /^db:seed refused: the database is not empty \(0 users, 1 org units, 1 models\)/,
    )
    expect(r.err).not.toMatch(/\n\s+at /)
    expect(rows(live.databasePath)).toEqual(before)

    const skipped = await seed(env, ['--if-empty'])
    expect(skipped.code).toBe(0)
    expect(rows(live.databasePath)).toEqual(before)
  })

  test('refuses NODE_ENV=production even with --force, without touching or creating the database', async () => {
    const live = await opsDatabase()
    const before = rows(live.databasePath)
    const env = {
      DATABASE_PATH: live.databasePath,
      UPLOAD_DIR: live.uploadDir,
      NODE_ENV: 'production',
    }
    const r = await seed(env, ['--force'])
    expect(r.code).toBe(1)
    expect(r.err).toMatch(/^db:seed refused: NODE_ENV is production/)
    expect(rows(live.databasePath)).toEqual(before)

    const missing = join(live.dir, 'typo', 'dvk.sqlite')
    const fresh = await seed({ ...env, DATABASE_PATH: missing }, [])
    expect(fresh.code).toBe(1)
    expect(existsSync(missing)).toBe(false)
  })
})
