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
import { findOrgUnit, isInScope, scopeRootFor } from '#db/repos/org-units'
import { forbidden } from '~/auth/guards.server'
import { reindexModel } from '~/catalog/catalog.server'
import { grantFor, type SessionUser } from '~/auth/permissions'
import { now } from '~/clock.server'
import { modelColumnsFromForm, snapshotFromModel } from '~/entries/content'
import type { ModelForm } from '~/entries/schema'
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
  { ok: true; id: number } | { ok: false; field: string; message: string }

/** Registers a new model for the officer's unit, or updates one of its models. */
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
    .execute(async (tx) => {
      if (!(await checkCommunes(unit.id, communeIds, tx))) {
        return { ok: false, field: 'commune_ids', message: 'validation.invalidChoice' }
      }
      const columns = modelColumnsFromForm(form)
      let id: number
      let before: unknown
      if (modelId == null) {
        const row = await tx
          .insertInto('models')
          .values({
            ...columns,
            slug: await uniqueSlug(form.title, tx),
            unit_id: unit.id,
            created_by: user.id,
            created_at: at,
            updated_at: at,
          })
          .returning('id')
          .executeTakeFirstOrThrow()
        id = row.id
      } else {
        before = await findModel(modelId, tx)
        await tx
          .updateTable('models')
          .set({ ...columns, updated_at: at })
          .where('id', '=', modelId)
          .where('unit_id', '=', unit.id)
          .execute()
        id = modelId
      }
      await replaceModelCommunes(id, communeIds, tx)
      await replaceModelIndicators(
        id,
        (form.indicators ?? []).map((i, n) => ({
          position: n + 1,
          label: i.label,
          value: i.value,
          unit: i.unit,
          baseline: i.baseline ?? null,
          period: i.period ?? '',
        })),
        tx,
      )
      // The public catalog follows the model in the same transaction (a no-op until it is published).
      await reindexModel(id, tx)
      await recordAudit(
        {
          actorId: user.id,
          action: modelId == null ? 'model.create' : 'model.update',
          subjectType: 'model',
          subjectId: id,
          before,
          after: { ...columns, communeIds, indicators: form.indicators ?? [] },
          ip,
        },
        tx,
      )
      return { ok: true, id }
    })
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
