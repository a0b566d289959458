import { sql } from 'kysely'
import {
  catalogDocument,
  tagToken,
  type CatalogDocument,
  type CatalogSource,
} from '../../app/catalog/document'
import { getDb, type Executor } from '../index'

/**
 * The public catalog's index (migration 0002): reading what a model's catalog rows are made
 * of, writing them, and the catalog's queries. Every write goes through reindexModels, inside
 * the caller's transaction.
 */

type OrgRow = {
  id: number
  kind: string
  name: string
  parent_id: number | null
  unit_type: string | null
}

/** Org units by id, fetched once per batch (and reused by the bulk rebuild). */
class OrgUnits {
  readonly rows = new Map<number, OrgRow>()
  constructor(readonly db: Executor) {}

  /** Loads these ids and their ancestors (at most four levels: unit → commune → district → province). */
  async load(ids: Iterable<number>) {
    let want = [...new Set(ids)].filter((id) => !this.rows.has(id))
    while (want.length) {
      const found: OrgRow[] = []
      for (let i = 0; i < want.length; i += 500) {
        found.push(
          ...(await this.db
            .selectFrom('org_units')
            .select(['id', 'kind', 'name', 'parent_id', 'unit_type'])
            .where('id', 'in', want.slice(i, i + 500))
            .execute()),
        )
      }
      for (const r of found) this.rows.set(r.id, r)
      want = [
        ...new Set(found.map((r) => r.parent_id).filter((p): p is number => p != null)),
      ].filter((id) => !this.rows.has(id))
    }
  }

  /** The unit and its ancestors, nearest first. */
  chain(id: number): OrgRow[] {
    const out: OrgRow[] = []
    for (let row = this.rows.get(id); row && out.length < 6;) {
      out.push(row)
      row = row.parent_id == null ? undefined : this.rows.get(row.parent_id)
    }
    return out
  }

  province(id: number) {
    return this.chain(id).find((r) => r.kind === 'province')
  }
}

/** What the catalog is made of for these models (only the published ones come back). */
export async function loadCatalogSources(
  ids: number[],
  db: Executor = getDb(),
  org: OrgUnits = new OrgUnits(db),
): Promise<CatalogSource[]> {
  if (!ids.length) return []
  const models = await db
    .selectFrom('models')
    .select([
      'id',
      'slug',
      'title',
      'summary',
      'method',
      'field',
      'kind',
      'published_at',
      'ethnic_groups',
      'unit_id',
    ])
    .where('id', 'in', ids)
    .where('published_at', 'is not', null)
    .execute()
  if (!models.length) return []
  const modelIds = models.map((m) => m.id)
  const [communes, awards, replications] = await Promise.all([
    db
      .selectFrom('model_communes')
      .select(['model_id', 'commune_id'])
      .where('model_id', 'in', modelIds)
      .execute(),
    db
      .selectFrom('awards')
      .innerJoin('contests', 'contests.id', 'awards.contest_id')
      .innerJoin('award_tiers', 'award_tiers.id', 'awards.tier_id')
      .select([
        'awards.model_id',
        'contests.year',
        'award_tiers.position',
        'award_tiers.name',
        'awards.score',
      ])
      .where('awards.model_id', 'in', modelIds)
      .where('contests.published_at', 'is not', null)
      .execute(),
    db
      .selectFrom('replications')
      .select(['source_model_id', (eb) => eb.fn.countAll<number>().as('n')])
      .where('source_model_id', 'in', modelIds)
      .groupBy('source_model_id')
      .execute(),
  ])
  await org.load([...models.map((m) => m.unit_id), ...communes.map((c) => c.commune_id)])
  const group = <T extends { model_id: number }>(rows: T[]) => {
    const m = new Map<number, T[]>()
    for (const r of rows) m.set(r.model_id, [...(m.get(r.model_id) ?? []), r])
    return m
  }
  const communesBy = group(communes)
  const awardsBy = group(awards)
  const counts = new Map(replications.map((r) => [r.source_model_id, Number(r.n)]))
  return models.map((m) => {
    const unitChain = org.chain(m.unit_id)
    const unit = unitChain[0]
    const own = (communesBy.get(m.id) ?? [])
      .map((c) => org.rows.get(c.commune_id))
      .filter((c): c is OrgRow => !!c)
      .sort((a, b) => a.name.localeCompare(b.name, 'vi'))
    // The unit's own commune counts as a place of the model when the model names none.
    const unitCommune = unitChain.find((r) => r.kind === 'commune')
    const places = own.length ? own : unitCommune ? [unitCommune] : []
    const provinces = new Map<number, string>()
    for (const id of [m.unit_id, ...places.map((c) => c.id)]) {
      const p = org.province(id)
      if (p) provinces.set(p.id, p.name)
    }
    return {
      id: m.id,
      slug: m.slug,
      title: m.title,
      summary: m.summary,
      method: m.method,
      field: m.field,
      kind: m.kind,
      publishedAt: m.published_at!,
      ethnicGroups: m.ethnic_groups,
      unit: { name: unit?.name ?? '', unitType: unit?.unit_type ?? null },
      unitPlaces: unitChain.slice(1).map((r) => r.name),
      communes: places.map((c) => ({
        id: c.id,
        name: c.name,
        provinceId: org.province(c.id)?.id ?? null,
      })),
      provinces: [...provinces].map(([id, name]) => ({ id, name })),
      awards: (awardsBy.get(m.id) ?? []).map((a) => ({
        year: a.year,
        tierPosition: a.position,
        tierName: a.name,
        score: a.score,
      })),
      replicationCount: counts.get(m.id) ?? 0,
    }
  })
}

