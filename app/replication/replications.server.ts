import type { ReplicationStatus } from '#db/domain'
import { getDb, type Executor } from '#db/index'
import { recordAudit } from '#db/repos/audit'
import { findModel, indicatorsOfModel, slugExists } from '#db/repos/models'
import { isInScope, orgUnitsInScope } from '#db/repos/org-units'
import {
  findPublishedModel,
  findReplication,
  findReplicationOf,
  insertReplication,
  insertReport,
  replicationsInArea,
  reportsOf,
  setDerivedModel,
  unitsNearCommune,
  updateReplicationStatus,
  type ReplicationDetail,
} from '#db/repos/replications'
import { forbidden } from '~/auth/guards.server'
import { grantFor, hasRole, type SessionUser } from '~/auth/permissions'
import { now } from '~/clock.server'
import { reindexModel } from '~/catalog/catalog.server'
import { notFound } from '~/entries/access.server'
import { slugify } from '~/models/slug'
import { organiserScope } from '~/users/users.server'
import {
  ACTIVE_STATUSES,
  canRegisterAsModel,
  canReport,
  compareIndicators,
  derivedTitle,
  isStale,
  mayChange,
  nextStatuses,
  reportDateRefusal,
  staleCutoff,
  startDateRefusal,
  transitionRefusal,
  vnDate,
} from './rules'
import type { NewReplicationForm, RegisterModelForm, ReportForm, StatusForm } from './schema'

/**
 * Replications: a commune officer records that the commune carries out a published
 * model, moves it along, reports figures, and may register it as a model of the
 * commune. Every write is one transaction with its audit record, and keeps the
 * catalog's replication count of the source model in step.
 */

/** A refusal: the HTTP status, the form field it belongs to (or the whole form), a translation key. */
export type Refusal = { ok: false; status: 400 | 409; field: string | null; message: string }
const refuse = (status: 400 | 409, field: string | null, message: string): Refusal => ({
  ok: false,
  status,
  field,
  message,
})

/** The commune a commune officer works for (the guard has checked the role). */
export function communeOf(user: SessionUser) {
  const grant = grantFor(user, 'commune')
  if (!grant?.orgUnitId) forbidden()
  return { id: grant.orgUnitId, name: grant.orgUnitName ?? '' }
}

/**
 * A replication the user may see: its commune's officer (who may change it), or an
 * organiser whose area holds the commune (read only). Unknown → 404, anyone else → 403.
 */
export async function replicationFor(user: SessionUser, id: number) {
  const replication = Number.isInteger(id) && id > 0 ? await findReplication(id) : undefined
  if (!replication) notFound()
  const communeId = grantFor(user, 'commune')?.orgUnitId ?? null
  const editable = mayChange({ communeId, isOrganiserInArea: false }, replication.commune_id)
  if (editable) return { replication, editable }
  if (
    hasRole(user, 'admin') &&
    (await isInScope(await organiserScope(user), replication.commune_id))
  ) {
    return { replication, editable: false }
  }
  forbidden()
}

/** Requires that the user may change this replication (its commune's officer). */
export async function replicationToChange(user: SessionUser, id: number) {
  const found = await replicationFor(user, id)
  if (!found.editable) forbidden()
  return found.replication
}

// ── Register ─────────────────────────────────────────────────────────────

export async function newReplicationChoices(user: SessionUser) {
  const commune = communeOf(user)
  const units = await unitsNearCommune(commune.id)
  return { commune, units: units.map((u) => ({ id: u.id, name: u.name })) }
}

