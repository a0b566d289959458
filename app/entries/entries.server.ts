import { getDb } from '#db/index'
import { recordAudit } from '#db/repos/audit'
import {
  contestScheduleOf,
  countUnitEntries,
  findEntryByModelAndContest,
  replaceEntryCommunes,
  replaceEntryIndicators,
  type EntryWithContest,
} from '#db/repos/entries'
import { notify, usersWithRole } from '#db/repos/notifications'
import { findOrgUnit, isInScope, scopeRootFor } from '#db/repos/org-units'
import type { SessionUser } from '~/auth/permissions'
import { now } from '~/clock.server'
import { contestPhase, contestStage } from '~/contests/phase'
import { refusalFor } from '~/contests/rules'
import type { MessageKey } from '~/i18n'
import { modelContent, unitOf } from '~/models/models.server'
import { communeChoicesFor } from '~/models/models.server'
import { serialiseDraft, snapshotFromForm, type FormValues } from './content'
import { nominationOpen, transition } from './rules'
import type { EntryForm } from './schema'
import type { SnapshotDocument, SnapshotPhoto } from './snapshot'

export type Refusal = { ok: false; message: MessageKey; field?: string }

/** Contests open for nominations now, with how many entries the unit already has in each. */
export async function contestsOpenForNomination() {
  const at = now()
  const contests = await getDb()
    .selectFrom('contests')
    .selectAll()
    .where('status', '=', 'open')
    .execute()
  return contests.filter((c) => nominationOpen(contestPhase(c, at)))
}

/**
 * Nominates one of the unit's models to a contest whose nominations are open:
 * a draft entry prefilled from the model. Nominating the same model twice opens
 * the existing entry.
 */
export async function nominateModel(
  user: SessionUser,
  modelId: number,
  contestId: number,
  ip: string | null,
): Promise<{ ok: true; entryId: number } | Refusal> {
  const unit = unitOf(user)
  const at = now()
  return getDb()
    .transaction()
    .execute(async (tx) => {
      const contest = await tx
        .selectFrom('contests')
        .selectAll()
        .where('id', '=', contestId)
        .executeTakeFirst()
      if (!contest || contest.status !== 'open' || !nominationOpen(contestPhase(contest, at))) {
        return { ok: false, message: 'entry.error.deadlinePassed' } as const
      }
      const existing = await findEntryByModelAndContest(modelId, contestId, tx)
      if (existing) return { ok: true, entryId: existing.id } as const
      const content = await modelContent(modelId, tx)
      if (!content || content.unit.id !== unit.id)
        return { ok: false, message: 'entry.error.notYourModel' } as const
      const fields = JSON.parse(contest.allowed_fields) as string[]
      const kinds = JSON.parse(contest.allowed_kinds) as string[]
      if (
        (fields.length && !fields.includes(content.field)) ||
        (kinds.length && !kinds.includes(content.kind))
      ) {
        return { ok: false, message: 'entry.error.notAllowedInContest' } as const
      }
      if (
        contest.quota_per_unit &&
        (await countUnitEntries(unit.id, contest.id, tx)) >= contest.quota_per_unit
      ) {
        return { ok: false, message: 'entry.error.quotaReached' } as const
      }
      const { id } = await tx
        .insertInto('entries')
        .values({
          contest_id: contest.id,
          model_id: modelId,
          unit_id: unit.id,
          state: 'draft',
          title: content.title,
          kind: content.kind,
          field: content.field,
          period_start: `${contest.year}-01-01`,
          period_end: `${contest.year}-12-31`,
          draft: JSON.stringify({
            ...content,
            period_start: `${contest.year}-01-01`,
            period_end: `${contest.year}-12-31`,
          }),
          created_by: user.id,
          created_at: at.toISOString(),
          updated_at: at.toISOString(),
        })
        .returning('id')
        .executeTakeFirstOrThrow()
      await recordAudit(
        {
          actorId: user.id,
          action: 'entry.create',
          subjectType: 'entry',
          subjectId: id,
          after: { modelId, contestId },
          ip,
        },
        tx,
      )
      return { ok: true, entryId: id } as const
    })
}

