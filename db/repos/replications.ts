import { getDb, type Executor } from '../index'

/** Replications carried out in one commune, with their source model. */
export async function replicationsInCommune(communeId: number, db: Executor = getDb()) {
  return db
    .selectFrom('replications')
    .innerJoin('models', 'models.id', 'replications.source_model_id')
    .select([
      'replications.id',
      'replications.status',
      'replications.start_date',
      'replications.last_reported_at',
      'models.title as source_title',
      'models.slug as source_slug',
    ])
    .where('replications.commune_id', '=', communeId)
    .orderBy('replications.start_date', 'desc')
    .execute()
}
