import { getDb, type Executor } from '#db/index'
import {
  catalogCount,
  catalogPageIds,
  catalogRows,
  coverPhotos,
  facetCounts,
  facetsOfKind,
  facetsExceptCommunes,
  orgUnitNames,
  photosOfModels,
  publicAwardsOfModel,
  publicReplicationsOfModel,
  publicSourcesOfModel,
  publishedModelBySlug,
  replicationCountOf,
  reindexModels,
  type PhotoWithVariants,
} from '#db/repos/catalog'
import { communesOfModel, indicatorsOfModel } from '#db/repos/models'
import { mediaUrl } from '~/media/rules'
import { communeTag, ethnicGroupsOf } from './document'
import { matchExpression, parseQuery, snippet, highlight, hasMatch, type Segment } from './fold'
import { COUNT_CAP, PAGE_SIZE, effectiveSort, type CatalogParams, type Sort } from './params'

/**
 * Brings the public catalog in step with one model: call it INSIDE the transaction of every
 * write to the model, its communes, its awards, its replications or its publication
 * (`await reindexModel(id, tx)`). Published models are (re)indexed; unpublished or deleted
 * ones leave the catalog.
 */
export async function reindexModel(modelId: number, db: Executor = getDb()) {
  await reindexModels([modelId], db)
}

export { reindexModels, rebuildCatalog } from '#db/repos/catalog'

/** The required tags of the params, and the commune filter's province when it is given alone. */
async function tagsOf(params: CatalogParams, db: Executor) {
  const tags: string[] = []
  if (params.field) tags.push(`f:${params.field}`)
  if (params.kind) tags.push(`k:${params.kind}`)
  if (params.unit_type) tags.push(`u:${params.unit_type}`)
  if (params.year) tags.push(`y:${params.year}`)
  if (params.tier) tags.push(`t:${params.tier}`)
  if (params.ethnic) tags.push(`e:${params.ethnic}`)
  let province = params.province
  if (params.commune) {
    // The commune's province is part of its tag: walk up from the commune.
    const chain = await ancestorsOf(params.commune, db)
    const top = chain[chain.length - 1]
    const found = top && top.parent_id == null ? top.id : undefined
    // A commune of another province than the one chosen (a stale link) is dropped.
    if (!province || province === found) {
      province = found
      tags.push(communeTag(found ?? 0, params.commune))
    }
  }
  if (province) tags.push(`p:${province}`)
  return { tags, province }
}

export interface CatalogResult {
  slug: string
  title: Segment[]
  excerpt: Segment[]
  unitName: string
  places: string
  field: string
  kind: string
  awardYear: number | null
  awardTier: string | null
  replicationCount: number
  cover: CoverPhoto | null
}

export interface CoverPhoto {
  src: string
  srcSet: string
  width: number | null
  height: number | null
  alt: string
}

export interface FacetOption {
  value: string
  label: string
  count: number
}

export interface CatalogOptions {
  field: FacetOption[]
  kind: FacetOption[]
  unit_type: FacetOption[]
  province: FacetOption[]
  commune: FacetOption[]
  year: FacetOption[]
  tier: FacetOption[]
  ethnic: FacetOption[]
}

/** The filters' options, from the published data (a commune list only once a province is chosen). */
async function catalogOptions(province: number | undefined, db: Executor): Promise<CatalogOptions> {
  const [rows, communes] = await Promise.all([
    facetsExceptCommunes(db),
    province ? facetsOfKind(`c:${province}:`, db) : Promise.resolve([]),
  ])
  const of = (prefix: string) =>
    rows
      .filter((r) => r.tag.startsWith(prefix))
      .map((r) => ({ value: r.tag.slice(prefix.length), label: r.label, count: Number(r.models) }))
  const byLabel = (a: FacetOption, b: FacetOption) => a.label.localeCompare(b.label, 'vi')
  return {
    field: of('f:'),
    kind: of('k:'),
    unit_type: of('u:'),
    province: of('p:').sort(byLabel),
    commune: communes
      .map((r) => ({
        value: r.tag.split(':')[2] ?? '',
        label: r.label,
        count: Number(r.models),
      }))
      .sort(byLabel),
    year: of('y:').sort((a, b) => Number(b.value) - Number(a.value)),
    tier: of('t:').sort((a, b) => Number(a.value) - Number(b.value)),
    ethnic: of('e:').sort(byLabel),
  }
}

export interface CatalogPage {
  total: number
  /** True when total is COUNT_CAP and there are more. */
  capped: boolean
  page: number
  pageCount: number
  sort: Sort
  hasQuery: boolean
  results: CatalogResult[]
  options: CatalogOptions
}

/**
 * One page of the public catalog: full-text search over folded text (bm25, title weighted
 * highest), filters as tags, sorts by relevance (only with a query), newest, most replicated
 * or score; 20 per page; exact totals for a single filter (from the facet counts), capped
 * counting otherwise.
 */
