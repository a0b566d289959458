import sharp from 'sharp'
import { afterEach, beforeAll, describe, expect, it } from 'vitest'
import { getDb } from '#db/index'
import { setClock } from '~/clock.server'
import { translator, withParams } from '~/i18n'
import { addEntryFiles } from '~/media/media.server'
import * as adminEntry from '~/routes/admin/entry'
import * as unitEntry from '~/routes/unit/entry'
import * as modelForm from '~/routes/unit/model-form'
import * as nominate from '~/routes/unit/nominate'
import { call } from '../support/remix'
import {
  cookieFor,
  createOrgTree,
  createUser,
  type OrgTree,
  insertContest,
} from '../support/fixtures'

/** Registration, nomination, drafts, submission, return and resubmission, each through its route. */
const NOMINATION = new Date('2025-08-15T03:00:00Z')
const AFTER_DEADLINE = new Date('2025-10-05T03:00:00Z')

let org: OrgTree
let contestId: number
const c = {} as Record<'unit' | 'otherUnit' | 'judge' | 'admin' | 'farAdmin', string>
let unitUserId: number

beforeAll(async () => {
  org = await createOrgTree()
  const at = '2025-01-01T00:00:00.000Z'
  const contest = await insertContest(org.organiser, {
    title: 'Bình xét mô hình Dân vận khéo năm 2025',
    screening_ends_on: '2025-10-15',
    judging_opens_on: '2025-10-16',
  })
  contestId = contest.id
  const unit = await createUser([{ role: 'unit', orgUnitId: org.unit }], 'donvi1')
  unitUserId = unit.id
  c.unit = await cookieFor(unit.id)
  c.otherUnit = await cookieFor((await createUser([{ role: 'unit', orgUnitId: org.otherUnit }])).id)
  c.judge = await cookieFor((await createUser([{ role: 'judge', orgUnitId: null }])).id)
  c.admin = await cookieFor(
    (await createUser([{ role: 'admin', orgUnitId: org.organiser }], 'bantochuc')).id,
  )
  // An organiser of the other district.
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

type Reply = {
  status?: string
  error?: Record<string, string[]>
  initialValue?: Record<string, unknown>
}
const replyOf = (data: unknown) => (data as { result: Reply }).result

const MODEL_FORM = {
  title: 'Dân hiến đất làm đường bê tông nông thôn',
  kind: 'model',
  field: 'economy',
  start_date: '2024-03-01',
  summary: 'Vận động nhân dân hiến đất, góp ngày công làm đường.',
  context: 'Đường vào thôn lầy lội mùa mưa.',
  objectives: 'Bê tông hóa 100% đường thôn.',
  method: 'Cấp ủy họp dân, đảng viên gương mẫu hiến đất trước.',
  forces: 'Chi bộ, trưởng thôn, Mặt trận, các đoàn thể.',
  resources_vnd: '450.000.000',
  resources_workdays: '1.200',
  residents_involved: '312',
  ethnic_groups: 'Mông, Tày',
  sustainability: 'Thôn lập tổ tự quản bảo dưỡng đường.',
  replication_steps: 'Họp dân; đảng viên làm trước; công khai đóng góp.',
  contact_name: 'Lò Văn Páo',
  contact_phone: '0912 345 678',
  'indicators[0].label': 'Diện tích đất hiến',
  'indicators[0].value': '2300',
  'indicators[0].unit': 'm²',
  'indicators[1].label': 'Đường bê tông',
  'indicators[1].value': '3,5',
  'indicators[1].unit': 'km',
  'indicators[1].baseline': '0',
}

async function createModel() {
  setClock(NOMINATION)
  const res = await call(modelForm.action, {
    path: '/unit/models/new',
    cookie: c.unit,
    form: { ...MODEL_FORM, commune_ids: String(org.commune) },
  })
  expect(res.status).toBe(302)
  return Number(res.location!.match(/\/unit\/models\/(\d+)/)![1])
}

async function nominateModel(modelId: number, cookie = c.unit) {
  return call(nominate.action, {
    path: `/unit/models/${modelId}/nominate`,
    params: { modelId: String(modelId) },
    cookie,
    form: { contestId: String(contestId) },
  })
}

async function photo() {
  const bytes = await sharp({
    create: { width: 800, height: 600, channels: 3, background: '#a33' },
  })
    .jpeg()
    .toBuffer()
  return { name: 'anh.jpg', bytes: new Uint8Array(bytes) }
}

const entryCall = (entryId: number, form: Record<string, string | string[]>, cookie = c.unit) =>
  call(unitEntry.action, {
    path: `/unit/entries/${entryId}`,
    params: { entryId: String(entryId) },
    cookie,
    form,
  })

describe('models', () => {
  it('registers a model with exact indicator values', async () => {
    const id = await createModel()
    const model = await getDb()
      .selectFrom('models')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirstOrThrow()
    expect(model).toMatchObject({
      unit_id: org.unit,
      resources_vnd: 450000000,
      resources_workdays: 1200,
      slug: 'dan-hien-dat-lam-duong-be-tong-nong-thon',
    })
    expect(JSON.parse(model.ethnic_groups)).toEqual(['Mông', 'Tày'])
    const indicators = await getDb()
      .selectFrom('indicators')
      .select(['value', 'unit', 'baseline'])
      .where('model_id', '=', id)
      .orderBy('position')
      .execute()
    expect(indicators).toEqual([
      { value: '2300', unit: 'm²', baseline: null },
      { value: '3.5', unit: 'km', baseline: '0' },
    ])
  })

  it('puts errors next to their fields and keeps what was typed', async () => {
    const res = await call(modelForm.action, {
      path: '/unit/models/new',
      cookie: c.unit,
      form: {
        ...MODEL_FORM,
        title: '',
        'indicators[0].value': 'hai nghìn',
        resources_vnd: '12,5',
        contact_email: 'khong-phai-email',
      },
    })
    expect(res.status).toBe(400)
    const reply = replyOf(res.data)
    expect(reply.error?.title).toEqual(['validation.required'])
    expect(reply.error?.['indicators[0].value']).toEqual(['validation.decimal'])
    expect(reply.error?.resources_vnd).toEqual(['validation.wholeDong'])
    expect(reply.error?.contact_email).toEqual(['validation.email'])
    expect(reply.initialValue?.summary).toBe(MODEL_FORM.summary)
  })

  it('stores text without bidi or invisible controls, in NFC', async () => {
    setClock(NOMINATION)
    const res = await call(modelForm.action, {
      path: '/unit/models/new',
      cookie: c.unit,
      form: {
        ...MODEL_FORM,
        commune_ids: String(org.commune),
        title: 'Dân hiến đất\u202E làm đường\u200B bê tông',
        summary: 'Vận động nhân dân hiến đất'.normalize('NFD') + '\uFEFF\u0007',
        'indicators[0].label': 'Diện tích\u2066 đất hiến\u2069',
      },
    })
    expect(res.status).toBe(302)
    const id = Number(res.location!.match(/\/unit\/models\/(\d+)/)![1])
    const model = await getDb()
      .selectFrom('models')
      .select(['title', 'summary'])
      .where('id', '=', id)
      .executeTakeFirstOrThrow()
    expect(model).toEqual({
      title: 'Dân hiến đất làm đường bê tông',
      summary: 'Vận động nhân dân hiến đất',
    })
    const label = await getDb()
      .selectFrom('indicators')
      .select('label')
      .where('model_id', '=', id)
      .orderBy('position')
      .executeTakeFirstOrThrow()
    expect(label.label).toBe('Diện tích đất hiến')
  })

  it('refuses a 20,000-character title with the limit named, keeping what was typed', async () => {
    setClock(NOMINATION)
    const title = 'Dân vận khéo '.repeat(1539).slice(0, 20000)
    const res = await call(modelForm.action, {
      path: '/unit/models/new',
      cookie: c.unit,
      form: { ...MODEL_FORM, commune_ids: String(org.commune), title },
    })
    expect(res.status).toBe(400)
    const reply = replyOf(res.data)
    expect(reply.error?.title).toEqual([withParams('validation.tooLong', { max: 200 })])
    expect(translator('vi')(reply.error!.title![0]!)).toBe('Quá dài: tối đa 200 ký tự.')
    expect(reply.initialValue?.title).toBe(title)
    expect(reply.initialValue?.summary).toBe(MODEL_FORM.summary)
  })

  it('reads indicator values by their unit: a lone thousands group is refused unless it is money', async () => {
    setClock(NOMINATION)
    const form = {
      ...MODEL_FORM,
      commune_ids: String(org.commune),
      'indicators[0].value': '2.300',
      'indicators[1].value': '3,5',
      'indicators[1].baseline': '1.234',
    }
    const res = await call(modelForm.action, { path: '/unit/models/new', cookie: c.unit, form })
    expect(res.status).toBe(400)
    const reply = replyOf(res.data)
    expect(reply.error?.['indicators[0].value']).toEqual([
      withParams('validation.numberAmbiguous', {
        typed: '2.300',
        grouped: '2300',
        decimal: '2,300',
      }),
    ])
    expect(reply.error?.['indicators[1].baseline']).toEqual([
      withParams('validation.numberAmbiguous', {
        typed: '1.234',
        grouped: '1234',
        decimal: '1,234',
      }),
    ])
    expect(reply.initialValue?.indicators).toEqual([
      expect.objectContaining({ value: '2.300' }),
      expect.objectContaining({ value: '3,5', baseline: '1.234' }),
    ])
    const money = await call(modelForm.action, {
      path: '/unit/models/new',
      cookie: c.unit,
      form: {
        ...form,
        'indicators[0].value': '450.000',
        'indicators[0].unit': 'đồng',
        'indicators[1].baseline': '1234,5',
      },
    })
    expect(money.status).toBe(302)
    const id = Number(money.location!.match(/\/unit\/models\/(\d+)/)![1])
    const rows = await getDb()
      .selectFrom('indicators')
      .select(['value', 'baseline'])
      .where('model_id', '=', id)
      .orderBy('position')
      .execute()
    expect(rows).toEqual([
      { value: '450000', baseline: null },
      { value: '3.5', baseline: '1234.5' },
    ])
  })

  it('refuses a commune outside the unit’s district', async () => {
    const res = await call(modelForm.action, {
      path: '/unit/models/new',
      cookie: c.unit,
      form: { ...MODEL_FORM, commune_ids: String(org.otherCommune) },
    })
    expect(res.status).toBe(400)
    expect(replyOf(res.data).error?.commune_ids).toEqual(['validation.invalidChoice'])
  })

  it('lets no other unit read or change a model', async () => {
    const id = await createModel()
    const args = { path: `/unit/models/${id}`, params: { modelId: String(id) } }
    expect((await call(modelForm.loader, { ...args, cookie: c.otherUnit })).status).toBe(403)
    expect(
      (await call(modelForm.action, { ...args, cookie: c.otherUnit, form: MODEL_FORM })).status,
    ).toBe(403)
    expect((await call(modelForm.loader, { ...args, cookie: c.judge })).status).toBe(403)
    expect((await nominateModel(id, c.otherUnit)).status).toBe(403)
  })
})

describe('entries', () => {
  it('nominates a model as a prefilled draft, once per contest', async () => {
    const modelId = await createModel()
    const res = await nominateModel(modelId)
    expect(res.status).toBe(302)
    const entryId = Number(res.location!.split('/').pop())
    const again = await nominateModel(modelId)
    expect(again.location).toBe(`/unit/entries/${entryId}`)
    const page = await call(unitEntry.loader, {
      path: `/unit/entries/${entryId}`,
      params: { entryId: String(entryId) },
      cookie: c.unit,
    })
    const d = page.data as { editable: boolean; defaultValue: Record<string, unknown> }
    expect(d.editable).toBe(true)
    expect(d.defaultValue.title).toBe(MODEL_FORM.title)
    expect(d.defaultValue.resources_vnd).toBe('450.000.000')
    expect((d.defaultValue.indicators as { value: string }[])[1]!.value).toBe('3,5')
  })

  it('refuses nominations after the deadline', async () => {
    const modelId = await createModel()
    setClock(AFTER_DEADLINE)
    const res = await nominateModel(modelId)
    expect(res.status).toBe(409)
    expect(res.data).toEqual({ message: 'entry.error.deadlinePassed' })
  })

  it('keeps a draft with invalid values, and shows each message', async () => {
    const entryId = Number((await nominateModel(await createModel())).location!.split('/').pop())
    const res = await entryCall(entryId, {
      ...MODEL_FORM,
      intent: 'save',
      summary: 'Đã sửa tóm tắt',
      'indicators[0].value': 'abc',
    })
    expect(res.status).toBe(400)
    expect(replyOf(res.data).error?.['indicators[0].value']).toEqual(['validation.decimal'])
    const page = await call(unitEntry.loader, {
      path: `/unit/entries/${entryId}`,
      params: { entryId: String(entryId) },
      cookie: c.unit,
    })
    const d = page.data as { defaultValue: Record<string, unknown> }
    expect(d.defaultValue.summary).toBe('Đã sửa tóm tắt')
    expect((d.defaultValue.indicators as { value: string }[])[0]!.value).toBe('abc')
  })

  it('takes a post without intent (Enter in a field) as a save of the draft, never a submit', async () => {
    const entryId = Number((await nominateModel(await createModel())).location!.split('/').pop())
    const res = await entryCall(entryId, {
      ...MODEL_FORM,
      summary: 'Lưu bằng phím Enter',
      period_start: '2025-01-01',
      period_end: '2025-12-31',
    })
    expect(res.status).toBe(200)
    expect(res.data).toMatchObject({ notice: 'entry.saved' })
    const page = await call(unitEntry.loader, {
      path: `/unit/entries/${entryId}`,
      params: { entryId: String(entryId) },
      cookie: c.unit,
    })
    const d = page.data as { entry: { state: string }; defaultValue: Record<string, unknown> }
    expect(d.entry.state).toBe('draft')
    expect(d.defaultValue.summary).toBe('Lưu bằng phím Enter')
  })

  it('checks completeness and at least one photo before submitting', async () => {
    const entryId = Number((await nominateModel(await createModel())).location!.split('/').pop())
    const incomplete = await entryCall(entryId, {
      ...MODEL_FORM,
      intent: 'submit',
      context: '',
      period_start: '2025-01-01',
      period_end: '2025-12-31',
    })
    expect(incomplete.status).toBe(400)
    expect(replyOf(incomplete.data).error?.context).toEqual(['validation.required'])
    expect(replyOf(incomplete.data).error?.commune_ids).toEqual(['validation.chooseCommune'])
    const noPhoto = await entryCall(entryId, {
      ...MODEL_FORM,
      intent: 'submit',
      commune_ids: String(org.commune),
      period_start: '2025-01-01',
      period_end: '2025-12-31',
    })
    expect(noPhoto.status).toBe(400)
    expect(replyOf(noPhoto.data).error?.['']).toEqual(['entry.error.needPhoto'])
    const row = await getDb()
      .selectFrom('entries')
      .select(['state', 'version'])
      .where('id', '=', entryId)
      .executeTakeFirstOrThrow()
    expect(row).toEqual({ state: 'draft', version: 0 })
  })

  it('submits, is returned with a reason, is resubmitted, and the organiser sees what changed', async () => {
    const entryId = Number((await nominateModel(await createModel())).location!.split('/').pop())
    await addEntryFiles(entryId, unitUserId, [await photo()])
    const full = {
      ...MODEL_FORM,
      commune_ids: String(org.commune),
      period_start: '2025-01-01',
      period_end: '2025-12-31',
    }
    const submitted = await entryCall(entryId, { ...full, intent: 'submit' })
    expect(submitted.status).toBe(302)
    expect(submitted.location).toBe(`/unit/entries/${entryId}?submitted=1`)
    const entry = await getDb()
      .selectFrom('entries')
      .selectAll()
      .where('id', '=', entryId)
      .executeTakeFirstOrThrow()
    expect(entry.state).toBe('submitted')
    const snapshot = JSON.parse(entry.snapshot!)
    expect(snapshot.indicators.map((i: { value: string }) => i.value)).toEqual(['2300', '3.5'])
    expect(snapshot.photos).toHaveLength(1)
    expect(snapshot.communes).toEqual([{ id: org.commune, name: 'Xã Một' }])
    const copied = await getDb()
      .selectFrom('indicators')
      .select('value')
      .where('entry_id', '=', entryId)
      .execute()
    expect(copied).toHaveLength(2)
    const notices = await getDb()
      .selectFrom('notifications')
      .selectAll()
      .where('kind', '=', 'entry.submitted')
      .execute()
    expect(notices.length).toBeGreaterThan(0)

    // Submitted entries are frozen for the unit.
    expect((await entryCall(entryId, { ...full, intent: 'save' })).status).toBe(409)

    // Only the organiser of the unit's area may return it, and only with a reason.
    const returnArgs = { path: `/admin/entries/${entryId}`, params: { entryId: String(entryId) } }
    expect(
      (
        await call(adminEntry.action, {
          ...returnArgs,
          cookie: c.farAdmin,
          form: { reason: 'Thiếu ảnh' },
        })
      ).status,
    ).toBe(403)
    expect(
      (
        await call(adminEntry.action, {
          ...returnArgs,
          cookie: c.unit,
          form: { reason: 'Thiếu ảnh' },
        })
      ).status,
    ).toBe(403)
    const noReason = await call(adminEntry.action, {
      ...returnArgs,
      cookie: c.admin,
      form: { reason: '' },
    })
    expect(noReason.status).toBe(400)
    const returned = await call(adminEntry.action, {
      ...returnArgs,
      cookie: c.admin,
      form: { reason: 'Bổ sung số hộ thoát nghèo và ảnh con đường.' },
    })
    expect(returned.status).toBe(200)
    const after = await getDb()
      .selectFrom('entries')
      .select(['state', 'return_reason'])
      .where('id', '=', entryId)
      .executeTakeFirstOrThrow()
    expect(after).toEqual({
      state: 'returned',
      return_reason: 'Bổ sung số hộ thoát nghèo và ảnh con đường.',
    })
    const toUnit = await getDb()
      .selectFrom('notifications')
      .selectAll()
      .where('user_id', '=', unitUserId)
      .where('kind', '=', 'entry.returned')
      .execute()
    expect(toUnit).toHaveLength(1)

    // The unit edits and resubmits before the deadline.
    const resubmitted = await entryCall(entryId, {
      ...full,
      intent: 'submit',
      'indicators[2].label': 'Hộ thoát nghèo',
      'indicators[2].value': '35',
      'indicators[2].unit': 'hộ',
    })
    expect(resubmitted.location).toBe(`/unit/entries/${entryId}?submitted=2`)
    const versions = await getDb()
      .selectFrom('entry_versions')
      .select('version')
      .where('entry_id', '=', entryId)
      .execute()
    expect(versions.map((v) => v.version)).toEqual([1, 2])

    const view = await call(adminEntry.loader, { ...returnArgs, cookie: c.admin })
    const d = view.data as {
      versions: { version: number; changes: { field: string; after: string }[] | null }[]
    }
    expect(d.versions[0]!.changes).toBeNull()
    expect(d.versions[1]!.changes).toEqual([
      expect.objectContaining({
        field: 'indicators',
        after: expect.stringContaining('Hộ thoát nghèo: 35 hộ'),
      }),
    ])
  })

  it('refuses edits after the deadline but gives back everything typed', async () => {
    const entryId = Number((await nominateModel(await createModel())).location!.split('/').pop())
    setClock(AFTER_DEADLINE)
    const res = await entryCall(entryId, { ...MODEL_FORM, intent: 'save', summary: 'Gõ muộn' })
    expect(res.status).toBe(409)
    const reply = replyOf(res.data)
    expect(reply.error?.['']).toEqual(['entry.error.deadlinePassed'])
    expect(reply.initialValue?.summary).toBe('Gõ muộn')
    const page = await call(unitEntry.loader, {
      path: `/unit/entries/${entryId}`,
      params: { entryId: String(entryId) },
      cookie: c.unit,
    })
    expect((page.data as { editable: boolean }).editable).toBe(false)
  })

  it('shows an entry to no other unit and no judge', async () => {
    const entryId = Number((await nominateModel(await createModel())).location!.split('/').pop())
    const args = { path: `/unit/entries/${entryId}`, params: { entryId: String(entryId) } }
    expect((await call(unitEntry.loader, { ...args, cookie: c.otherUnit })).status).toBe(403)
    expect((await call(unitEntry.loader, { ...args, cookie: c.judge })).status).toBe(403)
    expect((await entryCall(entryId, { ...MODEL_FORM, intent: 'save' }, c.otherUnit)).status).toBe(
      403,
    )
    expect((await call(unitEntry.loader, args)).status).toBe(302)
  })
})
