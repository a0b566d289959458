/**
 * npm run bench:results — times computeResults on 2,000 entries × 9 judges × 6 criteria: every
 * judge scores every entry (108,000 score rows, the most this size of contest can have), the
 * judges in 3 panels of 3, each judge with their own leniency and noise, about 1 % of sheets
 * left incomplete, one judge far more generous, trimmed mean and normalisation on. Warms up, then prints min / median / p95.
 */
import { computeResults } from '../../app/results/scoring'
import type { ResultsInput, ScoreInput } from '../../app/results/types'
import { Rng } from '../../db/seed/random'

const ENTRIES = 2000
const JUDGES = 9
const PANELS = 3
const MAX_POINTS = [25, 20, 20, 15, 10, 10]
const WARM_UP = 5
const RUNS = 20

function input(): ResultsInput {
  const rng = new Rng(2026)
  const criteria = MAX_POINTS.map((maxPoints, i) => ({ id: 101 + i, position: i + 1, maxPoints }))
  const judges = Array.from({ length: JUDGES }, (_, i) => ({
    id: 501 + i,
    panelId: 11 + (i % PANELS),
    // One judge far more generous than the others, the rest within ±6 %.
    leniency: i === 4 ? 0.2 : rng.range(-0.06, 0.06),
    noise: rng.range(0.2, 0.35),
  }))
  const entries = Array.from({ length: ENTRIES }, (_, i) => ({
    id: 1 + i,
    quality: rng.range(0.55, 0.9),
    firstSubmittedAt: new Date(Date.UTC(2026, 2, 1) + rng.int(0, 60 * 86_400) * 1000).toISOString(),
  }))
  // Rows come sheet by sheet in submission order (as the server's query returns them), not by id.
  const sheets = rng.shuffle(entries.flatMap((entry) => judges.map((judge) => ({ entry, judge }))))
  const scores: ScoreInput[] = []
  for (const { entry, judge } of sheets) {
    const incomplete = rng.chance(0.01)
    criteria.forEach((c, k) => {
      if (incomplete && k === criteria.length - 1) return
      const share = entry.quality + judge.leniency + rng.range(-judge.noise, judge.noise)
      const points = Math.min(c.maxPoints, Math.max(0, Math.round(share * c.maxPoints * 2) / 2))
      scores.push({
        entryId: entry.id,
        judgeId: judge.id,
        criterionId: c.id,
        points,
        panelId: judge.panelId,
      })
    })
  }
  return {
    criteria,
    tiers: [
      { id: 1, position: 1, minScore: 90, quota: 10 },
      { id: 2, position: 2, minScore: 80, quota: 100 },
      { id: 3, position: 3, minScore: 65, quota: null },
    ],
    entries: entries.map(({ id, firstSubmittedAt }) => ({ id, firstSubmittedAt })),
    scores,
    aggregation: 'trimmed_mean',
    normalise: true,
    expectedScores: JUDGES,
  }
}

const data = input()
for (let i = 0; i < WARM_UP; i++) computeResults(data)
const times: number[] = []
let last: ReturnType<typeof computeResults> | undefined
const cpu = process.cpuUsage()
for (let run = 0; run < RUNS; run++) {
  const started = performance.now()
  last = computeResults(data)
  times.push(performance.now() - started)
}
const { user, system } = process.cpuUsage(cpu)
const sorted = [...times].sort((a, b) => a - b)
const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)]!
const tiers = new Map<number | null, number>()
for (const e of last!.entries) tiers.set(e.tierId, (tiers.get(e.tierId) ?? 0) + 1)
console.log(
  `${ENTRIES} entries × ${JUDGES} judges × ${MAX_POINTS.length} criteria: ${data.scores.length} score rows, ` +
    `${PANELS} panels; W ${last!.panels.map((p) => `${p.kendallW?.toFixed(3)} (${p.judges}×${p.entries})`).join(', ')}; ` +
    `flagged judges ${last!.judges.filter((j) => j.flagged).length}; tiers ${[...tiers].map(([t, n]) => `${t ?? '-'}:${n}`).join(' ')}`,
)
console.log(
  `${RUNS} runs after ${WARM_UP} warm-up: min ${sorted[0]!.toFixed(1)} ms, median ${at(0.5).toFixed(1)} ms, ` +
    `p95 ${at(0.95).toFixed(1)} ms, CPU ${((user + system) / 1000 / RUNS).toFixed(1)} ms per run ` +
    `(target < 100 ms)`,
)
