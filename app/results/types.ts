import type { Aggregation } from '#db/domain'

/**
 * The input and output of the pure results computation (app/results/scoring.ts).
 * No I/O: the server loads these rows, the function computes, the server stores.
 */
export interface CriterionInput {
  id: number
  position: number
  maxPoints: number
}

export interface TierInput {
  id: number
  /** 1 = best */
  position: number
  /** On the rubric's scale (e.g. 90 of 100). */
  minScore: number
  /** Most entries the tier may have; null = no limit. */
  quota: number | null
}

export interface EntryInput {
  id: number
  /** ISO instant of the first submission; earlier wins a tie. Null sorts last. */
  firstSubmittedAt: string | null
}

/** One criterion score of one judge on one entry (only complete, submitted sheets of active assignments). */
export interface ScoreInput {
  entryId: number
  judgeId: number
  criterionId: number
  points: number
  /** The panel of the judge's assignment on this entry (null = no panel). */
  panelId: number | null
}

export interface ResultsInput {
  criteria: CriterionInput[]
  tiers: TierInput[]
  entries: EntryInput[]
  scores: ScoreInput[]
  aggregation: Aggregation
  /** Rank by the per-judge normalised score instead of the raw one. */
  normalise: boolean
  /** Entries with fewer judge totals than this are flagged (usually the contest's judges per entry). */
  expectedScores: number
}

export type EntryFlag = 'no_scores' | 'too_few_scores'

export interface JudgeTotal {
  judgeId: number
  /** Sum of the judge's criterion points on the entry. */
  total: number
  /** The total after the judge's z-score normalisation, mapped back onto the rubric's range (or the raw total when the judge falls back). */
  normalised: number
}

export interface EntryResult {
  entryId: number
  judgeTotals: JudgeTotal[]
  scoreCount: number
  /** Aggregated raw total (mean or trimmed mean), null without scores. */
  raw: number | null
  /** Aggregated normalised total, null without scores. */
  normalised: number | null
  /** The score the ranking and tiers use: normalised when input.normalise, else raw. */
  score: number | null
  /** True when the trimmed mean dropped the highest and lowest totals. */
  trimmed: boolean
  /** Mean points per criterion over the entry's judges. */
  criterionMeans: { criterionId: number; mean: number }[]
  /** 1-based, null without scores. */
  rank: number | null
  /** The computed tier, null when none. */
  tierId: number | null
  flags: EntryFlag[]
}

export type NormalisationFallback = 'too_few_entries' | 'zero_spread'

export interface JudgeStat {
  judgeId: number
  entryCount: number
  mean: number
  /** Population standard deviation of the judge's totals. */
  sd: number
  /** Null when the judge's totals were normalised; otherwise why the raw totals were used. */
  fallback: NormalisationFallback | null
  /** Mean signed difference from the other judges' totals on shared entries; null without shared entries. */
  leniency: number | null
  sharedEntries: number
  /** Far from the rest (see scoring.ts for the rule). */
  flagged: boolean
}

export interface PanelAgreement {
  panelId: number | null
  /** Kendall's W in [0, 1], null when fewer than 2 judges or 2 entries are complete. */
  kendallW: number | null
  /** How many judges and entries W rests on (the complete block). */
  judges: number
  entries: number
}

export interface ResultsOutput {
  /** In rank order; entries without scores last, by id. */
  entries: EntryResult[]
  judges: JudgeStat[]
  panels: PanelAgreement[]
}
