import { afterEach, beforeAll, describe, expect, it } from 'vitest'
import { getDb } from '#db/index'
import { setClock } from '~/clock.server'
import * as panels from '~/routes/admin/contest-panels'
import * as progress from '~/routes/admin/contest-progress'
import * as conflict from '~/routes/judge/conflict'
import { call } from '../support/remix'
import {
  cookieFor,
  createOrgTree,
  createUser,
  type OrgTree,
  insertContest,
} from '../support/fixtures'

/** Panels, automatic and manual assignment, conflict declaration and reminders, through their routes. */
const NOMINATION = new Date('2025-08-15T03:00:00Z')
const SCREENING = new Date('2025-10-05T03:00:00Z')
const JUDGING = new Date('2025-11-01T03:00:00Z')
const CLOSED = new Date('2025-12-05T03:00:00Z')

let org: OrgTree
let contestId: number
const cookie = {} as Record<'admin' | 'farAdmin' | 'unit' | 'judge', string>
/** j1–j4 plain judges; j5 also the officer of org.unit; j6 also the officer of org.commune. */
const judges: number[] = []
const judgeCookies: string[] = []
let entries: number[] = []
const stamp = '2025-01-01T00:00:00.000Z'

async function insertEntry(unitId: number, communeId: number, title: string) {
  const db = getDb()
  const model = await db
    .insertInto('models')
    .values({
      slug: `m-${title.replace(/\W+/g, '-')}-${Math.random().toString(36).slice(2, 8)}`,
      unit_id: unitId,
      title,
      kind: 'model',
      field: 'economy',
      created_at: stamp,
      updated_at: stamp,
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
      snapshot: '{}',
      submitted_at: stamp,
      version: 1,
      title,
      kind: 'model',
      field: 'economy',
      created_at: stamp,
      updated_at: stamp,
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  await db
    .insertInto('entry_communes')
    .values({ entry_id: entry.id, commune_id: communeId })
    .execute()
  return entry.id
}

beforeAll(async () => {
  org = await createOrgTree()
  const contest = await insertContest(org.organiser, {
    screening_ends_on: '2025-10-15',
    judging_opens_on: '2025-10-16',
    judges_per_entry: 2,
  })
  contestId = contest.id
  const admin = await createUser([{ role: 'admin', orgUnitId: org.organiser }])
  cookie.admin = await cookieFor(admin.id)
  const far = await getDb()
    .insertInto('org_units')
    .values({
      kind: 'unit',
      unit_type: 'party_committee',
      name: 'Ban Dân vận B',
      parent_id: org.otherDistrict,
      created_at: stamp,
      updated_at: stamp,
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  cookie.farAdmin = await cookieFor((await createUser([{ role: 'admin', orgUnitId: far.id }])).id)
  cookie.unit = await cookieFor((await createUser([{ role: 'unit', orgUnitId: org.unit }])).id)
  for (let i = 1; i <= 6; i++) {
    const roles = [{ role: 'judge' as const, orgUnitId: null }]
    if (i === 5) roles.push({ role: 'unit' as never, orgUnitId: org.unit as never })
    if (i === 6) roles.push({ role: 'commune' as never, orgUnitId: org.commune as never })
    const u = await createUser(roles, `giamkhao${i}`)
    judges.push(u.id)
    judgeCookies.push(await cookieFor(u.id))
  }
  cookie.judge = judgeCookies[0]!
  entries = [
    await insertEntry(org.unit, org.commune, 'Hồ sơ A (thôn Một)'),
    await insertEntry(org.otherUnit, org.otherCommune, 'Hồ sơ B (thôn Hai)'),
    await insertEntry(org.otherUnit, org.otherCommune, 'Hồ sơ C (thôn Hai)'),
  ]
})
afterEach(() => setClock(null))

const path = () => `/admin/contests/${contestId}/panels`
const post = (form: Record<string, string>, who = cookie.admin) =>
  call(panels.action, { path: path(), params: { contestId: String(contestId) }, cookie: who, form })
const messageOf = (res: { data: unknown }) =>
  (res.data as { outcome?: { message: string }; message?: string }).outcome?.message ??
  (res.data as { message?: string }).message

async function activeAssignments() {
  return getDb()
    .selectFrom('assignments')
    .select(['id', 'entry_id', 'judge_id', 'source', 'status'])
    .where('status', '=', 'active')
    .orderBy('entry_id')
    .orderBy('judge_id')
    .execute()
}

describe('who may use the panels and progress pages', () => {
  it('admits the organiser of the contest and refuses everyone else', async () => {
    setClock(SCREENING)
    const args = { path: path(), params: { contestId: String(contestId) } }
    expect((await call(panels.loader, { ...args, cookie: cookie.admin })).status).toBe(200)
    for (const who of [cookie.farAdmin, cookie.unit, cookie.judge]) {
      expect((await call(panels.loader, { ...args, cookie: who })).status).toBe(403)
      expect((await post({ intent: 'autoAssign' }, who)).status).toBe(403)
    }
    const anonymous = await call(panels.loader, args)
    expect(anonymous.status).toBe(302)
    expect(anonymous.location).toMatch(/^\/login/)
    const progressArgs = {
      path: `/admin/contests/${contestId}/progress`,
      params: { contestId: String(contestId) },
    }
    expect((await call(progress.loader, { ...progressArgs, cookie: cookie.admin })).status).toBe(
      200,
    )
    expect((await call(progress.loader, { ...progressArgs, cookie: cookie.farAdmin })).status).toBe(
      403,
    )
    expect(
      (await call(progress.action, { ...progressArgs, cookie: cookie.judge, form: {} })).status,
    ).toBe(403)
    expect(
      (
        await call(panels.loader, {
          path: '/admin/contests/999/panels',
          params: { contestId: '999' },
          cookie: cookie.admin,
        })
      ).status,
    ).toBe(404)
  })
})

describe('panels', () => {
  it('creates a panel and adds judges (judges only)', async () => {
    setClock(NOMINATION)
    expect((await post({ intent: 'createPanel', name: 'Hội đồng chung' })).status).toBe(200)
    const dup = await post({ intent: 'createPanel', name: 'Hội đồng chung' })
    expect(dup.status).toBe(409)
    expect(messageOf(dup)).toBe('panels.error.nameTaken')
    expect((await post({ intent: 'createPanel', name: '' })).status).toBe(400)
    const panel = await getDb().selectFrom('panels').select('id').executeTakeFirstOrThrow()
    for (const j of judges) {
      const res = await post({ intent: 'addMember', panelId: String(panel.id), userId: String(j) })
      expect(res.status).toBe(200)
    }
    const unitOfficer = await getDb()
      .selectFrom('user_roles')
      .select('user_id')
      .where('role', '=', 'unit')
      .where('user_id', 'not in', judges)
      .executeTakeFirstOrThrow()
    const notJudge = await post({
      intent: 'addMember',
      panelId: String(panel.id),
      userId: String(unitOfficer.user_id),
    })
    expect(notJudge.status).toBe(409)
    expect(messageOf(notJudge)).toBe('assign.error.notJudge')
    const audit = await getDb()
      .selectFrom('audit_log')
      .select('action')
      .where('action', 'like', 'panel.%')
      .execute()
    expect(audit.length).toBe(1 + judges.length)
  })
})

describe('automatic assignment', () => {
  it('is refused outside screening and judging', async () => {
    for (const at of [NOMINATION, CLOSED]) {
      setClock(at)
      const res = await post({ intent: 'autoAssign' })
      expect(res.status).toBe(409)
      expect(messageOf(res)).toBe('contest.error.assignOutOfPhase')
    }
    expect(await activeAssignments()).toEqual([])
  })

  it('gives each accepted entry k judges, never of its unit or commune, balanced', async () => {
    setClock(SCREENING)
    const res = await post({ intent: 'autoAssign' })
    expect(res.status).toBe(200)
    expect(messageOf(res)).toBe('assign.autoDone')
    const rows = await activeAssignments()
    expect(rows).toHaveLength(6)
    for (const e of entries) expect(rows.filter((r) => r.entry_id === e)).toHaveLength(2)
    // Entry A is from org.unit in org.commune: judges 5 (its unit) and 6 (its commune) are out.
    const onA = rows.filter((r) => r.entry_id === entries[0]).map((r) => r.judge_id)
    expect(onA).not.toContain(judges[4])
    expect(onA).not.toContain(judges[5])
    const loads = judges.map((j) => rows.filter((r) => r.judge_id === j).length)
    expect(Math.max(...loads) - Math.min(...loads)).toBeLessThanOrEqual(1)
    const notes = await getDb()
      .selectFrom('notifications')
      .select(['user_id', 'kind', 'params'])
      .where('kind', '=', 'judging.assigned')
      .execute()
    expect(new Set(notes.map((n) => n.user_id))).toEqual(new Set(rows.map((r) => r.judge_id)))
    const audit = await getDb()
      .selectFrom('audit_log')
      .select(['actor_id', 'after'])
      .where('action', '=', 'assignment.auto')
      .execute()
    expect(audit).toHaveLength(1)
  })

  it('keeps existing assignments when run again, and adds for new entries', async () => {
    setClock(JUDGING)
    const before = await activeAssignments()
    const again = await post({ intent: 'autoAssign' })
    expect(again.status).toBe(200)
    expect(await activeAssignments()).toEqual(before)
    entries.push(await insertEntry(org.otherUnit, org.otherCommune, 'Hồ sơ D (thôn Hai)'))
    await post({ intent: 'autoAssign' })
    const after = await activeAssignments()
    expect(after.filter((r) => r.entry_id !== entries[3])).toEqual(before)
    expect(after.filter((r) => r.entry_id === entries[3])).toHaveLength(2)
  })

  it('shows entries lacking judges and why', async () => {
    setClock(JUDGING)
    // Judges 5 and 6 are the only free ones; an entry of org.unit can take neither.
    await getDb()
      .updateTable('contests')
      .set({ judges_per_entry: 6 })
      .where('id', '=', contestId)
      .execute()
    try {
      const res = await call(panels.loader, {
        path: path(),
        params: { contestId: String(contestId) },
        cookie: cookie.admin,
      })
      const d = res.data as Awaited<ReturnType<typeof panels.loader>>
      const a = d.entries.find((e) => e.id === entries[0])!
      expect(a.shortfall).toMatchObject({
        required: 6,
        panelSize: 6,
        eligible: 4,
        excluded: { sameUnit: 1, sameCommune: 1, declared: 0, removed: 0 },
      })
    } finally {
      await getDb()
        .updateTable('contests')
        .set({ judges_per_entry: 2 })
        .where('id', '=', contestId)
        .execute()
    }
  })
})

describe('assignment by hand', () => {
  it('refuses judges of the entry’s unit or commune, and declared conflicts', async () => {
    setClock(JUDGING)
    const a = String(entries[0])
    const sameUnit = await post({ intent: 'addAssignment', entryId: a, judgeId: String(judges[4]) })
    expect(sameUnit.status).toBe(409)
    expect(messageOf(sameUnit)).toBe('assign.error.sameUnit')
    const sameCommune = await post({
      intent: 'addAssignment',
      entryId: a,
      judgeId: String(judges[5]),
    })
    expect(messageOf(sameCommune)).toBe('assign.error.sameCommune')
    const rows = await activeAssignments()
    const notOnA = judges
      .slice(0, 4)
      .filter((j) => !rows.some((r) => r.entry_id === entries[0] && r.judge_id === j))
    expect(notOnA.length).toBeGreaterThanOrEqual(2)
    await getDb()
      .insertInto('conflicts')
      .values({
        judge_id: notOnA[0]!,
        entry_id: null,
        org_unit_id: org.unit,
        reason: 'Vợ là bí thư chi bộ thôn Một.',
        declared_at: stamp,
      })
      .execute()
    const declared = await post({ intent: 'addAssignment', entryId: a, judgeId: String(notOnA[0]) })
    expect(declared.status).toBe(409)
    expect(messageOf(declared)).toBe('assign.error.declared')
    const ok = await post({ intent: 'addAssignment', entryId: a, judgeId: String(notOnA[1]) })
    expect(ok.status).toBe(200)
    const added = (await activeAssignments()).find(
      (r) => r.entry_id === entries[0] && r.judge_id === notOnA[1],
    )
    expect(added?.source).toBe('manual')
    const again = await post({ intent: 'addAssignment', entryId: a, judgeId: String(notOnA[1]) })
    expect(messageOf(again)).toBe('assign.error.already')
  })

  it('removes an assignment; a re-run does not put the pair back', async () => {
    setClock(JUDGING)
    const row = (await activeAssignments()).find((r) => r.entry_id === entries[1])!
    expect((await post({ intent: 'removeAssignment', assignmentId: String(row.id) })).status).toBe(
      200,
    )
    await post({ intent: 'autoAssign' })
    const after = await activeAssignments()
    expect(after.some((r) => r.entry_id === entries[1] && r.judge_id === row.judge_id)).toBe(false)
    expect(after.filter((r) => r.entry_id === entries[1])).toHaveLength(2)
  })
})

describe('a judge declares a conflict', () => {
  const declare = (entryId: number, who: string, reason = 'Anh ruột là trưởng thôn Hai.') =>
    call(conflict.action, {
      path: `/judge/entries/${entryId}/conflict`,
      params: { entryId: String(entryId) },
      cookie: who,
      form: { reason },
    })

  it('marks the assignment conflicted and reassigns the entry', async () => {
    setClock(JUDGING)
    const entry = entries[2]!
    const row = (await activeAssignments()).find((r) => r.entry_id === entry)!
    const who = judgeCookies[judges.indexOf(row.judge_id)]!
    expect((await declare(entry, who, ' ')).status).toBe(400)
    const res = await declare(entry, who)
    expect(res.status).toBe(302)
    expect(res.location).toBe('/judge?conflict=reassigned')
    const rows = await activeAssignments()
    const onEntry = rows.filter((r) => r.entry_id === entry)
    expect(onEntry).toHaveLength(2)
    expect(onEntry.map((r) => r.judge_id)).not.toContain(row.judge_id)
    const marked = await getDb()
      .selectFrom('assignments')
      .select('status')
      .where('id', '=', row.id)
      .executeTakeFirstOrThrow()
    expect(marked.status).toBe('conflicted')
    const declared = await getDb()
      .selectFrom('conflicts')
      .selectAll()
      .where('entry_id', '=', entry)
      .executeTakeFirstOrThrow()
    expect(declared.judge_id).toBe(row.judge_id)
    // The organiser is told; the same judge cannot declare twice, and cannot be put back by hand.
    const told = await getDb()
      .selectFrom('notifications')
      .select('kind')
      .where('kind', '=', 'judging.conflictReassigned')
      .execute()
    expect(told).toHaveLength(1)
    expect((await declare(entry, who)).status).toBe(403)
    const back = await post({
      intent: 'addAssignment',
      entryId: String(entry),
      judgeId: String(row.judge_id),
    })
    expect(messageOf(back)).toBe('assign.error.declared')
  })

  it('is refused to judges not assigned, to other roles, and out of phase', async () => {
    setClock(JUDGING)
    const rows = await activeAssignments()
    const entry = entries[1]!
    const outsider = judges.find(
      (j) => !rows.some((r) => r.entry_id === entry && r.judge_id === j),
    )!
    expect((await declare(entry, judgeCookies[judges.indexOf(outsider)]!)).status).toBe(403)
    expect((await declare(entry, cookie.unit)).status).toBe(403)
    expect((await declare(999_999, cookie.judge)).status).toBe(404)
    const mine = rows.find((r) => r.entry_id === entry)!
    setClock(CLOSED)
    const late = await declare(entry, judgeCookies[judges.indexOf(mine.judge_id)]!)
    expect(late.status).toBe(409)
    expect(messageOf(late)).toBe('conflict.error.outOfPhase')
  })
})

describe('progress and reminders', () => {
  const progressCall = (form?: Record<string, string>, who = cookie.admin) =>
    call(form ? progress.action : progress.loader, {
      path: `/admin/contests/${contestId}/progress`,
      params: { contestId: String(contestId) },
      cookie: who,
      form,
    })

  it('shows completion per judge and per entry', async () => {
    setClock(JUDGING)
    const rows = await activeAssignments()
    const done = rows[0]!
    await getDb()
      .insertInto('score_sheets')
      .values({
        entry_id: done.entry_id,
        judge_id: done.judge_id,
        status: 'submitted',
        submitted_at: JUDGING.toISOString(),
        updated_at: JUDGING.toISOString(),
      })
      .execute()
    const res = await progressCall()
    const d = res.data as Awaited<ReturnType<typeof progress.loader>>
    const judge = d.judges.find((j) => j.judgeId === done.judge_id)!
    expect(judge.submitted).toBe(1)
    expect(judge.assigned).toBe(rows.filter((r) => r.judge_id === done.judge_id).length)
    const entry = d.entries.find((e) => e.entryId === done.entry_id)!
    expect(entry).toMatchObject({
      submitted: 1,
      judges: rows.filter((r) => r.entry_id === done.entry_id).length,
    })
  })

  it('sends reminders to judges who are behind, only while judging', async () => {
    setClock(SCREENING)
    const early = await progressCall({})
    expect(early.status).toBe(409)
    expect(messageOf(early)).toBe('progress.error.notJudging')
    setClock(JUDGING)
    const res = await progressCall({})
    expect(res.status).toBe(200)
    const rows = await activeAssignments()
    const behind = new Set(rows.map((r) => r.judge_id))
    const notes = await getDb()
      .selectFrom('notifications')
      .select(['user_id', 'params'])
      .where('kind', '=', 'judging.reminder')
      .execute()
    expect(new Set(notes.map((n) => n.user_id))).toEqual(behind)
    expect((res.data as { sent: number }).sent).toBe(behind.size)
    const one = await progressCall({ judgeId: String(rows[0]!.judge_id) })
    expect((one.data as { sent: number }).sent).toBe(1)
    expect((await progressCall({}, cookie.farAdmin)).status).toBe(403)
  })
})

describe('judges who can no longer judge', () => {
  it('are not picked when their account is locked', async () => {
    setClock(JUDGING)
    await getDb().updateTable('users').set({ is_active: 0 }).where('id', '=', judges[0]!).execute()
    try {
      const entry = await insertEntry(org.otherUnit, org.otherCommune, 'Hồ sơ E (thôn Hai)')
      expect((await post({ intent: 'autoAssign' })).status).toBe(200)
      const onE = (await activeAssignments()).filter((r) => r.entry_id === entry)
      expect(onE).toHaveLength(2)
      expect(onE.map((r) => r.judge_id)).not.toContain(judges[0])
      const locked = await post({
        intent: 'addAssignment',
        entryId: String(entry),
        judgeId: String(judges[0]),
      })
      expect(messageOf(locked)).toBe('assign.error.notJudge')
    } finally {
      await getDb()
        .updateTable('users')
        .set({ is_active: 1 })
        .where('id', '=', judges[0]!)
        .execute()
    }
  })
})
