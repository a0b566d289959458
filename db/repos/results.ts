import { getDb, type Executor } from '../index'

/** Entry states that take part in the results: accepted by screening and beyond. */
export const RANKED_STATES = ['accepted', 'scored', 'awarded', 'not_awarded', 'published'] as const

/** The contest's entries that are judged, with what the results page shows of them. */
export async function rankedEntries(contestId: number, db: Executor = getDb()) {
  return db
    .selectFrom('entries')
    .innerJoin('org_units as unit', 'unit.id', 'entries.unit_id')
    .innerJoin('models', 'models.id', 'entries.model_id')
    .select([
      'entries.id',
      'entries.title',
      'entries.state',
      'entries.field',
      'entries.kind',
      'entries.model_id',
      'entries.unit_id',
      'entries.first_submitted_at',
      'unit.name as unit_name',
      'models.slug as model_slug',
    ])
    .where('entries.contest_id', '=', contestId)
    .where('entries.state', 'in', RANKED_STATES)
    .orderBy('entries.id')
    .execute()
}

export type RankedEntry = Awaited<ReturnType<typeof rankedEntries>>[number]

/**
 * The criterion scores that count: submitted sheets of ACTIVE assignments only (a judge
 * removed or in conflict keeps their sheet rows, which must not count).
 */
function countedScoresOf(contestId: number, db: Executor) {
  return db
    .selectFrom('scores')
    .innerJoin('entries', 'entries.id', 'scores.entry_id')
    .innerJoin('score_sheets as sheet', (j) =>
      j
        .onRef('sheet.entry_id', '=', 'scores.entry_id')
        .onRef('sheet.judge_id', '=', 'scores.judge_id'),
    )
    .innerJoin('assignments as a', (j) =>
      j.onRef('a.entry_id', '=', 'scores.entry_id').onRef('a.judge_id', '=', 'scores.judge_id'),
    )
    .where('entries.contest_id', '=', contestId)
    .where('entries.state', 'in', RANKED_STATES)
    .where('sheet.status', '=', 'submitted')
    .where('a.status', '=', 'active')
}

/** Every counted score of a contest (or of one of its entries), sheet by sheet. */
export async function countedScores(contestId: number, db: Executor = getDb(), entryId?: number) {
  let q = countedScoresOf(contestId, db).select([
    'scores.entry_id',
    'scores.judge_id',
    'scores.criterion_id',
    'scores.points',
    'scores.comment',
    'a.panel_id',
    'sheet.id as sheet_id',
  ])
  if (entryId !== undefined) q = q.where('scores.entry_id', '=', entryId)
  return q.orderBy('scores.entry_id').orderBy('sheet.id').orderBy('scores.criterion_id').execute()
}

/** The mean of the counted points per entry and criterion, computed by the database. */
export async function criterionMeansOfContest(contestId: number, db: Executor = getDb()) {
  const rows = await countedScoresOf(contestId, db)
    .select(['scores.entry_id', 'scores.criterion_id'])
    .select((eb) => eb.fn.avg<number>('scores.points').as('mean'))
    .groupBy(['scores.entry_id', 'scores.criterion_id'])
    .execute()
  const by = new Map<number, Map<number, number>>()
  for (const r of rows) {
    const m = by.get(r.entry_id) ?? new Map<number, number>()
    m.set(r.criterion_id, Number(r.mean))
    by.set(r.entry_id, m)
  }
  return by
}

export type CountedScore = Awaited<ReturnType<typeof countedScores>>[number]

export async function tiersOfContest(contestId: number, db: Executor = getDb()) {
  return db
    .selectFrom('award_tiers')
    .select(['id', 'position', 'name', 'min_score', 'quota'])
    .where('contest_id', '=', contestId)
    .orderBy('position')
    .execute()
}

/** Judges who scored in the contest, by name (for the organiser's views and exports only). */
export async function judgesOfContest(contestId: number, db: Executor = getDb()) {
  return db
    .selectFrom('users')
    .select(['users.id', 'users.display_name as name'])
    .where('users.id', 'in', (eb) =>
      eb
        .selectFrom('assignments')
        .innerJoin('entries', 'entries.id', 'assignments.entry_id')
        .select('assignments.judge_id')
        .where('entries.contest_id', '=', contestId),
    )
    .orderBy('users.display_name')
    .execute()
}

export async function storedResults(contestId: number, db: Executor = getDb()) {
  return db
    .selectFrom('results')
    .leftJoin('users as by', 'by.id', 'results.overridden_by')
    .selectAll('results')
    .select('by.display_name as overridden_by_name')
    .where('results.contest_id', '=', contestId)
    .execute()
}

export type StoredResult = Awaited<ReturnType<typeof storedResults>>[number]

export interface ResultRow {
  entry_id: number
  raw_score: number | null
  normalised_score: number | null
  score_count: number
  rank: number | null
  computed_tier_id: number | null
}

/**
 * Writes the computed results of a contest, keeping every override (its tier, reason,
 * author and time) and removing rows of entries no longer judged.
 */
