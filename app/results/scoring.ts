import type { Aggregation } from '#db/domain'
import type {
  CriterionInput,
  EntryFlag,
  EntryResult,
  JudgeStat,
  JudgeTotal,
  NormalisationFallback,
  PanelAgreement,
  ResultsInput,
  ResultsOutput,
  TierInput,
} from './types'

/**
 * The results of a contest, computed without I/O (issue 5). The server loads the rows, calls
 * `computeResults`, stores and shows what comes back. Decisions where the issue left room:
 *
 * - **Judge totals.** A judge's total on an entry is the sum of the criterion points, counted only
 *   when the judge has points for every criterion of the rubric (an incomplete sheet is ignored).
 *   Score rows for criteria outside the rubric or entries outside `input.entries` are ignored. Should
 *   a (entry, judge, criterion) row come twice the higher points count, and a sheet whose rows name
 *   different panels belongs to the lower panel id (null lowest); the database prevents both, the
 *   rules only keep the result independent of the input order. Entry ids are unique.
 * - **Aggregation.** `mean` of the judge totals; `trimmed_mean` drops one highest and one lowest
 *   total when the entry has at least 5 totals (`trimmed`), else it is the plain mean. The normalised
 *   score is the same aggregation over the normalised totals, trimmed on its own order.
 * - **Normalisation.** Per judge over all the entries they scored: z = (total − judge mean) / judge
 *   population SD, mapped back as M + z · S, where M and S are the mean and population SD of ALL judge
 *   totals in the contest (every complete sheet), clamped to [0, rubric max]. A judge with fewer than
 *   3 entries (`too_few_entries`) or a SD below 1e-9 (`zero_spread`) keeps the raw totals.
 * - **Ranking.** By score (normalised when `input.normalise`, else raw) descending; ties by the
 *   criterion means descending, taking the criteria by maximum points descending, then position, then
 *   id; then the earlier `firstSubmittedAt` (null or unreadable last); then the lower entry id. Every
 *   scored entry gets its own rank 1..n. Entries without scores have rank null and come last by id.
 *   Numbers are compared rounded to 1e-9 and every sum is taken in a fixed order (entry id, judge id,
 *   rubric order), so no permutation of the input changes any bit of the output.
 * - **Tiers.** Entries are walked in rank order; each gets the first tier by position (then id) whose
 *   minimum it reaches and whose quota is not full, else none. `no_scores` entries never get a tier;
 *   `too_few_scores` entries can (the flag is shown to the organiser, who may override).
 * - **Agreement.** Kendall's W per panel (the panel of each judge's assignment), on raw totals
 *   (normalisation does not change a judge's order, clamping aside). The complete block starts with
 *   all the panel's judges and the entries scored by all of them; while more than 2 judges remain, the
 *   judge whose removal leaves the most common entries is dropped (ties: the judge with fewer entries,
 *   then the higher id), and the block with the largest judges × entries (ties: more judges) is used.
 *   Ranks within a judge are average ranks for ties, W uses the standard tie correction
 *   W = 12 S / (m² (n³ − n) − m Σ T), T = Σ (t³ − t). W is null with fewer than 2 judges or 2 entries,
 *   or when every judge tied every entry (W is undefined).
 * - **Leniency.** Per judge, the mean over their entries that other judges scored too of (total − mean
 *   of the other judges' totals), on raw totals, whatever the panels. A judge is flagged when they have
 *   at least 3 shared entries, at least 3 judges qualify, and |leniency − median| exceeds both
 *   3 × 1.4826 × MAD (median absolute deviation over the qualifying judges) and 10 % of the rubric max.
 * - **Flags.** `no_scores` without any total; `too_few_scores` with 0 < totals < `expectedScores`.
 * - **Order.** `entries` in rank order, `judges` by judge id, `panels` by panel id (null first);
 *   `judgeTotals` by judge id and `criterionMeans` in rubric order (empty without scores).
 */

