import { getDb, type Executor } from '#db/index'
import { recordAudit } from '#db/repos/audit'
import {
  communesOfModel,
  findModel,
  indicatorsOfModel,
  replaceModelCommunes,
  replaceModelIndicators,
  slugExists,
} from '#db/repos/models'
import {
  pendingRevisionOf,
  savePendingRevision,
  withdrawPendingRevision,
} from '#db/repos/model-revisions'
import { notify, usersWithRole } from '#db/repos/notifications'
import { findOrgUnit, isInScope, scopeRootFor } from '#db/repos/org-units'
import { forbidden } from '~/auth/guards.server'
import { reindexModel } from '~/catalog/catalog.server'
import { grantFor, type SessionUser } from '~/auth/permissions'
import { now } from '~/clock.server'
import { indicatorRowsFromForm, modelColumnsFromForm, snapshotFromModel } from '~/entries/content'
import { diffSnapshots } from '~/entries/diff'
import type { ModelForm } from '~/entries/schema'
import type { Model } from '#db/schema'
import { notFound } from '~/entries/access.server'
import { slugify } from './slug'

/** The unit a unit officer works for (the guard has already checked the role). */
export function unitOf(user: SessionUser) {
  const grant = grantFor(user, 'unit')
  if (!grant?.orgUnitId) forbidden()
  return { id: grant.orgUnitId, name: grant.orgUnitName ?? '' }
}

/** A model of the officer's own unit (else 403; unknown 404). */
export async function requireOwnModel(user: SessionUser, modelId: number) {
  const model = Number.isInteger(modelId) && modelId > 0 ? await findModel(modelId) : undefined
  if (!model) notFound()
  if (model.unit_id !== unitOf(user).id) forbidden()
  return model
}

/**
 * Communes a unit may name for its model: those of its own district (the area
 * the unit belongs to), so a typo cannot attach a model to the other end of the country.
 */
export async function communeChoicesFor(unitId: number, db: Executor = getDb()) {
  const unit = await findOrgUnit(unitId, db)
  const commune = unit?.parent_id ? await findOrgUnit(unit.parent_id, db) : undefined
  const area = commune?.kind === 'commune' ? commune.parent_id : unit?.parent_id
  return area ?? null
}

async function checkCommunes(unitId: number, ids: number[], db: Executor) {
  const area = await scopeRootFor(await communeChoicesFor(unitId, db), db)
  for (const id of ids) {
    const c = await findOrgUnit(id, db)
    if (!c || c.kind !== 'commune' || !(await isInScope(area, id, db))) return false
  }
  return true
}

async function uniqueSlug(title: string, db: Executor) {
  const base = slugify(title) || 'mo-hinh'
  let slug = base
  for (let n = 2; await slugExists(slug, db); n++) slug = `${base}-${n}`
  return slug
}

export type ModelSaveResult =
  { ok: true; id: number; pendingReview: boolean } | { ok: false; field: string; message: string }

/**
 * Registers a new model for the officer's unit, or updates one of its models. A change to a
 * published model is not applied: it becomes the model's pending revision, which the organiser
 * approves before the public sees it (app/models/revisions.server.ts).
 */
export async function saveModel(
  user: SessionUser,
  form: ModelForm,
  modelId: number | null,
  ip: string | null,
): Promise<ModelSaveResult> {
  const unit = unitOf(user)
  const communeIds = [...new Set(form.commune_ids ?? [])]
  const at = now().toISOString()
  return getDb()
    .transaction()
    .execute(async (tx): Promise<ModelSaveResult> => {
      if (!(await checkCommunes(unit.id, communeIds, tx))) {
        return { ok: false, field: 'commune_ids', message: 'validation.invalidChoice' }
      }
      if (modelId == null) {
        const row = await tx
          .insertInto('models')
          .values({
            ...modelColumnsFromForm(form),
            slug: await uniqueSlug(form.title, tx),
            unit_id: unit.id,
            created_by: user.id,
            created_at: at,
            updated_at: at,
          })
          .returning('id')
          .executeTakeFirstOrThrow()
        await writeModelContent(row.id, form, tx)
        await recordAudit(
          {
            actorId: user.id,
            action: 'model.create',
            subjectType: 'model',
            subjectId: row.id,
            after: auditContent(form),
            ip,
          },
          tx,
        )
        return { ok: true, id: row.id, pendingReview: false }
      }
      const model = await findModel(modelId, tx)
      if (!model || model.unit_id !== unit.id) forbidden()
      if (model.published_at) {
        const [current, proposed] = await Promise.all([
          modelContent(modelId, tx),
          revisionContent(modelId, form, tx),
        ])
        // Saved as published: nothing to review (and a pending change the unit undid is withdrawn).
        if (current && proposed && !diffSnapshots(current, proposed).length) {
          await withdrawPendingRevision(modelId, tx)
          return { ok: true, id: modelId, pendingReview: false }
        }
        await submitRevision({ model, form, userId: user.id, at, ip }, tx)
        return { ok: true, id: modelId, pendingReview: true }
      }
      await applyModelUpdate(modelId, form, at, tx)
      await recordAudit(
        {
          actorId: user.id,
          action: 'model.update',
          subjectType: 'model',
          subjectId: modelId,
          before: model,
          after: auditContent(form),
          ip,
        },
        tx,
      )
      return { ok: true, id: modelId, pendingReview: false }
    })
}

