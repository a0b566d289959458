import type { Field } from '../domain'
import { getDb, type Executor } from '../index'

/** A contest's panels with their members, by name. */
export async function listPanels(contestId: number, db: Executor = getDb()) {
  const [panels, members] = await Promise.all([
    db
      .selectFrom('panels')
      .select(['id', 'name', 'field'])
      .where('contest_id', '=', contestId)
      .orderBy('id')
      .execute(),
    db
      .selectFrom('panel_members')
      .innerJoin('panels', 'panels.id', 'panel_members.panel_id')
      .innerJoin('users', 'users.id', 'panel_members.user_id')
      .select([
        'panel_members.panel_id',
        'panel_members.is_chair',
        'users.id',
        'users.display_name',
        'users.username',
      ])
      .where('panels.contest_id', '=', contestId)
      .orderBy('users.display_name')
      .execute(),
  ])
  return panels.map((p) => ({ ...p, members: members.filter((m) => m.panel_id === p.id) }))
}

export async function findPanel(panelId: number, db: Executor = getDb()) {
  return db.selectFrom('panels').selectAll().where('id', '=', panelId).executeTakeFirst()
}

export async function insertPanel(
  values: { contestId: number; name: string; field: Field | null; now: Date },
  db: Executor = getDb(),
) {
  const { id } = await db
    .insertInto('panels')
    .values({
      contest_id: values.contestId,
      name: values.name,
      field: values.field,
      created_at: values.now.toISOString(),
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  return id
}

/** Active users holding the judge role, by name. */
export async function listJudges(db: Executor = getDb()) {
  return db
    .selectFrom('user_roles')
    .innerJoin('users', 'users.id', 'user_roles.user_id')
    .select(['users.id', 'users.display_name', 'users.username'])
    .where('user_roles.role', '=', 'judge')
    .where('users.is_active', '=', 1)
    .orderBy('users.display_name')
    .orderBy('users.id')
    .execute()
}

export async function isActiveJudge(userId: number, db: Executor = getDb()) {
  const row = await db
    .selectFrom('user_roles')
    .innerJoin('users', 'users.id', 'user_roles.user_id')
    .select('users.id')
    .where('user_roles.role', '=', 'judge')
    .where('users.is_active', '=', 1)
    .where('users.id', '=', userId)
    .executeTakeFirst()
  return !!row
}

/** Every assignment row of a contest (any status), with entry and judge names. */
export async function listContestAssignments(contestId: number, db: Executor = getDb()) {
  return db
    .selectFrom('assignments')
    .innerJoin('entries', 'entries.id', 'assignments.entry_id')
    .innerJoin('users', 'users.id', 'assignments.judge_id')
    .select([
      'assignments.id',
      'assignments.entry_id',
      'assignments.judge_id',
      'assignments.panel_id',
      'assignments.source',
      'assignments.status',
      'users.display_name as judge_name',
    ])
    .where('entries.contest_id', '=', contestId)
    .orderBy('assignments.entry_id')
    .orderBy('users.display_name')
    .execute()
}

/** Accepted entries of a contest with their communes (what automatic assignment works on). */
export async function acceptedEntries(contestId: number, db: Executor = getDb()) {
  const [entries, communes] = await Promise.all([
    db
      .selectFrom('entries')
      .innerJoin('org_units as unit', 'unit.id', 'entries.unit_id')
      .select([
        'entries.id',
        'entries.title',
        'entries.field',
        'entries.unit_id',
        'unit.name as unit_name',
      ])
      .where('entries.contest_id', '=', contestId)
      .where('entries.state', '=', 'accepted')
      .orderBy('entries.title')
      .orderBy('entries.id')
      .execute(),
    db
      .selectFrom('entry_communes')
      .innerJoin('entries', 'entries.id', 'entry_communes.entry_id')
      .select(['entry_communes.entry_id', 'entry_communes.commune_id'])
      .where('entries.contest_id', '=', contestId)
      .where('entries.state', '=', 'accepted')
      .execute(),
  ])
  return entries.map((e) => ({
    ...e,
    commune_ids: communes.filter((c) => c.entry_id === e.id).map((c) => c.commune_id),
  }))
}

/** Org units (id, kind, parent) — the tree the conflict rules walk up. */
export async function orgUnitParents(db: Executor = getDb()) {
  return db.selectFrom('org_units').select(['id', 'kind', 'parent_id']).execute()
}

/** Role grants of the given users that bind them to an org unit. */
export async function boundRolesOf(userIds: number[], db: Executor = getDb()) {
  if (!userIds.length) return []
  return db
    .selectFrom('user_roles')
    .select(['user_id', 'role', 'org_unit_id'])
    .where('user_id', 'in', userIds)
    .where('org_unit_id', 'is not', null)
    .execute()
}

export async function conflictsOf(userIds: number[], db: Executor = getDb()) {
  if (!userIds.length) return []
  return db
    .selectFrom('conflicts')
    .select(['id', 'judge_id', 'entry_id', 'org_unit_id', 'reason'])
    .where('judge_id', 'in', userIds)
    .execute()
}

/** Progress of each judge with active assignments in a contest: assigned, submitted, drafts. */
export async function judgeProgress(contestId: number, db: Executor = getDb()) {
  const rows = await db
    .selectFrom('assignments')
    .innerJoin('entries', 'entries.id', 'assignments.entry_id')
    .innerJoin('users', 'users.id', 'assignments.judge_id')
    .leftJoin('score_sheets', (j) =>
      j
        .onRef('score_sheets.entry_id', '=', 'assignments.entry_id')
        .onRef('score_sheets.judge_id', '=', 'assignments.judge_id'),
    )
    .select([
      'users.id',
      'users.display_name',
      (eb) => eb.fn.countAll<number>().as('assigned'),
      (eb) =>
        eb.fn
          .sum<number>(
            eb.case().when('score_sheets.status', '=', 'submitted').then(1).else(0).end(),
          )
          .as('submitted'),
      (eb) =>
        eb.fn
          .sum<number>(eb.case().when('score_sheets.status', '=', 'draft').then(1).else(0).end())
          .as('drafts'),
    ])
    .where('entries.contest_id', '=', contestId)
    .where('assignments.status', '=', 'active')
    .groupBy(['users.id', 'users.display_name'])
    .orderBy('users.display_name')
    .execute()
  return rows.map((r) => ({
    judgeId: r.id,
    name: r.display_name,
    assigned: Number(r.assigned),
    submitted: Number(r.submitted ?? 0),
    drafts: Number(r.drafts ?? 0),
  }))
}

/** Progress of each accepted (or later) entry: active judges and submitted sheets among them. */
export async function entryProgress(contestId: number, db: Executor = getDb()) {
  const rows = await db
    .selectFrom('entries')
    .innerJoin('org_units as unit', 'unit.id', 'entries.unit_id')
    .leftJoin('assignments', (j) =>
      j.onRef('assignments.entry_id', '=', 'entries.id').on('assignments.status', '=', 'active'),
    )
    .leftJoin('score_sheets', (j) =>
      j
        .onRef('score_sheets.entry_id', '=', 'assignments.entry_id')
        .onRef('score_sheets.judge_id', '=', 'assignments.judge_id'),
    )
    .select([
      'entries.id',
      'entries.title',
      'unit.name as unit_name',
      (eb) => eb.fn.count<number>('assignments.id').as('judges'),
      (eb) =>
        eb.fn
          .sum<number>(
            eb.case().when('score_sheets.status', '=', 'submitted').then(1).else(0).end(),
          )
          .as('submitted'),
    ])
    .where('entries.contest_id', '=', contestId)
    .where('entries.state', 'in', ['accepted', 'scored'])
    .groupBy(['entries.id', 'entries.title', 'unit.name'])
    .orderBy('entries.title')
    .orderBy('entries.id')
    .execute()
  return rows.map((r) => ({
    entryId: r.id,
    title: r.title,
    unitName: r.unit_name,
    judges: Number(r.judges),
    submitted: Number(r.submitted ?? 0),
  }))
}