export async function searchCatalog(
  params: CatalogParams,
  db: Executor = getDb(),
): Promise<CatalogPage> {
  const match = matchExpression(params.q)
  const query = parseQuery(params.q)
  const sort = effectiveSort(params, !!match)
  const { tags, province } = await tagsOf(params, db)
  const counts = await facetCounts(['all', ...tags], db)
  // The rarest tag drives the scan; a tag no model has means no results at all.
  const ordered = [...tags].sort((a, b) => (counts.get(a) ?? 0) - (counts.get(b) ?? 0))
  const impossible = tags.some((t) => !counts.has(t))
  let total: number
  if (impossible) total = 0
  else if (!match && tags.length <= 1) total = counts.get(tags[0] ?? 'all') ?? 0
  else total = await catalogCount({ match, tags: ordered }, COUNT_CAP, db)
  const capped = total > COUNT_CAP
  if (capped) total = COUNT_CAP
  const pageCount = Math.max(1, Math.ceil(total / PAGE_SIZE))
  const page = params.page
  const [ids, options] = await Promise.all([
    impossible || page > pageCount
      ? Promise.resolve([])
      : catalogPageIds(
          { match, tags: ordered, sort, limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE },
          db,
        ),
    catalogOptions(province, db),
  ])
  const [rows, covers] = await Promise.all([catalogRows(ids, db), coverPhotos(ids, db)])
  const byId = new Map(rows.map((r) => [r.model_id, r]))
  const results = ids
    .map((id) => byId.get(id))
    .filter((r) => !!r)
    .map((r) => {
      const source = hasMatch(r.summary, query) || !hasMatch(r.method, query) ? r.summary : r.method
      const cover = covers.get(r.model_id)
      return {
        slug: r.slug,
        title: highlight(r.title, query),
        excerpt: snippet(source, query),
        unitName: r.unit_name,
        places: r.places,
        field: r.field,
        kind: r.kind,
        awardYear: r.award_year,
        awardTier: r.award_tier,
        replicationCount: Number(r.replication_count),
        cover: cover ? toCover(cover, r.title) : null,
      }
    })
  return { total, capped, page, pageCount, sort, hasQuery: !!match, results, options }
}

type PhotoRow = {
  storage_key: string
  caption: string
  width: number | null
  height: number | null
  variants: { width: number; storage_key: string }[]
}

function toCover(p: PhotoRow, title: string): CoverPhoto {
  const small = p.variants.filter((v) => v.width <= 640)
  return {
    src: mediaUrl(small[0]?.storage_key ?? p.storage_key),
    srcSet: small.map((v) => `${mediaUrl(v.storage_key)} ${v.width}w`).join(', '),
    width: p.width,
    height: p.height,
    alt: p.caption || title,
  }
}

// ── The public model page ──────────────────────────────────────────────────

function toMediaItem(p: PhotoWithVariants) {
  return {
    id: p.id,
    kind: 'photo' as const,
    url: mediaUrl(p.storage_key),
    mimeType: '',
    byteSize: 0,
    width: p.width,
    height: p.height,
    caption: p.caption,
    isCover: p.is_cover === 1,
    position: 0,
    originalName: '',
    variants: p.variants.map((v) => ({
      width: v.width,
      height: v.height,
      url: mediaUrl(v.storage_key),
    })),
  }
}

/** Replications listed on a model page (the newest); the full list is in the open data. */
export const REPLICATIONS_SHOWN = 200

/** Everything the public page of a published model shows; null when unknown or unpublished. */
export async function publicModelPage(slug: string, db: Executor = getDb()) {
  const model = await publishedModelBySlug(slug, db)
  if (!model) return null
  const [communes, indicators, photos, awards, replications, count, derived, sources, chain] =
    await Promise.all([
      communesOfModel(model.id, db),
      indicatorsOfModel(model.id, db),
      photosOfModels([model.id], 24, db),
      publicAwardsOfModel(model.id, db),
      publicReplicationsOfModel(model.id, { limit: REPLICATIONS_SHOWN }, db),
      replicationCountOf(model.id, db),
      publicReplicationsOfModel(model.id, { limit: 100, derivedOnly: true }, db),
      publicSourcesOfModel(model.id, db),
      ancestorsOf(model.unit_parent_id, db),
    ])
  const gallery = (photos.get(model.id) ?? []).map(toMediaItem)
  return {
    model: {
      id: model.id,
      slug: model.slug,
      title: model.title,
      kind: model.kind,
      field: model.field,
      startDate: model.start_date,
      summary: model.summary,
      context: model.context,
      objectives: model.objectives,
      method: model.method,
      forces: model.forces,
      resourcesVnd: model.resources_vnd,
      resourcesWorkdays: model.resources_workdays,
      residentContributions: model.resident_contributions,
      residentsInvolved: model.residents_involved,
      ethnicGroups: ethnicGroupsOf(model.ethnic_groups),
      sustainability: model.sustainability,
      replicationConditions: model.replication_conditions,
      replicationSteps: model.replication_steps,
      replicationCostVnd: model.replication_cost_vnd,
      contactName: model.contact_name,
      contactPhone: model.contact_phone,
      contactEmail: model.contact_email,
      publishedAt: model.published_at!,
      unitName: model.unit_name,
      unitType: model.unit_type,
      area: chain.map((c) => c.name),
    },
    communes,
    indicators,
    photos: gallery,
    awards,
    replications,
    replicationCount: count,
    derivedFrom: sources,
    replicatedAs: derived,
  }
}

export type PublicModelPage = NonNullable<Awaited<ReturnType<typeof publicModelPage>>>

/** An org unit and its ancestors, nearest first (e.g. commune, district, province). */
async function ancestorsOf(id: number | null, db: Executor) {
  const out: { id: number; name: string; parent_id: number | null }[] = []
  for (let at = id, i = 0; at != null && i < 5; i++) {
    const row = (await orgUnitNames([at], db)).get(at)
    if (!row) break
    out.push({ id: at, ...row })
    at = row.parent_id
  }
  return out
}