const ROWS_PER_INSERT = 400

/** Removes these models' catalog rows (triggers remove their full-text rows and facet counts). */
export async function deleteCatalogRows(ids: number[], db: Executor = getDb()) {
  for (let i = 0; i < ids.length; i += 500) {
    const chunk = ids.slice(i, i + 500)
    await db.deleteFrom('model_catalog_tags').where('model_id', 'in', chunk).execute()
    await db.deleteFrom('model_catalog').where('model_id', 'in', chunk).execute()
  }
}

/** Writes the catalog rows of these documents (their models' old rows must be gone). */
export async function insertCatalogRows(docs: CatalogDocument[], db: Executor = getDb()) {
  for (let i = 0; i < docs.length; i += ROWS_PER_INSERT / 4) {
    const chunk = docs.slice(i, i + ROWS_PER_INSERT / 4)
    await db
      .insertInto('model_catalog')
      .values(chunk.map((d) => d.row as never))
      .execute()
    const values = chunk.map(
      (d) =>
        sql`(${d.row.model_id}, ${d.search.title}, ${d.search.summary}, ${d.search.method}, ${d.search.places}, ${d.search.tags})`,
    )
    await sql`INSERT INTO model_search (rowid, title, summary, method, places, tags) VALUES ${sql.join(values)}`.execute(
      db,
    )
  }
  const tags = docs.flatMap((d) =>
    d.tags.map((t) => ({
      tag: t.tag,
      model_id: d.row.model_id,
      label: t.label,
      published_at: d.row.published_at,
      replication_count: d.row.replication_count,
      score: d.row.score,
    })),
  )
  for (let i = 0; i < tags.length; i += ROWS_PER_INSERT) {
    await db
      .insertInto('model_catalog_tags')
      .values(tags.slice(i, i + ROWS_PER_INSERT))
      .execute()
  }
}

/**
 * Brings the catalog rows of these models in step with the data: rows of published models
 * are rewritten, rows of models that are unpublished or gone are deleted. Call it inside the
 * transaction of every write to a model, its communes, awards, replications or publication.
 */
export async function reindexModels(ids: number[], db: Executor = getDb()) {
  const unique = [...new Set(ids)]
  if (!unique.length) return
  const sources = await loadCatalogSources(unique, db)
  await deleteCatalogRows(unique, db)
  await insertCatalogRows(sources.map(catalogDocument), db)
}

/** Rebuilds the whole catalog from the data (after a bulk load, and to backfill). */
export async function rebuildCatalog(db: Executor = getDb(), batch = 1000) {
  await db.deleteFrom('model_catalog_tags').execute()
  await db.deleteFrom('model_catalog').execute()
  await sql`DELETE FROM model_search`.execute(db)
  await db.deleteFrom('catalog_facets').execute()
  const org = new OrgUnits(db)
  let indexed = 0
  for (let after = 0; ;) {
    const ids = (
      await db
        .selectFrom('models')
        .select('id')
        .where('id', '>', after)
        .where('published_at', 'is not', null)
        .orderBy('id')
        .limit(batch)
        .execute()
    ).map((r) => r.id)
    if (!ids.length) break
    const sources = await loadCatalogSources(ids, db, org)
    await insertCatalogRows(sources.map(catalogDocument), db)
    indexed += sources.length
    after = ids[ids.length - 1]!
  }
  return indexed
}