/** Numbers closer than this are equal when ranking and comparing with tier minimums. */
export const EPSILON = 1e-9
export const MIN_ENTRIES_TO_NORMALISE = 3
export const TRIM_FROM = 5
export const LENIENCY_MIN_SHARED = 3
export const LENIENCY_MIN_JUDGES = 3
export const LENIENCY_MAD_FACTOR = 3 * 1.4826
export const LENIENCY_MIN_SHARE = 0.1

/** An integer that is equal for numbers that differ by float noise only. */
export function comparable(x: number): number {
  return Math.round(x / EPSILON)
}

/** Criteria in rubric order: position, then id. */
export function rubricOrder(criteria: readonly CriterionInput[]): CriterionInput[] {
  return [...criteria].sort((a, b) => a.position - b.position || a.id - b.id)
}

export function rubricMaximum(criteria: readonly CriterionInput[]): number {
  return rubricOrder(criteria).reduce((sum, c) => sum + c.maxPoints, 0)
}

function mean(values: readonly number[]): number {
  let sum = 0
  for (const v of values) sum += v
  return sum / values.length
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  const mid = Math.floor(sorted.length / 2)
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2
}

/** Mean and population standard deviation (two passes, in the given order). */
export function meanSd(values: readonly number[]): { mean: number; sd: number } {
  const m = mean(values)
  let squares = 0
  for (const v of values) squares += (v - m) * (v - m)
  return { mean: m, sd: Math.sqrt(squares / values.length) }
}

/** One judge's complete sheet on one entry. */
export interface SheetTotal {
  entryId: number
  judgeId: number
  panelId: number | null
  total: number
  /** Points per criterion in rubric order. */
  points: number[]
}

function lowerPanel(a: number | null, b: number | null): number | null {
  return a === null || b === null ? null : Math.min(a, b)
}

/** The complete sheets, sorted by entry id then judge id. */
export function judgeTotals(
  criteria: readonly CriterionInput[],
  scores: ResultsInput['scores'],
): SheetTotal[] {
  const order = rubricOrder(criteria)
  const index = new Map(order.map((c, i) => [c.id, i]))
  const size = order.length
  if (size === 0) return []
  // One slot per (entry, judge): its points by criterion (NaN until given), how many, its panel.
  const slots = new Map<number, Map<number, number>>()
  const points: number[][] = []
  const filled: number[] = []
  const panels: (number | null)[] = []
  let lastEntry = Number.NaN
  let lastJudge = Number.NaN
  let lastSlot = 0
  for (const s of scores) {
    const at = index.get(s.criterionId)
    if (at === undefined) continue
    let slot: number | undefined = lastSlot
    // Rows usually come sheet by sheet: the previous row's slot saves two lookups.
    if (s.entryId !== lastEntry || s.judgeId !== lastJudge) {
      let byJudge = slots.get(s.entryId)
      if (!byJudge) slots.set(s.entryId, (byJudge = new Map()))
      slot = byJudge.get(s.judgeId)
      if (slot === undefined) {
        slot = points.length
        byJudge.set(s.judgeId, slot)
        points.push(new Array<number>(size).fill(Number.NaN))
        filled.push(0)
        panels.push(s.panelId)
      }
      lastEntry = s.entryId
      lastJudge = s.judgeId
      lastSlot = slot
    }
    if (panels[slot] !== s.panelId) panels[slot] = lowerPanel(panels[slot]!, s.panelId)
    const own = points[slot]!
    const before = own[at]!
    if (Number.isNaN(before)) {
      own[at] = s.points
      filled[slot]!++
    } else if (s.points > before) {
      own[at] = s.points
    }
  }
  const out: SheetTotal[] = []
  const byId = (a: number, b: number) => a - b
  for (const entryId of [...slots.keys()].sort(byId)) {
    const byJudge = slots.get(entryId)!
    for (const judgeId of [...byJudge.keys()].sort(byId)) {
      const slot = byJudge.get(judgeId)!
      if (filled[slot] !== size) continue
      const own = points[slot]!
      let total = 0
      for (const p of own) total += p
      out.push({ entryId, judgeId, panelId: panels[slot]!, total, points: own })
    }
  }
  return out
}

