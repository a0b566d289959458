import { data } from '@remix-run/node'
import {
  contestScheduleOf,
  findEntryWithContest,
  isJudgeAssigned,
  type EntryWithContest,
} from '#db/repos/entries'
import { isInScope } from '#db/repos/org-units'
import { forbidden, requireRole, requireUser } from '~/auth/guards.server'
import { grantFor, hasRole, type SessionUser } from '~/auth/permissions'
import { now } from '~/clock.server'
import { contestStage } from '~/contests/phase'
import { refusalFor } from '~/contests/rules'
import type { MessageKey } from '~/i18n'
import { organiserScope } from '~/users/users.server'
import { isEditableState } from './rules'

export function notFound(): never {
  throw data({ message: 'not found' }, { status: 404 })
}

/** Is this unit officer the officer of the entry's unit? */
export function isOwnUnit(user: SessionUser, unitId: number) {
  return grantFor(user, 'unit')?.orgUnitId === unitId
}

/**
 * Why the unit may not change this entry now, as a translation key, or null when
 * it may: only drafts and returned entries, only while nominations are open.
 */
export function entryEditRefusal(entry: EntryWithContest, at: Date): MessageKey | null {
  if (!isEditableState(entry.state)) return 'entry.error.notEditable'
  return refusalFor('unit', 'entry.edit', contestStage(contestScheduleOf(entry), at))
}

/** A unit officer and an entry of their own unit (else 403; unknown entry 404). */
export async function requireOwnEntry(request: Request, entryId: number) {
  const user = await requireRole(request, 'unit')
  const entry =
    Number.isInteger(entryId) && entryId > 0 ? await findEntryWithContest(entryId) : undefined
  if (!entry) notFound()
  if (!isOwnUnit(user, entry.unit_id)) forbidden()
  return { user, entry }
}

/**
 * Like requireOwnEntry, and the entry must be editable now; otherwise a 409 whose
 * body carries the reason (a translation key) for the page to show.
 */
export async function requireEditableEntry(request: Request, entryId: number) {
  const { user, entry } = await requireOwnEntry(request, entryId)
  const refusal = entryEditRefusal(entry, now())
  if (refusal) throw data({ message: refusal }, { status: 409 })
  return { user, entry }
}

/**
 * Who may see an entry (and its unpublished photos and documents): its unit's
 * officers, organisers whose area holds the unit, judges assigned to it; anyone
 * once it is published.
 */
export async function canViewEntry(
  user: SessionUser | null,
  entry: { id: number; unit_id: number; state: string },
) {
  if (entry.state === 'published') return true
  if (!user) return false
  if (hasRole(user, 'unit') && isOwnUnit(user, entry.unit_id)) return true
  if (hasRole(user, 'admin') && (await isInScope(await organiserScope(user), entry.unit_id)))
    return true
  if (hasRole(user, 'judge') && (await isJudgeAssigned(entry.id, user.id))) return true
  return false
}

/** A signed-in user who may see this entry (else 403; unknown entry 404). */
export async function requireEntryViewer(request: Request, entryId: number) {
  const user = await requireUser(request)
  const entry =
    Number.isInteger(entryId) && entryId > 0 ? await findEntryWithContest(entryId) : undefined
  if (!entry) notFound()
  if (!(await canViewEntry(user, entry))) forbidden()
  return { user, entry }
}
