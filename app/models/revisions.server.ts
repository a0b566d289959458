import { getDb } from '#db/index'
import { recordAudit } from '#db/repos/audit'
import { findModel } from '#db/repos/models'
import { decideRevision, findRevision, listPendingRevisions } from '#db/repos/model-revisions'
import { notify } from '#db/repos/notifications'
import { isInScope, orgUnitsInScope } from '#db/repos/org-units'
import { forbidden } from '~/auth/guards.server'
import type { SessionUser } from '~/auth/permissions'
import { now } from '~/clock.server'
import { diffSnapshots } from '~/entries/diff'
import { notFound } from '~/entries/access.server'
import type { ModelForm } from '~/entries/schema'
import type { MessageKey } from '~/i18n'
import { organiserScope } from '~/users/users.server'
import {
  applyModelUpdate,
  auditContent,
  communesAllowed,
  modelContent,
  revisionContent,
} from './models.server'

/**
 * The organiser's side of revisions to published models: the list of pending ones in the
 * organiser's area, what each would change, and approving (the model takes the revision's
 * content, and with it the public page, catalog and open data) or rejecting it with a reason.
 * The unit's side is saveModel in models.server.ts.
 */
export async function pendingRevisionsFor(admin: SessionUser) {
  const units = await orgUnitsInScope(await organiserScope(admin), 'unit')
  return listPendingRevisions(units.map((u) => u.id))
}

/** A revision the organiser may see (404 unknown, 403 outside the area). */
export async function requireRevision(admin: SessionUser, param: string | undefined) {
  const id = Number(param)
  const revision = Number.isInteger(id) && id > 0 ? await findRevision(id) : undefined
  if (!revision) notFound()
  if (!(await isInScope(await organiserScope(admin), revision.unit_id))) forbidden()
  return revision
}

/** The published model beside what the revision would make of it, field by field. */
export async function revisionView(
  revision: NonNullable<Awaited<ReturnType<typeof findRevision>>>,
) {
  const [current, proposed] = await Promise.all([
    modelContent(revision.model_id),
    revisionContent(revision.model_id, JSON.parse(revision.content) as ModelForm),
  ])
  return { changes: current && proposed ? diffSnapshots(current, proposed) : [] }
}

export type RevisionOutcome = { ok: true } | { ok: false; message: MessageKey; status: 400 | 409 }

export async function approveRevision(
  admin: SessionUser,
  revisionId: number,
  ip: string | null,
): Promise<RevisionOutcome> {
  const at = now().toISOString()
  return getDb()
    .transaction()
    .execute(async (tx): Promise<RevisionOutcome> => {
      const revision = await findRevision(revisionId, tx)
      if (!revision || revision.status !== 'pending')
        return { ok: false, message: 'revision.error.decided', status: 409 }
      const form = JSON.parse(revision.content) as ModelForm
      // The unit's communes may have changed since: the revision must still be one it could save.
      if (!(await communesAllowed(revision.unit_id, form, tx)))
        return { ok: false, message: 'revision.error.communes', status: 400 }
      const before = await findModel(revision.model_id, tx)
      await applyModelUpdate(revision.model_id, form, at, tx)
      await decideRevision({ id: revisionId, status: 'approved', userId: admin.id, at }, tx)
      await recordAudit(
        {
          actorId: admin.id,
          action: 'model.revision.approve',
          subjectType: 'model',
          subjectId: revision.model_id,
          before,
          after: { revisionId, ...auditContent(form) },
          ip,
        },
        tx,
      )
      await notifySubmitter(revision, 'notice.model.revisionApproved', at, tx)
      return { ok: true }
    })
}

export async function rejectRevision(
  admin: SessionUser,
  revisionId: number,
  reason: string,
  ip: string | null,
): Promise<RevisionOutcome> {
  const at = now().toISOString()
  return getDb()
    .transaction()
    .execute(async (tx): Promise<RevisionOutcome> => {
      const revision = await findRevision(revisionId, tx)
      const decided =
        revision?.status === 'pending' &&
        (await decideRevision(
          { id: revisionId, status: 'rejected', userId: admin.id, at, reason },
          tx,
        ))
      if (!revision || !decided)
        return { ok: false, message: 'revision.error.decided', status: 409 }
      await recordAudit(
        {
          actorId: admin.id,
          action: 'model.revision.reject',
          subjectType: 'model',
          subjectId: revision.model_id,
          after: { revisionId },
          reason,
          ip,
        },
        tx,
      )
      await notifySubmitter(revision, 'notice.model.revisionRejected', at, tx, reason)
      return { ok: true }
    })
}

async function notifySubmitter(
  revision: { submitted_by: number | null; model_id: number; model_title: string },
  kind: MessageKey,
  at: string,
  tx: Parameters<typeof notify>[2],
  reason?: string,
) {
  if (revision.submitted_by == null) return
  await notify(
    [revision.submitted_by],
    {
      kind,
      params: reason ? { title: revision.model_title, reason } : { title: revision.model_title },
      link: `/unit/models/${revision.model_id}`,
      now: new Date(at),
    },
    tx,
  )
}
