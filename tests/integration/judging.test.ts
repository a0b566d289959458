import { afterEach, beforeAll, describe, expect, it } from 'vitest'
import { getDb } from '#db/index'
import { setClock } from '~/clock.server'
import { translator, withParams } from '~/i18n'
import type { EntrySnapshot } from '~/entries/snapshot'
import * as judgeEntry from '~/routes/judge/entry'
import * as judgeHome from '~/routes/judge/home'
import { call } from '../support/remix'
import {
  cookieFor,
  createOrgTree,
  createUser,
  type OrgTree,
  insertContest,
} from '../support/fixtures'

/** Scoring through its routes: who may score what, when, with which values; audit and secrecy. */
const BEFORE = new Date('2025-10-10T03:00:00Z') // screening
const DURING = new Date('2025-11-10T03:00:00Z') // judging open
const AFTER = new Date('2025-12-05T03:00:00Z') // judging closed
const PHASES = { before: BEFORE, during: DURING, after: AFTER } as const

const at = '2025-01-01T00:00:00.000Z'
let org: OrgTree
let contestId: number
let criteria: { id: number; max_points: number }[]
let entryId: number
let otherEntryId: number
let conflictedEntryId: number
const users = {} as Record<'judge' | 'otherJudge' | 'conflicted' | 'admin' | 'unit', number>
const c = {} as Record<keyof typeof users, string>
const OTHER_JUDGE_COMMENT = 'Nhận xét bí mật của giám khảo khác'

function snapshot(title: string, unitId: number): EntrySnapshot {
  return {
    title,
    kind: 'model',
    field: 'economy',
    start_date: '2024-01-01',
    summary: 'Tóm tắt',
    context: 'Thực trạng',
    objectives: 'Mục tiêu',
    method: 'Cách làm',
    forces: 'Lực lượng',
    resources_vnd: 1000000,
    resources_workdays: 10,
    resident_contributions: '',
    residents_involved: 20,
    ethnic_groups: ['Mông'],
    sustainability: 'Bền vững',
    replication_conditions: '',
    replication_steps: 'Các bước',
    replication_cost_vnd: null,
    contact_name: 'Lò Văn Páo',
    contact_phone: '0912345678',
    contact_email: '',
    unit: { id: unitId, name: 'Chi bộ' },
    communes: [],
    indicators: [],
    photos: [],
  }
}

