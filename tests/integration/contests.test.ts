import { afterEach, beforeAll, describe, expect, it } from 'vitest'
import { getDb } from '#db/index'
import { setClock } from '~/clock.server'
import * as contestForm from '~/routes/admin/contest-form'
import * as contests from '~/routes/admin/contests'
import { call } from '../support/remix'
import { cookieFor, createOrgTree, createUser, type OrgTree } from '../support/fixtures'

/** Contests: create from the default, rubric and tier validation, phase locks, opening, copying. */
const JAN = new Date('2026-01-05T03:00:00Z') // 2026 contest in draft; 2025 contest judging closed
let org: OrgTree
const c = {} as Record<'admin' | 'farAdmin' | 'unit' | 'judge', string>
let lastYearId: number

type Reply = {
  status?: string
  error?: Record<string, string[]>
  initialValue?: Record<string, unknown>
}
const replyOf = (data: unknown) => (data as { result: Reply }).result

function validForm(overrides: Record<string, string | string[]> = {}) {
  return {
    title: 'Bình xét mô hình Dân vận khéo năm 2026',
    year: '2026',
    level: 'district',
    organiser_org_unit_id: String(org.organiser),
    registration_opens_on: '2026-01-15',
    nomination_opens_on: '2026-06-01',
    nomination_deadline: '2026-09-30',
    screening_ends_on: '2026-10-15',
    judging_opens_on: '2026-10-16',
    judging_closes_at: '2026-11-30',
    results_on: '2026-12-15',
    allowed_fields: ['economy', 'culture_society'],
    allowed_kinds: ['model'],
    quota_per_unit: '3',
    judges_per_entry: '5',
    aggregation: 'trimmed_mean',
    normalise_scores: 'on',
    'criteria[0].title': 'Tính mới, sáng tạo',
    'criteria[0].description': 'Cách làm mới.',
    'criteria[0].max_points': '60',
    'criteria[1].title': 'Hiệu quả thiết thực',
    'criteria[1].max_points': '39,5',
    'tiers[0].name': 'Xuất sắc',
    'tiers[0].min_score': '90',
    'tiers[0].quota': '2',
    'tiers[1].name': 'Công nhận',
    'tiers[1].min_score': '65,5',
    ...overrides,
  }
}

