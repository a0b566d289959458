import { describe, expect, it } from 'vitest'
import {
  aggregate,
  assignTiers,
  averageRanks,
  completeBlock,
  computeResults,
  judgeTotals,
  kendallW,
  lenientOutliers,
  normalisedTotal,
  rankEntries,
} from '~/results/scoring'
import type { ResultsInput, ScoreInput } from '~/results/types'

/** Rubric of two criteria: 60 + 40 = 100 points. */
const CRITERIA = [
  { id: 1, position: 1, maxPoints: 60 },
  { id: 2, position: 2, maxPoints: 40 },
]

/** The score rows of one sheet, the total split 60 % / 40 % over the two criteria. */
function sheet(entryId: number, judgeId: number, total: number, panelId: number | null = null) {
  return [
    { entryId, judgeId, criterionId: 1, points: total * 0.6, panelId },
    { entryId, judgeId, criterionId: 2, points: total * 0.4, panelId },
  ]
}

function input(overrides: Partial<ResultsInput>): ResultsInput {
  return {
    criteria: CRITERIA,
    tiers: [],
    entries: [],
    scores: [],
    aggregation: 'mean',
    normalise: false,
    expectedScores: 0,
    ...overrides,
  }
}

const entries = (...ids: number[]) => ids.map((id) => ({ id, firstSubmittedAt: null }))

/*
 * Three judges × four entries. Totals (each judge's mean ± their SD in a pattern):
 *
 *            E101  E102  E103  E104   judge mean   population SD
 *   J11        65    65    55    55        60          5
 *   J12        95    55    95    55        75         20
 *   J13        85    85    65    65        75         10
 *
 * All 12 totals: mean M = (240 + 300 + 300) / 12 = 70;
 * Σ (x − 70)² = 4·(25+100) + 4·(400+25) + 4·(100+25) = 500 + 1700 + 500 = 2700, S² = 2700/12 = 225, S = 15.
 * z-scores are ±1 everywhere, so every normalised total is 70 ± 15 = 85 or 55.
 */
const THREE_BY_FOUR: ScoreInput[] = [
  ...sheet(101, 11, 65),
  ...sheet(102, 11, 65),
  ...sheet(103, 11, 55),
  ...sheet(104, 11, 55),
  ...sheet(101, 12, 95),
  ...sheet(102, 12, 55),
  ...sheet(103, 12, 95),
  ...sheet(104, 12, 55),
  ...sheet(101, 13, 85),
  ...sheet(102, 13, 85),
  ...sheet(103, 13, 65),
  ...sheet(104, 13, 65),
]

describe('judge totals', () => {
  it('sums complete sheets and ignores incomplete ones and unknown criteria', () => {
    const sheets = judgeTotals(CRITERIA, [
      ...sheet(2, 7, 80),
      { entryId: 1, judgeId: 7, criterionId: 1, points: 30, panelId: null }, // criterion 2 missing
      { entryId: 1, judgeId: 8, criterionId: 2, points: 20, panelId: 4 },
      { entryId: 1, judgeId: 8, criterionId: 1, points: 45.5, panelId: 4 },
      { entryId: 1, judgeId: 8, criterionId: 99, points: 10, panelId: 4 }, // not in the rubric
    ])
    // 48 + 32 = 80; 45.5 + 20 = 65.5; sorted by entry then judge.
    expect(sheets).toEqual([
      { entryId: 1, judgeId: 8, panelId: 4, total: 65.5, points: [45.5, 20] },
      { entryId: 2, judgeId: 7, panelId: null, total: 80, points: [48, 32] },
    ])
  })
})

