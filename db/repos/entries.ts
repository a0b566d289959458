import { sql } from 'kysely'
import { getDb, type Executor } from '../index'

/** An entry with the schedule of its contest (for phase checks). */
export async function findEntryWithContest(entryId: number, db: Executor = getDb()) {
  return db
    .selectFrom('entries')
    .innerJoin('contests', 'contests.id', 'entries.contest_id')
    .selectAll('entries')
    .select([
      'contests.title as contest_title',
      'contests.year as contest_year',
      'contests.status as contest_status',
      'contests.registration_opens_on',
      'contests.nomination_opens_on',
      'contests.nomination_deadline',
      'contests.screening_ends_on',
      'contests.judging_opens_on',
      'contests.judging_closes_at',
      'contests.results_on',
    ])
    .where('entries.id', '=', entryId)
    .executeTakeFirst()
}

export type EntryWithContest = NonNullable<Awaited<ReturnType<typeof findEntryWithContest>>>

export function contestScheduleOf(e: EntryWithContest) {
  return {
    status: e.contest_status,
    registration_opens_on: e.registration_opens_on,
    nomination_opens_on: e.nomination_opens_on,
    nomination_deadline: e.nomination_deadline,
    screening_ends_on: e.screening_ends_on,
    judging_opens_on: e.judging_opens_on,
    judging_closes_at: e.judging_closes_at,
    results_on: e.results_on,
  }
}

export async function isJudgeAssigned(entryId: number, judgeId: number, db: Executor = getDb()) {
  const row = await db
    .selectFrom('assignments')
    .select('id')
    .where('entry_id', '=', entryId)
    .where('judge_id', '=', judgeId)
    .where('status', '=', 'active')
    .executeTakeFirst()
  return !!row
}

export async function findEntryByModelAndContest(
  modelId: number,
  contestId: number,
  db: Executor = getDb(),
) {
  return db
    .selectFrom('entries')
    .select(['id', 'state'])
    .where('model_id', '=', modelId)
    .where('contest_id', '=', contestId)
    .executeTakeFirst()
}

export async function countUnitEntries(unitId: number, contestId: number, db: Executor = getDb()) {
  const row = await db
    .selectFrom('entries')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('unit_id', '=', unitId)
    .where('contest_id', '=', contestId)
    .executeTakeFirstOrThrow()
  return Number(row.n)
}

export async function entryVersions(entryId: number, db: Executor = getDb()) {
  return db
    .selectFrom('entry_versions')
    .leftJoin('users', 'users.id', 'entry_versions.submitted_by')
    .select([
      'entry_versions.version',
      'entry_versions.snapshot',
      'entry_versions.submitted_at',
      'users.display_name as submitted_by_name',
    ])
    .where('entry_versions.entry_id', '=', entryId)
    .orderBy('entry_versions.version')
    .execute()
}

export async function replaceEntryIndicators(
  entryId: number,
  rows: {
    position: number
    label: string
    value: string
    unit: string
    baseline: string | null
    period: string
  }[],
  db: Executor = getDb(),
) {
  await db.deleteFrom('indicators').where('entry_id', '=', entryId).execute()
  if (rows.length) {
    await db
      .insertInto('indicators')
      .values(rows.map((r) => ({ ...r, entry_id: entryId })))
      .execute()
  }
}

export async function replaceEntryCommunes(
  entryId: number,
  communeIds: number[],
  db: Executor = getDb(),
) {
  await db.deleteFrom('entry_communes').where('entry_id', '=', entryId).execute()
  if (communeIds.length) {
    await db
      .insertInto('entry_communes')
      .values(communeIds.map((commune_id) => ({ entry_id: entryId, commune_id })))
      .execute()
  }
}

/** Entries an organiser screens: everything past draft, newest submission first. */
export async function listEntriesForScreening(
  filter: {
    contestId: number
    state?: string
    q?: string
    field?: string
    unitId?: number
    communeId?: number
  },
  db: Executor = getDb(),
) {
  let q = db
    .selectFrom('entries')
    .innerJoin('org_units as unit', 'unit.id', 'entries.unit_id')
    .select([
      'entries.id',
      'entries.title',
      'entries.state',
      'entries.field',
      'entries.version',
      'entries.submitted_at',
      'entries.unit_id',
      'unit.name as unit_name',
    ])
    .where('entries.contest_id', '=', filter.contestId)
    .where('entries.state', '<>', 'draft')
  if (filter.state) q = q.where('entries.state', '=', filter.state as never)
  if (filter.q) {
    const pattern = `%${filter.q.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`
    q = q.where(sql<boolean>`entries.title LIKE ${pattern} ESCAPE '\\'`)
  }
  if (filter.field) q = q.where('entries.field', '=', filter.field as never)
  if (filter.unitId) q = q.where('entries.unit_id', '=', filter.unitId)
  if (filter.communeId) {
    const communeId = filter.communeId
    q = q.where((eb) =>
      eb.exists(
        eb
          .selectFrom('entry_communes')
          .select('entry_communes.entry_id')
          .whereRef('entry_communes.entry_id', '=', 'entries.id')
          .where('entry_communes.commune_id', '=', communeId),
      ),
    )
  }
  return q.orderBy('entries.submitted_at', 'desc').execute()
}
