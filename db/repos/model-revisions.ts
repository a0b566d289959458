import { getDb, type Executor } from '../index'

/** The revision of a published model waiting for the organiser, if any. */
export async function pendingRevisionOf(modelId: number, db: Executor = getDb()) {
  return db
    .selectFrom('model_revisions')
    .selectAll()
    .where('model_id', '=', modelId)
    .where('status', '=', 'pending')
    .executeTakeFirst()
}

/** Records a unit's change as the model's pending revision (replacing an earlier pending one). */
export async function savePendingRevision(
  r: { modelId: number; content: string; userId: number; at: string },
  db: Executor = getDb(),
) {
  const pending = await pendingRevisionOf(r.modelId, db)
  if (pending) {
    await db
      .updateTable('model_revisions')
      .set({ content: r.content, submitted_by: r.userId, submitted_at: r.at })
      .where('id', '=', pending.id)
      .execute()
    return pending.id
  }
  const { id } = await db
    .insertInto('model_revisions')
    .values({ model_id: r.modelId, content: r.content, submitted_by: r.userId, submitted_at: r.at })
    .returning('id')
    .executeTakeFirstOrThrow()
  return id
}

/** Drops a model's pending revision (its unit saved the model back as published). */
export async function withdrawPendingRevision(modelId: number, db: Executor = getDb()) {
  await db
    .deleteFrom('model_revisions')
    .where('model_id', '=', modelId)
    .where('status', '=', 'pending')
    .execute()
}

/** A revision with its model's title, slug and unit (for the organiser's screens). */
export async function findRevision(id: number, db: Executor = getDb()) {
  return db
    .selectFrom('model_revisions')
    .innerJoin('models', 'models.id', 'model_revisions.model_id')
    .innerJoin('org_units', 'org_units.id', 'models.unit_id')
    .selectAll('model_revisions')
    .select([
      'models.title as model_title',
      'models.slug as model_slug',
      'models.unit_id',
      'org_units.name as unit_name',
    ])
    .where('model_revisions.id', '=', id)
    .executeTakeFirst()
}

/** Pending revisions of models whose unit is among `unitIds` (the organiser's area), oldest first. */
export async function listPendingRevisions(unitIds: number[], db: Executor = getDb()) {
  if (!unitIds.length) return []
  return db
    .selectFrom('model_revisions')
    .innerJoin('models', 'models.id', 'model_revisions.model_id')
    .innerJoin('org_units', 'org_units.id', 'models.unit_id')
    .leftJoin('users', 'users.id', 'model_revisions.submitted_by')
    .select([
      'model_revisions.id',
      'model_revisions.submitted_at',
      'models.title as model_title',
      'org_units.name as unit_name',
      'users.display_name as submitted_by_name',
    ])
    .where('model_revisions.status', '=', 'pending')
    .where('models.unit_id', 'in', unitIds)
    .orderBy('model_revisions.submitted_at')
    .orderBy('model_revisions.id')
    .execute()
}

/** Closes a pending revision; false when it was no longer pending (decided meanwhile). */
export async function decideRevision(
  d: { id: number; status: 'approved' | 'rejected'; userId: number; at: string; reason?: string },
  db: Executor = getDb(),
) {
  const result = await db
    .updateTable('model_revisions')
    .set({
      status: d.status,
      decided_by: d.userId,
      decided_at: d.at,
      reject_reason: d.reason ?? null,
    })
    .where('id', '=', d.id)
    .where('status', '=', 'pending')
    .executeTakeFirst()
  return Number(result.numUpdatedRows) === 1
}
