import { beforeAll, describe, expect, it } from 'vitest'
import { getDb } from '#db/index'
import { publicModelPage, searchCatalog } from '~/catalog/catalog.server'
import { parseCatalogParams } from '~/catalog/params'
import * as adminRevision from '~/routes/admin/revision'
import * as adminRevisions from '~/routes/admin/revisions'
import * as modelForm from '~/routes/unit/model-form'
import * as openData from '~/routes/open-data/models.json'
import { call } from '../support/remix'
import {
  cookieFor,
  createOrgTree,
  createUser,
  farOrganiser,
  type OrgTree,
} from '../support/fixtures'

/**
 * A published model changes only when the organiser says so: the unit's edit becomes a pending
 * revision; the public page, the catalog and open data keep the approved text until approval.
 */
let org: OrgTree
const c = {} as Record<'unit' | 'otherUnit' | 'admin' | 'farAdmin', string>
let unitUserId: number

beforeAll(async () => {
  org = await createOrgTree()
  const unit = await createUser([{ role: 'unit', orgUnitId: org.unit }])
  unitUserId = unit.id
  c.unit = await cookieFor(unit.id)
  c.otherUnit = await cookieFor((await createUser([{ role: 'unit', orgUnitId: org.otherUnit }])).id)
  c.admin = await cookieFor((await createUser([{ role: 'admin', orgUnitId: org.organiser }])).id)
  c.farAdmin = await cookieFor((await farOrganiser(org)).id)
})

const TITLE = 'Dân hiến đất làm đường bê tông nông thôn'
const form = (title: string, summary = 'Vận động nhân dân hiến đất, góp ngày công.') => ({
  title,
  kind: 'model',
  field: 'economy',
  summary,
  commune_ids: String(org.commune),
  'indicators[0].label': 'Diện tích đất hiến',
  'indicators[0].value': '2300',
  'indicators[0].unit': 'm²',
})

async function publishedModel(title = TITLE) {
  const res = await call(modelForm.action, {
    path: '/unit/models/new',
    cookie: c.unit,
    form: form(title),
  })
  expect(res.status).toBe(302)
  const id = Number(res.location!.match(/\/unit\/models\/(\d+)/)![1])
  await getDb()
    .transaction()
    .execute(async (tx) => {
      await tx
        .updateTable('models')
        .set({ published_at: new Date().toISOString() })
        .where('id', '=', id)
        .execute()
      const { reindexModel } = await import('~/catalog/catalog.server')
      await reindexModel(id, tx)
    })
  const { slug } = await getDb()
    .selectFrom('models')
    .select('slug')
    .where('id', '=', id)
    .executeTakeFirstOrThrow()
  return { id, slug }
}

const edit = (id: number, body: Record<string, string>, cookie = c.unit) =>
  call(modelForm.action, {
    path: `/unit/models/${id}`,
    params: { modelId: String(id) },
    cookie,
    form: body,
  })

const pending = (modelId: number) =>
  getDb()
    .selectFrom('model_revisions')
    .selectAll()
    .where('model_id', '=', modelId)
    .where('status', '=', 'pending')
    .executeTakeFirst()

const decide = (revisionId: number, body: Record<string, string>, cookie = c.admin) =>
  call(adminRevision.action, {
    path: `/admin/revisions/${revisionId}`,
    params: { revisionId: String(revisionId) },
    cookie,
    form: body,
  })

async function publicTitle(slug: string) {
  return (await publicModelPage(slug))?.model.title
}

async function openDataTitles() {
  const res = await call(openData.loader, { path: '/open-data/models.json' })
  return (res.data as { title: string }[]).map((m) => m.title)
}