/** Mean, or trimmed mean (one highest and one lowest dropped from 5 values on); null when empty. */
export function aggregate(
  values: readonly number[],
  aggregation: Aggregation,
): { value: number; trimmed: boolean } | null {
  if (values.length === 0) return null
  const sorted = [...values].sort((a, b) => a - b)
  const trimmed = aggregation === 'trimmed_mean' && sorted.length >= TRIM_FROM
  return { value: mean(trimmed ? sorted.slice(1, -1) : sorted), trimmed }
}

export interface JudgeScale {
  judgeId: number
  entryCount: number
  mean: number
  sd: number
  fallback: NormalisationFallback | null
}

/** Each judge's mean and SD over their totals, and whether they fall back to raw totals. */
export function judgeScales(sheets: readonly SheetTotal[]): Map<number, JudgeScale> {
  const totals = new Map<number, number[]>()
  for (const s of sheets) {
    const list = totals.get(s.judgeId)
    if (list) list.push(s.total)
    else totals.set(s.judgeId, [s.total])
  }
  const scales = new Map<number, JudgeScale>()
  for (const [judgeId, list] of [...totals].sort((a, b) => a[0] - b[0])) {
    const { mean: m, sd } = meanSd(list)
    const fallback: NormalisationFallback | null =
      list.length < MIN_ENTRIES_TO_NORMALISE
        ? 'too_few_entries'
        : comparable(sd) === 0
          ? 'zero_spread'
          : null
    scales.set(judgeId, { judgeId, entryCount: list.length, mean: m, sd, fallback })
  }
  return scales
}

/** A judge's total mapped through their z-score onto the contest's scale (M + z·S, clamped). */
export function normalisedTotal(
  total: number,
  judge: JudgeScale,
  contest: { mean: number; sd: number },
  max: number,
): number {
  if (judge.fallback) return total
  const z = (total - judge.mean) / judge.sd
  return Math.min(max, Math.max(0, contest.mean + z * contest.sd))
}

/** Average ranks (1-based, ascending) and the tie term Σ (t³ − t) of one judge's values. */
export function averageRanks(values: readonly number[]): { ranks: number[]; ties: number } {
  const keys = values.map(comparable)
  const order = keys.map((_, i) => i).sort((a, b) => keys[a]! - keys[b]!)
  const ranks = new Array<number>(values.length)
  let ties = 0
  for (let start = 0; start < order.length;) {
    let end = start
    while (end + 1 < order.length && keys[order[end + 1]!] === keys[order[start]!]) end++
    const t = end - start + 1
    const rank = (start + end) / 2 + 1
    for (let k = start; k <= end; k++) ranks[order[k]!] = rank
    ties += t * t * t - t
    start = end + 1
  }
  return { ranks, ties }
}

/**
 * Kendall's W of m judges (rows) on the same n entries (columns), with the tie correction;
 * null for fewer than 2 judges or entries, or when every judge tied every entry.
 */
export function kendallW(rows: readonly (readonly number[])[]): number | null {
  const m = rows.length
  const n = rows[0]?.length ?? 0
  if (m < 2 || n < 2) return null
  const rankSums = new Array<number>(n).fill(0)
  let ties = 0
  for (const row of rows) {
    const r = averageRanks(row)
    r.ranks.forEach((rank, i) => (rankSums[i]! += rank))
    ties += r.ties
  }
  const expected = (m * (n + 1)) / 2
  let s = 0
  for (const sum of rankSums) s += (sum - expected) * (sum - expected)
  const denominator = m * m * (n * n * n - n) - m * ties
  if (denominator <= 0) return null
  return Math.min(1, Math.max(0, (12 * s) / denominator))
}

/**
 * The largest judges × entries block in which every judge scored every entry (see the header).
 * `sheets` are one panel's (entry, judge) pairs.
 */