async function createEntry(title: string, unitId: number) {
  const db = getDb()
  const model = await db
    .insertInto('models')
    .values({
      slug: `mo-hinh-${title.length}-${Math.random().toString(36).slice(2)}`,
      unit_id: unitId,
      title,
      kind: 'model',
      field: 'economy',
      created_at: at,
      updated_at: at,
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  const entry = await db
    .insertInto('entries')
    .values({
      contest_id: contestId,
      model_id: model.id,
      unit_id: unitId,
      state: 'accepted',
      title,
      kind: 'model',
      field: 'economy',
      snapshot: JSON.stringify(snapshot(title, unitId)),
      version: 1,
      submitted_at: at,
      first_submitted_at: at,
      created_at: at,
      updated_at: at,
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  return entry.id
}

async function assign(entry: number, judge: number) {
  await getDb()
    .insertInto('assignments')
    .values({
      entry_id: entry,
      judge_id: judge,
      source: 'manual',
      created_at: at,
      created_by: null,
    })
    .execute()
}

beforeAll(async () => {
  org = await createOrgTree()
  const db = getDb()
  contestId = (
    await insertContest(org.organiser, {
      title: 'Bình xét năm 2025',
      screening_ends_on: '2025-10-15',
      judging_opens_on: '2025-10-16',
    })
  ).id
  criteria = await db
    .insertInto('criteria')
    .values([
      { contest_id: contestId, position: 1, title: 'Tính mới', max_points: 20 },
      { contest_id: contestId, position: 2, title: 'Sự tham gia của nhân dân', max_points: 30 },
      { contest_id: contestId, position: 3, title: 'Hiệu quả', max_points: 50 },
    ])
    .returning(['id', 'max_points'])
    .execute()
  users.judge = (await createUser([{ role: 'judge', orgUnitId: null }], 'giamkhao-a')).id
  users.otherJudge = (await createUser([{ role: 'judge', orgUnitId: null }], 'giamkhao-b')).id
  users.conflicted = (await createUser([{ role: 'judge', orgUnitId: null }], 'giamkhao-c')).id
  users.admin = (await createUser([{ role: 'admin', orgUnitId: org.organiser }])).id
  users.unit = (await createUser([{ role: 'unit', orgUnitId: org.unit }])).id
  for (const k of Object.keys(users) as (keyof typeof users)[]) c[k] = await cookieFor(users[k])

  entryId = await createEntry('Dân hiến đất làm đường', org.unit)
  otherEntryId = await createEntry('Tổ tự quản an ninh', org.otherUnit)
  conflictedEntryId = await createEntry('Nhà văn hóa thôn', org.otherUnit)
  await assign(entryId, users.judge)
  await assign(entryId, users.otherJudge)
  await assign(otherEntryId, users.otherJudge)
  await assign(entryId, users.conflicted)
  // The third judge declared a conflict with the entry's unit after being assigned.
  await db
    .insertInto('conflicts')
    .values({
      judge_id: users.conflicted,
      entry_id: null,
      org_unit_id: org.unit,
      reason: 'Người nhà làm ở đơn vị',
      declared_at: at,
    })
    .execute()
  await assign(conflictedEntryId, users.conflicted)
  await db
    .updateTable('assignments')
    .set({ status: 'conflicted' })
    .where('entry_id', '=', conflictedEntryId)
    .execute()

  // The other judge has already submitted a sheet on the shared entry.
  await db
    .insertInto('score_sheets')
    .values({
      entry_id: entryId,
      judge_id: users.otherJudge,
      status: 'submitted',
      submitted_at: at,
      updated_at: at,
    })
    .execute()
  await db
    .insertInto('scores')
    .values(
      criteria.map((cr) => ({
        entry_id: entryId,
        judge_id: users.otherJudge,
        criterion_id: cr.id,
        max_points: cr.max_points,
        points: cr.max_points - 1.5,
        comment: OTHER_JUDGE_COMMENT,
        updated_at: at,
      })),
    )
    .execute()
})
afterEach(() => setClock(null))

type Reply = {
  status?: string
  error?: Record<string, string[]>
  initialValue?: Record<string, unknown>
}
const replyOf = (data: unknown) => (data as { result: Reply }).result
const p = (i: number) => `points_${criteria[i]!.id}`
const cm = (i: number) => `comment_${criteria[i]!.id}`

const load = (id: number, cookie?: string) =>
  call(judgeEntry.loader, {
    path: `/judge/entries/${id}`,
    params: { entryId: String(id) },
    cookie,
  })
const post = (id: number, form: Record<string, string>, cookie?: string) =>
  call(judgeEntry.action, {
    path: `/judge/entries/${id}`,
    params: { entryId: String(id) },
    cookie,
    form,
  })

async function sheetRows(judge = users.judge, entry = entryId) {
  const db = getDb()
  const sheet = await db
    .selectFrom('score_sheets')
    .selectAll()
    .where('entry_id', '=', entry)
    .where('judge_id', '=', judge)
    .executeTakeFirst()
  const scores = await db
    .selectFrom('scores')
    .select(['criterion_id', 'points', 'comment'])
    .where('entry_id', '=', entry)
    .where('judge_id', '=', judge)
    .orderBy('criterion_id')
    .execute()
  return { sheet, scores }
}

async function clearSheet(judge = users.judge, entry = entryId) {
  const db = getDb()
  await db
    .deleteFrom('scores')
    .where('entry_id', '=', entry)
    .where('judge_id', '=', judge)
    .execute()
  await db
    .deleteFrom('score_sheets')
    .where('entry_id', '=', entry)
    .where('judge_id', '=', judge)
    .execute()
}

const FULL = () => ({
  intent: 'submit',
  [p(0)]: '15',
  [cm(0)]: 'Cách làm mới',
  [p(1)]: '22,5',
  [cm(1)]: 'Dân tham gia đông',
  [p(2)]: '40.5',
  [cm(2)]: 'Có số liệu',
})

describe('the score sheet page', () => {
  for (const [phase, date] of Object.entries(PHASES)) {
    it(`${phase} judging: the assigned judge opens it and sees whether it is writable`, async () => {
      setClock(date)
      const res = await load(entryId, c.judge)
      expect(res.status).toBe(200)
      const d = res.data as Awaited<ReturnType<typeof judgeEntry.loader>>
      expect(d.refusal).toBe(
        phase === 'during'
          ? null
          : phase === 'before'
            ? 'score.error.notOpen'
            : 'score.error.closed',
      )
      expect(d.criteria.map((x) => x.id)).toEqual(criteria.map((x) => x.id))
      expect(d.snapshot?.title).toBe('Dân hiến đất làm đường')
    })

    it(`${phase} judging: others are refused`, async () => {
      setClock(date)
      // The organiser, the unit, and a judge with a declared conflict with the entry's unit.
      for (const who of ['conflicted', 'admin', 'unit'] as const) {
        expect((await load(entryId, c[who])).status, who).toBe(403)
      }
      // Judges not assigned to an entry (or whose assignment ended in a conflict).
      expect((await load(conflictedEntryId, c.judge)).status).toBe(403)
      expect((await load(conflictedEntryId, c.otherJudge)).status).toBe(403)
      expect((await load(conflictedEntryId, c.conflicted)).status).toBe(403)
      const anon = await load(entryId)
      expect(anon.status).toBe(302)
      expect(anon.location).toBe(
        `/login?redirectTo=${encodeURIComponent(`/judge/entries/${entryId}`)}`,
      )
      expect((await load(999999, c.judge)).status).toBe(404)
    })
  }

  it('never carries another judge’s scores or comments', async () => {
    setClock(DURING)
    await clearSheet()
    const res = await load(entryId, c.judge)
    const text = JSON.stringify(res.data)
    expect(text).not.toContain(OTHER_JUDGE_COMMENT)
    const d = res.data as Awaited<ReturnType<typeof judgeEntry.loader>>
    expect(d.sheet).toMatchObject({ status: null, scores: [], total: 0 })
    expect(d.others).toEqual([])
    const home = await call(judgeHome.loader, { path: '/judge', cookie: c.judge })
    expect(JSON.stringify(home.data)).not.toContain(OTHER_JUDGE_COMMENT)
  })
})

describe('saving scores', () => {
  for (const [phase, date] of Object.entries(PHASES)) {
    it(`${phase} judging: only the assigned judge may write, only while judging is open`, async () => {
      setClock(date)
      await clearSheet()
      for (const who of ['conflicted', 'admin', 'unit'] as const) {
        const res = await post(entryId, FULL(), c[who])
        expect(res.status, who).toBe(403)
      }
      expect((await post(conflictedEntryId, FULL(), c.conflicted)).status).toBe(403)
      expect((await post(otherEntryId, FULL(), c.judge)).status).toBe(403)
      const anon = await post(entryId, FULL())
      expect(anon.status).toBe(302)
      expect(anon.location).toMatch(/^\/login/)

      const res = await post(entryId, FULL(), c.judge)
      if (phase === 'during') {
        expect(res.status).toBe(302)
        expect(res.location).toBe(`/judge/entries/${entryId}?saved=submitted`)
        expect((await sheetRows()).sheet?.status).toBe('submitted')
      } else {
        expect(res.status).toBe(409)
        const reply = replyOf(res.data)
        expect(reply.error?.['']).toEqual([
          phase === 'before' ? 'score.error.notOpen' : 'score.error.closed',
        ])
        // What was typed comes back to the page.
        expect(reply.initialValue?.[p(1)]).toBe('22,5')
        expect(await sheetRows()).toEqual({ sheet: undefined, scores: [] })
      }
      // Nothing anyone else did touched the other judge's sheet.
      expect((await sheetRows(users.otherJudge)).scores.map((s) => s.comment)).toEqual([
        OTHER_JUDGE_COMMENT,
        OTHER_JUDGE_COMMENT,
        OTHER_JUDGE_COMMENT,
      ])
    })
  }

  it('refuses a finalised contest', async () => {
    setClock(DURING)
    await getDb()
      .updateTable('contests')
      .set({ status: 'finalised', finalised_at: at })
      .where('id', '=', contestId)
      .execute()
    try {
      const res = await post(entryId, FULL(), c.judge)
      expect(res.status).toBe(409)
      expect(replyOf(res.data).error?.['']).toEqual(['score.error.closed'])
      // Once finalised, the judge may read the other judges' submitted sheets, without names.
      const page = await load(entryId, c.judge)
      const d = page.data as Awaited<ReturnType<typeof judgeEntry.loader>>
      expect(d.others).toHaveLength(1)
      expect(d.others[0]).toMatchObject({ judge: 1, total: 100 - 3 * 1.5 })
      expect(d.others[0]!.scores.map((x) => x.comment)).toEqual(
        criteria.map(() => OTHER_JUDGE_COMMENT),
      )
      expect(Object.keys(d.others[0]!).sort()).toEqual(['judge', 'scores', 'total'])
      expect(Object.keys(d.others[0]!.scores[0]!).sort()).toEqual([
        'comment',
        'criterion_id',
        'points',
      ])
    } finally {
      await getDb()
        .updateTable('contests')
        .set({ status: 'open', finalised_at: null })
        .where('id', '=', contestId)
        .execute()
    }
  })

  it('refuses points out of range or off the half-point step, next to the field', async () => {
    setClock(DURING)
    await clearSheet()
    const res = await post(
      entryId,
      { ...FULL(), intent: 'save', [p(0)]: '20.5', [p(1)]: '7.25', [p(2)]: 'bảy' },
      c.judge,
    )
    expect(res.status).toBe(400)
    const reply = replyOf(res.data)
    expect(reply.error?.[p(0)]).toEqual(['score.error.range'])
    expect(reply.error?.[p(1)]).toEqual(['score.error.step'])
    expect(reply.error?.[p(2)]).toEqual(['score.error.number'])
    expect(reply.initialValue?.[p(0)]).toBe('20.5')
    expect(await sheetRows()).toEqual({ sheet: undefined, scores: [] })
  })

  it('reads points the Vietnamese way: "1,5" is 1.5 and "7,5" is 7.5, never 15 or 75', async () => {
    setClock(DURING)
    await clearSheet()
    const res = await post(
      entryId,
      { intent: 'save', [p(0)]: '1,5', [p(1)]: '7,5', [p(2)]: ' 18.5 ' },
      c.judge,
    )
    expect(res.location).toBe(`/judge/entries/${entryId}?saved=draft`)
    expect((await sheetRows()).scores.map((s) => s.points)).toEqual([1.5, 7.5, 18.5])
    const d = (await load(entryId, c.judge)).data as { sheet: { total: number } }
    expect(d.sheet.total).toBe(27.5)
  })

  it('refuses ambiguous or malformed points with 400, keeping what was typed', async () => {
    setClock(DURING)
    await clearSheet()
    const typed = { intent: 'save', [p(0)]: '1.500', [p(1)]: '7,5 điểm', [p(2)]: '1,25' }
    const res = await post(entryId, typed, c.judge)
    expect(res.status).toBe(400)
    const reply = replyOf(res.data)
    expect(reply.error?.[p(0)]).toEqual([
      withParams('validation.numberAmbiguous', {
        typed: '1.500',
        grouped: '1500',
        decimal: '1,500',
      }),
    ])
    expect(translator('vi')(reply.error![p(0)]![0]!)).toBe(
      'Chưa rõ “1.500” là 1500 hay 1,500. Viết 1500 nếu là số nguyên, 1,500 nếu là số thập phân.',
    )
    expect(reply.error?.[p(1)]).toEqual(['score.error.number'])
    expect(reply.error?.[p(2)]).toEqual(['score.error.step'])
    expect(reply.initialValue).toMatchObject(typed)
    expect(await sheetRows()).toEqual({ sheet: undefined, scores: [] })
  })

  it('saves a draft, submits, revises until close, auditing every write', async () => {
    setClock(DURING)
    await clearSheet()
    const db = getDb()
    const auditFrom =
      (
        await db
          .selectFrom('audit_log')
          .select((e) => e.fn.max('id').as('m'))
          .executeTakeFirst()
      )?.m ?? 0

    // Draft: one criterion only.
    let res = await post(entryId, { intent: 'save', [p(0)]: '12,5', [cm(0)]: 'Khá' }, c.judge)
    expect(res.status).toBe(302)
    expect(res.location).toBe(`/judge/entries/${entryId}?saved=draft`)
    let rows = await sheetRows()
    expect(rows.sheet).toMatchObject({ status: 'draft', submitted_at: null })
    expect(rows.scores).toEqual([{ criterion_id: criteria[0]!.id, points: 12.5, comment: 'Khá' }])
    const page = (await load(entryId, c.judge)).data as Awaited<
      ReturnType<typeof judgeEntry.loader>
    >
    expect(page.sheet).toMatchObject({ status: 'draft', total: 12.5 })

    // Submitting an incomplete sheet is refused, field by field.
    res = await post(entryId, { intent: 'submit', [p(0)]: '12,5' }, c.judge)
    expect(res.status).toBe(400)
    expect(replyOf(res.data).error?.[p(1)]).toEqual(['score.error.required'])
    expect((await sheetRows()).sheet?.status).toBe('draft')

    // A comment without points cannot be kept in a draft: said so, nothing lost from the page.
    res = await post(entryId, { intent: 'save', [cm(1)]: 'Chưa rõ' }, c.judge)
    expect(res.status).toBe(400)
    expect(replyOf(res.data).error?.[p(1)]).toEqual(['score.error.commentNeedsPoints'])

    // Submit.
    res = await post(entryId, FULL(), c.judge)
    expect(res.location).toBe(`/judge/entries/${entryId}?saved=submitted`)
    rows = await sheetRows()
    expect(rows.sheet?.status).toBe('submitted')
    const submittedAt = rows.sheet!.submitted_at
    expect(rows.scores.map((s) => s.points)).toEqual([15, 22.5, 40.5])

    // Revise after submitting: stays submitted, still needs every criterion.
    setClock(new Date('2025-11-20T03:00:00Z'))
    res = await post(entryId, { ...FULL(), intent: 'save', [p(2)]: '' }, c.judge)
    expect(res.status).toBe(400)
    res = await post(entryId, { ...FULL(), [p(2)]: '45' }, c.judge)
    expect(res.location).toBe(`/judge/entries/${entryId}?saved=revised`)
    rows = await sheetRows()
    expect(rows.sheet).toMatchObject({ status: 'submitted', submitted_at: submittedAt })
    expect(rows.scores.map((s) => s.points)).toEqual([15, 22.5, 45])

    // After close: no more revisions.
    setClock(AFTER)
    res = await post(entryId, { ...FULL(), [p(2)]: '50' }, c.judge)
    expect(res.status).toBe(409)
    expect((await sheetRows()).scores.map((s) => s.points)).toEqual([15, 22.5, 45])

    const audit = await db
      .selectFrom('audit_log')
      .selectAll()
      .where('id', '>', Number(auditFrom))
      .where('subject_type', '=', 'score_sheet')
      .orderBy('id')
      .execute()
    expect(audit.map((a) => a.action)).toEqual(['score.save', 'score.submit', 'score.revise'])
    for (const a of audit) {
      expect(a.actor_id).toBe(users.judge)
      expect(a.subject_id).toBe(String(rows.sheet!.id))
      expect(a.ip).toBe('127.0.0.1')
      expect(a.created_at).toMatch(/^\d{4}-\d{2}-\d{2}T/)
    }
    const [save, submit, revise] = audit.map((a) => ({
      before: JSON.parse(a.before!) as { status: string | null; scores: { points: number }[] },
      after: JSON.parse(a.after!) as { status: string | null; scores: { points: number }[] },
    }))
    expect(save!.before).toEqual({ entryId, status: null, scores: [] })
    expect(save!.after).toMatchObject({
      status: 'draft',
      scores: [{ points: 12.5, comment: 'Khá' }],
    })
    expect(submit!.before).toEqual(save!.after)
    expect(submit!.after.status).toBe('submitted')
    expect(revise!.before.scores.map((s) => s.points)).toEqual([15, 22.5, 40.5])
    expect(revise!.after.scores.map((s) => s.points)).toEqual([15, 22.5, 45])
  })
})

describe('the queue', () => {
  it('shows the judge’s own progress and each assigned entry', async () => {
    setClock(DURING)
    await clearSheet()
    await post(entryId, FULL(), c.otherJudge) // the other judge's second sheet is theirs, not ours
    const res = await call(judgeHome.loader, { path: '/judge', cookie: c.otherJudge })
    const d = res.data as Awaited<ReturnType<typeof judgeHome.loader>>
    expect(d.earlier).toEqual([])
    expect(d.upcoming).toEqual([])
    expect(d.open).toHaveLength(1)
    expect(d.open[0]).toMatchObject({ id: contestId, done: 1 })
    expect(d.open[0]!.entries.map((e) => [e.id, e.sheet]).sort()).toEqual(
      [
        [entryId, 'submitted'],
        [otherEntryId, 'none'],
      ].sort(),
    )
    setClock(AFTER)
    const later = (await call(judgeHome.loader, { path: '/judge', cookie: c.otherJudge }))
      .data as Awaited<ReturnType<typeof judgeHome.loader>>
    expect(later.open).toEqual([])
    expect(later.earlier).toHaveLength(1)
    setClock(BEFORE)
    const sooner = (await call(judgeHome.loader, { path: '/judge', cookie: c.otherJudge }))
      .data as Awaited<ReturnType<typeof judgeHome.loader>>
    expect([sooner.open, sooner.earlier]).toEqual([[], []])
    expect(sooner.upcoming).toHaveLength(1)
    expect(sooner.notice).toBeNull()
    const back = await call(judgeHome.loader, {
      path: '/judge?conflict=reassigned',
      cookie: c.otherJudge,
    })
    expect((back.data as { notice: string }).notice).toBe('conflict.done.reassigned')
  })
})
