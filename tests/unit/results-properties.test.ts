import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { computeResults } from '~/results/scoring'
import type { ResultsInput, ResultsOutput, ScoreInput } from '~/results/types'

/*
 * Properties of computeResults on random small contests: up to 3 criteria, 6 judges, 8 entries,
 * integer points, judges in panels, tiers with minimums and quotas.
 */

interface Contest {
  maxima: number[]
  /** sheets[entry][judge]: points per criterion, or null when the judge did not score the entry. */
  sheets: (number[] | null)[][]
  panels: (number | null)[]
  tiers: { minScore: number; quota: number | null }[]
  submitted: (number | null)[]
  aggregation: ResultsInput['aggregation']
  normalise: boolean
  expectedScores: number
}

/** `margin` keeps points that far from 0 and the maximum, so a judge's points can be shifted. */
function contestArb({ complete = false, margin = 0, minEntries = 1, minJudges = 1 } = {}) {
  return fc
    .record({
      maxima: fc.array(fc.constantFrom(5, 10, 20), { minLength: 1, maxLength: 3 }),
      judges: fc.integer({ min: minJudges, max: 6 }),
      entries: fc.integer({ min: minEntries, max: 8 }),
    })
    .chain(({ maxima, judges, entries }) => {
      const points = fc.tuple(
        ...maxima.map((max) => fc.integer({ min: margin, max: max - margin })),
      )
      const cell = complete ? points : fc.option(points, { freq: 3 })
      const total = maxima.reduce((a, b) => a + b, 0)
      return fc.record({
        maxima: fc.constant(maxima),
        sheets: fc.array(fc.array(cell, { minLength: judges, maxLength: judges }), {
          minLength: entries,
          maxLength: entries,
        }),
        panels: fc.array(fc.constantFrom(null, 1, 2), { minLength: judges, maxLength: judges }),
        tiers: fc.array(
          fc.record({
            minScore: fc.integer({ min: 0, max: total }),
            quota: fc.option(fc.integer({ min: 0, max: 3 })),
          }),
          { maxLength: 3 },
        ),
        submitted: fc.array(fc.option(fc.integer({ min: 0, max: 3 })), {
          minLength: entries,
          maxLength: entries,
        }),
        aggregation: fc.constantFrom('mean' as const, 'trimmed_mean' as const),
        normalise: fc.boolean(),
        expectedScores: fc.integer({ min: 0, max: 4 }),
      })
    })
}

function toInput(c: Contest, shift?: { judge: number; by: number }): ResultsInput {
  const scores: ScoreInput[] = []
  c.sheets.forEach((row, e) =>
    row.forEach((points, j) =>
      points?.forEach((p, k) =>
        scores.push({
          entryId: 100 + e,
          judgeId: 10 + j,
          criterionId: 1 + k,
          points: shift?.judge === j ? p + shift.by : p,
          panelId: c.panels[j]!,
        }),
      ),
    ),
  )
  return {
    criteria: c.maxima.map((maxPoints, k) => ({ id: 1 + k, position: 1 + k, maxPoints })),
    tiers: c.tiers.map((t, i) => ({ id: 1 + i, position: 1 + i, ...t })),
    entries: c.submitted.map((day, e) => ({
      id: 100 + e,
      firstSubmittedAt: day === null ? null : `2026-03-0${day + 1}T00:00:00Z`,
    })),
    scores,
    aggregation: c.aggregation,
    normalise: c.normalise,
    expectedScores: c.expectedScores,
  }
}

function shuffled<T>(items: readonly T[], order: readonly number[]): T[] {
  return items
    .map((item, i) => ({ item, key: order[i % order.length]! * 1000 + i }))
    .sort((a, b) => a.key - b.key)
    .map((x) => x.item)
}

const ranking = (out: ResultsOutput) => out.entries.map((e) => [e.entryId, e.rank])

/** No normalised total touched the clamp at 0 or the rubric maximum. */
function unclamped(out: ResultsOutput, max: number) {
  return out.entries.every((e) =>
    e.judgeTotals.every((t) => t.normalised > 0 && t.normalised < max),
  )
}

/**
 * The normalised results before and after one judge adds `by` to each of their points; runs where
 * a normalised total hit the clamp at 0 or the maximum are discarded (the clamp is not a shift).
 */