// ── Queries ────────────────────────────────────────────────────────────────

export type CatalogSort = 'relevance' | 'newest' | 'replicated' | 'score'

/** Models per tag, for the tags asked (a missing tag has no published model). */
export async function facetCounts(tags: string[], db: Executor = getDb()) {
  if (!tags.length) return new Map<string, number>()
  const rows = await db
    .selectFrom('catalog_facets')
    .select(['tag', 'models'])
    .where('tag', 'in', tags)
    .execute()
  return new Map(rows.map((r) => [r.tag, Number(r.models)]))
}

/** Every tag of one kind ('p:', 'y:', …) with its label and count: a filter's options. */
export async function facetsOfKind(prefix: string, db: Executor = getDb()) {
  return db
    .selectFrom('catalog_facets')
    .select(['tag', 'label', 'models'])
    .where('tag', '>=', prefix)
    .where(
      'tag',
      '<',
      `${prefix.slice(0, -1)}${String.fromCharCode(prefix.charCodeAt(prefix.length - 1) + 1)}`,
    )
    .orderBy('tag')
    .execute()
}

export interface CatalogQuery {
  /** FTS5 MATCH expression (from matchExpression), or null for no search. */
  match: string | null
  /** Required tags, the most selective first (it drives the scan). */
  tags: string[]
  sort: CatalogSort
  limit: number
  offset: number
}

const SORT_COLUMN = {
  newest: sql.raw('t.published_at DESC, t.model_id DESC'),
  replicated: sql.raw('t.replication_count DESC, t.model_id DESC'),
  score: sql.raw('t.score DESC, t.model_id DESC'),
} as const

/** bm25 column weights: title ≫ summary > places > method; the tags column does not count. */
const RANK = sql.raw('bm25(model_search, 10.0, 4.0, 1.0, 2.0, 0.0)')

/**
 * The whole MATCH expression of a search with filters: the visitor's terms confined to the
 * text columns, ANDed with one token per required tag in the tags column. FTS5 intersects the
 * posting lists itself, so a filter costs no lookup per matching row.
 */
export function fullMatch(match: string, tags: string[]) {
  return [
    `{title summary method places} : (${match})`,
    ...tags.map((t) => `{tags} : "${tagToken(t)}"`),
  ].join(' AND ')
}

function tagFilters(tags: string[]) {
  return tags.map(
    (tag) =>
      sql`AND EXISTS (SELECT 1 FROM model_catalog_tags x WHERE x.tag = ${tag} AND x.model_id = t.model_id)`,
  )
}

/** The model ids of one page of results, in order. */
export async function catalogPageIds(q: CatalogQuery, db: Executor = getDb()) {
  const sort = q.sort === 'relevance' && !q.match ? 'newest' : q.sort
  let query
  if (q.match && sort === 'relevance') {
    query = sql<{ id: number }>`SELECT rowid AS id FROM model_search
      WHERE model_search MATCH ${fullMatch(q.match, q.tags)}
      ORDER BY ${RANK}, rowid LIMIT ${q.limit} OFFSET ${q.offset}`
  } else if (q.match) {
    // Walk the sort index and keep the rows in the (materialised) set of full-text matches: no
    // sort of every match. The unary + keeps SQLite from driving the query by the match set.
    query = sql<{ id: number }>`SELECT t.model_id AS id FROM model_catalog_tags t
      WHERE t.tag = 'all' AND +t.model_id IN
        (SELECT rowid FROM model_search WHERE model_search MATCH ${fullMatch(q.match, q.tags)})
      ORDER BY ${SORT_COLUMN[sort as Exclude<CatalogSort, 'relevance'>]} LIMIT ${q.limit} OFFSET ${q.offset}`
  } else {
    // The rarest tag drives an index range scan in sort order; the others are checked by key.
    const [driver = 'all', ...rest] = q.tags
    query = sql<{ id: number }>`SELECT t.model_id AS id FROM model_catalog_tags t
      WHERE t.tag = ${driver} ${sql.join(tagFilters(rest), sql` `)}
      ORDER BY ${SORT_COLUMN[sort as Exclude<CatalogSort, 'relevance'>]} LIMIT ${q.limit} OFFSET ${q.offset}`
  }
  return (await query.execute(db)).rows.map((r) => Number(r.id))
}

