import { afterEach, beforeAll, describe, expect, it } from 'vitest'
import { getDb } from '#db/index'
import type { Field } from '#db/domain'
import { findReplication } from '#db/repos/replications'
import type { SessionUser } from '~/auth/permissions'
import { setClock } from '~/clock.server'
import { registerAsModel } from '~/replication/replications.server'
import * as adminReplications from '~/routes/admin/replications'
import * as communeHome from '~/routes/commune/home'
import * as replicationPage from '~/routes/commune/replication'
import * as replicationNew from '~/routes/commune/replication-new'
import { call } from '../support/remix'
import { cookieFor, createOrgTree, createUser, type OrgTree } from '../support/fixtures'

/**
 * Replication actions × role: the commune officer of the commune acts; another
 * commune's officer, unit officers, judges and anonymous visitors are refused and
 * nothing changes; the area's organiser reads. Duplicates, illegal transitions,
 * stop reasons, exact decimals, staleness on an injected clock, and lineage.
 */
const JUNE = new Date('2026-06-01T03:00:00.000Z')

let org: OrgTree
const users = {} as Record<
  'officer' | 'otherOfficer' | 'unit' | 'judge' | 'admin' | 'farAdmin',
  number
>
let published: number
let publishedB: number
let unpublished: number
let communeUnit: number
let seq = 0