/** Are the form's communes still ones the model's unit may name? (Checked again on approval.) */
export async function communesAllowed(unitId: number, form: ModelForm, db: Executor) {
  return checkCommunes(unitId, [...new Set(form.commune_ids ?? [])], db)
}

/** Overwrites a model's content with the form's, inside the caller's transaction. */
export async function applyModelUpdate(modelId: number, form: ModelForm, at: string, tx: Executor) {
  await tx
    .updateTable('models')
    .set({ ...modelColumnsFromForm(form), updated_at: at })
    .where('id', '=', modelId)
    .execute()
  await writeModelContent(modelId, form, tx)
}

/** The model's communes and indicators from the form, and the catalog in step. */
async function writeModelContent(id: number, form: ModelForm, tx: Executor) {
  await replaceModelCommunes(id, [...new Set(form.commune_ids ?? [])], tx)
  await replaceModelIndicators(id, indicatorRowsFromForm(form), tx)
  // The public catalog follows the model in the same transaction (a no-op until it is published).
  await reindexModel(id, tx)
}

/**
 * A unit's change to a published model: kept as the model's pending revision (one per model,
 * a newer change replacing it), audited, and announced to the organisers of the unit's area.
 */
async function submitRevision(
  r: { model: Model; form: ModelForm; userId: number; at: string; ip: string | null },
  tx: Executor,
) {
  const id = await savePendingRevision(
    { modelId: r.model.id, content: JSON.stringify(r.form), userId: r.userId, at: r.at },
    tx,
  )
  await recordAudit(
    {
      actorId: r.userId,
      action: 'model.revise',
      subjectType: 'model',
      subjectId: r.model.id,
      after: { revisionId: id, ...auditContent(r.form) },
      ip: r.ip,
    },
    tx,
  )
  const organisers = []
  for (const admin of await usersWithRole('admin', undefined, tx)) {
    if (await isInScope(await scopeRootFor(admin.org_unit_id, tx), r.model.unit_id, tx))
      organisers.push(admin.id)
  }
  await notify(
    organisers,
    {
      kind: 'notice.model.revisionSubmitted',
      params: { title: r.model.title },
      link: `/admin/revisions/${id}`,
      now: new Date(r.at),
    },
    tx,
  )
}

/** The content a revision would give its model, shaped like the model's own (form, diff). */
export async function revisionContent(modelId: number, form: ModelForm, db: Executor = getDb()) {
  const model = await findModel(modelId, db)
  if (!model) return null
  const unit = await findOrgUnit(model.unit_id, db)
  const communes = []
  for (const id of [...new Set(form.commune_ids ?? [])]) {
    const c = await findOrgUnit(id, db)
    if (c) communes.push({ id: c.id, name: c.name })
  }
  return snapshotFromModel(modelColumnsFromForm(form), {
    unit: { id: model.unit_id, name: unit?.name ?? '' },
    // In the order the model's own communes are read (by name, as SQLite compares).
    communes: communes.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0)),
    indicators: indicatorRowsFromForm(form),
  })
}

/** The model as its unit sees it in the form: its pending revision when there is one. */
export async function modelContentForUnit(modelId: number) {
  const pending = await pendingRevisionOf(modelId)
  if (!pending) return { content: await modelContent(modelId), pendingSince: null }
  const form = JSON.parse(pending.content) as ModelForm
  return { content: await revisionContent(modelId, form), pendingSince: pending.submitted_at }
}

export function auditContent(form: ModelForm) {
  return {
    ...modelColumnsFromForm(form),
    communeIds: [...new Set(form.commune_ids ?? [])],
    indicators: form.indicators ?? [],
  }
}

/** A model as snapshot-shaped content (to prefill a nomination). */
export async function modelContent(modelId: number, db: Executor = getDb()) {
  const model = await findModel(modelId, db)
  if (!model) return null
  const [unit, communes, indicators] = await Promise.all([
    findOrgUnit(model.unit_id, db),
    communesOfModel(modelId, db),
    indicatorsOfModel(modelId, db),
  ])
  return snapshotFromModel(
    {
      title: model.title,
      kind: model.kind,
      field: model.field,
      start_date: model.start_date,
      summary: model.summary,
      context: model.context,
      objectives: model.objectives,
      method: model.method,
      forces: model.forces,
      resources_vnd: model.resources_vnd,
      resources_workdays: model.resources_workdays,
      resident_contributions: model.resident_contributions,
      residents_involved: model.residents_involved,
      ethnic_groups: model.ethnic_groups,
      sustainability: model.sustainability,
      replication_conditions: model.replication_conditions,
      replication_steps: model.replication_steps,
      replication_cost_vnd: model.replication_cost_vnd,
      contact_name: model.contact_name,
      contact_phone: model.contact_phone,
      contact_email: model.contact_email,
    },
    {
      unit: { id: model.unit_id, name: unit?.name ?? '' },
      communes,
      indicators: indicators.map((i) => ({ ...i, baseline: i.baseline ?? null })),
    },
  )
}