export async function createReplication(
  user: SessionUser,
  form: NewReplicationForm,
  ip: string | null,
): Promise<{ ok: true; id: number } | Refusal> {
  // The commune is always the officer's own; a posted commune is never read.
  const commune = communeOf(user)
  const at = now()
  const dateRefusal = startDateRefusal(form.start_date, vnDate(at))
  if (dateRefusal) return refuse(400, 'start_date', dateRefusal)
  return getDb()
    .transaction()
    .execute(async (tx) => {
      const model = await findPublishedModel(form.model_id, tx)
      if (!model) return refuse(400, 'model_id', 'replication.error.modelNotPublished')
      if (form.responsible_unit_id != null) {
        const units = await unitsNearCommune(commune.id, tx)
        if (!units.some((u) => u.id === form.responsible_unit_id)) {
          return refuse(400, 'responsible_unit_id', 'validation.invalidChoice')
        }
      }
      if (await findReplicationOf(model.id, commune.id, tx)) {
        return refuse(409, 'model_id', 'replication.error.duplicate')
      }
      const { id } = await insertReplication(
        {
          source_model_id: model.id,
          commune_id: commune.id,
          responsible_unit_id: form.responsible_unit_id ?? null,
          start_date: form.start_date,
          adaptations: form.adaptations ?? '',
          created_by: user.id,
          at: at.toISOString(),
        },
        tx,
      )
      await recordAudit(
        {
          actorId: user.id,
          action: 'replication.create',
          subjectType: 'replication',
          subjectId: id,
          after: { ...form, commune_id: commune.id, status: 'planned' },
          ip,
        },
        tx,
      )
      await reindexModel(model.id, tx)
      return { ok: true as const, id }
    })
}

// ── Status ───────────────────────────────────────────────────────────────

export async function changeStatus(
  user: SessionUser,
  replication: ReplicationDetail,
  form: StatusForm,
  ip: string | null,
): Promise<{ ok: true } | Refusal> {
  const reason = form.status === 'stopped' ? (form.stop_reason ?? '') : null
  const refusal = transitionRefusal(replication.status, form.status, reason)
  if (refusal) {
    return refusal === 'replication.error.transition'
      ? refuse(409, 'status', refusal)
      : refuse(400, 'stop_reason', refusal)
  }
  return getDb()
    .transaction()
    .execute(async (tx) => {
      const moved = await updateReplicationStatus(
        replication.id,
        replication.status,
        form.status,
        reason,
        now().toISOString(),
        tx,
      )
      // Someone else changed it since the page was read.
      if (!moved) return refuse(409, 'status', 'replication.error.transition')
      await recordAudit(
        {
          actorId: user.id,
          action: 'replication.status',
          subjectType: 'replication',
          subjectId: replication.id,
          before: { status: replication.status },
          after: { status: form.status },
          reason,
          ip,
        },
        tx,
      )
      await reindexModel(replication.source_model_id, tx)
      return { ok: true as const }
    })
}

// ── Reports ──────────────────────────────────────────────────────────────

export async function addReport(
  user: SessionUser,
  replication: ReplicationDetail,
  form: ReportForm,
  ip: string | null,
): Promise<{ ok: true; id: number } | Refusal> {
  if (!canReport(replication.status)) return refuse(409, null, 'replication.error.reportStopped')
  const at = now()
  const dateRefusal = reportDateRefusal(form.reported_on, replication.start_date, vnDate(at))
  if (dateRefusal) return refuse(400, 'reported_on', dateRefusal)
  const indicators = form.indicators ?? []
  return getDb()
    .transaction()
    .execute(async (tx) => {
      const id = await insertReport(
        {
          replicationId: replication.id,
          reportedOn: form.reported_on,
          note: form.note ?? '',
          createdBy: user.id,
          at: at.toISOString(),
          indicators,
        },
        tx,
      )
      await recordAudit(
        {
          actorId: user.id,
          action: 'replication.report',
          subjectType: 'replication',
          subjectId: replication.id,
          after: { reportId: id, reported_on: form.reported_on, note: form.note, indicators },
          ip,
        },
        tx,
      )
      await reindexModel(replication.source_model_id, tx)
      return { ok: true as const, id }
    })
}

// ── Lineage: register the replication as a model of the commune ──────────

/** Units that may own the commune's model: the commune's own units. */
export async function unitsOfCommune(communeId: number, db: Executor = getDb()) {
  return (await unitsNearCommune(communeId, db))
    .filter((u) => u.parent_id === communeId)
    .map((u) => ({ id: u.id, name: u.name }))
}