/** Keeps the form exactly as typed (the caller has checked the entry is editable). */
export async function saveEntryDraft(entryId: number, payload: FormValues) {
  await getDb()
    .updateTable('entries')
    .set({ draft: serialiseDraft(payload), updated_at: now().toISOString() })
    .where('id', '=', entryId)
    .where('state', 'in', ['draft', 'returned'])
    .execute()
}

async function entryMedia(entryId: number) {
  const rows = await getDb()
    .selectFrom('media')
    .select(['kind', 'storage_key', 'caption', 'position', 'is_cover'])
    .where('entry_id', '=', entryId)
    .orderBy('kind')
    .orderBy('position')
    .execute()
  const photos: SnapshotPhoto[] = rows
    .filter((r) => r.kind === 'photo')
    .map((r) => ({
      storage_key: r.storage_key,
      caption: r.caption,
      position: r.position,
      is_cover: !!r.is_cover,
    }))
  const documents: SnapshotDocument[] = rows
    .filter((r) => r.kind === 'document')
    .map((r) => ({ storage_key: r.storage_key, caption: r.caption, position: r.position }))
  return { photos, documents }
}

/**
 * Submits a complete entry: freezes the content into a new version (with its
 * photos and documents), copies the indicators and communes, and tells the
 * organisers. One transaction.
 */
export async function submitEntry(
  user: SessionUser,
  entry: EntryWithContest,
  form: EntryForm,
  ip: string | null,
): Promise<{ ok: true; version: number } | Refusal> {
  const next = transition(entry.state, 'submit')
  if (!next) return { ok: false, message: 'entry.error.notEditable' }
  const { photos, documents } = await entryMedia(entry.id)
  if (!photos.length) return { ok: false, message: 'entry.error.needPhoto', field: 'photos' }
  const unit = await findOrgUnit(entry.unit_id)
  const area = await scopeRootFor(await communeChoicesFor(entry.unit_id))
  const communes: { id: number; name: string }[] = []
  for (const id of new Set(form.commune_ids ?? [])) {
    const c = await findOrgUnit(id)
    if (!c || c.kind !== 'commune' || !(await isInScope(area, id))) {
      return { ok: false, message: 'validation.invalidChoice', field: 'commune_ids' }
    }
    communes.push({ id: c.id, name: c.name })
  }
  const snapshot = snapshotFromForm(form, {
    unit: { id: entry.unit_id, name: unit?.name ?? '' },
    communes,
    photos,
    documents,
  })
  const at = now().toISOString()
  const version = entry.version + 1
  const json = JSON.stringify(snapshot)
  await getDb()
    .transaction()
    .execute(async (tx) => {
      await tx
        .updateTable('entries')
        .set({
          state: next,
          title: snapshot.title,
          kind: snapshot.kind,
          field: snapshot.field,
          period_start: snapshot.period_start ?? null,
          period_end: snapshot.period_end ?? null,
          snapshot: json,
          version,
          submitted_at: at,
          first_submitted_at: entry.first_submitted_at ?? at,
          updated_at: at,
        })
        .where('id', '=', entry.id)
        .where('version', '=', entry.version) // a concurrent submit loses, not overwrites
        .execute()
      await tx
        .insertInto('entry_versions')
        .values({
          entry_id: entry.id,
          version,
          snapshot: json,
          submitted_at: at,
          submitted_by: user.id,
        })
        .execute()
      await replaceEntryIndicators(entry.id, snapshot.indicators, tx)
      await replaceEntryCommunes(
        entry.id,
        communes.map((c) => c.id),
        tx,
      )
      await recordAudit(
        {
          actorId: user.id,
          action: entry.state === 'returned' ? 'entry.resubmit' : 'entry.submit',
          subjectType: 'entry',
          subjectId: entry.id,
          before: { state: entry.state, version: entry.version },
          after: { state: next, version },
          ip,
        },
        tx,
      )
      const organisers = await usersWithRole('admin', undefined, tx)
      const inScope: number[] = []
      for (const o of organisers) {
        if (await isInScope(await scopeRootFor(o.org_unit_id, tx), entry.unit_id, tx))
          inScope.push(o.id)
      }
      await notify(
        inScope,
        {
          kind: 'entry.submitted',
          params: { title: snapshot.title, unit: unit?.name ?? '' },
          link: `/admin/entries/${entry.id}`,
          now: new Date(at),
        },
        tx,
      )
    })
  return { ok: true, version }
}