/** How many models match a search and/or several tags, counted up to `cap` (then "more than"). */
export async function catalogCount(
  q: Pick<CatalogQuery, 'match' | 'tags'>,
  cap: number,
  db: Executor = getDb(),
) {
  const inner = q.match
    ? sql`SELECT 1 FROM model_search WHERE model_search MATCH ${fullMatch(q.match, q.tags)}
        LIMIT ${cap + 1}`
    : sql`SELECT 1 FROM model_catalog_tags t WHERE t.tag = ${q.tags[0] ?? 'all'}
        ${sql.join(tagFilters(q.tags.slice(1)), sql` `)} LIMIT ${cap + 1}`
  const row = (await sql<{ n: number }>`SELECT count(*) AS n FROM (${inner})`.execute(db)).rows[0]
  return Number(row?.n ?? 0)
}

/** The catalog rows of these models with the texts their excerpt is cut from. */
export async function catalogRows(ids: number[], db: Executor = getDb()) {
  if (!ids.length) return []
  return db
    .selectFrom('model_catalog as c')
    .innerJoin('models as m', 'm.id', 'c.model_id')
    .select([
      'c.model_id',
      'c.slug',
      'c.title',
      'c.unit_name',
      'c.places',
      'c.field',
      'c.kind',
      'c.published_at',
      'c.replication_count',
      'c.award_year',
      'c.award_tier',
      'c.score',
      'm.summary',
      'm.method',
    ])
    .where('c.model_id', 'in', ids)
    .execute()
}

/** Org units by id (names of the province and commune options). */
export async function orgUnitNames(ids: number[], db: Executor = getDb()) {
  if (!ids.length) return new Map<number, { name: string; parent_id: number | null }>()
  const rows = await db
    .selectFrom('org_units')
    .select(['id', 'name', 'parent_id'])
    .where('id', 'in', ids)
    .execute()
  return new Map(rows.map((r) => [r.id, { name: r.name, parent_id: r.parent_id }]))
}

/** Every facet but the communes' (a few hundred rows at most: fields, kinds, provinces, years…). */
export async function facetsExceptCommunes(db: Executor = getDb()) {
  return db
    .selectFrom('catalog_facets')
    .select(['tag', 'label', 'models'])
    .where((eb) => eb.or([eb('tag', '<', 'c:'), eb('tag', '>=', 'c;')]))
    .execute()
}

export interface PhotoWithVariants {
  id: number
  storage_key: string
  caption: string
  width: number | null
  height: number | null
  is_cover: number
  variants: { width: number; height: number; storage_key: string }[]
}

async function withVariants<T extends { id: number }>(rows: T[], db: Executor) {
  if (!rows.length) return []
  const variants = await db
    .selectFrom('media_variants')
    .select(['media_id', 'width', 'height', 'storage_key'])
    .where(
      'media_id',
      'in',
      rows.map((r) => r.id),
    )
    .orderBy('media_id')
    .orderBy('width')
    .execute()
  return rows.map((r) => ({ ...r, variants: variants.filter((v) => v.media_id === r.id) }))
}

const PHOTO_COLUMNS = [
  'media.id',
  'media.storage_key',
  'media.caption',
  'media.width',
  'media.height',
  'media.is_cover',
] as const

/**
 * The photos shown for published models: the model's own photos, else those of its latest
 * published entry (entry photos are public once the entry is published; see app/media/access.server.ts).
 * `limit` photos per model, cover first.
 */
