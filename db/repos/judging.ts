import { getDb, type Executor } from '../index'

/** A judge's active assignments with the state of their score sheet. */
export async function assignmentsOfJudge(judgeId: number, db: Executor = getDb()) {
  return db
    .selectFrom('assignments')
    .innerJoin('entries', 'entries.id', 'assignments.entry_id')
    .innerJoin('contests', 'contests.id', 'entries.contest_id')
    .leftJoin('score_sheets', (j) =>
      j
        .onRef('score_sheets.entry_id', '=', 'assignments.entry_id')
        .onRef('score_sheets.judge_id', '=', 'assignments.judge_id'),
    )
    .select([
      'assignments.id',
      'entries.id as entry_id',
      'entries.title',
      'entries.field',
      'contests.id as contest_id',
      'contests.title as contest_title',
      'contests.judging_closes_at',
      'score_sheets.status as sheet_status',
    ])
    .where('assignments.judge_id', '=', judgeId)
    .where('assignments.status', '=', 'active')
    .orderBy('contests.year', 'desc')
    .orderBy('entries.title')
    .execute()
}
