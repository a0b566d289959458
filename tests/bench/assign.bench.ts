/**
 * npm run bench:assign — times the automatic assignment of 1,000 entries to 60 judges with
 * k = 5 (one general panel, entries spread over 40 units in 18 communes, judges attached to
 * some of them, a few declared conflicts). Prints each run, then the min and the median.
 */
import { assignJudges, type AssignmentInput } from '../../app/judging/assignment'
import { Rng } from '../../db/seed/random'

const ENTRIES = 1000
const JUDGES = 60
const K = 5
const RUNS = 7

function input(): AssignmentInput {
  const rng = new Rng(2025)
  const communes = Array.from({ length: 18 }, (_, i) => 1000 + i)
  const units = Array.from({ length: 40 }, (_, i) => ({ id: 100 + i, commune: rng.pick(communes) }))
  const entries = Array.from({ length: ENTRIES }, (_, i) => {
    const unit = rng.pick(units)
    const extra = rng.chance(0.3) ? [rng.pick(communes)] : []
    return { id: i + 1, unitId: unit.id, communeIds: [unit.commune, ...extra], panelId: 1 }
  })
  const judges = Array.from({ length: JUDGES }, (_, i) => {
    const unit = rng.chance(0.4) ? rng.pick(units) : null
    return {
      id: 10_000 + i,
      panelIds: [1],
      unitIds: unit ? [unit.id] : [],
      communeIds: unit ? [unit.commune] : [],
    }
  })
  const conflicts = Array.from({ length: 30 }, () => ({
    judgeId: rng.pick(judges).id,
    entryId: rng.chance(0.5) ? rng.pick(entries).id : null,
    orgUnitId: rng.pick(communes),
  }))
  return { entries, judges, conflicts, existing: [], k: K }
}

const data = input()
const times: number[] = []
let last: ReturnType<typeof assignJudges> | undefined
for (let run = 1; run <= RUNS; run++) {
  const started = performance.now()
  last = assignJudges(data)
  const ms = performance.now() - started
  times.push(ms)
  console.log(`run ${run}: ${ms.toFixed(1)} ms`)
}
const sorted = [...times].sort((a, b) => a - b)
const loads = last!.loads.map((l) => l.load)
console.log(
  `${ENTRIES} entries × ${JUDGES} judges × k = ${K}: ${last!.assignments.length} assignments, ` +
    `${last!.shortfalls.length} entries short, loads ${Math.min(...loads)}–${Math.max(...loads)}`,
)
console.log(
  `min ${sorted[0]!.toFixed(1)} ms, median ${sorted[Math.floor(sorted.length / 2)]!.toFixed(1)} ms ` +
    `(target < 1000 ms)`,
)