describe('aggregation', () => {
  it('takes the mean, or drops the highest and lowest of 5 or more totals', () => {
    // (40 + 70 + 75 + 80 + 95) / 5 = 360 / 5 = 72; trimmed: (70 + 75 + 80) / 3 = 75
    expect(aggregate([95, 40, 75, 70, 80], 'mean')).toEqual({ value: 72, trimmed: false })
    expect(aggregate([95, 40, 75, 70, 80], 'trimmed_mean')).toEqual({ value: 75, trimmed: true })
    // 4 totals: plain mean (40 + 70 + 80 + 95) / 4 = 71.25
    expect(aggregate([95, 40, 70, 80], 'trimmed_mean')).toEqual({ value: 71.25, trimmed: false })
    expect(aggregate([], 'mean')).toBeNull()
  })

  it('trims per entry in computeResults and flags entries with too few or no scores', () => {
    const out = computeResults(
      input({
        entries: entries(1, 2, 3),
        aggregation: 'trimmed_mean',
        expectedScores: 5,
        scores: [
          ...[40, 70, 75, 80, 95].flatMap((total, i) => sheet(1, 21 + i, total)),
          ...[60, 90].flatMap((total, i) => sheet(2, 21 + i, total)),
        ],
      }),
    )
    // Both score 75 (E1 trimmed, E2 (60 + 90) / 2). The tie goes to the heavier criterion's mean,
    // taken over all judges: E1 0.6 · 72 = 43.2, E2 0.6 · 75 = 45 → E2 first.
    const [first, second, third] = out.entries
    expect(first).toMatchObject({ entryId: 2, raw: 75, trimmed: false, rank: 1 })
    expect(first!.flags).toEqual(['too_few_scores'])
    expect(first!.criterionMeans).toEqual([
      { criterionId: 1, mean: 45 },
      { criterionId: 2, mean: 30 },
    ])
    expect(second).toMatchObject({ entryId: 1, raw: 75, score: 75, trimmed: true, rank: 2 })
    expect(second!.scoreCount).toBe(5)
    expect(second!.flags).toEqual([])
    expect(third).toMatchObject({ entryId: 3, raw: null, score: null, rank: null, tierId: null })
    expect(third!.flags).toEqual(['no_scores'])
    expect(third!.criterionMeans).toEqual([])
  })
})

describe('normalisation', () => {
  it('maps each judge’s z-scores onto the contest’s mean and SD', () => {
    const out = computeResults(
      input({ entries: entries(101, 102, 103, 104), scores: THREE_BY_FOUR, normalise: true }),
    )
    expect(
      out.judges.map(({ judgeId, entryCount, mean, sd, fallback }) => ({
        judgeId,
        entryCount,
        mean,
        sd,
        fallback,
      })),
    ).toEqual([
      { judgeId: 11, entryCount: 4, mean: 60, sd: 5, fallback: null },
      { judgeId: 12, entryCount: 4, mean: 75, sd: 20, fallback: null },
      { judgeId: 13, entryCount: 4, mean: 75, sd: 10, fallback: null },
    ])
    // Raw means: E101 (65+95+85)/3 = 81.667, E102 (65+55+85)/3 = 68.333,
    //            E103 (55+95+65)/3 = 71.667, E104 (55+55+65)/3 = 58.333.
    // z (J11, J12, J13): E101 (+1,+1,+1) → 85; E102 (+1,−1,+1) → (85+55+85)/3 = 75;
    //                    E103 (−1,+1,−1) → (55+85+55)/3 = 65; E104 (−1,−1,−1) → 55.
    // Normalised ranking 101, 102, 103, 104 although J12's wide spread puts 103 before 102 raw.
    const rows = out.entries.map((e) => [e.entryId, e.rank, e.raw, e.normalised, e.score])
    expect(rows).toEqual([
      [101, 1, 245 / 3, 85, 85],
      [102, 2, 205 / 3, 75, 75],
      [103, 3, 215 / 3, 65, 65],
      [104, 4, 175 / 3, 55, 55],
    ])
    expect(out.entries[1]!.judgeTotals).toEqual([
      { judgeId: 11, total: 65, normalised: 85 },
      { judgeId: 12, total: 55, normalised: 55 },
      { judgeId: 13, total: 85, normalised: 85 },
    ])
    const raw = computeResults(
      input({ entries: entries(101, 102, 103, 104), scores: THREE_BY_FOUR, normalise: false }),
    )
    expect(raw.entries.map((e) => [e.entryId, e.score])).toEqual([
      [101, 245 / 3],
      [103, 215 / 3],
      [102, 205 / 3],
      [104, 175 / 3],
    ])
  })

  it('falls back to raw totals with fewer than 3 entries or no spread, and says why', () => {
    // J31: 60, 80 (2 entries); J32: 70, 70, 70 (no spread); J33: 60, 70, 80 (mean 70, SD √(200/3)).
    // All 8 totals: M = 560 / 8 = 70; Σ (x − 70)² = 100+100+0+0+0+100+0+100 = 400, S² = 50.
    // J33's z = ±10 / √(200/3) = ±√1.5, mapped: 70 ± √1.5·√50 = 70 ± √75 = 70 ± 8.660254.
    const out = computeResults(
      input({
        entries: entries(1, 2, 3),
        normalise: true,
        scores: [
          ...sheet(1, 31, 60),
          ...sheet(2, 31, 80),
          ...sheet(1, 32, 70),
          ...sheet(2, 32, 70),
          ...sheet(3, 32, 70),
          ...sheet(1, 33, 60),
          ...sheet(2, 33, 70),
          ...sheet(3, 33, 80),
        ],
      }),
    )
    expect(out.judges.map((j) => [j.judgeId, j.entryCount, j.fallback])).toEqual([
      [31, 2, 'too_few_entries'],
      [32, 3, 'zero_spread'],
      [33, 3, null],
    ])
    const byEntry = new Map(out.entries.map((e) => [e.entryId, e]))
    expect(byEntry.get(1)!.judgeTotals.map((t) => t.normalised)).toEqual([
      60,
      70,
      expect.closeTo(61.339746, 6),
    ])
    // E3: (70 + 78.660254) / 2 = 74.330127; E2: (80 + 70 + 70) / 3 = 73.333; E1: (60+70+61.339746)/3 = 63.779915
    expect(out.entries.map((e) => [e.entryId, e.score])).toEqual([
      [3, expect.closeTo(74.330127, 6)],
      [2, expect.closeTo(73.333333, 6)],
      [1, expect.closeTo(63.779915, 6)],
    ])
  })

  it('clamps the mapped value to the rubric range', () => {
    const judge = { judgeId: 1, entryCount: 5, mean: 50, sd: 10, fallback: null }
    // z = (70 − 50) / 10 = 2 → 90 + 2·10 = 110 → 100; z = −2 → 10 − 2·10 = −10 → 0
    expect(normalisedTotal(70, judge, { mean: 90, sd: 10 }, 100)).toBe(100)
    expect(normalisedTotal(30, judge, { mean: 10, sd: 10 }, 100)).toBe(0)
    expect(normalisedTotal(60, judge, { mean: 70, sd: 20 }, 100)).toBe(90)
    expect(
      normalisedTotal(60, { ...judge, fallback: 'zero_spread' }, { mean: 70, sd: 20 }, 100),
    ).toBe(60)
  })
})

