import { beforeAll, describe, expect, it } from 'vitest'
import { getDb } from '#db/index'
import type { EntryState, Field } from '#db/domain'
import * as monitoring from '~/routes/admin/monitoring'
import * as monitoringCsv from '~/routes/admin/monitoring-csv'
import { parseCsv } from '../support/documents'
import { call } from '../support/remix'
import {
  cookieFor,
  createOrgTree,
  createUser,
  insertContest,
  type OrgTree,
} from '../support/fixtures'

/**
 * The dashboard's numbers against a small hand-counted fixture: the organiser of
 * district A sees their area only (district B's unit, commune and entries are left out).
 */
let org: OrgTree
let admin: string
let farAdmin: string
let seq = 0
const AT = '2025-07-01T00:00:00.000Z'

async function model(field: Field, unit: number) {
  seq += 1
  const { id } = await getDb()
    .insertInto('models')
    .values({
      slug: `m-${seq}`,
      unit_id: unit,
      title: `Mô hình ${seq}`,
      kind: 'model',
      field,
      published_at: AT,
      created_at: AT,
      updated_at: AT,
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  return id
}

async function entry(
  contestId: number,
  opts: { unit: number; field: Field; state: EntryState; communes?: number[] },
) {
  const modelId = await model(opts.field, opts.unit)
  const { id } = await getDb()
    .insertInto('entries')
    .values({
      contest_id: contestId,
      model_id: modelId,
      unit_id: opts.unit,
      state: opts.state,
      title: `Hồ sơ ${seq}`,
      kind: 'model',
      field: opts.field,
      snapshot: opts.state === 'draft' ? null : '{}',
      version: opts.state === 'draft' ? 0 : 1,
      submitted_at: opts.state === 'draft' ? null : AT,
      first_submitted_at: opts.state === 'draft' ? null : AT,
      created_at: AT,
      updated_at: AT,
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  for (const commune of opts.communes ?? []) {
    await getDb()
      .insertInto('entry_communes')
      .values({ entry_id: id, commune_id: commune })
      .execute()
  }
  return { id, modelId }
}

async function replication(modelId: number, communeId: number, start: string) {
  await getDb()
    .insertInto('replications')
    .values({
      source_model_id: modelId,
      commune_id: communeId,
      start_date: start,
      status: 'in_progress',
      created_at: AT,
      updated_at: AT,
    })
    .execute()
}

async function judge(name: string) {
  return (await createUser([{ role: 'judge', orgUnitId: null }], name)).id
}

async function assign(
  entryId: number,
  judgeId: number,
  status: 'active' | 'removed',
  sheet?: 'draft' | 'submitted',
) {
  await getDb()
    .insertInto('assignments')
    .values({
      entry_id: entryId,
      judge_id: judgeId,
      source: 'manual',
      status,
      created_at: AT,
      created_by: null,
    })
    .execute()
  if (sheet) {
    await getDb()
      .insertInto('score_sheets')
      .values({
        entry_id: entryId,
        judge_id: judgeId,
        status: sheet,
        submitted_at: sheet === 'submitted' ? AT : null,
        updated_at: AT,
      })
      .execute()
  }
}

beforeAll(async () => {
  org = await createOrgTree()
  admin = await cookieFor((await createUser([{ role: 'admin', orgUnitId: org.organiser }])).id)
  farAdmin = await cookieFor(
    (await createUser([{ role: 'admin', orgUnitId: org.otherDistrict }])).id,
  )

  const c2024 = (await insertContest(org.organiser, { title: 'Bình xét 2024', year: 2024 })).id
  const c2025 = (await insertContest(org.organiser, { title: 'Bình xét 2025', year: 2025 })).id
  const far2025 = (await insertContest(org.otherDistrict, { title: 'Huyện B 2025', year: 2025 })).id

  // 2025, in the area: economy ×2 (party cell, Xã Một), culture ×1 (party committee, no commune); a draft.
  const e1 = await entry(c2025, {
    unit: org.unit,
    field: 'economy',
    state: 'submitted',
    communes: [org.commune],
  })
  const e2 = await entry(c2025, {
    unit: org.unit,
    field: 'economy',
    state: 'accepted',
    communes: [org.commune],
  })
  const e3 = await entry(c2025, {
    unit: org.organiser,
    field: 'culture_society',
    state: 'submitted',
  })
  await entry(c2025, {
    unit: org.unit,
    field: 'political_system',
    state: 'draft',
    communes: [org.commune],
  })
  // District B: not counted for district A.
  const far = await entry(far2025, {
    unit: org.otherUnit,
    field: 'economy',
    state: 'submitted',
    communes: [org.otherCommune],
  })
  // 2024: one published entry whose model was awarded.
  const e6 = await entry(c2024, {
    unit: org.unit,
    field: 'defence_security',
    state: 'published',
    communes: [org.commune],
  })
  const tier = await getDb()
    .insertInto('award_tiers')
    .values({ contest_id: c2024, position: 1, name: 'Xuất sắc', min_score: 90, quota: null })
    .returning('id')
    .executeTakeFirstOrThrow()
  await getDb()
    .insertInto('awards')
    .values({
      entry_id: e6.id,
      model_id: e6.modelId,
      contest_id: c2024,
      tier_id: tier.id,
      score: 92,
      rank: 1,
      decision_number: null,
      decision_date: null,
      certificate_key: null,
      created_at: AT,
    })
    .execute()

  // Judging 2025: An 1 of 2 submitted (a draft on the other), Bình 0 of 1; a removed assignment does not count.
  const an = await judge('an')
  const binh = await judge('binh')
  await assign(e1.id, an, 'active', 'submitted')
  await assign(e2.id, an, 'active', 'draft')
  await assign(e1.id, binh, 'active')
  await assign(e3.id, binh, 'removed', 'submitted')

  // Replications: Xã Một — economy (2024), culture (2025), economy (2026); Xã Hai (district B).
  await replication(e1.modelId, org.commune, '2024-05-01')
  await replication(e3.modelId, org.commune, '2025-02-01')
  await replication(e2.modelId, org.commune, '2026-01-10')
  await replication(far.modelId, org.otherCommune, '2025-03-01')
})

type Table = { title: string; columns: string[]; rows: (string | number)[][] }
type Data = {
  year: number
  years: number[]
  charts: Record<'fields' | 'unitTypes' | 'communes' | 'judging' | 'coverage' | 'trends', Table> & {
    matrix: { rows: { commune: string; counts: number[]; total: number; missing: string[] }[] }
  }
}

async function load(cookie: string, year: number) {
  const res = await call(monitoring.loader, { path: `/admin/monitoring?year=${year}`, cookie })
  expect(res.status).toBe(200)
  return res.data as Data
}

/** The CSV route's raw response: bytes (a BOM is lost by Response.text()), text and headers. */
async function csv(cookie: string, chart: string, year: number) {
  const res = await call(
    async (args) => {
      try {
        const r = await monitoringCsv.loader(args as Parameters<typeof monitoringCsv.loader>[0])
        const bytes = new Uint8Array(await r.arrayBuffer())
        return Response.json(
          {
            bytes: [...bytes.slice(0, 3)],
            text: new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes),
          },
          { headers: r.headers },
        )
      } catch (thrown) {
        if (thrown instanceof Response) return thrown
        throw thrown
      }
    },
    { path: `/admin/monitoring/csv/${chart}?year=${year}`, params: { chart }, cookie },
  )
  const body = res.data as { bytes: number[]; text: string } | null
  return { ...res, bytes: body?.bytes ?? [], text: body?.text ?? '' }
}

describe('monitoring dashboard', () => {
  it('counts the year’s submitted entries by field, unit type and commune in the area', async () => {
    const d = await load(admin, 2025)
    expect(d.year).toBe(2025)
    expect(d.years).toEqual([2025, 2024])
    expect(d.charts.fields.rows).toEqual([
      ['Kinh tế', 2],
      ['Văn hóa - xã hội', 1],
      ['Quốc phòng - an ninh', 0],
      ['Xây dựng hệ thống chính trị', 0],
    ])
    expect(d.charts.unitTypes.rows).toEqual([
      ['Chi bộ', 2],
      ['Cấp ủy, ban đảng', 1],
    ])
    expect(d.charts.communes.rows).toEqual([['Xã Một', 2]])
  })

  it('shows judging progress per judge: sheets submitted over sheets expected', async () => {
    const d = await load(admin, 2025)
    expect(d.charts.judging.title).toBe('Tiến độ chấm điểm năm 2025')
    expect(d.charts.judging.rows.map((r) => r.slice(1))).toEqual([
      [1, 2, 50],
      [0, 1, 0],
    ])
  })

  it('builds the coverage matrix up to the end of the year, with the fields a commune lacks', async () => {
    let d = await load(admin, 2025)
    expect(d.charts.matrix.rows).toEqual([
      {
        commune: 'Xã Một',
        counts: [1, 1, 0, 0],
        total: 2,
        missing: ['Quốc phòng - an ninh', 'Xây dựng hệ thống chính trị'],
      },
    ])
    d = await load(admin, 2026)
    expect(d.charts.matrix.rows[0]!.counts).toEqual([2, 1, 0, 0])
    d = await load(admin, 2023)
    expect(d.charts.matrix.rows[0]!.counts).toEqual([0, 0, 0, 0])
  })

  it('gives the trends year by year: entries, awarded models, replications started', async () => {
    const d = await load(admin, 2025)
    expect(d.charts.trends.rows).toEqual([
      [2024, 1, 1, 1],
      [2025, 3, 0, 1],
      [2026, 0, 0, 1],
    ])
  })

  it('scopes every figure to the organiser’s area', async () => {
    const d = await load(farAdmin, 2025)
    expect(d.charts.fields.rows).toEqual([
      ['Kinh tế', 1],
      ['Văn hóa - xã hội', 0],
      ['Quốc phòng - an ninh', 0],
      ['Xây dựng hệ thống chính trị', 0],
    ])
    expect(d.charts.communes.rows).toEqual([['Xã Hai', 1]])
    expect(d.charts.judging.rows).toEqual([])
    expect(d.charts.matrix.rows.map((r) => [r.commune, r.counts])).toEqual([
      ['Xã Hai', [1, 0, 0, 0]],
    ])
    expect(d.charts.trends.rows).toEqual([[2025, 1, 0, 1]])
  })

  it('downloads each chart as UTF-8 CSV with a BOM, a Vietnamese file name and the same numbers', async () => {
    const d = await load(admin, 2025)
    const pairs = [
      ['fields', d.charts.fields],
      ['unit-types', d.charts.unitTypes],
      ['communes', d.charts.communes],
      ['judging', d.charts.judging],
      ['coverage', d.charts.coverage],
      ['trends', d.charts.trends],
    ] as const
    for (const [chart, table] of pairs) {
      const res = await csv(admin, chart, 2025)
      expect(res.status, chart).toBe(200)
      expect(res.headers.get('Content-Type')).toBe('text/csv; charset=utf-8')
      expect(res.bytes, chart).toEqual([0xef, 0xbb, 0xbf])
      expect(res.text.charCodeAt(0)).toBe(0xfeff)
      const rows = parseCsv(res.text)
      expect(rows[0]).toEqual(table.columns)
      expect(rows.slice(1)).toEqual(table.rows.map((r) => r.map(String)))
      const disposition = res.headers.get('Content-Disposition')!
      expect(disposition).toContain(`filename*=UTF-8''${encodeURIComponent(`${table.title}.csv`)}`)
    }
    const fields = await csv(admin, 'fields', 2025)
    expect(fields.headers.get('Content-Disposition')).toContain(
      'filename="ho-so-theo-linh-vuc-nam-2025.csv"',
    )
    expect(parseCsv(fields.text)).toContainEqual(['Kinh tế', '2'])
  })

  it('answers 404 for an unknown chart and keeps the CSV to organisers', async () => {
    expect((await csv(admin, 'secrets', 2025)).status).toBe(404)
    const far = await csv(farAdmin, 'communes', 2025)
    expect(parseCsv(far.text)).toEqual([
      ['Xã', 'Số hồ sơ'],
      ['Xã Hai', '1'],
    ])
  })
})
