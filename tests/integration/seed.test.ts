import { beforeAll, describe, expect, it } from 'vitest'
import { getDb } from '#db/index'
import { DEFAULT_CRITERIA } from '#db/domain'
import {
  countRows,
  hasUsers,
  resetDatabase,
  seedDemo,
  seedDemoIfEmpty,
  type SeedSummary,
} from '#db/seed/index'
import { XA_COMMUNE, XA_USERNAME } from '#db/seed/people'
import { contestPhase } from '~/contests/phase'
import { verifyPassword } from '~/auth/password.server'
import { localFileSize, putLocalFile } from '~/storage/local.server'

const NOW = new Date('2026-11-29T03:00:00.000Z')

async function fingerprint() {
  const db = getDb()
  const models = await db
    .selectFrom('models')
    .select(['id', 'slug', 'title'])
    .orderBy('id')
    .execute()
  const scores = await db
    .selectFrom('scores')
    .select(['entry_id', 'judge_id', 'criterion_id', 'points', 'comment'])
    .orderBy('id')
    .execute()
  const results = await db
    .selectFrom('results')
    .select(['entry_id', 'raw_score', 'rank', 'tier_id'])
    .orderBy('id')
    .execute()
  const indicators = await db
    .selectFrom('indicators')
    .select(['label', 'value', 'unit', 'baseline'])
    .orderBy('id')
    .execute()
  return { models, scores, results, indicators }
}

let first: SeedSummary
let firstPrint: Awaited<ReturnType<typeof fingerprint>>

beforeAll(async () => {
  first = await seedDemo(getDb(), { now: NOW })
  firstPrint = await fingerprint()
}, 60_000)

