/**
 * Production (and development) HTTP server: parses the environment, applies
 * pending migrations, then serves the Remix build with compression and
 * long-lived caching for fingerprinted assets.
 */
import type { ServerBuild } from '@remix-run/node'
import compression from 'compression'
import express from 'express'
import { randomBytes } from 'node:crypto'
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { closeDb, createDb } from './db/index'
import { migrateToLatest } from './db/migrator'
import { purgeDeadSessions } from './app/auth/session.server'
import { csrfProtection } from './app/http/csrf.server'
import { securityHeaders, uploadThingConnectSrc } from './app/http/security-headers.server'
import { DEFAULT_DATABASE_PATH, DEFAULT_UPLOAD_DIR, parseEnv } from './app/env.server'
// Remix's Express handler with every request body bounded by route (issue 11).
import { createRequestHandler } from './app/http/body-limit.server'
import { installCleanStop } from './app/ops/clean-stop.server'
import { startScheduledBackups } from './app/ops/scheduled-backup.server'
import {
  databasePathProblems,
  listenErrorMessage,
  reportStartupProblems,
  uploadDirProblems,
} from './app/ops/startup.server'
import { startUploadSweeper } from './app/ops/sweeper.server'

const isDev = process.argv.includes('--dev')
if (!isDev) process.env.NODE_ENV ??= 'production'

/** A production server with no SESSION_SECRET keeps a generated one beside its database. */
function ensureSessionSecret() {
  if (process.env.SESSION_SECRET || process.env.NODE_ENV !== 'production') return
  const file = join(dirname(process.env.DATABASE_PATH || DEFAULT_DATABASE_PATH), 'session-secret')
  if (!existsSync(file)) {
    mkdirSync(dirname(file), { recursive: true })
    writeFileSync(file, randomBytes(32).toString('base64url'))
    chmodSync(file, 0o600)
    console.warn(`SESSION_SECRET is not set: generated one in ${file}`)
  }
  process.env.SESSION_SECRET = readFileSync(file, 'utf8').trim()
}

{
  // Checked before anything is created beside the database (the session secret, a folder).
  // Production never creates an empty database by itself: a mistyped path would serve an empty site.
  const production = process.env.NODE_ENV === 'production'
  const init = process.argv.includes('--init') || process.env.INIT_DATABASE === 'true'
  const problems = [
    ...databasePathProblems(process.env.DATABASE_PATH || DEFAULT_DATABASE_PATH, {
      mayCreate: !production || init,
    }),
    ...uploadDirProblems(process.env.UPLOAD_DIR || DEFAULT_UPLOAD_DIR),
  ]
  if (problems.length) {
    reportStartupProblems(problems)
    process.exit(1)
  }
}

ensureSessionSecret()
let env: ReturnType<typeof parseEnv>
try {
  env = parseEnv()
} catch (error) {
  console.error(error instanceof Error ? error.message : error)
  process.exit(1)
}
process.env.DATABASE_PATH = env.DATABASE_PATH
process.env.UPLOAD_DIR = env.UPLOAD_DIR

{
  const db = createDb(env.DATABASE_PATH)
  try {
    const { results } = await migrateToLatest(db)
    const applied = results?.filter((r) => r.status === 'Success') ?? []
    if (applied.length)
      console.log(`Applied migrations: ${applied.map((r) => r.migrationName).join(', ')}`)
  } catch (error) {
    console.error(error instanceof Error ? error.message : error)
    process.exit(1)
  } finally {
    await db.destroy()
  }
}

// Sessions that can no longer sign anyone in are deleted at start and every hour.
async function purgeSessions() {
  try {
    const removed = await purgeDeadSessions()
    if (removed) console.log(`Purged ${removed} expired or idle sessions`)
  } catch (error) {
    console.error('Purging sessions failed:', error)
  }
}
await purgeSessions()
setInterval(() => void purgeSessions(), 60 * 60 * 1000).unref()

const viteDevServer = isDev
  ? await import('vite').then((vite) => vite.createServer({ server: { middlewareMode: true } }))
  : undefined

const app = express()
app.disable('x-powered-by')
// A hop count or the proxies' addresses (app/http/trust-proxy.ts); never "trust everyone".
app.set('trust proxy', env.TRUST_PROXY)
app.use(compression({ threshold: 1024 }))
app.use(
  securityHeaders({
    production: env.NODE_ENV === 'production',
    csp: !viteDevServer,
    connectSrc: uploadThingConnectSrc(env),
  }),
)
// One CSRF check for every state-changing request, before any route (app/http/csrf.ts).
app.use(csrfProtection(env.publicOrigin))
app.use((_req, res, next) => {
  // Named in the log line of any error of this request (app/entry.server.tsx).
  res.setHeader('X-Request-Id', randomBytes(6).toString('base64url'))
  next()
})

if (viteDevServer) {
  app.use(viteDevServer.middlewares)
} else {
  // Fingerprinted build assets never change: cache them for a year.
  app.use(
    '/assets',
    express.static('build/client/assets', { immutable: true, maxAge: '1y', index: false }),
  )
  app.use(express.static('build/client', { maxAge: '1h', index: false }))
}

const build = viteDevServer
  ? () => viteDevServer.ssrLoadModule('virtual:remix/server-build') as Promise<ServerBuild>
  : ((await import(join(process.cwd(), 'build/server/index.js'))) as ServerBuild)

app.all(
  '*',
  createRequestHandler({
    build,
    mode: env.NODE_ENV,
    getLoadContext: (req, res) => ({
      clientIp: req.ip ?? req.socket.remoteAddress,
      cspNonce: res.locals.cspNonce as string | undefined,
      requestId: res.getHeader('X-Request-Id') as string,
    }),
  }),
)

const server = app.listen(env.PORT, env.HOST, () => {
  console.log(`Dân vận khéo is listening on http://localhost:${env.PORT} (${env.NODE_ENV})`)
  startUploadSweeper({ databasePath: env.DATABASE_PATH, uploadDir: env.UPLOAD_DIR })
  startScheduledBackups({
    databasePath: env.DATABASE_PATH,
    uploadDir: env.UPLOAD_DIR,
    backupDir: env.BACKUP_DIR,
    intervalHours: env.BACKUP_INTERVAL_HOURS,
    keep: env.BACKUP_KEEP,
  })
})
server.on('error', (error) => {
  reportStartupProblems([listenErrorMessage(error, env.HOST, env.PORT)])
  process.exit(1)
})

// SIGTERM/SIGINT: stop accepting, finish the requests in flight, checkpoint and close the database.
installCleanStop(server, { graceMs: env.SHUTDOWN_GRACE_SECONDS * 1000, close: closeDb })
