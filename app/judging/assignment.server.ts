import { data } from '@remix-run/node'
import { FIELDS, type Field } from '#db/domain'
import { getDb, type Executor, type Tx } from '#db/index'
import { recordAudit } from '#db/repos/audit'
import { findEntryWithContest, contestScheduleOf } from '#db/repos/entries'
import { notify, usersWithRole } from '#db/repos/notifications'
import { isInScope } from '#db/repos/org-units'
import {
  acceptedEntries,
  boundRolesOf,
  conflictsOf,
  findPanel,
  insertPanel,
  isActiveJudge,
  judgeProgress,
  listJudges,
  listPanels,
  orgUnitParents,
} from '#db/repos/panels'
import { forbidden, requireAdmin } from '~/auth/guards.server'
import type { SessionUser } from '~/auth/permissions'
import { now } from '~/clock.server'
import { contestStage, type ContestStage } from '~/contests/phase'
import { refusalFor } from '~/contests/rules'
import { notFound } from '~/entries/access.server'
import { organiserScope } from '~/users/users.server'
import { vi, type MessageKey } from '~/i18n/vi'
import {
  assignJudges,
  exclusionOf,
  panelForField,
  type AssignmentEntry,
  type AssignmentInput,
  type AssignmentJudge,
  type Exclusion,
  type Shortfall,
} from './assignment'

export type Refusal = { ok: false; message: MessageKey; status?: number }
const refuse = (message: MessageKey, status = 409): Refusal => ({ ok: false, message, status })

// ── Contest access ───────────────────────────────────────────────────────────

export async function findContest(contestId: number, db: Executor = getDb()) {
  return db.selectFrom('contests').selectAll().where('id', '=', contestId).executeTakeFirst()
}
export type ContestRow = NonNullable<Awaited<ReturnType<typeof findContest>>>

/** An organiser and a contest they run (organised inside their area); else 404/403. */
export async function requireContestAdmin(request: Request, param: string | undefined) {
  const admin = await requireAdmin(request)
  const id = Number(param)
  const contest = Number.isInteger(id) && id > 0 ? await findContest(id) : undefined
  if (!contest) notFound()
  if (!(await isInScope(await organiserScope(admin), contest.organiser_org_unit_id))) forbidden()
  return { admin, contest }
}

export const stageOf = (contest: ContestRow, at = now()) => contestStage(contest, at)

/** Assignments (automatic or by hand) are made while screening and judging. */
export function assignmentRefusal(contest: ContestRow, at = now()): MessageKey | null {
  return refusalFor('admin', 'contest.assign', stageOf(contest, at))
}

/** Panels and their members can change until the contest is finalised. */
export function panelRefusal(contest: ContestRow, at = now()): MessageKey | null {
  const stage = stageOf(contest, at)
  return stage === 'finalised' || stage === 'published' ? 'panels.error.locked' : null
}

/** Judges declare a conflict on an assigned entry while screening and judging. */
const CONFLICT_STAGES: readonly ContestStage[] = ['screening', 'judging']
/** Reminders go out while judges can still score. */
const REMINDER_STAGES: readonly ContestStage[] = ['judging']

// ── Building the input of the pure module ───────────────────────────────────

interface OrgIndex {
  parent: Map<number, number | null>
  kind: Map<number, string>
}

async function orgIndex(db: Executor): Promise<OrgIndex> {
  const rows = await orgUnitParents(db)
  return {
    parent: new Map(rows.map((r) => [r.id, r.parent_id])),
    kind: new Map(rows.map((r) => [r.id, r.kind])),
  }
}

function ancestors(org: OrgIndex, id: number) {
  const out: number[] = []
  const seen = new Set<number>()
  for (
    let p = org.parent.get(id) ?? null;
    p != null && !seen.has(p);
    p = org.parent.get(p) ?? null
  ) {
    seen.add(p)
    out.push(p)
  }
  return out
}

/** The communes among an org unit and its ancestors (a unit's commune). */
function communesOf(org: OrgIndex, id: number) {
  return [id, ...ancestors(org, id)].filter((u) => org.kind.get(u) === 'commune')
}