export function completeBlock(sheets: readonly { entryId: number; judgeId: number }[]): {
  judgeIds: number[]
  entryIds: number[]
} {
  const entriesOf = new Map<number, number[]>()
  const count = new Map<number, number>()
  const idSum = new Map<number, number>()
  for (const { entryId, judgeId } of sheets) {
    const list = entriesOf.get(judgeId)
    if (list) list.push(entryId)
    else entriesOf.set(judgeId, [entryId])
    count.set(entryId, (count.get(entryId) ?? 0) + 1)
    idSum.set(entryId, (idSum.get(entryId) ?? 0) + judgeId)
  }
  const current = new Set([...entriesOf.keys()].sort((a, b) => a - b))
  let currentSum = [...current].reduce((a, b) => a + b, 0)
  const common = () => {
    const ids: number[] = []
    for (const [entryId, c] of count) if (c === current.size) ids.push(entryId)
    return ids
  }
  let best = { judgeIds: [...current], entryIds: common(), size: -1 }
  best.size = current.size >= 2 ? current.size * best.entryIds.length : -1
  while (current.size > 2) {
    // Entries every remaining judge but one scored, by the judge who did not.
    const gain = new Map<number, number>()
    for (const [entryId, c] of count) {
      if (c !== current.size - 1) continue
      const missing = currentSum - idSum.get(entryId)!
      gain.set(missing, (gain.get(missing) ?? 0) + 1)
    }
    // Drop the judge whose removal leaves the most common entries; then fewer entries, higher id.
    const dropKey = (judgeId: number) => [
      gain.get(judgeId) ?? 0,
      -entriesOf.get(judgeId)!.length,
      judgeId,
    ]
    const drop = [...current].reduce((a, b) => {
      const ka = dropKey(a)
      const kb = dropKey(b)
      const i = ka.findIndex((v, k) => v !== kb[k])
      return i >= 0 && kb[i]! > ka[i]! ? b : a
    })
    current.delete(drop)
    currentSum -= drop
    for (const entryId of entriesOf.get(drop)!) {
      count.set(entryId, count.get(entryId)! - 1)
      idSum.set(entryId, idSum.get(entryId)! - drop)
    }
    const entryIds = common()
    const size = current.size * entryIds.length
    if (size > best.size) best = { judgeIds: [...current], entryIds, size }
  }
  return {
    judgeIds: [...best.judgeIds].sort((a, b) => a - b),
    entryIds: [...best.entryIds].sort((a, b) => a - b),
  }
}

/** Kendall's W per panel, by panel id (null first). */
export function panelAgreement(sheets: readonly SheetTotal[]): PanelAgreement[] {
  const byPanel = new Map<number | null, SheetTotal[]>()
  for (const s of sheets) {
    const list = byPanel.get(s.panelId)
    if (list) list.push(s)
    else byPanel.set(s.panelId, [s])
  }
  const panelIds = [...byPanel.keys()].sort((a, b) => (a === null ? -1 : b === null ? 1 : a - b))
  return panelIds.map((panelId) => {
    const list = byPanel.get(panelId)!
    const { judgeIds, entryIds } = completeBlock(list)
    const totals = new Map<number, Map<number, number>>()
    for (const s of list) {
      const byEntry = totals.get(s.judgeId)
      if (byEntry) byEntry.set(s.entryId, s.total)
      else totals.set(s.judgeId, new Map([[s.entryId, s.total]]))
    }
    const rows = judgeIds.map((j) => entryIds.map((e) => totals.get(j)!.get(e)!))
    return { panelId, kendallW: kendallW(rows), judges: judgeIds.length, entries: entryIds.length }
  })
}

