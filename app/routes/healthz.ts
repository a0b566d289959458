import { checkHealth } from '~/ops/health.server'

/**
 * Public health check, never cached: 200 when the database is the expected one (schema,
 * the file opened at start, writable) and the upload folder takes files; 503 naming the
 * problems otherwise (app/ops/health.server.ts).
 */
export async function loader() {
  const health = await checkHealth()
  const headers = { 'Cache-Control': 'no-store' }
  return health.ok
    ? Response.json(
        { status: 'ok', db: { ok: true, ms: health.dbMs }, time: new Date().toISOString() },
        { headers },
      )
    : Response.json(
        { status: 'error', db: { ok: false }, problems: health.problems },
        { status: 503, headers },
      )
}
