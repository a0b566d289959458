import type { ReplicationStatus } from '../domain'
import { getDb, type Executor } from '../index'

/** Replications carried out in one commune, with their source model, newest start first. */
export async function replicationsInCommune(communeId: number, db: Executor = getDb()) {
  return db
    .selectFrom('replications')
    .innerJoin('models', 'models.id', 'replications.source_model_id')
    .select([
      'replications.id',
      'replications.status',
      'replications.start_date',
      'replications.last_reported_at',
      'replications.created_at',
      'models.title as source_title',
      'models.slug as source_slug',
    ])
    .where('replications.commune_id', '=', communeId)
    .orderBy('replications.start_date', 'desc')
    .orderBy('replications.id', 'desc')
    .execute()
}

/** One replication with the names around it: source and derived models, commune, responsible unit. */
export async function findReplication(id: number, db: Executor = getDb()) {
  return db
    .selectFrom('replications')
    .innerJoin('models as source', 'source.id', 'replications.source_model_id')
    .innerJoin('org_units as commune', 'commune.id', 'replications.commune_id')
    .leftJoin('org_units as responsible', 'responsible.id', 'replications.responsible_unit_id')
    .leftJoin('models as derived', 'derived.id', 'replications.derived_model_id')
    .selectAll('replications')
    .select([
      'source.title as source_title',
      'source.slug as source_slug',
      'source.field as source_field',
      'source.kind as source_kind',
      'source.summary as source_summary',
      'source.published_at as source_published_at',
      'commune.name as commune_name',
      'responsible.name as responsible_name',
      'derived.title as derived_title',
      'derived.slug as derived_slug',
      'derived.published_at as derived_published_at',
    ])
    .where('replications.id', '=', id)
    .executeTakeFirst()
}
export type ReplicationDetail = NonNullable<Awaited<ReturnType<typeof findReplication>>>

export async function findReplicationOf(
  modelId: number,
  communeId: number,
  db: Executor = getDb(),
) {
  return db
    .selectFrom('replications')
    .select(['id'])
    .where('source_model_id', '=', modelId)
    .where('commune_id', '=', communeId)
    .executeTakeFirst()
}

/** A published model by id or slug (only published models can be replicated). */
export async function findPublishedModel(idOrSlug: string | number, db: Executor = getDb()) {
  let q = db
    .selectFrom('models')
    .select(['id', 'slug', 'title', 'field', 'kind', 'summary', 'unit_id'])
    .where('published_at', 'is not', null)
  q =
    typeof idOrSlug === 'number' || /^\d+$/.test(idOrSlug)
      ? q.where('id', '=', Number(idOrSlug))
      : q.where('slug', '=', idOrSlug)
  return q.executeTakeFirst()
}

/**
 * Published models to choose from when the form was not opened from a model page:
 * the first `limit` by title (the catalog is where people search among all of them).
 */
export async function publishedModelChoices(limit: number, db: Executor = getDb()) {
  return db
    .selectFrom('models')
    .select(['id', 'title'])
    .where('published_at', 'is not', null)
    .orderBy('title')
    .orderBy('id')
    .limit(limit)
    .execute()
}

/** Units a commune may make responsible: those of the commune, then of its district. */
export async function unitsNearCommune(communeId: number, db: Executor = getDb()) {
  const commune = await db
    .selectFrom('org_units')
    .select(['parent_id'])
    .where('id', '=', communeId)
    .executeTakeFirst()
  const parents = [communeId, ...(commune?.parent_id ? [commune.parent_id] : [])]
  const rows = await db
    .selectFrom('org_units')
    .select(['id', 'name', 'parent_id'])
    .where('kind', '=', 'unit')
    .where('parent_id', 'in', parents)
    .orderBy('name')
    .execute()
  return rows.sort((a, b) => Number(b.parent_id === communeId) - Number(a.parent_id === communeId))
}

export async function insertReplication(
  values: {
    source_model_id: number
    commune_id: number
    responsible_unit_id: number | null
    start_date: string
    adaptations: string
    created_by: number
    at: string
  },
  db: Executor = getDb(),
) {
  const { at, ...rest } = values
  return db
    .insertInto('replications')
    .values({ ...rest, status: 'planned', created_at: at, updated_at: at })
    .returning('id')
    .executeTakeFirstOrThrow()
}