export type ScreeningDecision = 'return' | 'accept' | 'reject'

const DECISION_NOTICE: Record<ScreeningDecision, string> = {
  return: 'entry.returned',
  accept: 'entry.accepted',
  reject: 'entry.rejected',
}

const DECISION_STATE_REFUSAL: Record<ScreeningDecision, MessageKey> = {
  return: 'entry.error.cannotReturn',
  accept: 'screening.error.notSubmitted',
  reject: 'screening.error.notSubmitted',
}

/**
 * The organiser's screening decision on a submitted entry: accept it, return it
 * to its unit with a reason, or reject it with a reason. Only while the phase
 * rules allow screening; the entry's unit officers are notified. One transaction.
 */
export async function screenEntry(
  admin: SessionUser,
  entry: EntryWithContest,
  decision: ScreeningDecision,
  reason: string | null,
  ip: string | null,
): Promise<{ ok: true } | Refusal> {
  const next = transition(entry.state, decision)
  if (!next) return { ok: false, message: DECISION_STATE_REFUSAL[decision] }
  const refusal = refusalFor('admin', 'entry.screen', contestStage(contestScheduleOf(entry), now()))
  if (refusal) return { ok: false, message: refusal }
  if (decision !== 'accept' && !reason?.trim())
    return { ok: false, message: 'validation.reasonRequired', field: 'reason' }
  const at = now().toISOString()
  const changed = await getDb()
    .transaction()
    .execute(async (tx) => {
      const result = await tx
        .updateTable('entries')
        .set({
          state: next,
          ...(decision === 'return' ? { return_reason: reason } : {}),
          ...(decision === 'reject' ? { reject_reason: reason } : {}),
          decided_at: at,
          decided_by: admin.id,
          updated_at: at,
        })
        .where('id', '=', entry.id)
        .where('state', '=', entry.state) // a concurrent decision loses, not overwrites
        .executeTakeFirst()
      if (Number(result.numUpdatedRows) !== 1) return false
      await recordAudit(
        {
          actorId: admin.id,
          action: `entry.${decision}`,
          subjectType: 'entry',
          subjectId: entry.id,
          before: { state: entry.state },
          after: { state: next },
          reason: decision === 'accept' ? null : reason,
          ip,
        },
        tx,
      )
      const officers = await usersWithRole('unit', entry.unit_id, tx)
      await notify(
        officers.map((o) => o.id),
        {
          kind: DECISION_NOTICE[decision],
          params:
            decision === 'accept'
              ? { title: entry.title }
              : { title: entry.title, reason: reason ?? '' },
          link: `/unit/entries/${entry.id}`,
          now: new Date(at),
        },
        tx,
      )
      return true
    })
  if (!changed) return { ok: false, message: DECISION_STATE_REFUSAL[decision] }
  return { ok: true }
}

/** The organiser sends a submitted entry back to its unit with a reason. */
export function returnEntry(
  admin: SessionUser,
  entry: EntryWithContest,
  reason: string,
  ip: string | null,
): Promise<{ ok: true } | Refusal> {
  return screenEntry(admin, entry, 'return', reason, ip)
}