async function uniqueSlug(title: string, db: Executor) {
  const base = slugify(title) || 'mo-hinh'
  let slug = base
  for (let n = 2; await slugExists(slug, db); n++) slug = `${base}-${n}`
  return slug
}

export async function registerAsModel(
  user: SessionUser,
  replication: ReplicationDetail,
  form: RegisterModelForm,
  ip: string | null,
): Promise<{ ok: true; modelId: number } | Refusal> {
  if (!canRegisterAsModel(replication.status, replication.derived_model_id)) {
    return refuse(409, null, 'replication.error.cannotRegister')
  }
  const at = now().toISOString()
  return getDb()
    .transaction()
    .execute(async (tx) => {
      const units = await unitsOfCommune(replication.commune_id, tx)
      if (!units.some((u) => u.id === form.unit_id)) {
        return refuse(400, 'unit_id', 'validation.invalidChoice')
      }
      const source = await findModel(replication.source_model_id, tx)
      if (!source) return refuse(409, null, 'replication.error.cannotRegister')
      const title = derivedTitle(source.title, replication.commune_name)
      const model = await tx
        .insertInto('models')
        .values({
          slug: await uniqueSlug(title, tx),
          unit_id: form.unit_id,
          title,
          kind: source.kind,
          field: source.field,
          start_date: replication.start_date,
          summary: source.summary,
          // Not published: the unit completes it and it goes through the contest like any model.
          published_at: null,
          created_by: user.id,
          created_at: at,
          updated_at: at,
        })
        .returning('id')
        .executeTakeFirstOrThrow()
      await tx
        .insertInto('model_communes')
        .values({ model_id: model.id, commune_id: replication.commune_id })
        .execute()
      if (!(await setDerivedModel(replication.id, model.id, at, tx))) {
        throw new Error('replication already registered as a model')
      }
      await recordAudit(
        {
          actorId: user.id,
          action: 'replication.register_model',
          subjectType: 'replication',
          subjectId: replication.id,
          after: { derived_model_id: model.id, unit_id: form.unit_id, title },
          ip,
        },
        tx,
      )
      await reindexModel(replication.source_model_id, tx)
      return { ok: true as const, modelId: model.id }
    })
}

// ── Reading ──────────────────────────────────────────────────────────────

/** What the replication page shows: reports over time and the latest figures beside the source's. */
export async function replicationView(replication: ReplicationDetail) {
  const [reports, sourceIndicators] = await Promise.all([
    reportsOf(replication.id),
    indicatorsOfModel(replication.source_model_id),
  ])
  const latest = reports.find((r) => r.indicators.length)
  return {
    reports,
    latestReportedOn: latest?.reported_on ?? null,
    comparison: compareIndicators(
      sourceIndicators.map(({ label, value, unit }) => ({ label, value, unit })),
      latest?.indicators ?? [],
    ),
    nextStatuses: nextStatuses(replication.status),
    canReport: canReport(replication.status),
    canRegister: canRegisterAsModel(replication.status, replication.derived_model_id),
  }
}

/** The organiser's list of replications in their area, optionally only the stale ones. */
export async function replicationsForOrganiser(
  admin: SessionUser,
  filters: { status?: ReplicationStatus; communeId?: number; stale?: boolean },
) {
  const at = now()
  const scope = await organiserScope(admin)
  const communes = await orgUnitsInScope(scope, 'commune')
  const cutoff = staleCutoff(at)
  const rows = await replicationsInArea(scope == null ? null : communes.map((c) => c.id), {
    status: filters.status,
    communeId: filters.communeId,
    staleBefore: filters.stale ? cutoff : undefined,
    activeStatuses: ACTIVE_STATUSES,
  })
  return {
    communes: communes.map((c) => ({ id: c.id, name: c.name })),
    rows: rows.map((r) => ({
      ...r,
      lastUpdate: r.last_reported_at ?? r.created_at,
      stale: isStale(r, at),
    })),
  }
}