async function judgesFor(
  userIds: number[],
  panelIds: Map<number, number[]>,
  org: OrgIndex,
  db: Executor,
) {
  const roles = await boundRolesOf(userIds, db)
  return userIds.map((id): AssignmentJudge => {
    const unitIds = new Set<number>()
    const communeIds = new Set<number>()
    for (const r of roles) {
      if (r.user_id !== id || r.org_unit_id == null) continue
      if (org.kind.get(r.org_unit_id) === 'unit') unitIds.add(r.org_unit_id)
      for (const c of communesOf(org, r.org_unit_id)) communeIds.add(c)
    }
    return {
      id,
      panelIds: panelIds.get(id) ?? [],
      unitIds: [...unitIds],
      communeIds: [...communeIds],
    }
  })
}

function entryFor(
  e: { id: number; unit_id: number; field: string; commune_ids: number[] },
  org: OrgIndex,
  panels: { id: number; field: string | null }[],
): AssignmentEntry {
  const communeIds = [...new Set([...e.commune_ids, ...communesOf(org, e.unit_id)])]
  const areaIds = [...new Set([e.unit_id, ...communeIds].flatMap((u) => ancestors(org, u)))].filter(
    (a) => !communeIds.includes(a),
  )
  return {
    id: e.id,
    unitId: e.unit_id,
    communeIds,
    areaIds,
    panelId: panelForField(e.field, panels),
  }
}

/** Everything automatic assignment needs about a contest, read inside `db` (a transaction when writing). */
async function assignmentInput(contest: ContestRow, db: Executor, onlyEntryId?: number) {
  const [panels, rows, org, assignments] = await Promise.all([
    listPanels(contest.id, db),
    acceptedEntries(contest.id, db),
    orgIndex(db),
    db
      .selectFrom('assignments')
      .innerJoin('entries', 'entries.id', 'assignments.entry_id')
      .select(['assignments.entry_id', 'assignments.judge_id', 'assignments.status'])
      .where('entries.contest_id', '=', contest.id)
      .execute(),
  ])
  // Only active users who still hold the judge role are picked.
  const active = new Set((await listJudges(db)).map((j) => j.id))
  const memberPanels = new Map<number, number[]>()
  for (const p of panels) {
    for (const m of p.members) {
      if (active.has(m.id)) memberPanels.set(m.id, [...(memberPanels.get(m.id) ?? []), p.id])
    }
  }
  const judgeIds = [...memberPanels.keys()]
  const [judges, conflicts] = await Promise.all([
    judgesFor(judgeIds, memberPanels, org, db),
    conflictsOf(judgeIds, db),
  ])
  const entries = rows
    .filter((e) => onlyEntryId === undefined || e.id === onlyEntryId)
    .map((e) => entryFor(e, org, panels))
  const input: AssignmentInput = {
    entries,
    judges,
    conflicts: conflicts.map((c) => ({
      judgeId: c.judge_id,
      entryId: c.entry_id,
      orgUnitId: c.org_unit_id,
    })),
    existing: assignments
      .filter((a) => a.status === 'active')
      .map((a) => ({ entryId: a.entry_id, judgeId: a.judge_id })),
    blocked: assignments
      .filter((a) => a.status !== 'active')
      .map((a) => ({ entryId: a.entry_id, judgeId: a.judge_id })),
    k: contest.judges_per_entry,
  }
  return { input, rows, panels }
}

/** What an automatic run would leave short, without writing anything (for the panels page). */
export async function previewAssignment(contest: ContestRow) {
  const { input } = await assignmentInput(contest, getDb())
  const result = assignJudges(input)
  return { wouldCreate: result.assignments.length, shortfalls: result.shortfalls }
}

async function insertNew(
  tx: Tx,
  rows: { entryId: number; judgeId: number; panelId: number | null }[],
  actorId: number | null,
  at: Date,
) {
  if (!rows.length) return
  await tx
    .insertInto('assignments')
    .values(
      rows.map((r) => ({
        entry_id: r.entryId,
        judge_id: r.judgeId,
        panel_id: r.panelId,
        source: 'auto' as const,
        status: 'active' as const,
        created_at: at.toISOString(),
        created_by: actorId,
      })),
    )
    .execute()
}