export async function saveResults(
  contestId: number,
  rows: ResultRow[],
  computedAt: string,
  db: Executor = getDb(),
) {
  const ids = rows.map((r) => r.entry_id)
  let del = db.deleteFrom('results').where('contest_id', '=', contestId)
  if (ids.length) del = del.where('entry_id', 'not in', ids)
  await del.execute()
  for (const r of rows) {
    await db
      .insertInto('results')
      .values({
        contest_id: contestId,
        ...r,
        tier_id: r.computed_tier_id,
        computed_at: computedAt,
      })
      .onConflict((oc) =>
        oc.column('entry_id').doUpdateSet((eb) => ({
          raw_score: eb.ref('excluded.raw_score'),
          normalised_score: eb.ref('excluded.normalised_score'),
          score_count: eb.ref('excluded.score_count'),
          rank: eb.ref('excluded.rank'),
          computed_tier_id: eb.ref('excluded.computed_tier_id'),
          // An overridden tier stays as the organiser set it; otherwise it follows the computation.
          tier_id: eb
            .case()
            .when('results.override_reason', 'is not', null)
            .then(eb.ref('results.tier_id'))
            .else(eb.ref('excluded.computed_tier_id'))
            .end(),
          computed_at: eb.ref('excluded.computed_at'),
        })),
      )
      .execute()
  }
}

export async function setOverride(
  entryId: number,
  o: { tierId: number | null; reason: string; by: number; at: string },
  db: Executor = getDb(),
) {
  await db
    .updateTable('results')
    .set({
      tier_id: o.tierId,
      override_reason: o.reason,
      overridden_by: o.by,
      overridden_at: o.at,
    })
    .where('entry_id', '=', entryId)
    .execute()
}

/** Freezes every score sheet of the contest. */
export async function lockSheets(contestId: number, at: string, db: Executor = getDb()) {
  await db
    .updateTable('score_sheets')
    .set({ locked_at: at })
    .where('locked_at', 'is', null)
    .where('entry_id', 'in', (eb) =>
      eb.selectFrom('entries').select('id').where('contest_id', '=', contestId),
    )
    .execute()
}

/** Published contests, newest first, for the public. */
export async function publishedContests(db: Executor = getDb()) {
  return db
    .selectFrom('contests')
    .innerJoin('org_units', 'org_units.id', 'contests.organiser_org_unit_id')
    .select([
      'contests.id',
      'contests.title',
      'contests.year',
      'contests.published_at',
      'contests.decision_number',
      'contests.decision_date',
      'org_units.name as organiser_name',
    ])
    .select((eb) =>
      eb
        .selectFrom('awards')
        .select(eb.fn.countAll<number>().as('n'))
        .whereRef('awards.contest_id', '=', 'contests.id')
        .as('award_count'),
    )
    .where('contests.status', '=', 'published')
    .orderBy('contests.year', 'desc')
    .orderBy('contests.id', 'desc')
    .execute()
}

/** A published contest with its organiser, or undefined (unpublished contests are not public). */
export async function findPublishedContest(contestId: number, db: Executor = getDb()) {
  return db
    .selectFrom('contests')
    .innerJoin('org_units', 'org_units.id', 'contests.organiser_org_unit_id')
    .selectAll('contests')
    .select('org_units.name as organiser_name')
    .where('contests.id', '=', contestId)
    .where('contests.status', '=', 'published')
    .executeTakeFirst()
}

/** The final results of a contest in rank order, with the entry, unit and tier names. */
export async function finalResults(contestId: number, db: Executor = getDb(), entryId?: number) {
  let q = db
    .selectFrom('results')
    .innerJoin('entries', 'entries.id', 'results.entry_id')
    .innerJoin('org_units as unit', 'unit.id', 'entries.unit_id')
    .innerJoin('models', 'models.id', 'entries.model_id')
    .leftJoin('award_tiers as tier', 'tier.id', 'results.tier_id')
    .select([
      'results.entry_id',
      'results.rank',
      'results.raw_score',
      'results.normalised_score',
      'results.score_count',
      'results.tier_id',
      'results.override_reason',
      'tier.name as tier_name',
      'tier.position as tier_position',
      'entries.title',
      'entries.state',
      'entries.model_id',
      'entries.first_submitted_at',
      'unit.name as unit_name',
      'models.slug as model_slug',
      'models.published_at as model_published_at',
    ])
    .where('results.contest_id', '=', contestId)
  if (entryId !== undefined) q = q.where('results.entry_id', '=', entryId)
  return q
    .orderBy((eb) => eb.case().when('results.rank', 'is', null).then(1).else(0).end())
    .orderBy('results.rank')
    .orderBy('results.entry_id')
    .execute()
}

/** Communes of the given entries, by entry. */
export async function communesOfEntries(entryIds: number[], db: Executor = getDb()) {
  if (!entryIds.length) return new Map<number, string[]>()
  const rows = await db
    .selectFrom('entry_communes')
    .innerJoin('org_units', 'org_units.id', 'entry_communes.commune_id')
    .select(['entry_communes.entry_id', 'org_units.name'])
    .where('entry_communes.entry_id', 'in', entryIds)
    .orderBy('org_units.name')
    .execute()
  const by = new Map<number, string[]>()
  for (const r of rows) by.set(r.entry_id, [...(by.get(r.entry_id) ?? []), r.name])
  return by
}