/** Moves the status only if it is still `from` (so two concurrent changes cannot both pass). */
export async function updateReplicationStatus(
  id: number,
  from: ReplicationStatus,
  to: ReplicationStatus,
  stopReason: string | null,
  at: string,
  db: Executor = getDb(),
) {
  const res = await db
    .updateTable('replications')
    .set({ status: to, stop_reason: stopReason, updated_at: at })
    .where('id', '=', id)
    .where('status', '=', from)
    .executeTakeFirst()
  return Number(res.numUpdatedRows) === 1
}

export async function insertReport(
  values: {
    replicationId: number
    reportedOn: string
    note: string
    createdBy: number
    at: string
    indicators: { label: string; value: string; unit: string }[]
  },
  db: Executor = getDb(),
) {
  const report = await db
    .insertInto('replication_reports')
    .values({
      replication_id: values.replicationId,
      reported_on: values.reportedOn,
      note: values.note,
      created_by: values.createdBy,
      created_at: values.at,
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  if (values.indicators.length) {
    await db
      .insertInto('indicators')
      .values(
        values.indicators.map((i, n) => ({
          replication_report_id: report.id,
          position: n + 1,
          label: i.label,
          value: i.value,
          unit: i.unit,
        })),
      )
      .execute()
  }
  await db
    .updateTable('replications')
    .set({ last_reported_at: values.at, updated_at: values.at })
    .where('id', '=', values.replicationId)
    .execute()
  return report.id
}

/** The reports of a replication, newest first, each with its indicators. */
export async function reportsOf(replicationId: number, db: Executor = getDb()) {
  const reports = await db
    .selectFrom('replication_reports')
    .select(['id', 'reported_on', 'note', 'created_at'])
    .where('replication_id', '=', replicationId)
    .orderBy('reported_on', 'desc')
    .orderBy('id', 'desc')
    .execute()
  const indicators = reports.length
    ? await db
        .selectFrom('indicators')
        .select(['replication_report_id', 'label', 'value', 'unit'])
        .where(
          'replication_report_id',
          'in',
          reports.map((r) => r.id),
        )
        .orderBy('position')
        .execute()
    : []
  return reports.map((r) => ({
    ...r,
    indicators: indicators
      .filter((i) => i.replication_report_id === r.id)
      .map(({ label, value, unit }) => ({ label, value, unit })),
  }))
}

export async function setDerivedModel(
  replicationId: number,
  modelId: number,
  at: string,
  db: Executor = getDb(),
) {
  const res = await db
    .updateTable('replications')
    .set({ derived_model_id: modelId, updated_at: at })
    .where('id', '=', replicationId)
    .where('derived_model_id', 'is', null)
    .executeTakeFirst()
  return Number(res.numUpdatedRows) === 1
}

/** The organiser's list: replications in the given communes (null = everywhere), filtered. */
export async function replicationsInArea(
  communeIds: number[] | null,
  filters: {
    status?: ReplicationStatus
    communeId?: number
    /** Only active replications whose last update (report, else registration) is at or before this. */
    staleBefore?: string
    activeStatuses: readonly ReplicationStatus[]
  },
  db: Executor = getDb(),
) {
  let q = db
    .selectFrom('replications')
    .innerJoin('models as source', 'source.id', 'replications.source_model_id')
    .innerJoin('org_units as commune', 'commune.id', 'replications.commune_id')
    .select([
      'replications.id',
      'replications.status',
      'replications.start_date',
      'replications.last_reported_at',
      'replications.created_at',
      'replications.commune_id',
      'commune.name as commune_name',
      'source.title as source_title',
      'source.field as source_field',
    ])
  if (communeIds)
    q = q.where('replications.commune_id', 'in', communeIds.length ? communeIds : [-1])
  if (filters.status) q = q.where('replications.status', '=', filters.status)
  if (filters.communeId) q = q.where('replications.commune_id', '=', filters.communeId)
  if (filters.staleBefore) {
    const cutoff = filters.staleBefore
    q = q
      .where('replications.status', 'in', [...filters.activeStatuses])
      .where((eb) =>
        eb(
          eb.fn.coalesce('replications.last_reported_at', 'replications.created_at'),
          '<=',
          cutoff,
        ),
      )
  }
  return q
    .orderBy('commune.name')
    .orderBy('replications.start_date', 'desc')
    .orderBy('replications.id')
    .execute()
}