function shiftOneJudge(contest: Contest, judgeSeed: number, by: number) {
  const c = { ...contest, normalise: true }
  const judge = judgeSeed % c.sheets[0]!.length
  const max = c.maxima.reduce((a, b) => a + b, 0)
  const before = computeResults(toInput(c))
  const after = computeResults(toInput(c, { judge, by }))
  fc.pre(unclamped(before, max) && unclamped(after, max))
  return { before, after }
}

describe('results properties', () => {
  it('does not depend on the order of the input arrays', () => {
    fc.assert(
      fc.property(
        contestArb(),
        fc.array(fc.nat(50), { minLength: 1, maxLength: 20 }),
        (contest, order) => {
          const input = toInput(contest)
          const permuted: ResultsInput = {
            ...input,
            criteria: shuffled(input.criteria, order),
            tiers: shuffled(input.tiers, order).reverse(),
            entries: shuffled(input.entries, order).reverse(),
            scores: shuffled(input.scores, order),
          }
          expect(computeResults(permuted)).toEqual(computeResults(input))
        },
      ),
      { numRuns: 300 },
    )
  })

  it('ranks scored entries 1..n without gaps, and respects tier quotas and minimums', () => {
    fc.assert(
      fc.property(contestArb(), (contest) => {
        const input = toInput(contest)
        const out = computeResults(input)
        const scored = out.entries.filter((e) => e.score !== null)
        expect(scored.map((e) => e.rank)).toEqual(scored.map((_, i) => i + 1))
        expect(out.entries.slice(scored.length).every((e) => e.rank === null)).toBe(true)
        for (let i = 1; i < scored.length; i++) {
          expect(scored[i]!.score!).toBeLessThanOrEqual(scored[i - 1]!.score! + 1e-9)
        }
        for (const tier of input.tiers) {
          const holders = out.entries.filter((e) => e.tierId === tier.id)
          if (tier.quota !== null) expect(holders.length).toBeLessThanOrEqual(tier.quota)
          for (const e of holders) {
            expect(e.score).not.toBeNull()
            expect(e.flags).not.toContain('no_scores')
            expect(e.score!).toBeGreaterThanOrEqual(tier.minScore - 1e-9)
          }
        }
      }),
      { numRuns: 300 },
    )
  })

  it('keeps the normalised ranking when one judge adds a constant to every score (complete design)', () => {
    // Every judge scores every entry: a shift leaves the judge's z-scores as they were; M and S
    // change, but M + z·S is the same increasing map for every judge, and the criterion means used
    // for ties move by the same amount for every entry. Clamping at 0 or the maximum is not
    // monotone-preserving, so those cases are excluded; with the trimmed mean, so is a judge who
    // falls back to raw totals (the trim may then drop a different judge).
    fc.assert(
      fc.property(
        contestArb({ complete: true, margin: 2, minEntries: 2 }),
        fc.nat(5),
        fc.constantFrom(-2, -1, 1, 2),
        (contest, judgeSeed, by) => {
          const { before, after } = shiftOneJudge(contest, judgeSeed, by)
          fc.pre(contest.aggregation === 'mean' || before.judges.every((j) => j.fallback === null))
          expect(ranking(after)).toEqual(ranking(before))
        },
      ),
      { numRuns: 300 },
    )
  })

  it('keeps the order of the normalised scores when one judge shifts (any design, no fallbacks)', () => {
    // With judges who scored different entries, an entry's score is still M + S · (aggregate of its
    // judges' z-scores) when every judge is normalised and nothing is clamped, so a strict order
    // between two scores survives the shift (ties may then be broken by other criterion means).
    fc.assert(
      fc.property(
        contestArb({ margin: 2, minEntries: 3 }),
        fc.nat(5),
        fc.constantFrom(-2, -1, 1, 2),
        (contest, judgeSeed, by) => {
          const { before, after } = shiftOneJudge(contest, judgeSeed, by)
          fc.pre(before.judges.every((j) => j.fallback === null))
          const scoreAfter = new Map(after.entries.map((e) => [e.entryId, e.score]))
          const scored = before.entries.filter((e) => e.score !== null)
          for (const a of scored) {
            for (const b of scored) {
              if (a.score! > b.score! + 1e-6) {
                expect(scoreAfter.get(a.entryId)!).toBeGreaterThan(scoreAfter.get(b.entryId)!)
              }
            }
          }
        },
      ),
      { numRuns: 300 },
    )
  })
})
