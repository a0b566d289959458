import { sql } from 'kysely'
import { randomBytes } from 'node:crypto'
import { mkdirSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { openDatabase } from '#db/index'
import { migrations } from '#db/migrations/index'
import { uploadDir } from '~/storage/local.server'

/**
 * An honest health check: the database answers, is the file this process opened (not deleted
 * or replaced underneath it), has the schema this code expects, and takes a write lock; the
 * upload folder takes a file. Problems are short codes (the check is public); the details go
 * to the log, once each time the set of problems changes.
 */
export type HealthProblem =
  | 'database_unreachable'
  | 'database_busy'
  | 'database_deleted'
  | 'database_replaced'
  | 'schema_mismatch'
  | 'database_not_writable'
  | 'uploads_not_writable'

export interface Health {
  ok: boolean
  dbMs: number
  problems: HealthProblem[]
}

const EXPECTED_MIGRATION = Object.keys(migrations).sort().at(-1)!
let lastLogged = ''

export async function checkHealth(): Promise<Health> {
  const started = performance.now()
  const problems: HealthProblem[] = []
  const details: string[] = []
  const fail = (problem: HealthProblem, detail: string) => {
    problems.push(problem)
    details.push(`${problem}: ${detail}`)
  }

  const opened = openDatabase()
  try {
    const { rows } = await sql<{ ok: number; migration: string | null }>`
      SELECT 1 AS ok, (SELECT max(name) FROM kysely_migration) AS migration`.execute(opened.db)
    const migration = rows[0]?.migration ?? null
    if (migration !== EXPECTED_MIGRATION) {
      fail(
        'schema_mismatch',
        `the database is at ${migration ?? 'no migration'}, expected ${EXPECTED_MIGRATION}`,
      )
    }
    // Takes (and at once releases) the write lock: fails on a read-only or locked database.
    await opened.db.transaction().execute(async () => {})
  } catch (error) {
    const code = (error as { code?: string }).code ?? ''
    if (/READONLY|IOERR|PERM/.test(code) || /readonly/i.test(String(error))) {
      fail('database_not_writable', String(error))
    } else if (code.startsWith('SQLITE_BUSY')) {
      fail(
        'database_busy',
        `another process held the write lock beyond busy_timeout: ${String(error)}`,
      )
    } else fail('database_unreachable', `${code} ${String(error)}`)
  }
  const dbMs = Math.round((performance.now() - started) * 100) / 100

  if (opened.file) {
    try {
      const now = statSync(opened.path)
      if (now.ino !== opened.file.ino || now.dev !== opened.file.dev) {
        fail('database_replaced', `${opened.path} is another file than the one opened at start`)
      }
    } catch {
      fail('database_deleted', `${opened.path} was deleted while the server has it open`)
    }
  }

  try {
    const dir = uploadDir()
    mkdirSync(dir, { recursive: true })
    const probe = join(dir, `.healthz-${randomBytes(4).toString('hex')}`)
    writeFileSync(probe, 'ok')
    rmSync(probe)
  } catch (error) {
    fail('uploads_not_writable', String(error))
  }

  const summary = details.join('; ')
  if (summary !== lastLogged) {
    if (summary) console.error(`healthz: ${summary}`)
    else if (lastLogged) console.log('healthz: healthy again')
    lastLogged = summary
  }
  return { ok: problems.length === 0, dbMs, problems }
}
