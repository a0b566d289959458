import { getDb } from '#db/index'
import {
  communesOfEntries,
  countedScores,
  criterionMeansOfContest,
  finalResults,
  findPublishedContest,
  publishedContests,
  type CountedScore,
} from '#db/repos/results'
import { criteriaOfContest } from '#db/repos/scores'

/**
 * What the public sees of published results: the final ranking, tiers and the mean of
 * every criterion; for an awarded entry, the judges' comments without their names.
 * Nothing of an unpublished contest.
 */

/** Mean points per criterion of one entry, over the judges whose sheets counted. */
function criterionMeans(scores: CountedScore[]) {
  const sums = new Map<number, { sum: number; n: number }>()
  for (const s of scores) {
    const m = sums.get(s.criterion_id) ?? { sum: 0, n: 0 }
    m.sum += s.points
    m.n += 1
    sums.set(s.criterion_id, m)
  }
  return new Map([...sums].map(([id, m]) => [id, m.sum / m.n]))
}

export async function listPublishedResults() {
  const rows = await publishedContests()
  return rows.map((c) => ({
    id: c.id,
    title: c.title,
    year: c.year,
    organiser: c.organiser_name,
    publishedAt: c.published_at,
    decisionNumber: c.decision_number,
    decisionDate: c.decision_date,
    awards: Number(c.award_count ?? 0),
  }))
}

export async function publicResults(contestId: number) {
  const db = getDb()
  const contest = await findPublishedContest(contestId, db)
  if (!contest) return null
  const [criteria, results, meansOf] = await Promise.all([
    criteriaOfContest(contest.id, db),
    finalResults(contest.id, db),
    criterionMeansOfContest(contest.id, db),
  ])
  const communes = await communesOfEntries(
    results.map((r) => r.entry_id),
    db,
  )
  const normalise = contest.normalise_scores === 1
  return {
    contest: {
      id: contest.id,
      title: contest.title,
      year: contest.year,
      organiser: contest.organiser_name,
      aggregation: contest.aggregation,
      normalise,
      decisionNumber: contest.decision_number,
      decisionDate: contest.decision_date,
      signerTitle: contest.decision_signer_title,
      publishedAt: contest.published_at,
    },
    criteria: criteria.map((c) => ({ id: c.id, title: c.title, maxPoints: c.max_points })),
    rows: results
      .filter((r) => r.rank !== null)
      .map((r) => {
        const means = meansOf.get(r.entry_id) ?? new Map<number, number>()
        return {
          entryId: r.entry_id,
          rank: r.rank,
          title: r.title,
          unitName: r.unit_name,
          communes: communes.get(r.entry_id) ?? [],
          score: normalise ? r.normalised_score : r.raw_score,
          raw: r.raw_score,
          normalised: r.normalised_score,
          tier: r.tier_name,
          // Only awarded entries are published and have a public page.
          public: r.state === 'published',
          criterionMeans: criteria.map((c) => means.get(c.id) ?? null),
        }
      }),
  }
}

export async function publicEntry(contestId: number, entryId: number) {
  const db = getDb()
  const contest = await findPublishedContest(contestId, db)
  if (!contest) return null
  const [result] = await finalResults(contest.id, db, entryId)
  if (!result || result.state !== 'published') return null
  const [criteria, scores, communes, entry] = await Promise.all([
    criteriaOfContest(contest.id, db),
    countedScores(contest.id, db, entryId),
    communesOfEntries([entryId], db),
    db
      .selectFrom('entries')
      .select(['snapshot', 'kind', 'field'])
      .where('id', '=', entryId)
      .executeTakeFirstOrThrow(),
  ])
  // Judges are numbered in the order their sheets were created: never named in public.
  const sheetOrder = [...new Set(scores.map((s) => s.sheet_id))].sort((a, b) => a - b)
  const judgeNumber = new Map(sheetOrder.map((id, i) => [id, i + 1]))
  const means = criterionMeans(scores)
  const snapshot = entry.snapshot ? (JSON.parse(entry.snapshot) as Record<string, unknown>) : {}
  const text = (k: string) => (typeof snapshot[k] === 'string' ? (snapshot[k] as string) : '')
  const normalise = contest.normalise_scores === 1
  return {
    contest: { id: contest.id, title: contest.title, year: contest.year, normalise },
    entry: {
      id: entryId,
      title: result.title,
      unitName: result.unit_name,
      communes: communes.get(entryId) ?? [],
      kind: entry.kind,
      field: entry.field,
      summary: text('summary'),
      method: text('method'),
      modelSlug: result.model_published_at ? result.model_slug : null,
      rank: result.rank,
      raw: result.raw_score,
      normalised: result.normalised_score,
      score: normalise ? result.normalised_score : result.raw_score,
      tier: result.tier_name,
      judges: sheetOrder.length,
    },
    breakdown: criteria.map((c) => ({
      id: c.id,
      title: c.title,
      maxPoints: c.max_points,
      mean: means.get(c.id) ?? null,
      comments: scores
        .filter((s) => s.criterion_id === c.id && s.comment.trim() !== '')
        .map((s) => ({ judge: judgeNumber.get(s.sheet_id)!, points: s.points, comment: s.comment }))
        .sort((a, b) => a.judge - b.judge),
    })),
  }
}