async function notifyAssigned(tx: Tx, contest: ContestRow, rows: { judgeId: number }[], at: Date) {
  const counts = new Map<number, number>()
  for (const r of rows) counts.set(r.judgeId, (counts.get(r.judgeId) ?? 0) + 1)
  for (const [judgeId, count] of [...counts].sort((a, b) => a[0] - b[0])) {
    await notify(
      [judgeId],
      {
        kind: 'judging.assigned',
        params: { contestId: contest.id, count },
        link: '/judge',
        now: at,
      },
      tx,
    )
  }
}

// ── Organiser actions ───────────────────────────────────────────────────────

/** Runs automatic assignment for the contest's accepted entries, in one transaction. */
export async function runAutoAssignment(
  admin: SessionUser,
  contest: ContestRow,
  ip: string | null,
): Promise<{ ok: true; created: number; shortfalls: Shortfall[] } | Refusal> {
  const refusal = assignmentRefusal(contest)
  if (refusal) return refuse(refusal)
  const at = now()
  return getDb()
    .transaction()
    .execute(async (tx) => {
      const { input } = await assignmentInput(contest, tx)
      const result = assignJudges(input)
      await insertNew(tx, result.assignments, admin.id, at)
      await notifyAssigned(tx, contest, result.assignments, at)
      await recordAudit(
        {
          actorId: admin.id,
          action: 'assignment.auto',
          subjectType: 'contest',
          subjectId: contest.id,
          after: {
            k: input.k,
            created: result.assignments.map((a) => [a.entryId, a.judgeId]),
            short: result.shortfalls.map((s) => s.entryId),
          },
          ip,
        },
        tx,
      )
      return {
        ok: true as const,
        created: result.assignments.length,
        shortfalls: result.shortfalls,
      }
    })
}

const EXCLUSION_MESSAGES: Record<Exclusion, MessageKey> = {
  sameUnit: 'assign.error.sameUnit',
  sameCommune: 'assign.error.sameCommune',
  declared: 'assign.error.declared',
  removed: 'assign.error.declared', // not used for manual assignment (the organiser may re-add)
}

/** Assigns a judge to an entry by hand; the conflict rules still hold. */
export async function addManualAssignment(
  admin: SessionUser,
  contest: ContestRow,
  entryId: number,
  judgeId: number,
  ip: string | null,
): Promise<{ ok: true } | Refusal> {
  const refusal = assignmentRefusal(contest)
  if (refusal) return refuse(refusal)
  const at = now()
  return getDb()
    .transaction()
    .execute(async (tx): Promise<{ ok: true } | Refusal> => {
      const entry = (await acceptedEntries(contest.id, tx)).find((e) => e.id === entryId)
      if (!entry) return refuse('assign.error.entryNotAccepted')
      if (!(await isActiveJudge(judgeId, tx))) return refuse('assign.error.notJudge')
      const [org, panels] = await Promise.all([orgIndex(tx), listPanels(contest.id, tx)])
      const inPanels = panels
        .filter((p) => p.members.some((m) => m.id === judgeId))
        .map((p) => p.id)
      const [judge] = await judgesFor([judgeId], new Map([[judgeId, inPanels]]), org, tx)
      const target = entryFor(entry, org, panels)
      const conflicts = (await conflictsOf([judgeId], tx)).map((c) => ({
        judgeId: c.judge_id,
        entryId: c.entry_id,
        orgUnitId: c.org_unit_id,
      }))
      const why = exclusionOf(judge!, target, conflicts)
      if (why) return refuse(EXCLUSION_MESSAGES[why])
      const existing = await tx
        .selectFrom('assignments')
        .select(['id', 'status'])
        .where('entry_id', '=', entryId)
        .where('judge_id', '=', judgeId)
        .executeTakeFirst()
      if (existing?.status === 'active') return refuse('assign.error.already')
      if (existing?.status === 'conflicted') return refuse('assign.error.declared')
      const panelId =
        target.panelId != null && inPanels.includes(target.panelId) ? target.panelId : null
      if (existing) {
        await tx
          .updateTable('assignments')
          .set({
            status: 'active',
            source: 'manual',
            panel_id: panelId,
            created_by: admin.id,
            created_at: at.toISOString(),
          })
          .where('id', '=', existing.id)
          .execute()
      } else {
        await tx
          .insertInto('assignments')
          .values({
            entry_id: entryId,
            judge_id: judgeId,
            panel_id: panelId,
            source: 'manual',
            status: 'active',
            created_at: at.toISOString(),
            created_by: admin.id,
          })
          .execute()
      }
      await notifyAssigned(tx, contest, [{ judgeId }], at)
      await recordAudit(
        {
          actorId: admin.id,
          action: 'assignment.add',
          subjectType: 'entry',
          subjectId: entryId,
          before: existing ? { status: existing.status } : null,
          after: { judgeId, status: 'active', source: 'manual' },
          ip,
        },
        tx,
      )
      return { ok: true }
    })
}