async function insertContest(values: {
  year: number
  status?: 'draft' | 'open' | 'finalised'
  organiser?: number
}) {
  const at = new Date().toISOString()
  const y = values.year
  const status = values.status ?? 'open'
  const { id } = await getDb()
    .insertInto('contests')
    .values({
      title: `Bình xét mô hình Dân vận khéo năm ${y}`,
      year: y,
      level: 'district',
      organiser_org_unit_id: values.organiser ?? org.organiser,
      status,
      registration_opens_on: `${y}-01-01`,
      nomination_opens_on: `${y}-06-01`,
      nomination_deadline: `${y}-09-30T16:59:59.000Z`,
      screening_ends_on: `${y}-10-15`,
      judging_opens_on: `${y}-10-16`,
      judging_closes_at: `${y}-11-30T16:59:59.000Z`,
      results_on: `${y}-12-15`,
      allowed_fields: '["economy"]',
      allowed_kinds: '[]',
      quota_per_unit: 2,
      judges_per_entry: 4,
      finalised_at: status === 'finalised' ? at : null,
      created_at: at,
      updated_at: at,
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  await getDb()
    .insertInto('criteria')
    .values([
      { contest_id: id, position: 1, title: 'Tiêu chí một', description: 'Mô tả', max_points: 60 },
      { contest_id: id, position: 2, title: 'Tiêu chí hai', description: '', max_points: 40 },
    ])
    .execute()
  await getDb()
    .insertInto('award_tiers')
    .values([
      { contest_id: id, position: 1, name: 'Xuất sắc', min_score: 90, quota: 3 },
      { contest_id: id, position: 2, name: 'Công nhận', min_score: 70, quota: null },
    ])
    .execute()
  return id
}

beforeAll(async () => {
  org = await createOrgTree()
  c.admin = await cookieFor((await createUser([{ role: 'admin', orgUnitId: org.organiser }])).id)
  const at = new Date().toISOString()
  const far = await getDb()
    .insertInto('org_units')
    .values({
      kind: 'unit',
      unit_type: 'party_committee',
      name: 'Ban Dân vận B',
      parent_id: org.otherDistrict,
      created_at: at,
      updated_at: at,
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  c.farAdmin = await cookieFor((await createUser([{ role: 'admin', orgUnitId: far.id }])).id)
  c.unit = await cookieFor((await createUser([{ role: 'unit', orgUnitId: org.unit }])).id)
  c.judge = await cookieFor((await createUser([{ role: 'judge', orgUnitId: null }])).id)
  lastYearId = await insertContest({ year: 2025 })
})
afterEach(() => setClock(null))

const audits = (action: string, id: number) =>
  getDb()
    .selectFrom('audit_log')
    .selectAll()
    .where('action', '=', action)
    .where('subject_id', '=', String(id))
    .execute()

describe('new contest', () => {
  it('starts from the default rubric (100 points) and the default tiers', async () => {
    setClock(JAN)
    const res = await call(contestForm.loader, { path: '/admin/contests/new', cookie: c.admin })
    expect(res.status).toBe(200)
    const d = res.data as {
      defaultValue: {
        year: string
        criteria: { title: string; max_points: string }[]
        tiers: { name: string; min_score: string }[]
        judges_per_entry: string
      }
    }
    expect(d.defaultValue.year).toBe('2026')
    expect(d.defaultValue.criteria.map((x) => Number(x.max_points))).toEqual([20, 15, 20, 25, 20])
    expect(d.defaultValue.criteria[0]!.title).toMatch(/^Tính mới/)
    expect(d.defaultValue.tiers.map((x) => [x.name, x.min_score])).toEqual([
      ['Xuất sắc', '90'],
      ['Tiêu biểu', '80'],
      ['Công nhận', '65'],
    ])
    expect(d.defaultValue.judges_per_entry).toBe('3')
  })

  it.each([
    ['unit', 403],
    ['judge', 403],
  ] as const)('refuses %s (%i)', async (who, status) => {
    const res = await call(contestForm.action, {
      path: '/admin/contests/new',
      cookie: c[who],
      form: validForm(),
    })
    expect(res.status).toBe(status)
  })

  it('refuses anonymous visitors', async () => {
    const res = await call(contestForm.action, { path: '/admin/contests/new', form: validForm() })
    expect(res.status).toBe(302)
    expect(res.location).toMatch(/^\/login/)
  })

  it('creates a draft contest with its rubric and tiers, in order, audited', async () => {
    setClock(JAN)
    const res = await call(contestForm.action, {
      path: '/admin/contests/new',
      cookie: c.admin,
      form: validForm(),
    })
    expect(res.status).toBe(302)
    const id = Number(res.location!.match(/\/admin\/contests\/(\d+)\?created=1/)![1])
    const row = await getDb()
      .selectFrom('contests')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirstOrThrow()
    expect(row).toMatchObject({
      status: 'draft',
      year: 2026,
      nomination_deadline: '2026-09-30T16:59:59.000Z',
      judging_closes_at: '2026-11-30T16:59:59.000Z',
      allowed_fields: '["economy","culture_society"]',
      allowed_kinds: '["model"]',
      quota_per_unit: 3,
      judges_per_entry: 5,
      aggregation: 'trimmed_mean',
      normalise_scores: 1,
    })
    const criteria = await getDb()
      .selectFrom('criteria')
      .select(['position', 'title', 'max_points'])
      .where('contest_id', '=', id)
      .orderBy('position')
      .execute()
    expect(criteria).toEqual([
      { position: 1, title: 'Tính mới, sáng tạo', max_points: 60 },
      { position: 2, title: 'Hiệu quả thiết thực', max_points: 39.5 },
    ])
    const tiers = await getDb()
      .selectFrom('award_tiers')
      .select(['position', 'name', 'min_score', 'quota'])
      .where('contest_id', '=', id)
      .orderBy('position')
      .execute()
    expect(tiers).toEqual([
      { position: 1, name: 'Xuất sắc', min_score: 90, quota: 2 },
      { position: 2, name: 'Công nhận', min_score: 65.5, quota: null },
    ])
    expect(await audits('contest.create', id)).toHaveLength(1)
    // The edit page reads it back the way it was typed.
    const page = await call(contestForm.loader, {
      path: `/admin/contests/${id}?created=1`,
      params: { contestId: String(id) },
      cookie: c.admin,
    })
    const d = page.data as {
      notice: string
      settingsEditable: boolean
      defaultValue: { criteria: { max_points: string }[]; nomination_deadline: string }
    }
    expect(d.notice).toBe('contests.created')
    expect(d.settingsEditable).toBe(true)
    expect(d.defaultValue.criteria[1]!.max_points).toBe('39,5')
    expect(d.defaultValue.nomination_deadline).toBe('2026-09-30')
  })
})

describe('rubric and form validation', () => {
  it.each([
    [
      'a zero maximum',
      { 'criteria[1].max_points': '0' },
      'criteria[1].max_points',
      'contest.error.maxPositive',
    ],
    [
      'a maximum off the half-point steps',
      { 'criteria[1].max_points': '7,3' },
      'criteria[1].max_points',
      'contest.error.halfPoints',
    ],
    [
      'a negative maximum',
      { 'criteria[1].max_points': '-5' },
      'criteria[1].max_points',
      'contest.error.maxPositive',
    ],
    [
      'a maximum that is not a number',
      { 'criteria[1].max_points': '7 điểm' },
      'criteria[1].max_points',
      'validation.decimal',
    ],
    ['a year with a decimal comma', { year: '2026,5' }, 'year', 'contest.error.year'],
    [
      'a criterion without title',
      { 'criteria[0].title': '' },
      'criteria[0].title',
      'validation.required',
    ],
    [
      'a tier above the rubric total',
      { 'tiers[0].min_score': '120' },
      'tiers[0].min_score',
      'contest.error.tierAboveTotal',
    ],
    [
      'tiers out of order',
      { 'tiers[1].min_score': '95' },
      'tiers[1].min_score',
      'contest.error.tierOrder',
    ],
    [
      'dates out of order',
      { screening_ends_on: '2026-09-01' },
      'screening_ends_on',
      'contest.error.dateOrder',
    ],
    ['no field allowed', { allowed_fields: [] }, 'allowed_fields', 'contest.error.chooseField'],
    [
      'k out of range',
      { judges_per_entry: '0' },
      'judges_per_entry',
      'contest.error.judgesPerEntry',
    ],
  ])(
    'refuses %s next to the field, keeping what was typed',
    async (_, overrides, field, message) => {
      setClock(JAN)
      const res = await call(contestForm.action, {
        path: '/admin/contests/new',
        cookie: c.admin,
        form: validForm(overrides as Record<string, string>),
      })
      expect(res.status).toBe(400)
      const reply = replyOf(res.data)
      expect(reply.error?.[field]).toEqual([message])
      expect(reply.initialValue?.title).toBe('Bình xét mô hình Dân vận khéo năm 2026')
    },
  )

  it('refuses a rubric without criteria', async () => {
    setClock(JAN)
    const form = Object.fromEntries(
      Object.entries(validForm()).filter(([k]) => !k.startsWith('criteria')),
    )
    const res = await call(contestForm.action, {
      path: '/admin/contests/new',
      cookie: c.admin,
      form,
    })
    expect(res.status).toBe(400)
    expect(replyOf(res.data).error?.criteria).toEqual(['contest.error.rubricEmpty'])
  })

  it('refuses an organising unit outside the organiser area', async () => {
    setClock(JAN)
    const res = await call(contestForm.action, {
      path: '/admin/contests/new',
      cookie: c.admin,
      form: validForm({ organiser_org_unit_id: String(org.otherUnit) }),
    })
    expect(res.status).toBe(400)
    expect(replyOf(res.data).error?.organiser_org_unit_id).toEqual(['validation.invalidChoice'])
  })

  it('adds, moves and removes criteria without JavaScript (list intents), saving nothing', async () => {
    setClock(JAN)
    const before = await getDb().selectFrom('contests').select('id').execute()
    const insert = await call(contestForm.action, {
      path: '/admin/contests/new',
      cookie: c.admin,
      form: {
        ...validForm(),
        __intent__: JSON.stringify({ type: 'insert', payload: { name: 'criteria' } }),
      },
    })
    expect(insert.status).toBe(200)
    expect((replyOf(insert.data).initialValue?.criteria as unknown[]).length).toBe(3)
    const moved = await call(contestForm.action, {
      path: '/admin/contests/new',
      cookie: c.admin,
      form: {
        ...validForm(),
        __intent__: JSON.stringify({
          type: 'reorder',
          payload: { name: 'criteria', from: 1, to: 0 },
        }),
      },
    })
    expect(
      (replyOf(moved.data).initialValue?.criteria as { title: string }[]).map((x) => x.title),
    ).toEqual(['Hiệu quả thiết thực', 'Tính mới, sáng tạo'])
    expect(await getDb().selectFrom('contests').select('id').execute()).toHaveLength(before.length)
  })
})

describe('editing, phase locks and opening', () => {
  it('hides another area’s contest from its organiser (403) and from units and judges', async () => {
    const id = await insertContest({ year: 2027, status: 'draft' })
    for (const who of ['farAdmin', 'unit', 'judge'] as const) {
      for (const handler of [contestForm.loader, contestForm.action]) {
        const res = await call(handler, {
          path: `/admin/contests/${id}`,
          params: { contestId: String(id) },
          cookie: c[who],
          form: handler === contestForm.action ? { intent: 'open' } : undefined,
        })
        expect(res.status).toBe(403)
      }
    }
    const missing = await call(contestForm.loader, {
      path: '/admin/contests/99999',
      params: { contestId: '99999' },
      cookie: c.admin,
    })
    expect(missing.status).toBe(404)
  })

  it('edits settings in draft and registration, only dates afterwards, nothing once finalised', async () => {
    const id = await insertContest({ year: 2024, status: 'open' })
    const args = {
      path: `/admin/contests/${id}`,
      params: { contestId: String(id) },
      cookie: c.admin,
    }
    const form = validForm({ year: '2024', title: 'Đợt năm 2024 sửa lại' })
    const dated = Object.fromEntries(
      Object.entries(form).map(([k, v]) => [
        k,
        typeof v === 'string' ? v.replace('2026', '2024') : v,
      ]),
    )
    // Registration: the whole form saves.
    setClock(new Date('2024-02-01T03:00:00Z'))
    const saved = await call(contestForm.action, { ...args, form: dated })
    expect(saved.status).toBe(302)
    expect(saved.location).toBe(`/admin/contests/${id}?saved=1`)
    expect(await audits('contest.update', id)).toHaveLength(1)
    // Nomination: settings are locked, dates still move.
    setClock(new Date('2024-07-01T03:00:00Z'))
    const page = await call(contestForm.loader, args)
    expect(page.data).toMatchObject({ settingsEditable: false, datesEditable: true })
    const locked = await call(contestForm.action, { ...args, form: dated })
    expect(locked.status).toBe(409)
    expect(replyOf(locked.data).error?.['']).toEqual(['contest.error.settingsLocked'])
    const datesOnly = Object.fromEntries(
      Object.entries(dated).filter(
        ([k]) => k.endsWith('_on') || k.endsWith('_at') || k === 'nomination_deadline',
      ),
    )
    const moved = await call(contestForm.action, {
      ...args,
      form: {
        ...datesOnly,
        intent: 'dates',
        nomination_deadline: '2024-10-05',
        screening_ends_on: '2024-10-15',
      },
    })
    expect(moved.status).toBe(302)
    const row = await getDb()
      .selectFrom('contests')
      .select(['nomination_deadline', 'title'])
      .where('id', '=', id)
      .executeTakeFirstOrThrow()
    expect(row).toEqual({
      nomination_deadline: '2024-10-05T16:59:59.000Z',
      title: 'Đợt năm 2024 sửa lại',
    })
    const badOrder = await call(contestForm.action, {
      ...args,
      form: { ...datesOnly, intent: 'dates', judging_opens_on: '2024-10-01' },
    })
    expect(badOrder.status).toBe(400)
    expect(replyOf(badOrder.data).error?.judging_opens_on).toEqual(['contest.error.dateOrder'])
    // Finalised: not even the dates.
    await getDb()
      .updateTable('contests')
      .set({ status: 'finalised', finalised_at: new Date().toISOString() })
      .where('id', '=', id)
      .execute()
    const frozen = await call(contestForm.action, {
      ...args,
      form: { ...datesOnly, intent: 'dates' },
    })
    expect(frozen.status).toBe(409)
    expect(replyOf(frozen.data).error?.['']).toEqual(['contest.error.datesLocked'])
  })

  it('opens a draft contest once, audited', async () => {
    setClock(JAN)
    const id = await insertContest({ year: 2029, status: 'draft' })
    const args = {
      path: `/admin/contests/${id}`,
      params: { contestId: String(id) },
      cookie: c.admin,
    }
    const opened = await call(contestForm.action, { ...args, form: { intent: 'open' } })
    expect(opened.status).toBe(302)
    expect(opened.location).toBe(`/admin/contests/${id}?opened=1`)
    const again = await call(contestForm.action, { ...args, form: { intent: 'open' } })
    expect(again.status).toBe(409)
    expect(again.data).toMatchObject({ message: 'contest.error.notDraft' })
    expect(await audits('contest.open', id)).toHaveLength(1)
  })
  it('refuses to open a contest whose rubric is empty', async () => {
    setClock(JAN)
    const id = await insertContest({ year: 2030, status: 'draft' })
    await getDb().deleteFrom('criteria').where('contest_id', '=', id).execute()
    const res = await call(contestForm.action, {
      path: `/admin/contests/${id}`,
      params: { contestId: String(id) },
      cookie: c.admin,
      form: { intent: 'open' },
    })
    expect(res.status).toBe(409)
    expect(res.data).toMatchObject({ message: 'contest.error.rubricTotal' })
    const row = await getDb()
      .selectFrom('contests')
      .select('status')
      .where('id', '=', id)
      .executeTakeFirstOrThrow()
    expect(row.status).toBe('draft')
  })
})

describe('contest list and copy from last year', () => {
  it('lists the organiser’s contests with their phase, not another area’s', async () => {
    setClock(JAN)
    const res = await call(contests.loader, { path: '/admin/contests', cookie: c.admin })
    const mine = (res.data as { contests: { id: number; phase: string }[] }).contests
    expect(mine.find((x) => x.id === lastYearId)?.phase).toBe('judging')
    const far = await call(contests.loader, { path: '/admin/contests', cookie: c.farAdmin })
    expect((far.data as { contests: unknown[] }).contests).toEqual([])
    for (const who of ['unit', 'judge'] as const) {
      expect(
        (await call(contests.loader, { path: '/admin/contests', cookie: c[who] })).status,
      ).toBe(403)
    }
  })

  it('copies settings, rubric and tiers into a draft one year later', async () => {
    setClock(JAN)
    const res = await call(contests.action, {
      path: '/admin/contests',
      cookie: c.admin,
      form: { intent: 'copy', source: String(lastYearId) },
    })
    expect(res.status).toBe(302)
    const id = Number(res.location!.match(/\/admin\/contests\/(\d+)\?copied=1/)![1])
    const copy = await getDb()
      .selectFrom('contests')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirstOrThrow()
    expect(copy).toMatchObject({
      title: 'Bình xét mô hình Dân vận khéo năm 2026',
      year: 2026,
      status: 'draft',
      copied_from_id: lastYearId,
      registration_opens_on: '2026-01-01',
      nomination_deadline: '2026-09-30T16:59:59.000Z',
      judging_closes_at: '2026-11-30T16:59:59.000Z',
      results_on: '2026-12-15',
      allowed_fields: '["economy"]',
      quota_per_unit: 2,
      judges_per_entry: 4,
    })
    const criteria = await getDb()
      .selectFrom('criteria')
      .select(['position', 'title', 'description', 'max_points'])
      .where('contest_id', '=', id)
      .orderBy('position')
      .execute()
    expect(criteria).toEqual([
      { position: 1, title: 'Tiêu chí một', description: 'Mô tả', max_points: 60 },
      { position: 2, title: 'Tiêu chí hai', description: '', max_points: 40 },
    ])
    const tiers = await getDb()
      .selectFrom('award_tiers')
      .select(['name', 'min_score', 'quota'])
      .where('contest_id', '=', id)
      .orderBy('position')
      .execute()
    expect(tiers).toEqual([
      { name: 'Xuất sắc', min_score: 90, quota: 3 },
      { name: 'Công nhận', min_score: 70, quota: null },
    ])
    expect(await audits('contest.copy', id)).toHaveLength(1)
  })

  it('refuses to copy another area’s contest, and units and judges', async () => {
    const form = { intent: 'copy', source: String(lastYearId) }
    expect(
      (await call(contests.action, { path: '/admin/contests', cookie: c.farAdmin, form })).status,
    ).toBe(403)
    expect(
      (await call(contests.action, { path: '/admin/contests', cookie: c.unit, form })).status,
    ).toBe(403)
    expect(
      (await call(contests.action, { path: '/admin/contests', cookie: c.judge, form })).status,
    ).toBe(403)
  })
})