describe('ranking', () => {
  it('breaks ties by the heavier criterion, then the earlier submission, then the id', () => {
    // Criterion 5 weighs 60 but comes second in the rubric; criterion 6 weighs 40.
    const criteria = [
      { id: 6, position: 1, maxPoints: 40 },
      { id: 5, position: 2, maxPoints: 60 },
    ]
    const rows = (entryId: number, heavy: number, light: number): ScoreInput[] => [
      { entryId, judgeId: 1, criterionId: 5, points: heavy, panelId: null },
      { entryId, judgeId: 1, criterionId: 6, points: light, panelId: null },
    ]
    const out = computeResults(
      input({
        criteria,
        entries: [
          { id: 201, firstSubmittedAt: '2026-03-05T02:00:00Z' },
          { id: 202, firstSubmittedAt: '2026-03-01T00:00:00Z' },
          { id: 203, firstSubmittedAt: '2026-03-05T08:00:00+07:00' }, // = 01:00Z, before 201
          { id: 204, firstSubmittedAt: null },
          { id: 205, firstSubmittedAt: '2026-03-05T01:00:00Z' }, // same instant as 203
          { id: 199, firstSubmittedAt: null },
        ],
        // All total 80: 201, 203, 204, 205 as 50 + 30; 202 as 45 + 35 (lighter on the heavy one).
        scores: [
          ...rows(201, 50, 30),
          ...rows(202, 45, 35),
          ...rows(203, 50, 30),
          ...rows(204, 50, 30),
          ...rows(205, 50, 30),
        ],
      }),
    )
    expect(out.entries.map((e) => [e.entryId, e.rank])).toEqual([
      [203, 1],
      [205, 2],
      [201, 3],
      [204, 4],
      [202, 5],
      [199, null],
    ])
    expect(out.entries[0]!.criterionMeans).toEqual([
      { criterionId: 6, mean: 30 },
      { criterionId: 5, mean: 50 },
    ])
  })

  it('takes equal-weight criteria by position and treats float noise as a tie', () => {
    const criteria = [
      { id: 1, position: 2, maxPoints: 10 },
      { id: 2, position: 1, maxPoints: 10 },
    ]
    const entry = (entryId: number, score: number, first: number, second: number) => ({
      entryId,
      score,
      firstSubmittedAt: null,
      criterionMeans: [
        { criterionId: 1, mean: second },
        { criterionId: 2, mean: first },
      ],
    })
    // 0.1 + 0.2 = 0.30000000000000004 ties with 0.3; criterion 2 (position 1) decides: 7 > 6.
    const ranked = rankEntries([entry(1, 0.1 + 0.2, 6, 9), entry(2, 0.3, 7, 1)], criteria)
    expect(ranked.map((r) => [r.entry.entryId, r.rank])).toEqual([
      [2, 1],
      [1, 2],
    ])
  })
})