/** Takes a judge off an entry by hand (the row stays, marked removed, so a re-run skips the pair). */
export async function removeAssignment(
  admin: SessionUser,
  contest: ContestRow,
  assignmentId: number,
  ip: string | null,
): Promise<{ ok: true } | Refusal> {
  const refusal = assignmentRefusal(contest)
  if (refusal) return refuse(refusal)
  return getDb()
    .transaction()
    .execute(async (tx): Promise<{ ok: true } | Refusal> => {
      const row = await tx
        .selectFrom('assignments')
        .innerJoin('entries', 'entries.id', 'assignments.entry_id')
        .select([
          'assignments.id',
          'assignments.entry_id',
          'assignments.judge_id',
          'assignments.status',
        ])
        .where('assignments.id', '=', assignmentId)
        .where('entries.contest_id', '=', contest.id)
        .executeTakeFirst()
      if (!row || row.status !== 'active') return refuse('assign.error.notFound', 404)
      await tx
        .updateTable('assignments')
        .set({ status: 'removed' })
        .where('id', '=', row.id)
        .execute()
      await recordAudit(
        {
          actorId: admin.id,
          action: 'assignment.remove',
          subjectType: 'entry',
          subjectId: row.entry_id,
          before: { judgeId: row.judge_id, status: 'active' },
          after: { judgeId: row.judge_id, status: 'removed' },
          ip,
        },
        tx,
      )
      return { ok: true }
    })
}

// ── Panels ───────────────────────────────────────────────────────────────────

async function auditPanel(
  admin: SessionUser,
  action: string,
  panelId: number,
  after: unknown,
  ip: string | null,
  tx: Tx,
) {
  await recordAudit(
    { actorId: admin.id, action, subjectType: 'panel', subjectId: panelId, after, ip },
    tx,
  )
}

export async function createPanel(
  admin: SessionUser,
  contest: ContestRow,
  input: { name: string; field: Field | null },
  ip: string | null,
): Promise<{ ok: true } | Refusal> {
  const refusal = panelRefusal(contest)
  if (refusal) return refuse(refusal)
  return getDb()
    .transaction()
    .execute(async (tx): Promise<{ ok: true } | Refusal> => {
      const panels = await listPanels(contest.id, tx)
      if (panels.some((p) => p.name === input.name)) return refuse('panels.error.nameTaken')
      const id = await insertPanel({ contestId: contest.id, ...input, now: now() }, tx)
      await auditPanel(admin, 'panel.create', id, input, ip, tx)
      return { ok: true }
    })
}