/** Per judge: mean signed difference from the other judges' mean on shared entries. */
export function leniency(
  sheets: readonly SheetTotal[],
): Map<number, { leniency: number | null; sharedEntries: number }> {
  const perEntry = new Map<number, { sum: number; count: number }>()
  for (const s of sheets) {
    const e = perEntry.get(s.entryId)
    if (e) {
      e.sum += s.total
      e.count++
    } else perEntry.set(s.entryId, { sum: s.total, count: 1 })
  }
  const diffs = new Map<number, number[]>()
  for (const s of sheets) {
    const e = perEntry.get(s.entryId)!
    let list = diffs.get(s.judgeId)
    if (!list) diffs.set(s.judgeId, (list = []))
    if (e.count > 1) list.push(s.total - (e.sum - s.total) / (e.count - 1))
  }
  const out = new Map<number, { leniency: number | null; sharedEntries: number }>()
  for (const [judgeId, list] of diffs) {
    out.set(judgeId, { leniency: list.length ? mean(list) : null, sharedEntries: list.length })
  }
  return out
}

/** The judges whose leniency is far from the rest (rule in the header). */
export function lenientOutliers(
  judges: readonly { judgeId: number; leniency: number | null; sharedEntries: number }[],
  max: number,
): Set<number> {
  const eligible = judges.filter(
    (j): j is typeof j & { leniency: number } =>
      j.leniency !== null && j.sharedEntries >= LENIENCY_MIN_SHARED,
  )
  const flagged = new Set<number>()
  if (eligible.length < LENIENCY_MIN_JUDGES) return flagged
  const mid = median(eligible.map((j) => j.leniency))
  const mad = median(eligible.map((j) => Math.abs(j.leniency - mid)))
  const limit = Math.max(LENIENCY_MAD_FACTOR * mad, LENIENCY_MIN_SHARE * max)
  for (const j of eligible) {
    const distance = Math.abs(j.leniency - mid)
    if (comparable(distance) > comparable(limit)) flagged.add(j.judgeId)
  }
  return flagged
}

export interface Rankable {
  entryId: number
  score: number | null
  criterionMeans: { criterionId: number; mean: number }[]
  firstSubmittedAt: string | null
}

/** Entries in rank order with their rank (null without a score; those last by id). */
export function rankEntries<T extends Rankable>(
  entries: readonly T[],
  criteria: readonly CriterionInput[],
): { entry: T; rank: number | null }[] {
  const weightOrder = [...criteria]
    .sort((a, b) => b.maxPoints - a.maxPoints || a.position - b.position || a.id - b.id)
    .map((c) => c.id)
  const keyed = entries.map((entry) => {
    const means = entry.criterionMeans
    const submitted = entry.firstSubmittedAt === null ? NaN : Date.parse(entry.firstSubmittedAt)
    return {
      entry,
      score: entry.score === null ? null : comparable(entry.score),
      means: weightOrder.map((id) => {
        const at = means.findIndex((c) => c.criterionId === id)
        return at < 0 ? 0 : comparable(means[at]!.mean)
      }),
      submitted: Number.isNaN(submitted) ? Number.POSITIVE_INFINITY : submitted,
    }
  })
  keyed.sort((a, b) => {
    if (a.score === null || b.score === null) {
      if (a.score !== b.score) return a.score === null ? 1 : -1
      return a.entry.entryId - b.entry.entryId
    }
    if (a.score !== b.score) return b.score - a.score
    for (let i = 0; i < a.means.length; i++) {
      if (a.means[i] !== b.means[i]) return b.means[i]! - a.means[i]!
    }
    if (a.submitted !== b.submitted) return a.submitted < b.submitted ? -1 : 1
    return a.entry.entryId - b.entry.entryId
  })
  let rank = 0
  return keyed.map(({ entry, score }) => ({ entry, rank: score === null ? null : ++rank }))
}

/** Tier per entry, walking `ranked` in order (rule in the header). */
export function assignTiers(
  ranked: readonly { entryId: number; score: number | null; flags: readonly EntryFlag[] }[],
  tiers: readonly TierInput[],
): Map<number, number | null> {
  const order = [...tiers].sort((a, b) => a.position - b.position || a.id - b.id)
  const taken = new Map(order.map((t) => [t.id, 0]))
  const out = new Map<number, number | null>()
  for (const entry of ranked) {
    let tierId: number | null = null
    if (entry.score !== null && !entry.flags.includes('no_scores')) {
      const score = comparable(entry.score)
      const tier = order.find(
        (t) => comparable(t.minScore) <= score && (t.quota === null || taken.get(t.id)! < t.quota),
      )
      if (tier) {
        taken.set(tier.id, taken.get(tier.id)! + 1)
        tierId = tier.id
      }
    }
    out.set(entry.entryId, tierId)
  }
  return out
}