describe('tiers', () => {
  const tiers = [
    { id: 30, position: 3, minScore: 65, quota: null },
    { id: 10, position: 1, minScore: 90, quota: 1 },
    { id: 20, position: 2, minScore: 80, quota: 2 },
  ]
  it('gives the best tier with room whose minimum the score reaches, in rank order', () => {
    const ranked = [
      { entryId: 1, score: 95, flags: [] },
      { entryId: 2, score: 92, flags: [] }, // tier 10 full (quota 1) → 20
      { entryId: 3, score: 85, flags: [] }, // 20 (second and last place)
      { entryId: 4, score: 81, flags: ['too_few_scores' as const] }, // 20 full → 30, flag does not stop it
      { entryId: 5, score: 80 - 1e-12, flags: [] }, // 80 within 1e-9: 30 (20 is full)
      { entryId: 6, score: 65, flags: [] }, // exactly the minimum of 30
      { entryId: 7, score: 64.5, flags: [] }, // below every minimum
      { entryId: 8, score: null, flags: ['no_scores' as const] },
    ]
    expect([...assignTiers(ranked, tiers)]).toEqual([
      [1, 10],
      [2, 20],
      [3, 20],
      [4, 30],
      [5, 30],
      [6, 30],
      [7, null],
      [8, null],
    ])
  })

  it('works on computeResults’ ranking', () => {
    // Totals 95, 92, 85, 81 with one judge each; tier 10 gets the best, 20 the next two, 30 the last.
    const out = computeResults(
      input({
        tiers,
        entries: entries(1, 2, 3, 4),
        scores: [...sheet(3, 1, 95), ...sheet(1, 1, 85), ...sheet(4, 1, 92), ...sheet(2, 1, 81)],
      }),
    )
    expect(out.entries.map((e) => [e.entryId, e.rank, e.tierId])).toEqual([
      [3, 1, 10],
      [4, 2, 20],
      [1, 3, 20],
      [2, 4, 30],
    ])
  })
})

describe('agreement', () => {
  it('is 1 when every judge ranks the entries the same way', () => {
    expect(
      kendallW([
        [10, 20, 30, 40],
        [50, 60, 70, 80],
        [1, 2, 3, 4],
      ]),
    ).toBe(1)
  })

  it('computes W for 3 judges × 3 entries by hand', () => {
    // Ranks A (1,2,3), B (2,1,3), C (1,3,2); rank sums 4, 6, 8; expected m(n+1)/2 = 6;
    // S = 4 + 0 + 4 = 8; W = 12·8 / (3²·(27 − 3)) = 96 / 216 = 4/9.
    expect(
      kendallW([
        [10, 20, 30],
        [20, 10, 30],
        [10, 30, 20],
      ]),
    ).toBeCloseTo(4 / 9, 12)
  })

  it('uses average ranks and the tie correction', () => {
    expect(averageRanks([65, 65, 55, 55])).toEqual({ ranks: [3.5, 3.5, 1.5, 1.5], ties: 12 })
    // The 3 × 4 panel: ranks J11 (3.5,3.5,1.5,1.5), J12 (3.5,1.5,3.5,1.5), J13 (3.5,3.5,1.5,1.5);
    // rank sums 10.5, 8.5, 6.5, 4.5; expected 3·5/2 = 7.5; S = 9 + 1 + 1 + 9 = 20;
    // Σ T = 3 judges × 2 groups × (2³ − 2) = 36; W = 12·20 / (9·60 − 3·36) = 240 / 432 = 5/9.
    const out = computeResults(
      input({ entries: entries(101, 102, 103, 104), scores: THREE_BY_FOUR }),
    )
    expect(out.panels).toEqual([
      { panelId: null, kendallW: expect.closeTo(5 / 9, 12), judges: 3, entries: 4 },
    ])
    expect(kendallW([[1, 2]])).toBeNull()
    expect(kendallW([[1], [2]])).toBeNull()
    expect(
      kendallW([
        [5, 5],
        [7, 7],
      ]),
    ).toBeNull()
  })

  it('rests on the largest complete block per panel', () => {
    // Panel 7: X and Y score 1–4, Z scores 1, 5 and 6. All three share only entry 1 (3 × 1 = 3);
    // dropping Z leaves X, Y × entries 1–4 (2 × 4 = 8). Panel 8 has one judge: no W.
    const scores = [
      ...[1, 2, 3, 4].flatMap((e) => sheet(e, 71, 50 + e, 7)),
      ...[1, 2, 3, 4].flatMap((e) => sheet(e, 72, 60 + e, 7)),
      ...[1, 5, 6].flatMap((e) => sheet(e, 73, 70 - e, 7)),
      ...sheet(1, 81, 50, 8),
      ...sheet(2, 81, 60, 8),
    ]
    expect(completeBlock(judgeTotals(CRITERIA, scores).filter((s) => s.panelId === 7))).toEqual({
      judgeIds: [71, 72],
      entryIds: [1, 2, 3, 4],
    })
    const out = computeResults(input({ entries: entries(1, 2, 3, 4, 5, 6), scores }))
    expect(out.panels).toEqual([
      { panelId: 7, kendallW: 1, judges: 2, entries: 4 },
      { panelId: 8, kendallW: null, judges: 1, entries: 2 },
    ])
  })
})