/** One panel per field the contest allows (fields that already have a panel are skipped). */
export async function createFieldPanels(
  admin: SessionUser,
  contest: ContestRow,
  ip: string | null,
): Promise<{ ok: true; created: number } | Refusal> {
  const refusal = panelRefusal(contest)
  if (refusal) return refuse(refusal)
  const allowed = (JSON.parse(contest.allowed_fields) as Field[]).filter((f) => FIELDS.includes(f))
  const fields = allowed.length ? allowed : [...FIELDS]
  return getDb()
    .transaction()
    .execute(async (tx) => {
      const panels = await listPanels(contest.id, tx)
      let created = 0
      for (const field of fields) {
        if (panels.some((p) => p.field === field)) continue
        // Panel names are stored once, in Vietnamese, like every record of the organiser.
        let name = `Hội đồng ${vi[`field.${field}`]}`
        if (panels.some((p) => p.name === name)) name = `${name} (${contest.year})`
        const id = await insertPanel({ contestId: contest.id, name, field, now: now() }, tx)
        await auditPanel(admin, 'panel.create', id, { name, field }, ip, tx)
        created += 1
      }
      return { ok: true as const, created }
    })
}

type PanelRow = NonNullable<Awaited<ReturnType<typeof findPanel>>>

/**
 * A change to one panel of the contest: refused out of phase, then run in one
 * transaction with the panel (404 when it is not this contest's).
 */
async function changePanel(
  contest: ContestRow,
  panelId: number,
  change: (panel: PanelRow, tx: Tx) => Promise<{ ok: true } | Refusal>,
): Promise<{ ok: true } | Refusal> {
  const refusal = panelRefusal(contest)
  if (refusal) return refuse(refusal)
  return getDb()
    .transaction()
    .execute(async (tx) => {
      const panel = await findPanel(panelId, tx)
      if (!panel || panel.contest_id !== contest.id) return refuse('panels.error.notFound', 404)
      return change(panel, tx)
    })
}

/** Deletes a panel that has no active assignment. */
export async function deletePanel(
  admin: SessionUser,
  contest: ContestRow,
  panelId: number,
  ip: string | null,
): Promise<{ ok: true } | Refusal> {
  return changePanel(contest, panelId, async (panel, tx) => {
    const used = await tx
      .selectFrom('assignments')
      .select('id')
      .where('panel_id', '=', panelId)
      .where('status', '=', 'active')
      .executeTakeFirst()
    if (used) return refuse('panels.error.inUse')
    await tx.deleteFrom('panels').where('id', '=', panelId).execute()
    await auditPanel(
      admin,
      'panel.delete',
      panelId,
      { name: panel.name, field: panel.field },
      ip,
      tx,
    )
    return { ok: true }
  })
}

export async function addPanelMember(
  admin: SessionUser,
  contest: ContestRow,
  panelId: number,
  userId: number,
  ip: string | null,
): Promise<{ ok: true } | Refusal> {
  return changePanel(contest, panelId, async (_panel, tx) => {
    if (!(await isActiveJudge(userId, tx))) return refuse('assign.error.notJudge')
    const already = await tx
      .selectFrom('panel_members')
      .select('user_id')
      .where('panel_id', '=', panelId)
      .where('user_id', '=', userId)
      .executeTakeFirst()
    if (already) return refuse('panels.error.alreadyMember')
    await tx.insertInto('panel_members').values({ panel_id: panelId, user_id: userId }).execute()
    await auditPanel(admin, 'panel.add_member', panelId, { userId }, ip, tx)
    return { ok: true }
  })
}

/** Takes a judge off a panel; their assignments stay until removed one by one. */
export async function removePanelMember(
  admin: SessionUser,
  contest: ContestRow,
  panelId: number,
  userId: number,
  ip: string | null,
): Promise<{ ok: true } | Refusal> {
  return changePanel(contest, panelId, async (_panel, tx) => {
    const res = await tx
      .deleteFrom('panel_members')
      .where('panel_id', '=', panelId)
      .where('user_id', '=', userId)
      .executeTakeFirst()
    if (!res.numDeletedRows) return refuse('panels.error.notMember', 404)
    await auditPanel(admin, 'panel.remove_member', panelId, { userId }, ip, tx)
    return { ok: true }
  })
}

// ── Judges: declaring a conflict ─────────────────────────────────────────────

/**
 * A judge declares a conflict of interest on an entry assigned to them: the
 * assignment is marked conflicted, the conflict recorded (so no run picks them
 * again), and the entry goes to another eligible judge of its panel if there is one.
 */
