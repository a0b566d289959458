import { sql } from 'kysely'
import { getDb } from '#db/index'

/** Public health check: a real database round trip, small JSON, never cached. */
export async function loader() {
  const started = performance.now()
  try {
    const row = await sql<{ ok: number; users: number }>`
      SELECT 1 AS ok, (SELECT count(*) FROM users) AS users`.execute(getDb())
    const dbMs = Math.round((performance.now() - started) * 100) / 100
    return Response.json(
      { status: 'ok', db: { ok: row.rows[0]?.ok === 1, ms: dbMs }, time: new Date().toISOString() },
      { headers: { 'Cache-Control': 'no-store' } },
    )
  } catch (error) {
    console.error('healthz: database check failed', error)
    return Response.json(
      { status: 'error', db: { ok: false } },
      { status: 503, headers: { 'Cache-Control': 'no-store' } },
    )
  }
}
