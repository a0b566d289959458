import { afterEach, beforeAll, describe, expect, it } from 'vitest'
import { getDb } from '#db/index'
import { unreadCount } from '#db/repos/notifications'
import { setClock } from '~/clock.server'
import * as adminEntries from '~/routes/admin/entries'
import * as adminEntry from '~/routes/admin/entry'
import * as notifications from '~/routes/notifications'
import { call } from '../support/remix'
import {
  cookieFor,
  createOrgTree,
  createUser,
  type OrgTree,
  insertContest,
} from '../support/fixtures'

/** Screening: accept, return and reject by role and phase; filters; notifications to the unit. */
const NOMINATION = new Date('2025-08-15T03:00:00Z')
const SCREENING = new Date('2025-10-05T03:00:00Z')
const JUDGING = new Date('2025-10-20T03:00:00Z')

let org: OrgTree
let contestId: number
let unitOfficer: number
const c = {} as Record<'admin' | 'farAdmin' | 'unit' | 'judge', string>
let seq = 0

async function submittedEntry(
  title: string,
  opts: { unit?: number; field?: 'economy' | 'culture_society'; commune?: number } = {},
) {
  seq += 1
  const at = '2025-08-01T00:00:00.000Z'
  const unit = opts.unit ?? org.unit
  const field = opts.field ?? 'economy'
  const model = await getDb()
    .insertInto('models')
    .values({
      slug: `mo-hinh-${seq}`,
      unit_id: unit,
      title,
      kind: 'model',
      field,
      created_at: at,
      updated_at: at,
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  const entry = await getDb()
    .insertInto('entries')
    .values({
      contest_id: contestId,
      model_id: model.id,
      unit_id: unit,
      state: 'submitted',
      title,
      kind: 'model',
      field,
      snapshot: JSON.stringify({ title }),
      version: 1,
      submitted_at: at,
      first_submitted_at: at,
      created_at: at,
      updated_at: at,
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  await getDb()
    .insertInto('entry_communes')
    .values({ entry_id: entry.id, commune_id: opts.commune ?? org.commune })
    .execute()
  return entry.id
}

const stateOf = (id: number) =>
  getDb()
    .selectFrom('entries')
    .select(['state', 'return_reason', 'reject_reason', 'decided_by'])
    .where('id', '=', id)
    .executeTakeFirstOrThrow()

const noticesOf = (userId: number, kind: string) =>
  getDb()
    .selectFrom('notifications')
    .selectAll()
    .where('user_id', '=', userId)
    .where('kind', '=', kind)
    .execute()

const decide = (id: number, cookie: string | undefined, form: Record<string, string>) =>
  call(adminEntry.action, {
    path: `/admin/entries/${id}`,
    params: { entryId: String(id) },
    cookie,
    form,
  })

beforeAll(async () => {
  org = await createOrgTree()
  const at = '2025-01-01T00:00:00.000Z'
  const contest = await insertContest(org.organiser, {
    title: 'Bình xét năm 2025',
    screening_ends_on: '2025-10-15',
    judging_opens_on: '2025-10-16',
  })
  contestId = contest.id
  const officer = await createUser([{ role: 'unit', orgUnitId: org.unit }])
  unitOfficer = officer.id
  c.unit = await cookieFor(officer.id)
  c.judge = await cookieFor((await createUser([{ role: 'judge', orgUnitId: null }])).id)
  c.admin = await cookieFor((await createUser([{ role: 'admin', orgUnitId: org.organiser }])).id)
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
})
afterEach(() => setClock(null))

describe('screening decisions', () => {
  it('accepts a submitted entry during screening, audited, and tells the unit', async () => {
    setClock(SCREENING)
    const id = await submittedEntry('Dân hiến đất làm đường')
    const res = await decide(id, c.admin, { intent: 'accept' })
    expect(res.status).toBe(200)
    expect(res.data).toMatchObject({ decision: 'accept', done: true })
    expect(await stateOf(id)).toMatchObject({ state: 'accepted' })
    const audit = await getDb()
      .selectFrom('audit_log')
      .select(['action', 'before', 'after'])
      .where('subject_id', '=', String(id))
      .execute()
    expect(audit).toEqual([
      {
        action: 'entry.accept',
        before: '{"state":"submitted"}',
        after: '{"state":"accepted"}',
      },
    ])
    const notices = await noticesOf(unitOfficer, 'entry.accepted')
    expect(notices.map((n) => [JSON.parse(n.params), n.link])).toContainEqual([
      { title: 'Dân hiến đất làm đường' },
      `/unit/entries/${id}`,
    ])
  })

  it('accepts during nomination too', async () => {
    setClock(NOMINATION)
    const id = await submittedEntry('Mô hình nộp sớm')
    expect((await decide(id, c.admin, { intent: 'accept' })).status).toBe(200)
    expect((await stateOf(id)).state).toBe('accepted')
  })

  it('rejects only with a reason, which the unit reads', async () => {
    setClock(SCREENING)
    const id = await submittedEntry('Mô hình không đủ điều kiện')
    const noReason = await decide(id, c.admin, { intent: 'reject', reason: '' })
    expect(noReason.status).toBe(400)
    expect((await stateOf(id)).state).toBe('submitted')
    const res = await decide(id, c.admin, {
      intent: 'reject',
      reason: 'Mô hình mới triển khai 3 tháng, chưa có kết quả.',
    })
    expect(res.status).toBe(200)
    expect(await stateOf(id)).toMatchObject({
      state: 'rejected',
      reject_reason: 'Mô hình mới triển khai 3 tháng, chưa có kết quả.',
    })
    const notices = await noticesOf(unitOfficer, 'entry.rejected')
    expect(notices.map((n) => JSON.parse(n.params) as unknown)).toContainEqual({
      title: 'Mô hình không đủ điều kiện',
      reason: 'Mô hình mới triển khai 3 tháng, chưa có kết quả.',
    })
  })

  it('returns with a reason (the form without intent stays the return form)', async () => {
    setClock(SCREENING)
    const id = await submittedEntry('Mô hình cần bổ sung')
    const res = await decide(id, c.admin, { reason: 'Bổ sung ảnh minh chứng.' })
    expect(res.status).toBe(200)
    expect(await stateOf(id)).toMatchObject({
      state: 'returned',
      return_reason: 'Bổ sung ảnh minh chứng.',
    })
    expect(await noticesOf(unitOfficer, 'entry.returned')).not.toHaveLength(0)
  })

  it('refuses a decision on an entry that is not submitted', async () => {
    setClock(SCREENING)
    const id = await submittedEntry('Mô hình đã tiếp nhận')
    await decide(id, c.admin, { intent: 'accept' })
    for (const form of <Record<string, string>[]>[
      { intent: 'accept' },
      { intent: 'reject', reason: 'Lý do không tiếp nhận.' },
    ]) {
      const res = await decide(id, c.admin, form)
      expect(res.status).toBe(409)
      expect(
        (res.data as { result: { error: Record<string, string[]> } }).result.error[''],
      ).toEqual(['screening.error.notSubmitted'])
    }
    const ret = await decide(id, c.admin, { intent: 'return', reason: 'Bổ sung ảnh minh chứng.' })
    expect(ret.status).toBe(409)
    expect((await stateOf(id)).state).toBe('accepted')
  })

  it('refuses every decision out of phase, with the reason on the page', async () => {
    setClock(JUDGING)
    const id = await submittedEntry('Mô hình nộp muộn')
    for (const form of <Record<string, string>[]>[
      { intent: 'accept' },
      { intent: 'reject', reason: 'Lý do không tiếp nhận.' },
      { intent: 'return', reason: 'Bổ sung ảnh minh chứng.' },
    ]) {
      const res = await decide(id, c.admin, form)
      expect(res.status).toBe(409)
      expect(
        (res.data as { result: { error: Record<string, string[]> } }).result.error[''],
      ).toEqual(['screening.error.outOfPhase'])
    }
    expect((await stateOf(id)).state).toBe('submitted')
    const page = await call(adminEntry.loader, {
      path: `/admin/entries/${id}`,
      params: { entryId: String(id) },
      cookie: c.admin,
    })
    expect(page.data).toMatchObject({ screeningRefusal: 'screening.error.outOfPhase' })
    setClock(SCREENING)
    const open = await call(adminEntry.loader, {
      path: `/admin/entries/${id}`,
      params: { entryId: String(id) },
      cookie: c.admin,
    })
    expect(open.data).toMatchObject({ screeningRefusal: null })
  })

  it('refuses another area’s organiser, units, judges and anonymous visitors', async () => {
    setClock(SCREENING)
    const id = await submittedEntry('Mô hình được bảo vệ')
    for (const who of ['farAdmin', 'unit', 'judge'] as const) {
      for (const form of <Record<string, string>[]>[
        { intent: 'accept' },
        { intent: 'reject', reason: 'Lý do không tiếp nhận.' },
      ]) {
        expect((await decide(id, c[who], form)).status).toBe(403)
      }
    }
    const anonymous = await decide(id, undefined, { intent: 'accept' })
    expect(anonymous.status).toBe(302)
    expect(anonymous.location).toMatch(/^\/login/)
    expect((await stateOf(id)).state).toBe('submitted')
  })
})

describe('screening list', () => {
  it('filters by field, unit, commune and state, and searches titles without diacritics', async () => {
    setClock(SCREENING)
    const a = await submittedEntry('Tổ tự quản đường điện', { field: 'culture_society' })
    const stamp = new Date().toISOString()
    const commune3 = await getDb()
      .insertInto('org_units')
      .values({
        kind: 'commune',
        name: 'Xã Ba',
        parent_id: org.district,
        created_at: stamp,
        updated_at: stamp,
      })
      .returning('id')
      .executeTakeFirstOrThrow()
    const unit3 = await getDb()
      .insertInto('org_units')
      .values({
        kind: 'unit',
        unit_type: 'front',
        name: 'Mặt trận xã Ba',
        parent_id: commune3.id,
        created_at: stamp,
        updated_at: stamp,
      })
      .returning('id')
      .executeTakeFirstOrThrow()
    const b = await submittedEntry('Nhà văn hóa thôn Ba', { unit: unit3.id, commune: commune3.id })
    const far = await submittedEntry('Nhà văn hóa thôn Hai', {
      unit: org.otherUnit,
      commune: org.otherCommune,
    })
    const list = async (query: string, cookie = c.admin) => {
      const res = await call(adminEntries.loader, {
        path: `/admin/entries?contest=${contestId}&${query}`,
        cookie,
      })
      return (res.data as { entries: { id: number }[] }).entries.map((e) => e.id)
    }
    expect(await list('field=culture_society')).toEqual([a])
    expect(await list('q=to tu quan')).toEqual([a])
    expect(await list('q=TỔ TỰ')).toEqual([a])
    expect(await list(`unit=${unit3.id}`)).toEqual([b])
    expect(await list(`commune=${commune3.id}`)).toEqual([b])
    expect(await list(`commune=${org.commune}`)).not.toContain(b)
    expect(await list('')).not.toContain(far)
    expect(await list('state=submitted')).toEqual(expect.arrayContaining([a, b]))
    expect(await list('state=accepted')).not.toContain(a)
    // The other district's organiser sees only its own area.
    expect(await list('', c.farAdmin)).toEqual([far])
  })
})

describe('notifications', () => {
  it('lists the unit’s notifications, opens one (marking it read) and marks all read', async () => {
    const before = await unreadCount(unitOfficer)
    expect(before).toBeGreaterThan(0)
    const page = await call(notifications.loader, { path: '/notifications', cookie: c.unit })
    const items = (page.data as { notifications: { id: number; text: string; unread: boolean }[] })
      .notifications
    expect(items.length).toBe(before)
    expect(items.map((n) => n.text)).toEqual(
      expect.arrayContaining([
        'notice.entry.accepted',
        'notice.entry.rejected',
        'notice.entry.returned',
      ]),
    )
    const first = items[0]!
    const opened = await call(notifications.action, {
      path: '/notifications',
      cookie: c.unit,
      form: { intent: 'open', id: String(first.id) },
    })
    expect(opened.status).toBe(302)
    expect(opened.location).toMatch(/^\/unit\/entries\/\d+$/)
    expect(await unreadCount(unitOfficer)).toBe(before - 1)
    // Someone else's notification is not theirs to open.
    const stranger = await call(notifications.action, {
      path: '/notifications',
      cookie: c.judge,
      form: { intent: 'open', id: String(items[1]!.id) },
    })
    expect(stranger.status).toBe(404)
    expect(await unreadCount(unitOfficer)).toBe(before - 1)
    const all = await call(notifications.action, {
      path: '/notifications',
      cookie: c.unit,
      form: { intent: 'read-all' },
    })
    expect(all.status).toBe(200)
    expect(await unreadCount(unitOfficer)).toBe(0)
  })

  it('sends anonymous visitors to sign in', async () => {
    const res = await call(notifications.loader, { path: '/notifications' })
    expect(res.status).toBe(302)
  })
})
