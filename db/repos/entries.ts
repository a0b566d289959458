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
