import { sql } from 'kysely'
import { beforeAll, describe, expect, it } from 'vitest'
import type { EntryKind, Field } from '#db/domain'
import { getDb, type Executor } from '#db/index'
import { rebuildCatalog } from '#db/repos/catalog'
import { reindexModel } from '~/catalog/catalog.server'
import type { Segment } from '~/catalog/fold'
import * as catalogRoute from '~/routes/models/index'
import * as modelRoute from '~/routes/models/model'
import * as modelsCsv from '~/routes/open-data/models.csv'
import * as modelsJson from '~/routes/open-data/models.json'
import * as replicationsCsv from '~/routes/open-data/replications.csv'
import * as replicationsJson from '~/routes/open-data/replications.json'
import { call } from '../support/remix'
import { createOrgTree, insertContest, type OrgTree } from '../support/fixtures'

type Page = Awaited<ReturnType<typeof catalogRoute.loader>>
const at = '2024-12-12T02:00:00.000Z'
let org: OrgTree
let otherProvince: number
let otherCommune: number
let militaryUnit: number
let counter = 0

async function orgUnit(kind: 'province' | 'commune' | 'unit', name: string, parent: number | null) {
  const { id } = await getDb()
    .insertInto('org_units')
    .values({
      kind,
      name,
      code: kind === 'unit' ? null : `X${++counter}`,
      parent_id: parent,
      unit_type: kind === 'unit' ? 'military' : null,
      created_at: at,
      updated_at: at,
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  return id
}

interface ModelSpec {
  title: string
  summary?: string
  method?: string
  field?: Field
  kind?: EntryKind
  unitId?: number
  communes?: number[]
  ethnic?: string[]
  publishedAt?: string | null
}

/** A model written the way the app writes models: data and index in one transaction. */
async function createModel(spec: ModelSpec) {
  return getDb()
    .transaction()
    .execute(async (tx) => {
      const { id } = await tx
        .insertInto('models')
        .values({
          slug: `mo-hinh-${++counter}`,
          unit_id: spec.unitId ?? org.unit,
          title: spec.title,
          kind: spec.kind ?? 'model',
          field: spec.field ?? 'economy',
          summary: spec.summary ?? 'Tóm tắt mô hình.',
          method: spec.method ?? 'Cách làm.',
          ethnic_groups: JSON.stringify(spec.ethnic ?? []),
          contact_name: 'Nguyễn Văn A',
          contact_phone: '0912 345 678',
          published_at: spec.publishedAt === undefined ? at : spec.publishedAt,
          created_at: at,
          updated_at: at,
        })
        .returning('id')
        .executeTakeFirstOrThrow()
      if (spec.communes?.length) {
        await tx
          .insertInto('model_communes')
          .values(spec.communes.map((c) => ({ model_id: id, commune_id: c })))
          .execute()
      }
      await reindexModel(id, tx)
      return id
    })
}

async function write(modelId: number, fn: (tx: Executor) => Promise<unknown>) {
  await getDb()
    .transaction()
    .execute(async (tx) => {
      await fn(tx)
      await reindexModel(modelId, tx)
    })
}

let contest2023: { id: number; tiers: number[] }
async function publishedContest(year: number) {
  const { id } = await insertContest(org.organiser, {
    title: `Bình xét ${year}`,
    year,
    status: 'published',
    registration_opens_on: `${year}-01-01`,
    nomination_opens_on: `${year}-06-01`,
    nomination_deadline: `${year}-09-30T16:59:59.000Z`,
    screening_ends_on: `${year}-10-10`,
    judging_opens_on: `${year}-10-11`,
    judging_closes_at: `${year}-11-30T16:59:59.000Z`,
    results_on: `${year}-12-15`,
    finalised_at: `${year}-12-10T00:00:00.000Z`,
    published_at: `${year}-12-12T00:00:00.000Z`,
    decision_number: `${year}-QĐ/HU`,
    decision_date: `${year}-12-12`,
  })
  const tiers: number[] = []
  for (const [i, name] of ['Xuất sắc', 'Tiêu biểu'].entries()) {
    const row = await getDb()
      .insertInto('award_tiers')
      .values({ contest_id: id, position: i + 1, name, min_score: 90 - i * 10, quota: null })
      .returning('id')
      .executeTakeFirstOrThrow()
    tiers.push(row.id)
  }
  return { id, tiers }
}

async function award(
  modelId: number,
  contest: { id: number; tiers: number[] },
  tier: 0 | 1,
  score: number,
) {
  await write(modelId, async (tx) => {
    const entry = await tx
      .insertInto('entries')
      .values({
        contest_id: contest.id,
        model_id: modelId,
        unit_id: org.unit,
        state: 'published',
        title: 'Hồ sơ',
        kind: 'model',
        field: 'economy',
        snapshot: '{}',
        version: 1,
        submitted_at: at,
        created_at: at,
        updated_at: at,
      })
      .returning('id')
      .executeTakeFirstOrThrow()
    await tx
      .insertInto('awards')
      .values({
        entry_id: entry.id,
        model_id: modelId,
        contest_id: contest.id,
        tier_id: contest.tiers[tier]!,
        score,
        rank: 1,
        decision_number: null,
        decision_date: null,
        certificate_key: null,
        created_at: at,
      })
      .execute()
  })
}

async function replicate(modelId: number, communeId: number, status = 'in_progress' as const) {
  await write(modelId, (tx) =>
    tx
      .insertInto('replications')
      .values({
        source_model_id: modelId,
        commune_id: communeId,
        start_date: '2025-01-15',
        status,
        adaptations: 'Điều chỉnh theo địa phương',
        created_at: at,
        updated_at: at,
      })
      .execute(),
  )
}

async function catalog(query = '') {
  const res = await call(catalogRoute.loader, { path: `/models${query ? `?${query}` : ''}` })
  expect(res.status).toBe(200)
  return res.data as Page
}
const titles = (p: Page) => p.results.map((r) => r.title.map((s: Segment) => s.text).join(''))

let ids: Record<string, number>

beforeAll(async () => {
  org = await createOrgTree()
  otherProvince = await orgUnit('province', 'Tỉnh Khác', null)
  otherCommune = await orgUnit('commune', 'Xã Mông Sơn', otherProvince)
  militaryUnit = await orgUnit('unit', 'Ban Chỉ huy Quân sự xã', otherCommune)
  contest2023 = await publishedContest(2023)
  const contest2024 = await publishedContest(2024)
  ids = {
    kheo: await createModel({
      title: 'Dân vận khéo trong xây dựng nông thôn mới',
      summary: 'Vận động nhân dân hiến đất làm đường bê tông liên thôn.',
      communes: [org.commune],
      ethnic: ['Mông', 'Tày'],
      publishedAt: '2023-12-12T02:00:00.000Z',
    }),
    duong: await createModel({
      title: 'Con đường sáng đẹp',
      summary: 'Thắp sáng đường quê bằng đèn năng lượng mặt trời.',
      field: 'culture_society',
      kind: 'exemplar_collective',
      communes: [org.otherCommune],
      ethnic: ['Kinh'],
      publishedAt: '2024-12-12T02:00:00.000Z',
    }),
    mong: await createModel({
      title: 'Bảo vệ biên giới cùng đồng bào',
      summary: 'Tổ tự quản của người Mông giữ đường biên, cột mốc.',
      field: 'defence_security',
      unitId: militaryUnit,
      ethnic: ['Mông'],
      publishedAt: '2022-12-12T02:00:00.000Z',
    }),
    draft: await createModel({
      title: 'Dân vận khéo chưa công bố',
      summary: 'Bản nháp làm đường.',
      publishedAt: null,
    }),
  }
  await award(ids.kheo!, contest2023, 0, 93)
  await award(ids.duong!, contest2024, 1, 82)
  await replicate(ids.duong!, org.commune)
  await replicate(ids.duong!, otherCommune)
  await replicate(ids.kheo!, org.otherCommune)
  await replicate(ids.draft!, org.commune)
})

describe('catalog search', () => {
  it('finds a title without diacritics and marks the words on the original text', async () => {
    const page = await catalog('q=dan+van+kheo')
    expect(titles(page)).toEqual(['Dân vận khéo trong xây dựng nông thôn mới'])
    const marks = page.results[0]!.title.filter((s) => s.mark).map((s) => s.text)
    expect(marks).toEqual(['Dân', 'vận', 'khéo'])
    expect(page.sort).toBe('relevance')
    expect(page.total).toBe(1)
  })

  it('folds đ: "duong" finds "đường", ranked title first (bm25 weights)', async () => {
    const page = await catalog('q=duong')
    // Title match ("Con đường") first; then summaries; never the unpublished model.
    expect(titles(page)[0]).toBe('Con đường sáng đẹp')
    expect(titles(page)).toHaveLength(3)
    expect(titles(page)).not.toContain('Dân vận khéo chưa công bố')
    const excerpt = page.results[1]!.excerpt
    expect(excerpt.some((s) => s.mark && /đường/i.test(s.text))).toBe(true)
  })

  it('"mong" finds "Mông" in text and in place names, with a prefix on the last word', async () => {
    expect(titles(await catalog('q=mong')).sort()).toEqual(
      ['Bảo vệ biên giới cùng đồng bào'].sort(),
    )
    expect(titles(await catalog('q=khe'))).toEqual(['Dân vận khéo trong xây dựng nông thôn mới'])
    // Place names are searched: the unit's commune "Xã Mông Sơn".
    expect(titles(await catalog('q=mong+son'))).toEqual(['Bảo vệ biên giới cùng đồng bào'])
  })

  it('takes FTS5 syntax in the query as plain words', async () => {
    for (const q of ['"', 'dan" OR "x', 'NEAR(dan van)', '*', 'title:duong', '-duong', 'AND']) {
      const page = await catalog(`q=${encodeURIComponent(q)}`)
      expect(page.total).toBeGreaterThanOrEqual(0)
    }
    expect((await catalog('q=%22%2A%22')).total).toBe(3) // no words: the whole catalog
  })
})

describe('catalog filters', () => {
  const cases: [string, () => string, string[]][] = [
    ['field', () => 'field=culture_society', ['Con đường sáng đẹp']],
    ['kind', () => 'kind=exemplar_collective', ['Con đường sáng đẹp']],
    ['province', () => `province=${otherProvince}`, ['Bảo vệ biên giới cùng đồng bào']],
    ['commune', () => `commune=${org.commune}`, ['Dân vận khéo trong xây dựng nông thôn mới']],
    ['unit type', () => 'unit_type=military', ['Bảo vệ biên giới cùng đồng bào']],
    ['year', () => 'year=2024', ['Con đường sáng đẹp']],
    ['tier', () => 'tier=1', ['Dân vận khéo trong xây dựng nông thôn mới']],
    [
      'ethnic group',
      () => 'ethnic=mong',
      ['Dân vận khéo trong xây dựng nông thôn mới', 'Bảo vệ biên giới cùng đồng bào'],
    ],
  ]
  for (const [name, query, expected] of cases) {
    it(`filters by ${name}`, async () => {
      const page = await catalog(query())
      expect(titles(page)).toEqual(expected)
      expect(page.total).toBe(expected.length)
    })
  }

  it('combines filters with a search, and offers options from the data', async () => {
    const page = await catalog(`q=duong&province=${org.province}&field=economy`)
    expect(titles(page)).toEqual(['Dân vận khéo trong xây dựng nông thôn mới'])
    expect(page.options.field.map((o) => o.value).sort()).toEqual(
      ['culture_society', 'defence_security', 'economy'].sort(),
    )
    expect(page.options.year.map((o) => o.value)).toEqual(['2024', '2023'])
    expect(page.options.ethnic.map((o) => [o.label, o.count])).toEqual([
      ['Kinh', 1],
      ['Mông', 2],
      ['Tày', 1],
    ])
    expect(page.options.province.map((o) => o.label)).toEqual(['Tỉnh Khác', 'Tỉnh Thử Nghiệm'])
    // Communes are offered once a province is chosen: those of that province only.
    expect(page.options.commune.map((o) => o.label)).toEqual(['Xã Hai', 'Xã Một'])
    expect((await catalog('')).options.commune).toEqual([])
  })

  it('shows nothing for a filter value no model has, and ignores malformed values', async () => {
    expect((await catalog('year=2019')).results).toEqual([])
    expect((await catalog('year=2019')).total).toBe(0)
    expect((await catalog('field=nope&page=abc')).total).toBe(3)
  })
})

describe('catalog sorts and pages', () => {
  it('sorts newest by default, by replications, by score', async () => {
    expect(titles(await catalog())).toEqual([
      'Con đường sáng đẹp',
      'Dân vận khéo trong xây dựng nông thôn mới',
      'Bảo vệ biên giới cùng đồng bào',
    ])
    const replicated = await catalog('sort=replicated')
    expect(titles(replicated)).toEqual([
      'Con đường sáng đẹp',
      'Dân vận khéo trong xây dựng nông thôn mới',
      'Bảo vệ biên giới cùng đồng bào',
    ])
    expect(replicated.results.map((r) => r.replicationCount)).toEqual([2, 1, 0])
    expect(titles(await catalog('sort=score'))).toEqual([
      'Dân vận khéo trong xây dựng nông thôn mới',
      'Con đường sáng đẹp',
      'Bảo vệ biên giới cùng đồng bào',
    ])
    // Relevance without a query falls back to newest.
    expect((await catalog('sort=relevance')).sort).toBe('newest')
    expect((await catalog('q=duong&sort=newest')).sort).toBe('newest')
  })

  it('pages by 20 with exact totals', async () => {
    for (let i = 0; i < 22; i++) {
      await createModel({
        title: `Mô hình phân trang số ${i + 1}`,
        field: 'political_system',
        publishedAt: `2020-01-${String(i + 1).padStart(2, '0')}T00:00:00.000Z`,
      })
    }
    const first = await catalog('field=political_system')
    expect(first.total).toBe(22)
    expect(first.pageCount).toBe(2)
    expect(first.results).toHaveLength(20)
    const second = await catalog('field=political_system&page=2')
    expect(titles(second)).toEqual(['Mô hình phân trang số 2', 'Mô hình phân trang số 1'])
    const searched = await catalog('q=phan+trang&page=2')
    expect(searched.total).toBe(22)
    expect(searched.results).toHaveLength(2)
    expect((await catalog('field=political_system&page=9')).results).toEqual([])
  })
})

describe('index consistency', () => {
  async function indexState() {
    const db = getDb()
    const [catalogRows, tags, facets, fts] = await Promise.all([
      db.selectFrom('model_catalog').selectAll().orderBy('model_id').execute(),
      db.selectFrom('model_catalog_tags').selectAll().orderBy('tag').orderBy('model_id').execute(),
      db.selectFrom('catalog_facets').selectAll().orderBy('tag').execute(),
      sql<{
        rowid: number
      }>`SELECT rowid FROM model_search WHERE model_search MATCH 'dan OR duong OR mo OR bao' ORDER BY rowid`.execute(
        db,
      ),
    ])
    return { catalogRows, tags, facets, fts: fts.rows.map((r) => r.rowid) }
  }

  /** The incremental index equals a rebuild from scratch. */
  async function expectSameAsRebuild() {
    const before = await indexState()
    await getDb()
      .transaction()
      .execute((tx) => rebuildCatalog(tx))
    expect(await indexState()).toEqual(before)
  }

  it('follows an update of a published model in the same transaction', async () => {
    await write(ids.mong!, (tx) =>
      tx
        .updateTable('models')
        .set({ title: 'Đồn biên phòng và bản làng', field: 'political_system' })
        .where('id', '=', ids.mong!)
        .execute(),
    )
    expect(titles(await catalog('q=bao+ve+bien+gioi'))).toEqual([])
    expect(titles(await catalog('q=don+bien+phong'))).toEqual(['Đồn biên phòng và bản làng'])
    expect((await catalog('field=defence_security')).total).toBe(0)
    await expectSameAsRebuild()
  })

  it('adds a model when it is published and drops it when unpublished', async () => {
    await write(ids.draft!, (tx) =>
      tx.updateTable('models').set({ published_at: at }).where('id', '=', ids.draft!).execute(),
    )
    expect(titles(await catalog('q=chua+cong+bo'))).toEqual(['Dân vận khéo chưa công bố'])
    expect(
      (await catalog(`commune=${org.commune}&sort=replicated`)).results[0]?.replicationCount,
    ).toBe(1)
    await expectSameAsRebuild()
    await write(ids.draft!, (tx) =>
      tx.updateTable('models').set({ published_at: null }).where('id', '=', ids.draft!).execute(),
    )
    expect((await catalog('q=chua+cong+bo')).total).toBe(0)
    await expectSameAsRebuild()
  })

  it('follows a new replication and a new award', async () => {
    await replicate(ids.mong!, org.commune)
    await replicate(ids.mong!, org.otherCommune)
    await replicate(ids.mong!, otherCommune)
    expect(titles(await catalog('sort=replicated'))[0]).toBe('Đồn biên phòng và bản làng')
    await award(ids.mong!, contest2023, 1, 99)
    expect(titles(await catalog('year=2023&sort=score'))).toEqual([
      'Đồn biên phòng và bản làng',
      'Dân vận khéo trong xây dựng nông thôn mới',
    ])
    await expectSameAsRebuild()
  })

  it('forgets a deleted model entirely (cascade and triggers)', async () => {
    const id = await createModel({ title: 'Mô hình sẽ bị xóa', ethnic: ['Hà Nhì'] })
    expect((await catalog('ethnic=ha+nhi')).total).toBe(1)
    await write(id, (tx) => tx.deleteFrom('models').where('id', '=', id).execute())
    expect((await catalog('q=se+bi+xoa')).total).toBe(0)
    expect((await catalog('')).options.ethnic.map((o) => o.label)).not.toContain('Hà Nhì')
    const fts = await sql`SELECT rowid FROM model_search WHERE rowid = ${id}`.execute(getDb())
    expect(fts.rows).toEqual([])
    await expectSameAsRebuild()
  })
})

describe('model page', () => {
  it('shows a published model with awards, replications and Open Graph tags', async () => {
    const slug = (
      await getDb()
        .selectFrom('models')
        .select('slug')
        .where('id', '=', ids.duong!)
        .executeTakeFirstOrThrow()
    ).slug
    const res = await call(modelRoute.loader, { path: `/models/${slug}`, params: { slug } })
    expect(res.status).toBe(200)
    const data = res.data as Awaited<ReturnType<typeof modelRoute.loader>>
    expect(data.model.title).toBe('Con đường sáng đẹp')
    expect(data.awards.map((a) => [a.year, a.tier])).toEqual([[2024, 'Tiêu biểu']])
    expect(data.replications.map((r) => r.commune_name).sort()).toEqual(['Xã Mông Sơn', 'Xã Một'])
    expect(data.url).toBe(`http://localhost:3000/models/${slug}`)
    const tags = modelRoute.meta({
      data,
      matches: [],
      params: { slug },
      location: { pathname: `/models/${slug}`, search: '', hash: '', state: null, key: '' },
    } as unknown as Parameters<typeof modelRoute.meta>[0])
    const og = Object.fromEntries(
      tags
        .filter((t): t is { property: string; content: string } => 'property' in t)
        .map((t) => [t.property, t.content]),
    )
    expect(og).toMatchObject({
      'og:type': 'article',
      'og:title': 'Con đường sáng đẹp',
      'og:url': `http://localhost:3000/models/${slug}`,
    })
    expect(og['og:description']).toContain('Thắp sáng')
  })

  it('never takes og:url, canonical or open-data links from the Host header', async () => {
    const slug = (
      await getDb()
        .selectFrom('models')
        .select('slug')
        .where('id', '=', ids.duong!)
        .executeTakeFirstOrThrow()
    ).slug
    const evil = { Host: 'evil.example', 'X-Forwarded-Host': 'evil.example' }
    const res = await call(modelRoute.loader, {
      path: `http://evil.example/models/${slug}`,
      params: { slug },
      headers: evil,
    })
    const data = res.data as Awaited<ReturnType<typeof modelRoute.loader>>
    expect(data.url).toBe(`http://localhost:3000/models/${slug}`)
    const tags = modelRoute.meta({
      data,
      matches: [],
      params: { slug },
      location: { pathname: `/models/${slug}`, search: '', hash: '', state: null, key: '' },
    } as unknown as Parameters<typeof modelRoute.meta>[0])
    expect(JSON.stringify(tags)).not.toContain('evil.example')
    for (const loader of [modelsJson.loader, modelsCsv.loader, replicationsCsv.loader]) {
      const file = await call(loader, { path: 'http://evil.example/open-data/x', headers: evil })
      const text = typeof file.data === 'string' ? file.data : JSON.stringify(file.data)
      expect(text).toContain('http://localhost:3000/models/')
      expect(text).not.toContain('evil.example')
    }
  })

  it("shows the latest published entry's photos when the model has none of its own", async () => {
    const entry = await getDb()
      .selectFrom('entries')
      .select('id')
      .where('model_id', '=', ids.kheo!)
      .executeTakeFirstOrThrow()
    const media = await getDb()
      .insertInto('media')
      .values({
        kind: 'photo',
        storage_key: 'media/catalog-entry-photo.jpg',
        entry_id: entry.id,
        position: 1,
        caption: 'Người dân góp công làm đường',
        is_cover: 1,
        mime_type: 'image/jpeg',
        byte_size: 1000,
        width: 1600,
        height: 1200,
        sha256: 'x'.repeat(64),
        created_at: at,
      })
      .returning('id')
      .executeTakeFirstOrThrow()
    for (const width of [320, 640, 1280]) {
      await getDb()
        .insertInto('media_variants')
        .values({
          media_id: media.id,
          width,
          height: (width * 3) / 4,
          storage_key: `media/catalog-entry-photo-${width}.webp`,
          mime_type: 'image/webp',
          byte_size: 100,
        })
        .execute()
    }
    const slug = (
      await getDb()
        .selectFrom('models')
        .select('slug')
        .where('id', '=', ids.kheo!)
        .executeTakeFirstOrThrow()
    ).slug
    const res = await call(modelRoute.loader, { path: `/models/${slug}`, params: { slug } })
    const data = res.data as Awaited<ReturnType<typeof modelRoute.loader>>
    expect(data.photos.map((p) => p.caption)).toEqual(['Người dân góp công làm đường'])
    expect(data.photos[0]!.variants.map((v) => v.width)).toEqual([320, 640, 1280])
    expect(data.ogImage).toBe('http://localhost:3000/media/media/catalog-entry-photo-1280.webp')
    const list = await catalog('q=dan+van+kheo')
    expect(list.results[0]!.cover?.srcSet).toBe(
      '/media/media/catalog-entry-photo-320.webp 320w, /media/media/catalog-entry-photo-640.webp 640w',
    )
  })

  it('answers 404 for an unpublished or unknown model', async () => {
    const slug = (
      await getDb()
        .selectFrom('models')
        .select('slug')
        .where('id', '=', ids.draft!)
        .executeTakeFirstOrThrow()
    ).slug
    expect(
      (await call(modelRoute.loader, { path: `/models/${slug}`, params: { slug } })).status,
    ).toBe(404)
    expect(
      (await call(modelRoute.loader, { path: '/models/khong-co', params: { slug: 'khong-co' } }))
        .status,
    ).toBe(404)
  })
})

describe('open data', () => {
  it('lists only published models, without contact details, as JSON and CSV', async () => {
    const json = await call(modelsJson.loader, { path: '/open-data/models.json' })
    expect(json.status).toBe(200)
    expect(json.headers.get('Cache-Control')).toBe('public, max-age=300')
    const rows = json.data as { id: number; title: string; contact_phone?: string }[]
    const published = await getDb()
      .selectFrom('models')
      .select('id')
      .where('published_at', 'is not', null)
      .orderBy('id')
      .execute()
    expect(rows.map((r) => r.id)).toEqual(published.map((m) => m.id))
    expect(rows.map((r) => r.title)).not.toContain('Dân vận khéo chưa công bố')
    expect(JSON.stringify(rows)).not.toContain('0912 345 678')

    const res = modelsCsv.loader()
    expect(res.headers.get('Content-Type')).toBe('text/csv; charset=utf-8')
    const bytes = new Uint8Array(await res.arrayBuffer())
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
    const text = new TextDecoder().decode(bytes)
    expect(text.split('\r\n')[0] ?? text.split('\n')[0]).toMatch(/^\uFEFF?id,slug,url,title/)
    expect(text).toContain('Con đường sáng đẹp')
    expect(text).not.toContain('chưa công bố')
  })

  it('lists replications of published models only', async () => {
    const json = await call(replicationsJson.loader, { path: '/open-data/replications.json' })
    const rows = json.data as { source_model_id: number }[]
    expect(rows.length).toBeGreaterThan(0)
    expect(rows.map((r) => r.source_model_id)).not.toContain(ids.draft)
    const csv = await call(replicationsCsv.loader, { path: '/open-data/replications.csv' })
    expect(csv.headers.get('Cache-Control')).toBe('public, max-age=300')
    expect(String(csv.data)).toContain('source_model_slug')
  })
})