export async function declareConflict(
  judge: SessionUser,
  entryId: number,
  reason: string,
  ip: string | null,
): Promise<{ ok: true; reassigned: number } | Refusal> {
  const entry =
    Number.isInteger(entryId) && entryId > 0 ? await findEntryWithContest(entryId) : undefined
  if (!entry) return refuse('assign.error.notFound', 404)
  const at = now()
  const stage = contestStage(contestScheduleOf(entry), at)
  if (!CONFLICT_STAGES.includes(stage)) return refuse('conflict.error.outOfPhase')
  const contest = (await findContest(entry.contest_id))!
  return getDb()
    .transaction()
    .execute(async (tx): Promise<{ ok: true; reassigned: number } | Refusal> => {
      const assignment = await tx
        .selectFrom('assignments')
        .select(['id'])
        .where('entry_id', '=', entryId)
        .where('judge_id', '=', judge.id)
        .where('status', '=', 'active')
        .executeTakeFirst()
      if (!assignment) return refuse('conflict.error.notAssigned', 403)
      await tx
        .insertInto('conflicts')
        .values({
          judge_id: judge.id,
          entry_id: entryId,
          org_unit_id: null,
          reason,
          declared_at: at.toISOString(),
        })
        .execute()
      await tx
        .updateTable('assignments')
        .set({ status: 'conflicted' })
        .where('id', '=', assignment.id)
        .execute()
      const { input } = await assignmentInput(contest, tx, entryId)
      const result = assignJudges(input)
      await insertNew(tx, result.assignments, null, at)
      await notifyAssigned(tx, contest, result.assignments, at)
      const organisers = await usersWithRole('admin', contest.organiser_org_unit_id, tx)
      await notify(
        organisers.map((o) => o.id),
        {
          kind: result.assignments.length
            ? 'judging.conflictReassigned'
            : 'judging.conflictUnfilled',
          params: { title: entry.title, judge: judge.displayName },
          link: `/admin/contests/${contest.id}/panels`,
          now: at,
        },
        tx,
      )
      await recordAudit(
        {
          actorId: judge.id,
          action: 'assignment.conflict',
          subjectType: 'entry',
          subjectId: entryId,
          before: { judgeId: judge.id, status: 'active' },
          after: {
            judgeId: judge.id,
            status: 'conflicted',
            reassignedTo: result.assignments.map((a) => a.judgeId),
          },
          reason,
          ip,
        },
        tx,
      )
      return { ok: true as const, reassigned: result.assignments.length }
    })
}

// ── Progress and reminders ──────────────────────────────────────────────────

/** Sends `judging.reminder` to the judges with sheets still to submit (or to one of them). */
export async function sendReminders(
  admin: SessionUser,
  contest: ContestRow,
  judgeId: number | null,
  ip: string | null,
): Promise<{ ok: true; sent: number } | Refusal> {
  if (!REMINDER_STAGES.includes(stageOf(contest))) return refuse('progress.error.notJudging')
  const at = now()
  return getDb()
    .transaction()
    .execute(async (tx): Promise<{ ok: true; sent: number } | Refusal> => {
      const behind = (await judgeProgress(contest.id, tx)).filter(
        (j) => j.submitted < j.assigned && (judgeId == null || j.judgeId === judgeId),
      )
      if (judgeId != null && !behind.length) return refuse('progress.error.notBehind')
      for (const j of behind) {
        await notify(
          [j.judgeId],
          {
            kind: 'judging.reminder',
            params: {
              contestId: contest.id,
              contest: contest.title,
              remaining: j.assigned - j.submitted,
            },
            link: '/judge',
            now: at,
          },
          tx,
        )
      }
      await recordAudit(
        {
          actorId: admin.id,
          action: 'judging.remind',
          subjectType: 'contest',
          subjectId: contest.id,
          after: { judges: behind.map((j) => j.judgeId) },
          ip,
        },
        tx,
      )
      return { ok: true as const, sent: behind.length }
    })
}

/** A refusal as the body of an error response (its message a translation key). */
export function refusalResponse(r: Refusal) {
  return data({ message: r.message }, { status: r.status ?? 409 })
}
