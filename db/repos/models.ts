import { getDb, type Executor } from '../index'

/** The newest published models with their unit, latest award and replication count. */
export async function latestPublishedModels(limit: number, db: Executor = getDb()) {
  return db
    .selectFrom('models')
    .innerJoin('org_units as unit', 'unit.id', 'models.unit_id')
    .select([
      'models.id',
      'models.slug',
      'models.title',
      'models.field',
      'models.summary',
      'models.published_at',
      'unit.name as unit_name',
    ])
    .select((eb) => [
      eb
        .selectFrom('awards')
        .innerJoin('award_tiers', 'award_tiers.id', 'awards.tier_id')
        .innerJoin('contests', 'contests.id', 'awards.contest_id')
        .whereRef('awards.model_id', '=', 'models.id')
        .select('award_tiers.name')
        .orderBy('contests.year', 'desc')
        .limit(1)
        .as('award_tier'),
      eb
        .selectFrom('awards')
        .innerJoin('contests', 'contests.id', 'awards.contest_id')
        .whereRef('awards.model_id', '=', 'models.id')
        .select('contests.year')
        .orderBy('contests.year', 'desc')
        .limit(1)
        .as('award_year'),
      eb
        .selectFrom('replications')
        .whereRef('replications.source_model_id', '=', 'models.id')
        .select((e) => e.fn.countAll<number>().as('n'))
        .as('replication_count'),
    ])
    .where('models.published_at', 'is not', null)
    .orderBy('models.published_at', 'desc')
    .orderBy('models.id', 'desc')
    .limit(limit)
    .execute()
}

export async function movementTotals(db: Executor = getDb()) {
  const row = await db
    .selectNoFrom((eb) => [
      eb
        .selectFrom('models')
        .where('published_at', 'is not', null)
        .select((e) => e.fn.countAll<number>().as('n'))
        .as('models'),
      eb
        .selectFrom('replications')
        .select((e) => e.fn.countAll<number>().as('n'))
        .as('replications'),
    ])
    .executeTakeFirstOrThrow()
  return { models: Number(row.models ?? 0), replications: Number(row.replications ?? 0) }
}

/** A unit's models, newest first, with how many contests each has entered. */
export async function modelsOfUnit(unitId: number, db: Executor = getDb()) {
  return db
    .selectFrom('models')
    .select(['id', 'slug', 'title', 'field', 'kind', 'published_at', 'updated_at'])
    .where('unit_id', '=', unitId)
    .orderBy('updated_at', 'desc')
    .execute()
}

export async function entriesOfUnit(unitId: number, db: Executor = getDb()) {
  return db
    .selectFrom('entries')
    .innerJoin('contests', 'contests.id', 'entries.contest_id')
    .select([
      'entries.id',
      'entries.model_id',
      'entries.contest_id',
      'entries.title',
      'entries.state',
      'entries.field',
      'entries.return_reason',
      'entries.reject_reason',
      'entries.updated_at',
      'contests.title as contest_title',
      'contests.year as contest_year',
    ])
    .where('entries.unit_id', '=', unitId)
    .orderBy('contests.year', 'desc')
    .orderBy('entries.updated_at', 'desc')
    .execute()
}

export async function findModel(id: number, db: Executor = getDb()) {
  return db.selectFrom('models').selectAll().where('id', '=', id).executeTakeFirst()
}

export async function communesOfModel(modelId: number, db: Executor = getDb()) {
  return db
    .selectFrom('model_communes')
    .innerJoin('org_units', 'org_units.id', 'model_communes.commune_id')
    .select(['org_units.id', 'org_units.name'])
    .where('model_communes.model_id', '=', modelId)
    .orderBy('org_units.name')
    .execute()
}

export async function indicatorsOfModel(modelId: number, db: Executor = getDb()) {
  return db
    .selectFrom('indicators')
    .select(['position', 'label', 'value', 'unit', 'baseline', 'period'])
    .where('model_id', '=', modelId)
    .orderBy('position')
    .execute()
}

export async function replaceModelCommunes(
  modelId: number,
  communeIds: number[],
  db: Executor = getDb(),
) {
  await db.deleteFrom('model_communes').where('model_id', '=', modelId).execute()
  if (communeIds.length) {
    await db
      .insertInto('model_communes')
      .values(communeIds.map((commune_id) => ({ model_id: modelId, commune_id })))
      .execute()
  }
}

export async function replaceModelIndicators(
  modelId: number,
  rows: {
    position: number
    label: string
    value: string
    unit: string
    baseline: string | null
    period: string
  }[],
  db: Executor = getDb(),
) {
  await db.deleteFrom('indicators').where('model_id', '=', modelId).execute()
  if (rows.length) {
    await db
      .insertInto('indicators')
      .values(rows.map((r) => ({ ...r, model_id: modelId })))
      .execute()
  }
}

export async function slugExists(slug: string, db: Executor = getDb()) {
  return !!(await db.selectFrom('models').select('id').where('slug', '=', slug).executeTakeFirst())
}
