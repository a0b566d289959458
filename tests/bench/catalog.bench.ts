/**
 * npm run bench:catalog — server-side time of the public catalog at 1,000 / 10,000 / 100,000
 * published models (databases from tests/bench/catalog-data.ts, generated when missing).
 *
 * Calls the real route loaders in-process (a Request in, the loader's data out) with
 * DATABASE_PATH pointing at each bench database: searches, each filter alone, sorts, page 1
 * and page 500 of the unfiltered list, and the page of the most replicated model. Warm-up, then
 * RUNS runs each; prints p50/p95 in ms per request × size. Then prints EXPLAIN QUERY PLAN of
 * every query of a few catalog requests on the largest database and fails if one scans a table
 * without an index.
 */
import type { LoaderFunctionArgs } from '@remix-run/node'
import SQLite from 'better-sqlite3'
import { existsSync } from 'node:fs'
import { Kysely } from 'kysely'
import { closeDb } from '../../db/index'
import type { Database } from '../../db/schema'
import { AppSqliteDialect } from '../../db/sqlite'
import { publicModelPage, searchCatalog } from '../../app/catalog/catalog.server'
import { parseCatalogParams } from '../../app/catalog/params'
import * as catalogRoute from '../../app/routes/models/index'
import * as modelRoute from '../../app/routes/models/model'
import { benchPath, generateCatalogData, SIZES } from './catalog-data'

const RUNS = Number(process.env.BENCH_RUNS ?? 60)
const WARMUP = 5

type Loader = (args: LoaderFunctionArgs) => unknown

interface Case {
  name: string
  loader: Loader
  path: string
  params?: Record<string, string>
}

function casesFor(db: SQLite.Database): Case[] {
  const top = (prefix: string) =>
    (
      db
        .prepare(
          `SELECT tag FROM catalog_facets WHERE tag >= ? AND tag < ? ORDER BY models DESC LIMIT 1`,
        )
        .get(prefix, `${prefix.slice(0, -1)};`) as { tag: string }
    ).tag
  const province = top('p:').slice(2)
  const commune = top('c:').split(':')[2]!
  const widest = db
    .prepare(`SELECT slug FROM model_catalog ORDER BY replication_count DESC LIMIT 1`)
    .get() as { slug: string }
  const list = (name: string, query: string): Case => ({
    name,
    loader: catalogRoute.loader as Loader,
    path: `/models${query ? `?${query}` : ''}`,
  })
  return [
    list('search "dan van kheo"', 'q=dan+van+kheo'),
    list('search "duong" + field', 'q=duong&field=economy'),
    list('search "duong", newest', 'q=duong&sort=newest'),
    list('filter field', 'field=culture_society'),
    list('filter kind', 'kind=exemplar_collective'),
    list('filter province', `province=${province}`),
    list('filter commune', `commune=${commune}`),
    list('filter unit type', 'unit_type=military'),
    list('filter year', 'year=2020'),
    list('filter tier', 'tier=1'),
    list('filter ethnic group', 'ethnic=mong'),
    list('field + year + tier', 'field=economy&year=2021&tier=2'),
    list('sort most replicated', 'sort=replicated'),
    list('sort score', 'sort=score'),
    list('page 1', ''),
    list('page 500', 'page=500'),
    {
      name: `model page (${widest.slug})`.replace(/\(mo-hinh-\d+\)/, '(most replicated)'),
      loader: modelRoute.loader as Loader,
      path: `/models/${widest.slug}`,
      params: { slug: widest.slug },
    },
  ]
}

async function once(c: Case) {
  const request = new Request(new URL(c.path, 'http://localhost'))
  const started = performance.now()
  await c.loader({ request, params: c.params ?? {}, context: {} })
  return performance.now() - started
}

function percentile(sorted: number[], p: number) {
  const i = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)
  return sorted[Math.max(0, i)]!
}

async function measure(c: Case) {
  for (let i = 0; i < WARMUP; i++) await once(c)
  const times: number[] = []
  for (let i = 0; i < RUNS; i++) times.push(await once(c))
  times.sort((a, b) => a - b)
  return { p50: percentile(times, 50), p95: percentile(times, 95) }
}