describe('seedDemo', () => {
  it('is deterministic: a reseed gives the same rows, titles and scores', async () => {
    const again = await seedDemo(getDb(), { now: NOW })
    expect(again.counts).toEqual(first.counts)
    expect(await fingerprint()).toEqual(firstPrint)
    // And the content does not depend on the moment it runs (only the current contest's dates do).
    await seedDemo(getDb(), { now: new Date(NOW.getTime() + 3 * 86_400_000) })
    const later = await fingerprint()
    expect(later.models).toEqual(firstPrint.models)
    expect(later.scores.map((s) => s.points)).toEqual(firstPrint.scores.map((s) => s.points))
    await seedDemo(getDb(), { now: NOW })
  }, 60_000)

  it('fills every table of the story', () => {
    const c = first.counts
    expect(c.users).toBeGreaterThanOrEqual(9)
    expect(c.models).toBeGreaterThanOrEqual(40)
    expect(c.contests).toBe(6)
    for (const table of [
      'org_units',
      'user_roles',
      'criteria',
      'award_tiers',
      'model_communes',
      'entries',
      'entry_versions',
      'entry_communes',
      'replications',
      'replication_reports',
      'indicators',
      'media',
      'media_variants',
      'panels',
      'panel_members',
      'assignments',
      'conflicts',
      'score_sheets',
      'scores',
      'results',
      'awards',
      'notifications',
      'audit_log',
    ]) {
      expect(c[table], table).toBeGreaterThan(0)
    }
    expect(c.sessions).toBe(0)
  })

  it('imports Hà Giang and puts the organiser and units in Yên Minh', async () => {
    const db = getDb()
    const communes = await db
      .selectFrom('org_units as c')
      .innerJoin('org_units as d', 'd.id', 'c.parent_id')
      .select('c.name')
      .where('c.kind', '=', 'commune')
      .where('d.code', '=', '028')
      .execute()
    expect(communes).toHaveLength(18)
    const organiser = await db
      .selectFrom('org_units as u')
      .innerJoin('org_units as p', 'p.id', 'u.parent_id')
      .select(['u.unit_type', 'p.kind', 'p.code'])
      .where('u.name', '=', 'Ban Dân vận Huyện ủy Yên Minh')
      .executeTakeFirstOrThrow()
    expect(organiser).toEqual({ unit_type: 'party_committee', kind: 'district', code: '028' })
    const units = await db
      .selectFrom('org_units')
      .select(['unit_type', (eb) => eb.fn.countAll<number>().as('n')])
      .where('kind', '=', 'unit')
      .groupBy('unit_type')
      .execute()
    expect(units.length).toBe(9) // every UNIT_TYPE
    expect(units.reduce((a, u) => a + Number(u.n), 0)).toBeGreaterThanOrEqual(25)
  })

  it('creates the demo users with their roles and the demo password', async () => {
    const db = getDb()
    const rows = await db
      .selectFrom('users')
      .innerJoin('user_roles', 'user_roles.user_id', 'users.id')
      .leftJoin('org_units', 'org_units.id', 'user_roles.org_unit_id')
      .select([
        'users.username',
        'users.password_hash',
        'user_roles.role',
        'org_units.kind',
        'org_units.name',
        'org_units.code',
        'org_units.id as org_id',
      ])
      .where('users.username', 'in', [
        'admin',
        'donvi',
        'giamkhao1',
        'giamkhao2',
        'giamkhao3',
        XA_USERNAME,
      ])
      .execute()
    const by = Object.fromEntries(rows.map((r) => [r.username, r]))
    expect(Object.keys(by).sort()).toEqual(
      ['admin', 'donvi', 'giamkhao1', 'giamkhao2', 'giamkhao3', XA_USERNAME].sort(),
    )
    expect(by.admin).toMatchObject({ role: 'admin', name: 'Ban Dân vận Huyện ủy Yên Minh' })
    expect(by.donvi).toMatchObject({ role: 'unit', kind: 'unit' })
    for (const j of ['giamkhao1', 'giamkhao2', 'giamkhao3']) {
      expect(by[j]).toMatchObject({ role: 'judge', org_id: null })
    }
    expect(by[XA_USERNAME]).toMatchObject({ role: 'commune', kind: 'commune', code: XA_COMMUNE })
    expect(await verifyPassword('dvk-demo-2025', by.admin!.password_hash)).toBe(true)

    // donvi's unit has several models and entries, two of them drafts in the current contest.
    const unitId = by.donvi!.org_id!
    const models = await db
      .selectFrom('models')
      .select('id')
      .where('unit_id', '=', unitId)
      .execute()
    expect(models.length).toBeGreaterThanOrEqual(4)
    const states = await db
      .selectFrom('entries')
      .innerJoin('contests', 'contests.id', 'entries.contest_id')
      .select(['entries.state', 'contests.year'])
      .where('entries.unit_id', '=', unitId)
      .execute()
    expect(states.filter((s) => s.year === 2025 && s.state === 'draft')).toHaveLength(2)
    expect(states.some((s) => s.state === 'returned')).toBe(true)
  })

  it('has a 2025 contest in its judging phase with about 30 entries', async () => {
    const db = getDb()
    const contest = await db
      .selectFrom('contests')
      .selectAll()
      .where('year', '=', 2025)
      .executeTakeFirstOrThrow()
    expect(contest.title).toBe('Bình xét mô hình Dân vận khéo năm 2025')
    expect(contest.status).toBe('open')
    expect(contestPhase(contest, NOW)).toBe('judging')
    expect(JSON.parse(contest.allowed_fields)).toHaveLength(4)
    const entries = await db
      .selectFrom('entries')
      .select(['id', 'state', 'snapshot', 'version', 'return_reason', 'reject_reason'])
      .where('contest_id', '=', contest.id)
      .execute()
    expect(entries.length).toBeGreaterThanOrEqual(25)
    expect(entries.length).toBeLessThanOrEqual(35)
    const states = entries.map((e) => e.state)
    expect(states.filter((s) => s === 'accepted').length).toBeGreaterThan(15)
    for (const s of ['submitted', 'returned', 'rejected', 'draft'] as const) {
      expect(states, s).toContain(s)
    }
    for (const e of entries) {
      if (e.state === 'draft') {
        expect(e.snapshot).toBeNull()
        continue
      }
      const snap = JSON.parse(e.snapshot!)
      expect(snap.title).toBeTruthy()
      expect(snap.indicators.length).toBeGreaterThanOrEqual(2)
      expect(e.version).toBeGreaterThanOrEqual(1)
    }
    expect(entries.find((e) => e.state === 'returned')!.return_reason).toBeTruthy()
    expect(entries.find((e) => e.state === 'rejected')!.reject_reason).toBeTruthy()
  })

  it('gives every accepted 2025 entry 3 distinct judges, balanced, none in conflict', async () => {
    const db = getDb()
    const rows = await db
      .selectFrom('entries')
      .innerJoin('contests', 'contests.id', 'entries.contest_id')
      .leftJoin('assignments', 'assignments.entry_id', 'entries.id')
      .select(['entries.id', 'entries.state', 'assignments.judge_id', 'assignments.status'])
      .where('contests.year', '=', 2025)
      .execute()
    const byEntry = new Map<number, number[]>()
    for (const r of rows) {
      if (r.state !== 'accepted') {
        expect(r.judge_id).toBeNull()
        continue
      }
      expect(r.status).toBe('active')
      byEntry.set(r.id, [...(byEntry.get(r.id) ?? []), r.judge_id!])
    }
    for (const judges of byEntry.values()) {
      expect(new Set(judges).size).toBe(3)
    }
    const load = new Map<number, number>()
    for (const judges of byEntry.values())
      for (const j of judges) load.set(j, (load.get(j) ?? 0) + 1)
    expect(Math.max(...load.values()) - Math.min(...load.values())).toBeLessThanOrEqual(1)

    const conflict = await db.selectFrom('conflicts').selectAll().executeTakeFirstOrThrow()
    const clash = await db
      .selectFrom('assignments')
      .innerJoin('entry_communes', 'entry_communes.entry_id', 'assignments.entry_id')
      .select('assignments.id')
      .where('assignments.judge_id', '=', conflict.judge_id)
      .where('entry_communes.commune_id', '=', conflict.org_unit_id)
      .execute()
    expect(clash).toEqual([])
  })

  it('records judging progress: giamkhao1 partly done, giamkhao2 less, giamkhao3 not started', async () => {
    const db = getDb()
    const sheets = await db
      .selectFrom('score_sheets')
      .innerJoin('users', 'users.id', 'score_sheets.judge_id')
      .innerJoin('entries', 'entries.id', 'score_sheets.entry_id')
      .innerJoin('contests', 'contests.id', 'entries.contest_id')
      .select(['users.username', 'score_sheets.status'])
      .where('contests.year', '=', 2025)
      .execute()
    const count = (u: string, s: string) =>
      sheets.filter((x) => x.username === u && x.status === s).length
    expect(count('giamkhao1', 'submitted')).toBeGreaterThan(count('giamkhao2', 'submitted'))
    expect(count('giamkhao1', 'draft')).toBeGreaterThan(0)
    expect(count('giamkhao2', 'submitted')).toBeGreaterThan(0)
    expect(sheets.filter((x) => x.username === 'giamkhao3')).toEqual([])

    // Scores copy the criterion's maximum and stay in half points within it.
    const scores = await db
      .selectFrom('scores')
      .innerJoin('criteria', 'criteria.id', 'scores.criterion_id')
      .select(['scores.points', 'scores.max_points', 'criteria.max_points as criterion_max'])
      .execute()
    for (const s of scores) {
      expect(s.max_points).toBe(s.criterion_max)
      expect(s.points).toBeGreaterThanOrEqual(0)
      expect(s.points).toBeLessThanOrEqual(s.max_points)
      expect(Number.isInteger(s.points * 2)).toBe(true)
    }
  })

  it('has next year’s round open for nominations, with no entries yet', async () => {
    const contest = await getDb()
      .selectFrom('contests')
      .selectAll()
      .where('year', '=', 2026)
      .executeTakeFirstOrThrow()
    expect(contestPhase(contest, NOW)).toBe('nomination')
    const entries = await getDb()
      .selectFrom('entries')
      .select('id')
      .where('contest_id', '=', contest.id)
      .execute()
    expect(entries).toEqual([])
  })

  it('publishes 2021–2024 with results that follow from the scores, and awards', async () => {
    const db = getDb()
    const contests = await db
      .selectFrom('contests')
      .selectAll()
      .where('status', '=', 'published')
      .orderBy('year')
      .execute()
    expect(contests.map((c) => c.year)).toEqual([2021, 2022, 2023, 2024])
    for (const c of contests) {
      expect(c.decision_number).toMatch(/^\d+-QĐ\/HU$/)
      expect(c.published_at).not.toBeNull()
      expect(c.finalised_by).not.toBeNull()
      const entries = await db
        .selectFrom('entries')
        .innerJoin('results', 'results.entry_id', 'entries.id')
        .leftJoin('award_tiers', 'award_tiers.id', 'results.tier_id')
        .leftJoin('awards', 'awards.entry_id', 'entries.id')
        .select([
          'entries.id',
          'entries.state',
          'results.raw_score',
          'results.rank',
          'results.tier_id',
          'results.computed_tier_id',
          'award_tiers.min_score',
          'awards.tier_id as award_tier',
        ])
        .where('entries.contest_id', '=', c.id)
        .orderBy('results.rank')
        .execute()
      expect(entries.length).toBeGreaterThanOrEqual(6)
      expect(entries.length).toBeLessThanOrEqual(10)
      expect(entries.map((e) => e.rank)).toEqual(entries.map((_, i) => i + 1))
      for (const [i, e] of entries.entries()) {
        // Awarded entries are published; the one judged below every tier is not awarded.
        expect(e.state).toBe(e.award_tier === null ? 'not_awarded' : 'published')
        expect(e.tier_id).toBe(e.computed_tier_id)
        expect(e.award_tier).toBe(e.tier_id)
        if (e.min_score !== null) expect(e.raw_score!).toBeGreaterThanOrEqual(e.min_score)
        if (i > 0) expect(e.raw_score!).toBeLessThanOrEqual(entries[i - 1]!.raw_score!)
        // raw_score is the mean of the judges' totals.
        const totals = await db
          .selectFrom('scores')
          .select(['judge_id', (eb) => eb.fn.sum<number>('points').as('total')])
          .where('entry_id', '=', e.id)
          .groupBy('judge_id')
          .execute()
        expect(totals).toHaveLength(3)
        const mean = totals.reduce((a, t) => a + Number(t.total), 0) / totals.length
        expect(e.raw_score).toBeCloseTo(mean, 2)
      }
      expect(entries.some((e) => e.award_tier !== null)).toBe(true)
      expect(entries.some((e) => e.award_tier === null)).toBe(true)
    }
    const published = await db
      .selectFrom('models')
      .select('id')
      .where('published_at', 'is not', null)
      .execute()
    expect(published.length).toBeGreaterThanOrEqual(20)
    // Some models were recognised in two years.
    const twice = await db
      .selectFrom('awards')
      .select(['model_id', (eb) => eb.fn.countAll<number>().as('n')])
      .groupBy('model_id')
      .having((eb) => eb.fn.countAll(), '>', 1)
      .execute()
    expect(twice.length).toBeGreaterThan(0)
  })

  it('has replications of awarded models, several in the commune officer’s commune', async () => {
    const db = getDb()
    const rows = await db
      .selectFrom('replications')
      .innerJoin('org_units', 'org_units.id', 'replications.commune_id')
      .innerJoin('models', 'models.id', 'replications.source_model_id')
      .select([
        'replications.id',
        'replications.status',
        'replications.stop_reason',
        'replications.last_reported_at',
        'org_units.code',
        'models.published_at',
      ])
      .execute()
    const mine = rows.filter((r) => r.code === XA_COMMUNE)
    expect(mine.length).toBeGreaterThanOrEqual(3)
    expect(new Set(rows.map((r) => r.status))).toEqual(
      new Set(['planned', 'in_progress', 'achieved', 'stopped']),
    )
    for (const r of rows) {
      expect(r.published_at).not.toBeNull()
      if (r.status === 'stopped') expect(r.stop_reason).toBeTruthy()
    }
    const reported = await db
      .selectFrom('indicators')
      .innerJoin(
        'replication_reports',
        'replication_reports.id',
        'indicators.replication_report_id',
      )
      .select('replication_reports.replication_id')
      .distinct()
      .where(
        'replication_reports.replication_id',
        'in',
        mine.map((r) => r.id),
      )
      .execute()
    expect(reported.length).toBeGreaterThanOrEqual(2)
  })

  it('fills every nomination field, 2–5 indicators and 1–3 photos per model', async () => {
    const db = getDb()
    const models = await db.selectFrom('models').selectAll().execute()
    const slugs = new Set<string>()
    for (const m of models) {
      for (const f of [
        'summary',
        'context',
        'objectives',
        'method',
        'forces',
        'resident_contributions',
        'sustainability',
        'replication_conditions',
        'replication_steps',
        'contact_name',
        'contact_phone',
      ] as const) {
        expect(m[f].trim(), `${m.slug}.${f}`).not.toBe('')
      }
      for (const f of [
        'resources_vnd',
        'resources_workdays',
        'residents_involved',
        'replication_cost_vnd',
      ] as const) {
        expect(Number.isInteger(m[f]), `${m.slug}.${f}`).toBe(true)
      }
      expect(JSON.parse(m.ethnic_groups).length).toBeGreaterThan(0)
      expect(m.slug).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/)
      expect(m.title).toBe(m.title.normalize('NFC'))
      slugs.add(m.slug)
    }
    expect(slugs.size).toBe(models.length)

    const indicators = await db
      .selectFrom('indicators')
      .select(['model_id', 'value', 'baseline'])
      .execute()
    for (const i of indicators) {
      expect(i.value).toMatch(/^(0|[1-9]\d*)(\.\d*[1-9])?$/)
      if (i.baseline !== null) expect(i.baseline).toMatch(/^(0|[1-9]\d*)(\.\d*[1-9])?$/)
    }
    const perModel = new Map<number, number>()
    for (const i of indicators) {
      if (i.model_id) perModel.set(i.model_id, (perModel.get(i.model_id) ?? 0) + 1)
    }
    expect(perModel.size).toBe(models.length)
    for (const n of perModel.values()) {
      expect(n).toBeGreaterThanOrEqual(2)
      expect(n).toBeLessThanOrEqual(5)
    }

    const media = await db
      .selectFrom('media')
      .select(['id', 'model_id', 'is_cover', 'storage_key', 'byte_size', 'width', 'mime_type'])
      .where('model_id', 'is not', null)
      .execute()
    const photos = new Map<number, typeof media>()
    for (const m of media) photos.set(m.model_id!, [...(photos.get(m.model_id!) ?? []), m])
    expect(photos.size).toBe(models.length)
    for (const list of photos.values()) {
      expect(list.length).toBeGreaterThanOrEqual(1)
      expect(list.length).toBeLessThanOrEqual(3)
      expect(list.filter((m) => m.is_cover === 1)).toHaveLength(1)
    }
    const sample = media[0]!
    expect(sample.mime_type).toBe('image/jpeg')
    expect(sample.width).toBeLessThanOrEqual(1600)
    expect(await localFileSize(sample.storage_key)).toBe(sample.byte_size)
    const variants = await db
      .selectFrom('media_variants')
      .select(['width', 'storage_key', 'byte_size', 'mime_type'])
      .where('media_id', '=', sample.id)
      .orderBy('width')
      .execute()
    expect(variants.map((v) => v.width)).toEqual([320, 640, 1280])
    for (const v of variants) {
      expect(v.mime_type).toBe('image/webp')
      expect(await localFileSize(v.storage_key)).toBe(v.byte_size)
    }
  })

  it('uses the default rubric and tiers on every contest', async () => {
    const criteria = await getDb()
      .selectFrom('criteria')
      .innerJoin('contests', 'contests.id', 'criteria.contest_id')
      .select(['contests.year', 'criteria.title', 'criteria.max_points'])
      .where('contests.year', '=', 2025)
      .orderBy('criteria.position')
      .execute()
    expect(criteria.map((c) => c.max_points)).toEqual(DEFAULT_CRITERIA.map((c) => c.maxPoints))
    expect(criteria[0]!.title).toBe('Tính mới, sáng tạo, phù hợp điều kiện địa phương')
    const tiers = await getDb()
      .selectFrom('award_tiers')
      .select(['name', 'min_score'])
      .where(
        'contest_id',
        '=',
        (
          await getDb()
            .selectFrom('contests')
            .select('id')
            .where('year', '=', 2025)
            .executeTakeFirstOrThrow()
        ).id,
      )
      .orderBy('position')
      .execute()
    expect(tiers).toEqual([
      { name: 'Xuất sắc', min_score: 90 },
      { name: 'Tiêu biểu', min_score: 80 },
      { name: 'Công nhận', min_score: 65 },
    ])
  })

  it('removes photo files the new content no longer uses', async () => {
    const db = getDb()
    await putLocalFile('media/stale-test.jpg', new Uint8Array([1, 2, 3]))
    const model = await db.selectFrom('models').select('id').executeTakeFirstOrThrow()
    await db
      .insertInto('media')
      .values({
        kind: 'photo',
        storage_key: 'media/stale-test.jpg',
        model_id: model.id,
        position: 9,
        mime_type: 'image/jpeg',
        byte_size: 3,
        width: 1,
        height: 1,
        sha256: 'x',
        created_at: NOW.toISOString(),
      })
      .execute()
    await seedDemo(db, { now: NOW })
    await expect(localFileSize('media/stale-test.jpg')).rejects.toThrow()
  }, 30_000)
})

describe('--if-empty', () => {
  it('skips when users exist and seeds an empty database', async () => {
    const db = getDb()
    expect(await hasUsers(db)).toBe(true)
    const before = await countRows(db)
    expect(await seedDemoIfEmpty(db, { now: NOW })).toBeNull()
    expect(await countRows(db)).toEqual(before)

    await db.transaction().execute((tx) => resetDatabase(tx))
    expect(await hasUsers(db)).toBe(false)
    expect(Object.values(await countRows(db)).every((n) => n === 0)).toBe(true)
    const seeded = await seedDemoIfEmpty(db, { now: NOW })
    expect(seeded?.counts).toEqual(before)
  }, 30_000)
})
