import { getDb, type Executor } from '#db/index'
import { recordAudit } from '#db/repos/audit'
import {
  contestScheduleOf,
  findEntryWithContest,
  isJudgeAssigned,
  type EntryWithContest,
} from '#db/repos/entries'
import { criteriaOfContest, hasDeclaredConflict, ownSheet, writeSheet } from '#db/repos/scores'
import { forbidden, requireRole } from '~/auth/guards.server'
import type { SessionUser } from '~/auth/permissions'
import { now } from '~/clock.server'
import { contestPhase, isJudgingOpen } from '~/contests/phase'
import { notFound } from '~/entries/access.server'
import type { MessageKey } from '~/i18n'
import { isSheetComplete, type SheetValue } from './scoring'

/**
 * Who may score what, and the one place score sheets are written. A judge scores
 * only an entry assigned to them (assignment active) with no declared conflict,
 * and only while judging is open; each write re-checks all of it inside its
 * transaction and appends an audit record (before and after) in the same one.
 */

/** May this judge open the entry's sheet at all (assigned and no declared conflict)? */
export async function mayJudgeEntry(
  entry: { id: number; unit_id: number },
  judgeId: number,
  db: Executor = getDb(),
) {
  return (
    (await isJudgeAssigned(entry.id, judgeId, db)) &&
    !(await hasDeclaredConflict(entry, judgeId, db))
  )
}

/** A judge and an entry assigned to them without conflict (else 403; unknown entry 404). */
export async function requireJudgedEntry(request: Request, entryId: number) {
  const user = await requireRole(request, 'judge')
  const entry =
    Number.isInteger(entryId) && entryId > 0 ? await findEntryWithContest(entryId) : undefined
  if (!entry) notFound()
  if (!(await mayJudgeEntry(entry, user.id))) forbidden()
  return { user, entry }
}

/** Why scores cannot be written now, as a translation key, or null while judging is open. */
export function judgingRefusal(entry: EntryWithContest, at: Date): MessageKey | null {
  const schedule = contestScheduleOf(entry)
  if (isJudgingOpen(schedule, at)) return null
  const phase = contestPhase(schedule, at)
  const before = ['draft', 'registration', 'nomination', 'screening'].includes(phase)
  return before ? 'score.error.notOpen' : 'score.error.closed'
}

type Snapshot = {
  status: 'draft' | 'submitted' | null
  scores: { criterionId: number; points: number; comment: string }[]
}

function snapshotOf(s: Awaited<ReturnType<typeof ownSheet>>): Snapshot {
  return {
    status: s.sheet?.status ?? null,
    scores: s.scores.map((x) => ({
      criterionId: x.criterion_id,
      points: x.points,
      comment: x.comment,
    })),
  }
}

export type SaveOutcome =
  | { ok: true; status: 'draft' | 'submitted'; changed: boolean }
  | { ok: false; code: 403 | 409 | 400; message: MessageKey }

/**
 * Saves (intent "save") or submits (intent "submit") a judge's sheet. A submitted
 * sheet stays submitted: revising it means submitting again, complete.
 */
export async function saveScoreSheet(
  judge: SessionUser,
  entryId: number,
  value: SheetValue,
  ip: string | null,
): Promise<SaveOutcome> {
  return getDb()
    .transaction()
    .execute(async (tx): Promise<SaveOutcome> => {
      const at = now()
      const entry = await findEntryWithContest(entryId, tx)
      if (!entry || !(await mayJudgeEntry(entry, judge.id, tx))) {
        return { ok: false, code: 403, message: 'score.error.notAssigned' }
      }
      const refusal = judgingRefusal(entry, at)
      if (refusal) return { ok: false, code: 409, message: refusal }
      const criteria = await criteriaOfContest(entry.contest_id, tx)
      const maxOf = new Map(criteria.map((c) => [c.id, c.max_points]))
      const scores = value.scores.flatMap((s) =>
        s.points === null || !maxOf.has(s.criterion_id)
          ? []
          : [{ ...s, points: s.points, max_points: maxOf.get(s.criterion_id)! }],
      )
      const before = await ownSheet(entry.id, judge.id, tx)
      const submit = value.intent === 'submit' || before.sheet?.status === 'submitted'
      if (submit && !isSheetComplete(criteria, scores)) {
        return { ok: false, code: 400, message: 'score.error.incomplete' }
      }
      const status = submit ? 'submitted' : 'draft'
      const stamp = at.toISOString()
      const { id } = await writeSheet(
        {
          entryId: entry.id,
          judgeId: judge.id,
          status,
          submittedAt: submit ? (before.sheet?.submitted_at ?? stamp) : null,
          scores,
          at: stamp,
        },
        tx,
      )
      const after = snapshotOf(await ownSheet(entry.id, judge.id, tx))
      const prior = snapshotOf(before)
      const changed = JSON.stringify(prior) !== JSON.stringify(after)
      if (changed) {
        await recordAudit(
          {
            actorId: judge.id,
            action:
              before.sheet?.status === 'submitted'
                ? 'score.revise'
                : submit
                  ? 'score.submit'
                  : 'score.save',
            subjectType: 'score_sheet',
            subjectId: id,
            before: { entryId: entry.id, ...prior },
            after: { entryId: entry.id, ...after },
            ip,
          },
          tx,
        )
      }
      return { ok: true, status, changed }
    })
}