async function model(title: string, opts: { published: boolean; field?: Field; unit?: number }) {
  seq += 1
  const at = '2024-01-01T00:00:00.000Z'
  const { id } = await getDb()
    .insertInto('models')
    .values({
      slug: `mo-hinh-${seq}`,
      unit_id: opts.unit ?? org.otherUnit,
      title,
      kind: 'model',
      field: opts.field ?? 'economy',
      summary: `Tóm tắt ${title}`,
      published_at: opts.published ? at : null,
      created_at: at,
      updated_at: at,
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  return id
}

/** A fresh session (sessions follow the injected clock). */
async function as(user: keyof typeof users) {
  return cookieFor(users[user])
}

function create(cookie: string | undefined, form: Record<string, string>) {
  return call(replicationNew.action, { path: '/commune/replications/new', cookie, form })
}

function act(id: number, cookie: string | undefined, form: Record<string, string>) {
  return call(replicationPage.action, {
    path: `/commune/replications/${id}`,
    params: { replicationId: String(id) },
    cookie,
    form,
  })
}

function view(id: number, cookie: string | undefined) {
  return call(replicationPage.loader, {
    path: `/commune/replications/${id}`,
    params: { replicationId: String(id) },
    cookie,
  })
}

const row = (id: number) =>
  getDb().selectFrom('replications').selectAll().where('id', '=', id).executeTakeFirstOrThrow()
/** The replication of a source model (each test model is replicated once, in the officer's commune). */
const replicationOf = async (modelId: number) =>
  (
    await getDb()
      .selectFrom('replications')
      .select('id')
      .where('source_model_id', '=', modelId)
      .executeTakeFirstOrThrow()
  ).id
const count = (table: 'replications' | 'replication_reports' | 'models') =>
  getDb()
    .selectFrom(table)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow()
    .then((r) => Number(r.n))
const idFrom = (location: string | null) =>
  Number(/\/commune\/replications\/(\d+)/.exec(location ?? '')![1])

type Reply = {
  result: { error?: Record<string, string[]>; initialValue?: Record<string, unknown> }
}
const errors = (data: unknown) => (data as Reply).result.error ?? {}

beforeAll(async () => {
  setClock(JUNE)
  org = await createOrgTree()
  users.officer = (await createUser([{ role: 'commune', orgUnitId: org.commune }])).id
  users.otherOfficer = (await createUser([{ role: 'commune', orgUnitId: org.otherCommune }])).id
  users.unit = (await createUser([{ role: 'unit', orgUnitId: org.unit }])).id
  users.judge = (await createUser([{ role: 'judge', orgUnitId: null }])).id
  users.admin = (await createUser([{ role: 'admin', orgUnitId: org.organiser }])).id
  // An organiser of the other district: the commune is outside their area.
  const farOffice = await getDb()
    .insertInto('org_units')
    .values({
      kind: 'unit',
      name: 'Ban Dân vận Huyện ủy B',
      parent_id: org.otherDistrict,
      unit_type: 'party_committee',
      created_at: JUNE.toISOString(),
      updated_at: JUNE.toISOString(),
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  users.farAdmin = (await createUser([{ role: 'admin', orgUnitId: farOffice.id }])).id
  communeUnit = org.unit // "Chi bộ thôn Một", a unit of the officer's commune
  published = await model('Dân hiến đất làm đường bê tông', { published: true })
  publishedB = await model('Tổ tự quản an ninh', { published: true, field: 'defence_security' })
  unpublished = await model('Mô hình chưa công bố', { published: false })
  await getDb()
    .insertInto('indicators')
    .values([
      { model_id: published, position: 1, label: 'Đường bê tông', value: '12.5', unit: 'km' },
      { model_id: published, position: 2, label: 'Số hộ hiến đất', value: '230', unit: 'hộ' },
    ])
    .execute()
})

afterEach(() => setClock(JUNE))

describe('registering a replication', () => {
  let id: number

  it('records it for the officer’s own commune, ignoring any posted commune, with an audit row', async () => {
    const res = await create(await as('officer'), {
      model_id: String(published),
      start_date: '15/03/2026',
      adaptations: 'Làm trước ở hai thôn',
      responsible_unit_id: String(communeUnit),
      commune_id: String(org.otherCommune),
    })
    expect(res.status).toBe(302)
    id = idFrom(res.location)
    const r = await row(id)
    expect(r).toMatchObject({
      source_model_id: published,
      commune_id: org.commune,
      responsible_unit_id: communeUnit,
      start_date: '2026-03-15',
      status: 'planned',
      adaptations: 'Làm trước ở hai thôn',
      created_by: users.officer,
    })
    const audit = await getDb()
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'replication.create')
      .where('subject_id', '=', String(id))
      .execute()
    expect(audit).toHaveLength(1)
    // The catalog's count of the source model moved in the same transaction.
    const indexed = await getDb()
      .selectFrom('model_catalog')
      .select('replication_count')
      .where('model_id', '=', published)
      .executeTakeFirstOrThrow()
    expect(indexed.replication_count).toBe(1)
  })

  it('refuses the same model twice in one commune with 409 and a message on the model', async () => {
    const before = await count('replications')
    const res = await create(await as('officer'), {
      model_id: String(published),
      start_date: '2026-04-01',
    })
    expect(res.status).toBe(409)
    expect(errors(res.data).model_id).toEqual(['replication.error.duplicate'])
    expect(await count('replications')).toBe(before)
  })

  it('refuses unpublished models, far-future dates and foreign units with 400, keeping what was typed', async () => {
    const cookie = await as('officer')
    const before = await count('replications')
    let res = await create(cookie, { model_id: String(unpublished), start_date: '2026-04-01' })
    expect(res.status).toBe(400)
    expect(errors(res.data).model_id).toEqual(['replication.error.modelNotPublished'])

    res = await create(cookie, {
      model_id: String(publishedB),
      start_date: '02/06/2027',
      adaptations: 'Giữ nguyên nội dung',
    })
    expect(res.status).toBe(400)
    expect(errors(res.data).start_date).toEqual(['replication.error.startTooLate'])
    expect((res.data as Reply).result.initialValue).toMatchObject({
      start_date: '02/06/2027',
      adaptations: 'Giữ nguyên nội dung',
    })

    res = await create(cookie, { model_id: String(publishedB), start_date: '31/02/2026' })
    expect(res.status).toBe(400)
    expect(errors(res.data).start_date).toEqual(['validation.date'])

    res = await create(cookie, {
      model_id: String(publishedB),
      start_date: '2026-04-01',
      responsible_unit_id: String(org.otherUnit),
    })
    expect(res.status).toBe(400)
    expect(errors(res.data).responsible_unit_id).toEqual(['validation.invalidChoice'])
    expect(await count('replications')).toBe(before)
  })

  it('is the commune officer’s alone: other roles get 403, anonymous visitors sign in', async () => {
    const before = await count('replications')
    for (const who of ['unit', 'judge', 'admin'] as const) {
      const res = await create(await as(who), {
        model_id: String(publishedB),
        start_date: '2026-04-01',
      })
      expect(res.status, who).toBe(403)
    }
    const anon = await create(undefined, { model_id: String(publishedB), start_date: '2026-04-01' })
    expect(anon.status).toBe(302)
    expect(anon.location).toMatch(/^\/login/)
    expect(await count('replications')).toBe(before)
  })

  it('prefills a published model from ?model=<slug>, and only a published one', async () => {
    const slug = (
      await getDb()
        .selectFrom('models')
        .select('slug')
        .where('id', '=', publishedB)
        .executeTakeFirstOrThrow()
    ).slug
    const res = await call(replicationNew.loader, {
      path: `/commune/replications/new?model=${slug}`,
      cookie: await as('officer'),
    })
    expect(res.data).toMatchObject({ model: { id: publishedB }, commune: { id: org.commune } })
    const hidden = await call(replicationNew.loader, {
      path: `/commune/replications/new?model=${unpublished}`,
      cookie: await as('officer'),
    })
    expect(hidden.data).toMatchObject({ model: null, modelNotFound: true })
  })

  it('lists the commune’s replications on /commune with a link and last update', async () => {
    const res = await call(communeHome.loader, { path: '/commune', cookie: await as('officer') })
    const list = (res.data as { replications: { id: number; lastUpdate: string }[] }).replications
    expect(list.map((r) => r.id)).toEqual([id])
    expect(list[0]!.lastUpdate).toBe(JUNE.toISOString())
  })
})

describe('acting on a replication', () => {
  let id: number

  beforeAll(async () => {
    const res = await create(await as('officer'), {
      model_id: String(publishedB),
      start_date: '2026-05-01',
    })
    id = idFrom(res.location)
  })

  it('shows it to its officer (editable) and the area’s organiser (read only), not to others', async () => {
    const own = await view(id, await as('officer'))
    expect(own.status).toBe(200)
    expect(own.data).toMatchObject({ editable: true, nextStatuses: ['in_progress', 'stopped'] })
    const organiser = await view(id, await as('admin'))
    expect(organiser.status).toBe(200)
    expect(organiser.data).toMatchObject({ editable: false })
    for (const who of ['otherOfficer', 'farAdmin', 'unit', 'judge'] as const) {
      expect((await view(id, await as(who))).status, who).toBe(403)
    }
    expect((await view(999_999, await as('officer'))).status).toBe(404)
  })

  it('refuses every change by anyone but its officer, and nothing changes', async () => {
    const before = await row(id)
    const forms: Record<string, string>[] = [
      { intent: 'status', status: 'in_progress' },
      { intent: 'report', reported_on: '2026-05-20', note: 'Báo cáo giả' },
      { intent: 'register', unit_id: String(communeUnit) },
    ]
    for (const who of ['otherOfficer', 'admin', 'unit', 'judge'] as const) {
      for (const form of forms) {
        const res = await act(id, await as(who), form)
        expect(res.status, `${who} ${form.intent}`).toBe(403)
      }
    }
    for (const form of forms) {
      const res = await act(id, undefined, form)
      expect(res.status).toBe(302)
      expect(res.location).toMatch(/^\/login/)
    }
    expect(await row(id)).toEqual(before)
    const reports = await getDb()
      .selectFrom('replication_reports')
      .select('id')
      .where('replication_id', '=', id)
      .execute()
    expect(reports).toHaveLength(0)
  })

  it('refuses an illegal transition with 409 and leaves the status', async () => {
    const res = await act(id, await as('officer'), { intent: 'status', status: 'achieved' })
    expect(res.status).toBe(409)
    expect(errors(res.data).status).toEqual(['replication.error.transition'])
    expect((await row(id)).status).toBe('planned')
  })

  it('moves planned → in progress, with an audit row', async () => {
    const res = await act(id, await as('officer'), { intent: 'status', status: 'in_progress' })
    expect(res.status).toBe(302)
    expect(res.location).toBe(`/commune/replications/${id}?status=1`)
    expect((await row(id)).status).toBe('in_progress')
    const audit = await getDb()
      .selectFrom('audit_log')
      .select(['before', 'after'])
      .where('action', '=', 'replication.status')
      .where('subject_id', '=', String(id))
      .executeTakeFirstOrThrow()
    expect(JSON.parse(audit.after!)).toEqual({ status: 'in_progress' })
  })

  it('needs a reason to stop: 400 with the message next to the field', async () => {
    const res = await act(id, await as('officer'), {
      intent: 'status',
      status: 'stopped',
      stop_reason: '  ',
    })
    expect(res.status).toBe(400)
    expect(errors(res.data).stop_reason).toEqual(['replication.error.stopReasonRequired'])
    expect((await row(id)).status).toBe('in_progress')
  })
})

describe('reports', () => {
  let id: number

  beforeAll(async () => {
    id = await replicationOf(published)
  })

  it('stores exact decimals typed the Vietnamese way and shows them beside the source', async () => {
    setClock(new Date('2026-06-20T03:00:00.000Z'))
    const res = await act(id, await as('officer'), {
      intent: 'report',
      reported_on: '18/06/2026',
      note: 'Đã làm xong hai tuyến',
      'indicators[0].label': 'đường BÊ TÔNG',
      'indicators[0].value': '1.234,5',
      'indicators[0].unit': 'km',
      'indicators[1].label': 'Nhà văn hóa sửa chữa',
      'indicators[1].value': '0,25',
      'indicators[1].unit': 'nhà',
    })
    expect(res.status).toBe(302)
    const stored = await getDb()
      .selectFrom('indicators')
      .innerJoin(
        'replication_reports',
        'replication_reports.id',
        'indicators.replication_report_id',
      )
      .select(['indicators.label', 'indicators.value', 'indicators.unit'])
      .where('replication_reports.replication_id', '=', id)
      .orderBy('indicators.position')
      .execute()
    expect(stored).toEqual([
      { label: 'đường BÊ TÔNG', value: '1234.5', unit: 'km' },
      { label: 'Nhà văn hóa sửa chữa', value: '0.25', unit: 'nhà' },
    ])
    expect((await row(id)).last_reported_at).toBe('2026-06-20T03:00:00.000Z')

    const page = await view(id, await as('officer'))
    const d = page.data as {
      latestReportedOn: string
      comparison: {
        matched: { label: string; source: { value: string }; replication: { value: string } }[]
        sourceOnly: { label: string }[]
        replicationOnly: { label: string }[]
      }
    }
    expect(d.latestReportedOn).toBe('2026-06-18')
    expect(d.comparison.matched).toMatchObject([
      { label: 'Đường bê tông', source: { value: '12.5' }, replication: { value: '1234.5' } },
    ])
    expect(d.comparison.sourceOnly.map((i) => i.label)).toEqual(['Số hộ hiến đất'])
    expect(d.comparison.replicationOnly.map((i) => i.label)).toEqual(['Nhà văn hóa sửa chữa'])
  })

  it('refuses bad numbers, future dates and empty reports, keeping what was typed', async () => {
    const cookie = await as('officer')
    const before = await count('replication_reports')
    let res = await act(id, cookie, {
      intent: 'report',
      reported_on: '2026-05-30',
      'indicators[0].label': 'Số hộ',
      'indicators[0].value': '12,3,4',
      'indicators[0].unit': 'hộ',
    })
    expect(res.status).toBe(400)
    expect(errors(res.data)['indicators[0].value']).toEqual(['validation.decimal'])
    expect((res.data as Reply).result.initialValue).toMatchObject({
      indicators: [{ label: 'Số hộ', value: '12,3,4', unit: 'hộ' }],
    })
    res = await act(id, cookie, { intent: 'report', reported_on: '2026-06-02', note: 'Sớm quá' })
    expect(res.status).toBe(400)
    expect(errors(res.data).reported_on).toEqual(['replication.error.reportInFuture'])
    res = await act(id, cookie, { intent: 'report', reported_on: '2026-05-30' })
    expect(res.status).toBe(400)
    expect(errors(res.data).note).toEqual(['replication.error.emptyReport'])
    expect(await count('replication_reports')).toBe(before)
  })
  it('takes a note-only report, ignoring the blank indicator row the form starts with', async () => {
    setClock(new Date('2026-06-21T03:00:00.000Z'))
    const res = await act(id, await as('officer'), {
      intent: 'report',
      reported_on: '2026-06-21',
      note: 'Chỉ ghi chú',
      'indicators[0].label': '',
      'indicators[0].value': '',
      'indicators[0].unit': '',
    })
    expect(res.status).toBe(302)
    const latest = await getDb()
      .selectFrom('replication_reports')
      .leftJoin('indicators', 'indicators.replication_report_id', 'replication_reports.id')
      .select(['replication_reports.note', 'indicators.id as indicator'])
      .where('replication_reports.replication_id', '=', id)
      .orderBy('replication_reports.id', 'desc')
      .executeTakeFirstOrThrow()
    expect(latest).toEqual({ note: 'Chỉ ghi chú', indicator: null })
    // The side-by-side view keeps the latest report that has figures.
    const page = await view(id, await as('officer'))
    expect((page.data as { latestReportedOn: string }).latestReportedOn).toBe('2026-06-18')
  })
})

describe('six months without an update', () => {
  const list = async (query = '') => {
    const res = await call(adminReplications.loader, {
      path: `/admin/replications${query}`,
      cookie: await as('admin'),
    })
    return (res.data as { rows: { id: number; stale: boolean; source_title: string }[] }).rows
  }

  it('lists replications with no report (or registration) for six months, on the injected clock', async () => {
    const reported = await replicationOf(published)
    const silent = await replicationOf(publishedB)
    // Registered 1 June 2026; the first one last reported 21 June 2026.
    setClock(new Date('2026-11-30T03:00:00.000Z'))
    expect(await list('?stale=1')).toEqual([])
    setClock(new Date('2026-12-01T03:00:00.000Z'))
    expect((await list('?stale=1')).map((r) => r.id)).toEqual([silent])
    setClock(new Date('2026-12-21T03:00:00.000Z'))
    expect((await list('?stale=1')).map((r) => r.id).sort()).toEqual([reported, silent].sort())
    const all = await list()
    expect(all.every((r) => r.stale)).toBe(true)
    // Filters: status and commune.
    expect((await list('?status=planned')).map((r) => r.id)).toEqual([reported])
    expect(await list(`?commune=${org.otherCommune}`)).toEqual([])
  })

  it('shows an organiser only their own area', async () => {
    const res = await call(adminReplications.loader, {
      path: '/admin/replications',
      cookie: await as('farAdmin'),
    })
    expect((res.data as { rows: unknown[] }).rows).toEqual([])
  })
})

describe('registering the replication as a model of the commune', () => {
  let id: number

  beforeAll(async () => {
    id = await replicationOf(publishedB)
  })

  it('refuses a unit outside the commune, and creates nothing', async () => {
    const before = await count('models')
    const res = await act(id, await as('officer'), {
      intent: 'register',
      unit_id: String(org.otherUnit),
    })
    expect(res.status).toBe(400)
    expect(errors(res.data).unit_id).toEqual(['validation.invalidChoice'])
    expect(await count('models')).toBe(before)
    expect((await row(id)).derived_model_id).toBeNull()
  })

  it('creates an unpublished model of the commune’s unit linked to the replication', async () => {
    const res = await act(id, await as('officer'), {
      intent: 'register',
      unit_id: String(communeUnit),
    })
    expect(res.status).toBe(302)
    const derivedId = (await row(id)).derived_model_id!
    const derived = await getDb()
      .selectFrom('models')
      .selectAll()
      .where('id', '=', derivedId)
      .executeTakeFirstOrThrow()
    expect(derived).toMatchObject({
      unit_id: communeUnit,
      title: 'Tổ tự quản an ninh (nhân rộng tại Xã Một)',
      field: 'defence_security',
      kind: 'model',
      summary: 'Tóm tắt Tổ tự quản an ninh',
      published_at: null,
    })
    const communes = await getDb()
      .selectFrom('model_communes')
      .select('commune_id')
      .where('model_id', '=', derivedId)
      .execute()
    expect(communes).toEqual([{ commune_id: org.commune }])
    const page = await view(id, await as('officer'))
    expect(page.data).toMatchObject({
      canRegister: false,
      replication: { derived_model_id: derivedId, derived_title: derived.title },
    })
    // Only once.
    const again = await act(id, await as('officer'), {
      intent: 'register',
      unit_id: String(communeUnit),
    })
    expect(again.status).toBe(409)
  })

  it('rolls the new model back when the link cannot be written (one transaction)', async () => {
    // A replication read before someone else registered it: the link fails, so must the model.
    const other = await create(await as('officer'), {
      model_id: String(await model('Mô hình C', { published: true })),
      start_date: '2026-05-01',
    })
    const otherId = idFrom(other.location)
    await getDb()
      .updateTable('replications')
      .set({ status: 'in_progress' })
      .where('id', '=', otherId)
      .execute()
    const stale = (await findReplication(otherId))!
    await getDb()
      .updateTable('replications')
      .set({ derived_model_id: published })
      .where('id', '=', otherId)
      .execute()
    const before = await count('models')
    const officer: SessionUser = {
      id: users.officer,
      username: 'officer',
      displayName: 'Cán bộ xã',
      roles: [{ role: 'commune', orgUnitId: org.commune, orgUnitName: 'Xã Một' }],
    }
    await expect(
      registerAsModel(officer, stale, { intent: 'register', unit_id: communeUnit }, null),
    ).rejects.toThrow()
    expect(await count('models')).toBe(before)
    const audits = await getDb()
      .selectFrom('audit_log')
      .select('id')
      .where('action', '=', 'replication.register_model')
      .where('subject_id', '=', String(otherId))
      .execute()
    expect(audits).toHaveLength(0)
  })
})

describe('stopping', () => {
  it('stops with a reason, keeps the reason, and then takes no reports', async () => {
    const id = await replicationOf(publishedB)
    const cookie = await as('officer')
    const res = await act(id, cookie, {
      intent: 'status',
      status: 'stopped',
      stop_reason: 'Thiếu kinh phí đối ứng',
    })
    expect(res.status).toBe(302)
    expect(await row(id)).toMatchObject({
      status: 'stopped',
      stop_reason: 'Thiếu kinh phí đối ứng',
    })
    const report = await act(id, cookie, { intent: 'report', reported_on: '2026-05-30', note: 'x' })
    expect(report.status).toBe(409)
    const reopen = await act(id, cookie, { intent: 'status', status: 'in_progress' })
    expect(reopen.status).toBe(409)
  })
})