export async function photosOfModels(
  modelIds: number[],
  limit: number,
  db: Executor = getDb(),
): Promise<Map<number, PhotoWithVariants[]>> {
  const out = new Map<number, PhotoWithVariants[]>()
  if (!modelIds.length) return out
  const own = await db
    .selectFrom('media')
    .select([...PHOTO_COLUMNS, 'media.model_id'])
    .where('media.model_id', 'in', modelIds)
    .where('media.kind', '=', 'photo')
    .orderBy('media.model_id')
    .orderBy('media.is_cover', 'desc')
    .orderBy('media.position')
    .orderBy('media.id')
    .execute()
  const pick = new Map<number, { id: number }[]>()
  for (const r of own) {
    const list = (pick.get(r.model_id!) ?? []) as typeof own
    if (list.length < limit) pick.set(r.model_id!, [...list, r])
  }
  const missing = modelIds.filter((id) => !pick.has(id))
  if (missing.length) {
    const fromEntries = await db
      .selectFrom('media')
      .innerJoin('entries', 'entries.id', 'media.entry_id')
      .innerJoin('contests', 'contests.id', 'entries.contest_id')
      .select([...PHOTO_COLUMNS, 'entries.model_id', 'entries.id as entry_id'])
      .where('entries.model_id', 'in', missing)
      .where('entries.state', '=', 'published')
      .where('media.kind', '=', 'photo')
      .orderBy('entries.model_id')
      .orderBy('contests.year', 'desc')
      .orderBy('entries.id', 'desc')
      .orderBy('media.is_cover', 'desc')
      .orderBy('media.position')
      .execute()
    const entryOf = new Map<number, number>()
    for (const r of fromEntries) {
      if (!entryOf.has(r.model_id)) entryOf.set(r.model_id, r.entry_id)
      if (entryOf.get(r.model_id) !== r.entry_id) continue
      const list = pick.get(r.model_id) ?? []
      if (list.length < limit) pick.set(r.model_id, [...list, r])
    }
  }
  const all = await withVariants(
    [...pick.values()].flat() as Omit<PhotoWithVariants, 'variants'>[],
    db,
  )
  const byId = new Map(all.map((p) => [p.id, p]))
  for (const [modelId, list] of pick) {
    out.set(
      modelId,
      list.map((p) => byId.get(p.id)!),
    )
  }
  return out
}

/** The cover photo of each of these models (see photosOfModels). */
export async function coverPhotos(modelIds: number[], db: Executor = getDb()) {
  const photos = await photosOfModels(modelIds, 1, db)
  return new Map([...photos].map(([id, list]) => [id, list[0]!]))
}

// ── The public model page ──────────────────────────────────────────────────

/** A published model by slug, with its unit (undefined when unknown or not published). */
export async function publishedModelBySlug(slug: string, db: Executor = getDb()) {
  return db
    .selectFrom('models')
    .innerJoin('org_units as unit', 'unit.id', 'models.unit_id')
    .selectAll('models')
    .select(['unit.name as unit_name', 'unit.unit_type', 'unit.parent_id as unit_parent_id'])
    .where('models.slug', '=', slug)
    .where('models.published_at', 'is not', null)
    .executeTakeFirst()
}

/** Awards of published contests, newest first. */
export async function publicAwardsOfModel(modelId: number, db: Executor = getDb()) {
  return db
    .selectFrom('awards')
    .innerJoin('contests', 'contests.id', 'awards.contest_id')
    .innerJoin('award_tiers', 'award_tiers.id', 'awards.tier_id')
    .select([
      'awards.id',
      'contests.title as contest_title',
      'contests.year',
      'award_tiers.name as tier',
      'award_tiers.position as tier_position',
      'awards.score',
      'awards.decision_number',
      'awards.decision_date',
      'contests.decision_number as contest_decision_number',
      'contests.decision_date as contest_decision_date',
    ])
    .where('awards.model_id', '=', modelId)
    .where('contests.published_at', 'is not', null)
    .orderBy('contests.year', 'desc')
    .orderBy('award_tiers.position')
    .execute()
}

/**
 * Where the model is replicated, newest first, with the status and, when published, the
 * derived model: at most `limit` rows, or only those registered as published models.
 */
export async function publicReplicationsOfModel(
  modelId: number,
  opts: { limit: number; derivedOnly?: boolean },
  db: Executor = getDb(),
) {
  let q = db
    .selectFrom('replications as r')
    .innerJoin('org_units as commune', 'commune.id', 'r.commune_id')
    .leftJoin('org_units as district', 'district.id', 'commune.parent_id')
    .leftJoin('models as derived', (join) =>
      join
        .onRef('derived.id', '=', 'r.derived_model_id')
        .on('derived.published_at', 'is not', null),
    )
    .select([
      'r.id',
      'r.status',
      'r.start_date',
      'r.last_reported_at',
      'commune.name as commune_name',
      'district.name as district_name',
      'derived.slug as derived_slug',
      'derived.title as derived_title',
    ])
    .where('r.source_model_id', '=', modelId)
  if (opts.derivedOnly) {
    q = q.where('r.derived_model_id', 'is not', null).where('derived.id', 'is not', null)
  }
  return q.orderBy('r.start_date', 'desc').orderBy('r.id', 'desc').limit(opts.limit).execute()
}

