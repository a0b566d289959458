import { getDb, type Executor } from '../index'

/** A contest's rubric in order. */
export async function criteriaOfContest(contestId: number, db: Executor = getDb()) {
  return db
    .selectFrom('criteria')
    .select(['id', 'position', 'title', 'description', 'max_points'])
    .where('contest_id', '=', contestId)
    .orderBy('position')
    .execute()
}

/** One judge's own sheet on one entry and their scores (never anyone else's). */
export async function ownSheet(entryId: number, judgeId: number, db: Executor = getDb()) {
  const [sheet, scores] = await Promise.all([
    db
      .selectFrom('score_sheets')
      .select(['id', 'status', 'submitted_at', 'updated_at'])
      .where('entry_id', '=', entryId)
      .where('judge_id', '=', judgeId)
      .executeTakeFirst(),
    db
      .selectFrom('scores')
      .select(['criterion_id', 'points', 'comment'])
      .where('entry_id', '=', entryId)
      .where('judge_id', '=', judgeId)
      .orderBy('criterion_id')
      .execute(),
  ])
  return { sheet: sheet ?? null, scores }
}

export type OwnSheet = Awaited<ReturnType<typeof ownSheet>>

/**
 * Has the judge declared a conflict with this entry, its unit or one of its
 * communes?
 */
export async function hasDeclaredConflict(
  entry: { id: number; unit_id: number },
  judgeId: number,
  db: Executor = getDb(),
) {
  const row = await db
    .selectFrom('conflicts')
    .select('id')
    .where('judge_id', '=', judgeId)
    .where((eb) =>
      eb.or([
        eb('entry_id', '=', entry.id),
        eb('org_unit_id', '=', entry.unit_id),
        eb(
          'org_unit_id',
          'in',
          eb.selectFrom('entry_communes').select('commune_id').where('entry_id', '=', entry.id),
        ),
      ]),
    )
    .executeTakeFirst()
  return !!row
}

/** A judge's active assignments with their contest's schedule and the state of their own sheet. */
export async function judgeQueue(judgeId: number, db: Executor = getDb()) {
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
      'contests.year as contest_year',
      'contests.status',
      'contests.registration_opens_on',
      'contests.nomination_opens_on',
      'contests.nomination_deadline',
      'contests.screening_ends_on',
      'contests.judging_opens_on',
      'contests.judging_closes_at',
      'contests.results_on',
      'score_sheets.status as sheet_status',
      'score_sheets.updated_at as sheet_updated_at',
    ])
    .where('assignments.judge_id', '=', judgeId)
    .where('assignments.status', '=', 'active')
    .orderBy('contests.year', 'desc')
    .orderBy('contests.id', 'desc')
    .orderBy('entries.title')
    .orderBy('entries.id')
    .execute()
}

/** Replaces a judge's scores on an entry and upserts their sheet; call inside a transaction. */
export async function writeSheet(
  values: {
    entryId: number
    judgeId: number
    status: 'draft' | 'submitted'
    submittedAt: string | null
    scores: { criterion_id: number; max_points: number; points: number; comment: string }[]
    at: string
  },
  db: Executor,
) {
  await db
    .insertInto('score_sheets')
    .values({
      entry_id: values.entryId,
      judge_id: values.judgeId,
      status: values.status,
      submitted_at: values.submittedAt,
      updated_at: values.at,
    })
    .onConflict((oc) =>
      oc.columns(['entry_id', 'judge_id']).doUpdateSet({
        status: values.status,
        submitted_at: values.submittedAt,
        updated_at: values.at,
      }),
    )
    .execute()
  await db
    .deleteFrom('scores')
    .where('entry_id', '=', values.entryId)
    .where('judge_id', '=', values.judgeId)
    .execute()
  if (values.scores.length) {
    await db
      .insertInto('scores')
      .values(
        values.scores.map((s) => ({
          entry_id: values.entryId,
          judge_id: values.judgeId,
          criterion_id: s.criterion_id,
          max_points: s.max_points,
          points: s.points,
          comment: s.comment,
          updated_at: values.at,
        })),
      )
      .execute()
  }
  return db
    .selectFrom('score_sheets')
    .select('id')
    .where('entry_id', '=', values.entryId)
    .where('judge_id', '=', values.judgeId)
    .executeTakeFirstOrThrow()
}

/**
 * The other judges' submitted scores on an entry, anonymised (judge 1, 2, … in a
 * stable order, no names or ids). Only for after the contest is finalised: the
 * caller checks the phase.
 */
export async function otherJudgesScores(entryId: number, judgeId: number, db: Executor = getDb()) {
  const rows = await db
    .selectFrom('scores')
    .innerJoin('score_sheets', (j) =>
      j
        .onRef('score_sheets.entry_id', '=', 'scores.entry_id')
        .onRef('score_sheets.judge_id', '=', 'scores.judge_id'),
    )
    .select(['scores.judge_id', 'scores.criterion_id', 'scores.points', 'scores.comment'])
    .where('scores.entry_id', '=', entryId)
    .where('scores.judge_id', '<>', judgeId)
    .where('score_sheets.status', '=', 'submitted')
    .orderBy('scores.judge_id')
    .orderBy('scores.criterion_id')
    .execute()
  const judges = [...new Set(rows.map((r) => r.judge_id))]
  return judges.map((id, i) => ({
    judge: i + 1,
    scores: rows
      .filter((r) => r.judge_id === id)
      .map((r) => ({ criterion_id: r.criterion_id, points: r.points, comment: r.comment })),
  }))
}
