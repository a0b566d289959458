/**
 * npm run bench:bodies — issue 11's unbounded-body attack against the production server.
 *
 * Starts the built app (`npm run build` first) with `server.ts` on a loopback port
 * (BENCH_PORT, default 3290) and a freshly seeded database of its own (data/bench-bodies),
 * signs in as the demo unit officer and opens a nomination, then for each attack fires
 * 20 parallel 100 MB POSTs and, meanwhile, samples the server's resident memory (RSS,
 * every 25 ms from /proc) and times GET /healthz (one after another). Attacks:
 *   1. /login, anonymous, with Content-Length: 100 MB (refused before reading);
 *   2. /login, anonymous, chunked (no Content-Length: counted, refused past 64 KB);
 *   3. the media upload route, signed in, one 100 MB photo each in a well-formed multipart
 *      body (under the request cap, so streamed to disk until the photo passes its 15 MB
 *      limit, then skipped, and answered 200 with the file's refusal).
 * The attackers keep sending after the answer, as an attacker would (the server reads and
 * discards for a bounded while, then closes). Prints, per phase (idle before, then each
 * attack): peak RSS, growth over idle, and /healthz p50 / max latency.
 * BENCH_PARALLEL and BENCH_MB change the 20 × 100 MB.
 */
import SQLite from 'better-sqlite3'
import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs'
import { request as httpRequest } from 'node:http'
import { join } from 'node:path'

const PORT = Number(process.env.BENCH_PORT ?? 3290)
const PARALLEL = Number(process.env.BENCH_PARALLEL ?? 20)
const MB = 1024 * 1024
const SIZE = Number(process.env.BENCH_MB ?? 100) * MB
const DIR = 'data/bench-bodies'
const base = `http://127.0.0.1:${PORT}`
const tsx = 'node_modules/.bin/tsx'

function env(): NodeJS.ProcessEnv {
  return {
    ...process.env,
    NODE_ENV: 'production' as const,
    PORT: String(PORT),
    HOST: '127.0.0.1',
    DATABASE_PATH: join(DIR, 'dvk.sqlite'),
    UPLOAD_DIR: join(DIR, 'uploads'),
    SESSION_SECRET: 'bench-only-session-secret-0123456789abcdef',
    SECURE_COOKIES: 'false',
    // Production refuses to start without the public address (links that leave the site).
    PUBLIC_URL: base,
  }
}

function rssMb(pid: number): number {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8')
    const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0)
    return kb / 1024
  } catch {
    return 0
  }
}

async function waitForServer() {
  for (let i = 0; i < 300; i++) {
    try {
      const res = await fetch(`${base}/healthz`)
      if (res.ok) return
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 100))
  }
  throw new Error('the server did not start')
}

async function signIn() {
  const res = await fetch(`${base}/login`, {
    method: 'POST',
    body: new URLSearchParams({ username: 'donvi', password: 'dvk-demo-2025' }),
    redirect: 'manual',
  })
  const cookie = res.headers.get('set-cookie')?.split(';')[0]
  if (!cookie) throw new Error(`sign-in failed: ${res.status}`)
  return cookie
}

/** Opens a nomination of one of donvi's models in the open round; returns the entry id. */
async function openEntry(cookie: string) {
  const db = new SQLite(join(DIR, 'dvk.sqlite'), { readonly: true })
  const row = db
    .prepare(
      `SELECT m.id AS modelId, c.id AS contestId FROM models m
       JOIN users u ON u.username = 'donvi'
       JOIN user_roles r ON r.user_id = u.id AND r.role = 'unit' AND r.org_unit_id = m.unit_id
       JOIN contests c ON c.status = 'open' AND c.year = 2026
       WHERE NOT EXISTS (SELECT 1 FROM entries e WHERE e.model_id = m.id AND e.contest_id = c.id)
       LIMIT 1`,
    )
    .get() as { modelId: number; contestId: number } | undefined
  db.close()
  if (!row) throw new Error('no model of donvi to nominate')
  const res = await fetch(`${base}/unit/models/${row.modelId}/nominate`, {
    method: 'POST',
    headers: { Cookie: cookie },
    body: new URLSearchParams({ contestId: String(row.contestId) }),
    redirect: 'manual',
  })
  const id = /\/unit\/entries\/(\d+)/.exec(res.headers.get('location') ?? '')?.[1]
  if (!id) throw new Error(`nomination failed: ${res.status}`)
  return Number(id)
}

/** One attacker: sends the whole body whatever the server says, until the server closes. */
function attack(opts: {
  path: string
  headers: Record<string, string>
  prefix?: Buffer
  suffix?: Buffer
  chunked?: boolean
}): Promise<{ status: number | null; ms: number; reset: boolean }> {
  const started = performance.now()
  const headers = { ...opts.headers }
  if (opts.chunked) headers['Transfer-Encoding'] = 'chunked'
  else headers['Content-Length'] = String(SIZE)
  return new Promise((resolve) => {
    let status: number | null = null
    let statusMs = 0
    const req = httpRequest({
      host: '127.0.0.1',
      port: PORT,
      path: opts.path,
      method: 'POST',
      headers,
    })
    req.on('response', (res) => {
      status = res.statusCode ?? null
      statusMs = performance.now() - started
      res.resume()
    })
    const done = (reset: boolean) =>
      resolve({ status, ms: status === null ? performance.now() - started : statusMs, reset })
    req.on('error', () => done(status === null))
    req.on('close', () => done(false))
    const chunk = Buffer.alloc(256 * 1024, 0x61)
    let sent = 0
    const write = () => {
      if (sent === 0 && opts.prefix) {
        sent += opts.prefix.length
        req.write(opts.prefix)
      }
      const end = SIZE - (opts.suffix?.length ?? 0)
      while (sent < end) {
        if (req.destroyed) return
        const n = Math.min(chunk.length, end - sent)
        sent += n
        if (!req.write(n === chunk.length ? chunk : chunk.subarray(0, n))) {
          return void req.once('drain', write)
        }
      }
      if (opts.suffix) req.write(opts.suffix)
      req.end()
    }
    write()
  })
}