describe('changes to a published model', () => {
  it('become a pending revision: the public page, catalog and open data keep the approved text', async () => {
    const { id, slug } = await publishedModel()
    const res = await edit(id, form('Tiêu đề tùy ý do đơn vị tự đặt'))
    expect(res.status).toBe(302)
    expect(res.location).toBe(`/unit/models/${id}?sent=1`)
    expect((await pending(id))?.status).toBe('pending')
    expect(await publicTitle(slug)).toBe(TITLE)
    const hits = await searchCatalog(
      parseCatalogParams(new URLSearchParams({ q: 'tieu de tuy y' })),
    )
    expect(JSON.stringify(hits)).not.toContain('Tiêu đề tùy ý')
    const titles = await openDataTitles()
    expect(titles).toContain(TITLE)
    expect(titles).not.toContain('Tiêu đề tùy ý do đơn vị tự đặt')
    const row = await getDb()
      .selectFrom('models')
      .select('title')
      .where('id', '=', id)
      .executeTakeFirstOrThrow()
    expect(row.title).toBe(TITLE)
  })

  it('show the unit its pending change in the form, and a newer edit replaces it', async () => {
    const { id } = await publishedModel('Mô hình sửa hai lần')
    await edit(id, form('Lần sửa thứ nhất'))
    await edit(id, form('Lần sửa thứ hai'))
    const revisions = await getDb()
      .selectFrom('model_revisions')
      .selectAll()
      .where('model_id', '=', id)
      .execute()
    expect(revisions).toHaveLength(1)
    const page = await call(modelForm.loader, {
      path: `/unit/models/${id}`,
      params: { modelId: String(id) },
      cookie: c.unit,
    })
    const d = page.data as {
      defaultValue: { title: string }
      pendingSince: string | null
      published: boolean
    }
    expect(d.defaultValue.title).toBe('Lần sửa thứ hai')
    expect(d.pendingSince).not.toBeNull()
    expect(d.published).toBe(true)
  })

  it('are listed for the organiser of the area only, and approved by them', async () => {
    const { id, slug } = await publishedModel('Mô hình chờ duyệt')
    await edit(id, form('Mô hình đã duyệt thay đổi', 'Tóm tắt mới sau khi duyệt.'))
    const revision = (await pending(id))!
    const list = await call(adminRevisions.loader, { path: '/admin/revisions', cookie: c.admin })
    expect((list.data as { revisions: { id: number }[] }).revisions.map((r) => r.id)).toContain(
      revision.id,
    )
    const farList = await call(adminRevisions.loader, {
      path: '/admin/revisions',
      cookie: c.farAdmin,
    })
    expect((farList.data as { revisions: unknown[] }).revisions).toEqual([])
    // The organiser of another district can neither see nor decide it; nothing changes.
    const farView = await call(adminRevision.loader, {
      path: `/admin/revisions/${revision.id}`,
      params: { revisionId: String(revision.id) },
      cookie: c.farAdmin,
    })
    expect(farView.status).toBe(403)
    expect((await decide(revision.id, { intent: 'approve' }, c.farAdmin)).status).toBe(403)
    expect((await decide(revision.id, { intent: 'approve' }, c.unit)).status).toBe(403)
    expect(await publicTitle(slug)).toBe('Mô hình chờ duyệt')

    const view = await call(adminRevision.loader, {
      path: `/admin/revisions/${revision.id}`,
      params: { revisionId: String(revision.id) },
      cookie: c.admin,
    })
    const changes = (view.data as { changes: { field: string; before: string; after: string }[] })
      .changes
    expect(changes.map((ch) => ch.field)).toEqual(['title', 'summary'])
    expect(changes[0]).toMatchObject({
      before: 'Mô hình chờ duyệt',
      after: 'Mô hình đã duyệt thay đổi',
    })

    expect((await decide(revision.id, { intent: 'approve' })).status).toBe(200)
    expect(await publicTitle(slug)).toBe('Mô hình đã duyệt thay đổi')
    expect(await openDataTitles()).toContain('Mô hình đã duyệt thay đổi')
    const decided = await getDb()
      .selectFrom('model_revisions')
      .selectAll()
      .where('id', '=', revision.id)
      .executeTakeFirstOrThrow()
    expect(decided.status).toBe('approved')
    const audit = await getDb()
      .selectFrom('audit_log')
      .select('action')
      .where('subject_type', '=', 'model')
      .where('subject_id', '=', String(id))
      .execute()
    expect(audit.map((a) => a.action)).toEqual(
      expect.arrayContaining(['model.revise', 'model.revision.approve']),
    )
    const notices = await getDb()
      .selectFrom('notifications')
      .select('kind')
      .where('user_id', '=', unitUserId)
      .execute()
    expect(notices.map((n) => n.kind)).toContain('notice.model.revisionApproved')
    // Deciding twice is refused with its message, not an error.
    const again = await decide(revision.id, { intent: 'approve' })
    expect(again.status).toBe(409)
  })

  it('can be rejected with a reason the unit reads; the model stays as approved', async () => {
    const { id, slug } = await publishedModel('Mô hình bị từ chối thay đổi')
    await edit(id, form('Thay đổi không được duyệt'))
    const revision = (await pending(id))!
    const noReason = await decide(revision.id, { intent: 'reject', reason: '' })
    expect(noReason.status).toBe(400)
    expect((await pending(id))?.id).toBe(revision.id)
    const reason = 'Tên mô hình phải giữ như quyết định công nhận.'
    expect((await decide(revision.id, { intent: 'reject', reason })).status).toBe(200)
    expect(await publicTitle(slug)).toBe('Mô hình bị từ chối thay đổi')
    const decided = await getDb()
      .selectFrom('model_revisions')
      .selectAll()
      .where('id', '=', revision.id)
      .executeTakeFirstOrThrow()
    expect(decided).toMatchObject({ status: 'rejected', reject_reason: reason })
    const notice = await getDb()
      .selectFrom('notifications')
      .select(['kind', 'params'])
      .where('user_id', '=', unitUserId)
      .where('kind', '=', 'notice.model.revisionRejected')
      .executeTakeFirstOrThrow()
    expect(JSON.parse(notice.params)).toMatchObject({ reason })
  })

  it('saved unchanged, need no review; saved back as published, withdraw the pending change', async () => {
    const { id } = await publishedModel('Mô hình lưu lại như cũ')
    const same = await edit(id, form('Mô hình lưu lại như cũ'))
    expect(same.location).toBe(`/unit/models/${id}?saved=1`)
    expect(await pending(id)).toBeUndefined()
    await edit(id, form('Mô hình lưu lại như cũ, có sửa'))
    expect(await pending(id)).toBeDefined()
    await edit(id, form('Mô hình lưu lại như cũ'))
    expect(await pending(id)).toBeUndefined()
  })

  it('another unit cannot edit the model at all', async () => {
    const { id } = await publishedModel('Mô hình của đơn vị khác')
    expect((await edit(id, form('Chiếm quyền'), c.otherUnit)).status).toBe(403)
    expect(await pending(id)).toBeUndefined()
  })

  it('an unpublished model is still saved directly', async () => {
    const res = await call(modelForm.action, {
      path: '/unit/models/new',
      cookie: c.unit,
      form: form('Mô hình chưa công bố'),
    })
    const id = Number(res.location!.match(/\/unit\/models\/(\d+)/)![1])
    expect((await edit(id, form('Mô hình chưa công bố, đã sửa'))).location).toBe(
      `/unit/models/${id}?saved=1`,
    )
    const row = await getDb()
      .selectFrom('models')
      .select('title')
      .where('id', '=', id)
      .executeTakeFirstOrThrow()
    expect(row.title).toBe('Mô hình chưa công bố, đã sửa')
    expect(await pending(id)).toBeUndefined()
  })
})