export function entryFlags(scoreCount: number, expectedScores: number): EntryFlag[] {
  if (scoreCount === 0) return ['no_scores']
  return scoreCount < expectedScores ? ['too_few_scores'] : []
}

export function computeResults(input: ResultsInput): ResultsOutput {
  const criteria = rubricOrder(input.criteria)
  const max = rubricMaximum(criteria)
  const entryIds = new Set(input.entries.map((e) => e.id))
  const sheets = judgeTotals(criteria, input.scores).filter((s) => entryIds.has(s.entryId))

  const scales = judgeScales(sheets)
  const contest = sheets.length ? meanSd(sheets.map((s) => s.total)) : { mean: 0, sd: 0 }
  const sheetsByEntry = new Map<number, SheetTotal[]>()
  for (const s of sheets) {
    const list = sheetsByEntry.get(s.entryId)
    if (list) list.push(s)
    else sheetsByEntry.set(s.entryId, [s])
  }

  const results = [...input.entries]
    .sort((a, b) => a.id - b.id)
    .map((entry) => {
      const own = sheetsByEntry.get(entry.id) ?? []
      const judgeTotals: JudgeTotal[] = own.map((s) => ({
        judgeId: s.judgeId,
        total: s.total,
        normalised: normalisedTotal(s.total, scales.get(s.judgeId)!, contest, max),
      }))
      const raw = aggregate(
        judgeTotals.map((t) => t.total),
        input.aggregation,
      )
      const normalised = aggregate(
        judgeTotals.map((t) => t.normalised),
        input.aggregation,
      )
      const criterionMeans = own.length
        ? criteria.map((c, i) => {
            let sum = 0
            for (const s of own) sum += s.points[i]!
            return { criterionId: c.id, mean: sum / own.length }
          })
        : []
      const score = (input.normalise ? normalised : raw)?.value ?? null
      return {
        entryId: entry.id,
        firstSubmittedAt: entry.firstSubmittedAt,
        judgeTotals,
        scoreCount: own.length,
        raw: raw?.value ?? null,
        normalised: normalised?.value ?? null,
        score,
        trimmed: raw?.trimmed ?? false,
        criterionMeans,
        flags: entryFlags(own.length, input.expectedScores),
      }
    })

  const ranked = rankEntries(results, criteria)
  const tiers = assignTiers(
    ranked.map((r) => r.entry),
    input.tiers,
  )
  const entries: EntryResult[] = ranked.map(({ entry, rank }) => ({
    entryId: entry.entryId,
    judgeTotals: entry.judgeTotals,
    scoreCount: entry.scoreCount,
    raw: entry.raw,
    normalised: entry.normalised,
    score: entry.score,
    trimmed: entry.trimmed,
    criterionMeans: entry.criterionMeans,
    rank,
    tierId: tiers.get(entry.entryId) ?? null,
    flags: entry.flags,
  }))

  const lenient = leniency(sheets)
  const judgeRows = [...scales.values()].map((scale) => ({
    ...scale,
    ...lenient.get(scale.judgeId)!,
  }))
  const outliers = lenientOutliers(judgeRows, max)
  const judges: JudgeStat[] = judgeRows.map((j) => ({
    judgeId: j.judgeId,
    entryCount: j.entryCount,
    mean: j.mean,
    sd: j.sd,
    fallback: j.fallback,
    leniency: j.leniency,
    sharedEntries: j.sharedEntries,
    flagged: outliers.has(j.judgeId),
  }))

  return { entries, judges, panels: panelAgreement(sheets) }
}