describe('leniency', () => {
  it('is the mean difference from the other judges and flags the one far from the rest', () => {
    // J11: E101 65 − (95+85)/2 = −25, E102 65 − (55+85)/2 = −5, E103 55 − (95+65)/2 = −25,
    //      E104 55 − (55+65)/2 = −5 → −15.
    // J12: 95 − 75 = 20, 55 − 75 = −20, 95 − 60 = 35, 55 − 60 = −5 → 30/4 = 7.5.
    // J13: 85 − 80 = 5, 85 − 60 = 25, 65 − 75 = −10, 65 − 55 = 10 → 30/4 = 7.5.
    // Median 7.5, absolute deviations 22.5, 0, 0 → MAD 0; limit max(3·1.4826·0, 10 % of 100) = 10;
    // J11 is 22.5 away → flagged.
    const out = computeResults(
      input({ entries: entries(101, 102, 103, 104), scores: THREE_BY_FOUR }),
    )
    expect(out.judges.map((j) => [j.judgeId, j.leniency, j.sharedEntries, j.flagged])).toEqual([
      [11, -15, 4, true],
      [12, 7.5, 4, false],
      [13, 7.5, 4, false],
    ])
  })

  it('needs 3 shared entries and 3 such judges, and a distance beyond the MAD rule', () => {
    // Median 1, deviations 1, 0, 1, 20 → MAD = (0+1... sorted 0,1,1,20) → (1+1)/2 = 1;
    // limit max(3·1.4826·1 = 4.4478, 10) = 10: only the judge at 21 (20 away) is flagged.
    const judges = [
      { judgeId: 1, leniency: 0, sharedEntries: 5 },
      { judgeId: 2, leniency: 1, sharedEntries: 5 },
      { judgeId: 3, leniency: 2, sharedEntries: 5 },
      { judgeId: 4, leniency: 21, sharedEntries: 5 },
      { judgeId: 5, leniency: -40, sharedEntries: 2 }, // too few shared entries to count
      { judgeId: 6, leniency: null, sharedEntries: 0 },
    ]
    expect([...lenientOutliers(judges, 100)]).toEqual([4])
    // Only two judges qualify: nobody is flagged.
    expect([...lenientOutliers(judges.slice(2), 100)]).toEqual([])
  })

  it('counts only entries other judges scored', () => {
    // J1 scores 1 (alone) and 2 (with J2): shared 1, leniency 70 − 50 = 20; J2: 50 − 70 = −20.
    const out = computeResults(
      input({
        entries: entries(1, 2, 3),
        scores: [...sheet(1, 1, 90), ...sheet(2, 1, 70), ...sheet(2, 2, 50), ...sheet(3, 3, 10)],
      }),
    )
    expect(out.judges.map((j) => [j.judgeId, j.leniency, j.sharedEntries, j.flagged])).toEqual([
      [1, 20, 1, false],
      [2, -20, 1, false],
      [3, null, 0, false],
    ])
  })
})