interface Phase {
  name: string
  peakMb: number
  healthz: number[]
  outcomes: { status: number | null; ms: number; reset: boolean }[]
  seconds: number
}

async function measure(
  name: string,
  pid: number,
  run: () => Promise<Phase['outcomes']>,
): Promise<Phase> {
  let peak = rssMb(pid)
  const sampler = setInterval(() => (peak = Math.max(peak, rssMb(pid))), 25)
  const healthz: number[] = []
  let running = true
  const prober = (async () => {
    while (running) {
      const t = performance.now()
      const res = await fetch(`${base}/healthz`).catch(() => null)
      await res?.arrayBuffer()
      healthz.push(performance.now() - t)
      await new Promise((r) => setTimeout(r, 50))
    }
  })()
  const started = performance.now()
  const outcomes = await run()
  const seconds = (performance.now() - started) / 1000
  running = false
  await prober
  clearInterval(sampler)
  return { name, peakMb: peak, healthz, outcomes, seconds }
}

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b)
  return s.length ? s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]! : NaN
}

async function main() {
  if (!existsSync('build/server/index.js')) {
    console.error('build/server/index.js is missing: run `npm run build` first.')
    process.exit(1)
  }
  rmSync(DIR, { recursive: true, force: true })
  mkdirSync(join(DIR, 'uploads'), { recursive: true })
  // The seed refuses NODE_ENV=production (db/seed/refusal.ts): the demo data is seeded as development.
  const seeded = spawnSync(tsx, ['db/seed.ts'], {
    env: { ...env(), NODE_ENV: 'development' },
    stdio: 'inherit',
  })
  if (seeded.status !== 0) throw new Error('seeding failed')

  // node --import tsx: one process, so its RSS is the server's.
  const server: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'server.ts'], {
    env: env(),
    stdio: ['ignore', 'inherit', 'inherit'],
  })
  try {
    await waitForServer()
    const pid = server.pid!
    const cookie = await signIn()
    const entryId = await openEntry(cookie)
    // Warm the routes up, then let the heap settle.
    for (let i = 0; i < 5; i++) await fetch(`${base}/healthz`).then((r) => r.arrayBuffer())
    await new Promise((r) => setTimeout(r, 1000))

    const form = { 'Content-Type': 'application/x-www-form-urlencoded' }
    const boundary = '----dvk-bench-boundary'
    const photoHead = Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="photos"; filename="lon.jpg"\r\n` +
        'Content-Type: image/jpeg\r\n\r\n',
    )
    const many = (make: () => ReturnType<typeof attack>) =>
      Promise.all(Array.from({ length: PARALLEL }, make))

    const phases: Phase[] = []
    phases.push(
      await measure('idle (before)', pid, async () => {
        await new Promise((r) => setTimeout(r, 3000))
        return []
      }),
    )
    phases.push(
      await measure(`${PARALLEL} × ${SIZE / MB} MB /login (Content-Length)`, pid, () =>
        many(() => attack({ path: '/login', headers: form })),
      ),
    )
    phases.push(
      await measure(`${PARALLEL} × ${SIZE / MB} MB /login (chunked)`, pid, () =>
        many(() => attack({ path: '/login', headers: form, chunked: true })),
      ),
    )
    phases.push(
      await measure(`${PARALLEL} × ${SIZE / MB} MB upload (signed in)`, pid, () =>
        many(() =>
          attack({
            path: `/unit/entries/${entryId}/media`,
            headers: {
              'Content-Type': `multipart/form-data; boundary=${boundary}`,
              Accept: 'application/json',
              Cookie: cookie,
            },
            prefix: photoHead,
            suffix: Buffer.from(`\r\n--${boundary}--\r\n`),
          }),
        ),
      ),
    )
    phases.push(
      await measure('idle (after)', pid, async () => {
        await new Promise((r) => setTimeout(r, 2000))
        return []
      }),
    )

    const idle = phases[0]!.peakMb
    console.log(
      '\nphase                                   peak RSS   +idle   healthz p50 / max   answers',
    )
    for (const p of phases) {
      const statuses = new Map<string, number>()
      for (const o of p.outcomes) {
        const key = o.reset ? 'reset' : String(o.status)
        statuses.set(key, (statuses.get(key) ?? 0) + 1)
      }
      const answers = [...statuses].map(([k, n]) => `${n}× ${k}`).join(', ')
      const firstAnswer = p.outcomes.length
        ? pct(
            p.outcomes.map((o) => o.ms),
            50,
          ).toFixed(0)
        : ''
      console.log(
        `${p.name.padEnd(40)}${p.peakMb.toFixed(0).padStart(6)} MB${(p.peakMb - idle).toFixed(0).padStart(6)} MB` +
          `${pct(p.healthz, 50).toFixed(1).padStart(9)} / ${pct(p.healthz, 100).toFixed(1).padStart(7)} ms` +
          `   ${answers}${firstAnswer ? ` (answer p50 ${firstAnswer} ms, phase ${p.seconds.toFixed(1)} s)` : ''}`,
      )
    }
  } finally {
    server.kill('SIGTERM')
  }
}

await main()