/** EXPLAIN QUERY PLAN of every query a catalog request runs; the plan lines that scan tables. */
async function plans(path: string, queries: string[], slug: string) {
  const captured: { sql: string; parameters: readonly unknown[] }[] = []
  const db = new Kysely<Database>({
    dialect: new AppSqliteDialect({ database: new SQLite(path, { readonly: true }) }),
    log: (e) => {
      if (e.level === 'query') captured.push({ sql: e.query.sql, parameters: e.query.parameters })
    },
  })
  for (const q of queries) await searchCatalog(parseCatalogParams(new URLSearchParams(q)), db)
  await publicModelPage(slug, db)
  await db.destroy()
  const raw = new SQLite(path, { readonly: true })
  const out: { sql: string; plan: string[] }[] = []
  const seen = new Set<string>()
  for (const q of captured) {
    if (seen.has(q.sql)) continue
    seen.add(q.sql)
    const rows = raw.prepare(`EXPLAIN QUERY PLAN ${q.sql}`).all(...(q.parameters as unknown[])) as {
      detail: string
    }[]
    out.push({ sql: q.sql.replace(/\s+/g, ' ').slice(0, 150), plan: rows.map((r) => r.detail) })
  }
  raw.close()
  return out
}

const results = new Map<string, Map<number, { p50: number; p95: number }>>()
let largest = ''
let widestSlug = ''
for (const size of SIZES) {
  const path = benchPath(size)
  if (!existsSync(path)) {
    console.log(`Generating ${path}…`)
    await generateCatalogData(size, path)
  }
  process.env.DATABASE_PATH = path
  const probe = new SQLite(path, { readonly: true })
  const cases = casesFor(probe)
  widestSlug = (
    probe
      .prepare(`SELECT slug FROM model_catalog ORDER BY replication_count DESC LIMIT 1`)
      .get() as {
      slug: string
    }
  ).slug
  probe.close()
  largest = path
  console.log(`Measuring ${size} models (${RUNS} runs each)…`)
  for (const c of cases) {
    const r = await measure(c)
    if (!results.has(c.name)) results.set(c.name, new Map())
    results.get(c.name)!.set(size, r)
  }
  await closeDb()
}

const pad = (s: string, n: number) => s.padEnd(n)
const fmt = (n: number) => n.toFixed(1).padStart(6)
console.log(
  `\n${pad('request', 34)}${SIZES.map((s) => pad(`${s.toLocaleString('en')} p50 / p95 ms`, 24)).join('')}`,
)
let worst = 0
const LARGEST = SIZES[2]
for (const [name, bySize] of results) {
  const cells = SIZES.map((s) => {
    const r = bySize.get(s)!
    return pad(`${fmt(r.p50)} / ${fmt(r.p95)}`, 24)
  })
  worst = Math.max(worst, bySize.get(LARGEST)!.p95)
  console.log(`${pad(name, 34)}${cells.join('')}`)
}
console.log(`\nWorst p95 at ${LARGEST}: ${worst.toFixed(1)} ms (target < 50 ms)`)

const planned = await plans(
  largest,
  [
    'q=dan+van+kheo',
    'q=duong&field=economy',
    'q=duong&sort=replicated',
    'ethnic=mong&year=2020',
    'commune=1',
    'page=500',
    'sort=score',
  ],
  widestSlug,
)
const scans = planned.filter((p) =>
  // A table scanned without an index; scanning a subquery's own result (a co-routine) is fine.
  p.plan.some((d) => /^SCAN /.test(d) && !/USING|VIRTUAL TABLE|^SCAN \(subquery/.test(d)),
)
console.log('\nQuery plans (largest database):')
for (const p of planned) console.log(`- ${p.sql}\n    ${p.plan.join('\n    ')}`)
if (scans.length) {
  console.error(`\n${scans.length} queries scan a table without an index:`)
  for (const s of scans) console.error(`- ${s.sql}: ${s.plan.join('; ')}`)
  process.exitCode = 1
} else {
  console.log('\nEvery query uses an index (or the full-text index).')
}