/** How many communes replicate the model. */
export async function replicationCountOf(modelId: number, db: Executor = getDb()) {
  const row = await db
    .selectFrom('replications')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('source_model_id', '=', modelId)
    .executeTakeFirstOrThrow()
  return Number(row.n)
}

/** The published models this one was derived from (it is a registered replication of them). */
export async function publicSourcesOfModel(modelId: number, db: Executor = getDb()) {
  return db
    .selectFrom('replications as r')
    .innerJoin('models as source', 'source.id', 'r.source_model_id')
    .select(['source.slug', 'source.title'])
    .where('r.derived_model_id', '=', modelId)
    .where('source.published_at', 'is not', null)
    .orderBy('source.title')
    .execute()
}

// ── Open data ──────────────────────────────────────────────────────────────

/** One batch of published models for the open data files, by id after `afterId`. */
export async function openDataModels(afterId: number, limit: number, db: Executor = getDb()) {
  const models = await db
    .selectFrom('model_catalog as c')
    .innerJoin('models as m', 'm.id', 'c.model_id')
    .leftJoin('org_units as unit', 'unit.id', 'm.unit_id')
    .select([
      'm.id',
      'm.slug',
      'm.title',
      'm.kind',
      'm.field',
      'c.unit_name',
      'unit.unit_type',
      'c.places',
      'm.start_date',
      'm.summary',
      'm.context',
      'm.objectives',
      'm.method',
      'm.forces',
      'm.resources_vnd',
      'm.resources_workdays',
      'm.resident_contributions',
      'm.residents_involved',
      'm.ethnic_groups',
      'm.sustainability',
      'm.replication_conditions',
      'm.replication_steps',
      'm.replication_cost_vnd',
      'm.published_at',
      'c.replication_count',
    ])
    .where('c.model_id', '>', afterId)
    .orderBy('c.model_id')
    .limit(limit)
    .execute()
  const ids = models.map((m) => m.id)
  if (!ids.length) return []
  const [awards, indicators] = await Promise.all([
    db
      .selectFrom('awards')
      .innerJoin('contests', 'contests.id', 'awards.contest_id')
      .innerJoin('award_tiers', 'award_tiers.id', 'awards.tier_id')
      .select(['awards.model_id', 'contests.year', 'award_tiers.name as tier'])
      .where('awards.model_id', 'in', ids)
      .where('contests.published_at', 'is not', null)
      .orderBy('contests.year')
      .execute(),
    db
      .selectFrom('indicators')
      .select(['model_id', 'label', 'value', 'unit', 'baseline', 'period'])
      .where('model_id', 'in', ids)
      .orderBy('model_id')
      .orderBy('position')
      .execute(),
  ])
  return models.map((m) => ({
    ...m,
    awards: awards.filter((a) => a.model_id === m.id).map((a) => ({ year: a.year, tier: a.tier })),
    indicators: indicators
      .filter((i) => i.model_id === m.id)
      .map((i) => ({
        label: i.label,
        value: i.value,
        unit: i.unit,
        baseline: i.baseline,
        period: i.period,
      })),
  }))
}

/** One batch of replications of published models, by id after `afterId`. */
export async function openDataReplications(afterId: number, limit: number, db: Executor = getDb()) {
  return db
    .selectFrom('replications as r')
    .innerJoin('model_catalog as c', 'c.model_id', 'r.source_model_id')
    .innerJoin('org_units as commune', 'commune.id', 'r.commune_id')
    .leftJoin('org_units as responsible', 'responsible.id', 'r.responsible_unit_id')
    .leftJoin('model_catalog as derived', 'derived.model_id', 'r.derived_model_id')
    .select([
      'r.id',
      'r.source_model_id',
      'c.slug as source_model_slug',
      'c.title as source_model_title',
      'commune.code as commune_code',
      'commune.name as commune_name',
      'responsible.name as responsible_unit',
      'r.status',
      'r.start_date',
      'r.adaptations',
      'r.stop_reason',
      'r.last_reported_at',
      'derived.slug as derived_model_slug',
    ])
    .where('r.id', '>', afterId)
    .orderBy('r.id')
    .limit(limit)
    .execute()
}
