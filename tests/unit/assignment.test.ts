import { describe, expect, it } from 'vitest'
import {
  assignJudges,
  exclusionOf,
  panelForField,
  type AssignmentEntry,
  type AssignmentInput,
  type AssignmentJudge,
  type AssignmentResult,
} from '~/judging/assignment'
import { Rng } from '#db/seed/random'
import { translator } from '~/i18n'
import { shortfallText } from '~/judging/assignment-text'

const judge = (id: number, extra: Partial<AssignmentJudge> = {}): AssignmentJudge => ({
  id,
  panelIds: [1],
  unitIds: [],
  communeIds: [],
  ...extra,
})
const entry = (id: number, extra: Partial<AssignmentEntry> = {}): AssignmentEntry => ({
  id,
  unitId: 100 + id,
  communeIds: [1000 + id],
  panelId: 1,
  ...extra,
})

/** Every pair in force after a run: kept plus new. */
function pairsAfter(input: AssignmentInput, result: AssignmentResult) {
  return [...input.existing, ...result.assignments].map((p) => ({
    entryId: p.entryId,
    judgeId: p.judgeId,
  }))
}

/** Checks the hard rules: no excluded judge, no judge twice on an entry, never more than k. */
function expectValid(input: AssignmentInput, result: AssignmentResult) {
  const judges = new Map(input.judges.map((j) => [j.id, j]))
  const entries = new Map(input.entries.map((e) => [e.id, e]))
  const seen = new Set<string>()
  const perEntry = new Map<number, number>()
  for (const p of result.assignments) {
    const e = entries.get(p.entryId)!
    const j = judges.get(p.judgeId)!
    expect(exclusionOf(j, e, input.conflicts)).toBeNull()
    expect(j.panelIds).toContain(e.panelId)
  }
  for (const p of pairsAfter(input, result)) {
    const key = `${p.entryId}:${p.judgeId}`
    expect(seen.has(key)).toBe(false)
    seen.add(key)
    perEntry.set(p.entryId, (perEntry.get(p.entryId) ?? 0) + 1)
  }
  for (const e of input.entries) expect(perEntry.get(e.id) ?? 0).toBeLessThanOrEqual(input.k)
}

function spread(result: AssignmentResult, judgeIds?: number[]) {
  const loads = result.loads.filter((l) => !judgeIds || judgeIds.includes(l.judgeId))
  const values = loads.map((l) => l.load)
  return Math.max(...values) - Math.min(...values)
}

describe('panel for an entry', () => {
  it('takes the panel of the field, else the first general panel, else none', () => {
    const panels = [
      { id: 3, field: null },
      { id: 2, field: 'economy' },
      { id: 1, field: null },
    ]
    expect(panelForField('economy', panels)).toBe(2)
    expect(panelForField('culture_society', panels)).toBe(1)
    expect(panelForField('economy', [{ id: 4, field: 'culture_society' }])).toBeNull()
  })
})

describe('conflicts', () => {
  it('never assigns a judge of the entry’s unit or commune, nor a declared conflict', () => {
    const input: AssignmentInput = {
      entries: [entry(1, { unitId: 50, communeIds: [7, 8], areaIds: [90] })],
      judges: [
        judge(1, { unitIds: [50] }), // same unit
        judge(2, { communeIds: [8] }), // same commune
        judge(3), // declared a conflict with the entry
        judge(4), // declared a conflict with the commune
        judge(5), // declared a conflict with the district
        judge(6),
        judge(7),
        judge(8),
        judge(9, { panelIds: [2] }), // another panel
      ],
      conflicts: [
        { judgeId: 3, entryId: 1 },
        { judgeId: 4, orgUnitId: 7 },
        { judgeId: 5, orgUnitId: 90 },
      ],
      existing: [],
      k: 3,
    }
    const result = assignJudges(input)
    expect(result.assignments.map((a) => a.judgeId)).toEqual([6, 7, 8])
    expect(result.shortfalls).toEqual([])
    expectValid(input, result)
  })

  it('does not pick again a pair the organiser removed', () => {
    const input: AssignmentInput = {
      entries: [entry(1)],
      judges: [judge(1), judge(2), judge(3)],
      conflicts: [],
      existing: [],
      blocked: [{ entryId: 1, judgeId: 1 }],
      k: 2,
    }
    expect(assignJudges(input).assignments.map((a) => a.judgeId)).toEqual([2, 3])
  })
})

describe('infeasibility', () => {
  it('says how many judges were eligible and why the others were excluded', () => {
    const input: AssignmentInput = {
      entries: [entry(1, { unitId: 50, communeIds: [7] }), entry(2)],
      judges: [
        judge(1, { communeIds: [7] }),
        judge(2, { communeIds: [7] }),
        judge(3, { communeIds: [7] }),
        judge(4),
        judge(5),
        judge(6),
      ],
      conflicts: [{ judgeId: 4, entryId: 1, orgUnitId: null }],
      existing: [],
      k: 3,
    }
    const result = assignJudges(input)
    expect(result.shortfalls).toEqual([
      {
        entryId: 1,
        panelId: 1,
        required: 3,
        assigned: 2,
        panelSize: 6,
        eligible: 2,
        excluded: { sameUnit: 0, sameCommune: 3, declared: 1, removed: 0 },
      },
    ])
    // The entry still gets the judges it can have.
    expect(result.assignments.filter((a) => a.entryId === 1).map((a) => a.judgeId)).toEqual([5, 6])
    expectValid(input, result)
  })

  it('reports entries with no panel', () => {
    const result = assignJudges({
      entries: [entry(1, { panelId: null }), entry(2, { panelId: 9 })],
      judges: [judge(1)],
      conflicts: [],
      existing: [],
      k: 1,
    })
    expect(result.assignments).toEqual([])
    expect(result.shortfalls.map((s) => [s.entryId, s.panelSize, s.eligible])).toEqual([
      [1, 0, 0],
      [2, 0, 0],
    ])
  })
})

describe('balance', () => {
  it('repairs what a greedy pass alone leaves uneven', () => {
    // Greedy gives entry 1 judges 1 and 3, then entry 2 judges 2 and 1 (loads 2, 1, 1, 0);
    // the repair hands entry 1 from judge 1 to judge 4.
    const input: AssignmentInput = {
      entries: [entry(1, { communeIds: [1] }), entry(2, { communeIds: [3] })],
      judges: [judge(1), judge(2, { communeIds: [1] }), judge(3), judge(4, { communeIds: [3] })],
      conflicts: [],
      existing: [],
      k: 2,
    }
    const result = assignJudges(input)
    expect(result.loads.map((l) => l.load)).toEqual([1, 1, 1, 1])
    expectValid(input, result)
  })

  it('keeps max − min ≤ 1 around a judge that restricted entries need', () => {
    // Only judge 1 may judge entries 1–2; the free entries must go to judges 2 and 3.
    const input: AssignmentInput = {
      entries: [
        entry(1, { communeIds: [1] }),
        entry(2, { communeIds: [1] }),
        entry(3),
        entry(4),
        entry(5),
        entry(6),
      ],
      judges: [judge(1), judge(2, { communeIds: [1] }), judge(3, { communeIds: [1] })],
      conflicts: [],
      existing: [],
      k: 1,
    }
    const result = assignJudges(input)
    expect(result.loads.map((l) => l.load)).toEqual([2, 2, 2])
    expect(result.assignments.filter((a) => a.entryId <= 2).map((a) => a.judgeId)).toEqual([1, 1])
    expectValid(input, result)
  })

  it('is as even as the rules allow when max − min ≤ 1 is impossible', () => {
    // Only judge 1 may judge entries 1–4: it must carry 4, the others share 2 entries.
    const input: AssignmentInput = {
      entries: [...[1, 2, 3, 4].map((id) => entry(id, { communeIds: [1] })), entry(5), entry(6)],
      judges: [judge(1), judge(2, { communeIds: [1] }), judge(3, { communeIds: [1] })],
      conflicts: [],
      existing: [],
      k: 1,
    }
    const result = assignJudges(input)
    expect(result.loads.map((l) => l.load)).toEqual([4, 1, 1])
  })

  it('balances each panel on its own', () => {
    // Panel 1: 3 judges for 10 economy entries; panel 2: 5 judges for 3 other entries.
    const input: AssignmentInput = {
      entries: [
        ...Array.from({ length: 10 }, (_, i) => entry(i + 1, { panelId: 1 })),
        ...Array.from({ length: 3 }, (_, i) => entry(i + 11, { panelId: 2 })),
      ],
      judges: [
        ...[1, 2, 3].map((id) => judge(id, { panelIds: [1] })),
        ...[4, 5, 6, 7, 8].map((id) => judge(id, { panelIds: [2] })),
      ],
      conflicts: [],
      existing: [],
      k: 2,
    }
    const result = assignJudges(input)
    expectValid(input, result)
    expect(result.shortfalls).toEqual([])
    expect(spread(result, [1, 2, 3])).toBeLessThanOrEqual(1)
    expect(spread(result, [4, 5, 6, 7, 8])).toBeLessThanOrEqual(1)
    for (const a of result.assignments) expect(a.panelId).toBe(a.entryId <= 10 ? 1 : 2)
  })

  it('holds over many generated inputs (seeded)', () => {
    const rng = new Rng(42)
    for (let round = 0; round < 150; round++) {
      const judgeCount = rng.int(6, 25)
      const k = rng.int(1, Math.min(5, Math.floor(judgeCount / 3)))
      const communes = rng.int(6, 12)
      const judges = Array.from({ length: judgeCount }, (_, i) =>
        judge(i + 1, rng.chance(0.25) ? { communeIds: [rng.int(1, communes)] } : {}),
      )
      const entries = Array.from({ length: rng.int(1, 80) }, (_, i) =>
        entry(i + 1, { unitId: 500 + rng.int(1, 30), communeIds: [rng.int(1, communes)] }),
      )
      const conflicts = Array.from({ length: rng.int(0, 4) }, () => ({
        judgeId: rng.int(1, judgeCount),
        entryId: rng.int(1, entries.length),
      }))
      const input: AssignmentInput = { entries, judges, conflicts, existing: [], k }
      const result = assignJudges(input)
      expectValid(input, result)
      // Few exclusions: every entry can be served and loads can differ by one at most.
      expect(result.shortfalls).toEqual([])
      expect(spread(result)).toBeLessThanOrEqual(1)
    }
  })

  it('matches the most even assignment found by brute force on small inputs', () => {
    const rng = new Rng(7)
    for (let round = 0; round < 60; round++) {
      const judgeCount = rng.int(3, 5)
      const k = rng.int(1, 2)
      const judges = Array.from({ length: judgeCount }, (_, i) =>
        judge(i + 1, rng.chance(0.5) ? { communeIds: [rng.int(1, 3)] } : {}),
      )
      const entries = Array.from({ length: rng.int(2, 5) }, (_, i) =>
        entry(i + 1, { communeIds: [rng.int(1, 3)] }),
      )
      const input: AssignmentInput = { entries, judges, conflicts: [], existing: [], k }
      const result = assignJudges(input)
      expectValid(input, result)
      expect(spread(result)).toBe(bestSpread(input))
    }
  })
})

/** The smallest max − min over every assignment giving each entry min(k, eligible) judges. */
function bestSpread(input: AssignmentInput) {
  const options = input.entries.map((e) => {
    const eligible = input.judges
      .filter((j) => !exclusionOf(j, e, input.conflicts))
      .map((j) => j.id)
    return subsets(eligible, Math.min(input.k, eligible.length))
  })
  let best = Infinity
  const load = new Map(input.judges.map((j) => [j.id, 0]))
  const walk = (i: number) => {
    if (i === options.length) {
      const v = [...load.values()]
      best = Math.min(best, Math.max(...v) - Math.min(...v))
      return
    }
    for (const set of options[i]!) {
      for (const j of set) load.set(j, load.get(j)! + 1)
      walk(i + 1)
      for (const j of set) load.set(j, load.get(j)! - 1)
    }
  }
  walk(0)
  return best
}

function subsets(items: number[], size: number): number[][] {
  if (size === 0) return [[]]
  if (items.length < size) return []
  const [first, ...rest] = items
  return [...subsets(rest, size - 1).map((s) => [first!, ...s]), ...subsets(rest, size)]
}

describe('determinism', () => {
  it('gives the same assignment for the same input, in any order', () => {
    const rng = new Rng(99)
    const judges = Array.from({ length: 12 }, (_, i) =>
      judge(i + 1, rng.chance(0.4) ? { communeIds: [rng.int(1, 6)] } : {}),
    )
    const entries = Array.from({ length: 40 }, (_, i) =>
      entry(i + 1, { communeIds: [rng.int(1, 6)] }),
    )
    const input: AssignmentInput = {
      entries,
      judges,
      conflicts: [{ judgeId: 3, entryId: 5 }],
      existing: [],
      k: 3,
    }
    const first = assignJudges(input)
    expect(assignJudges(input)).toEqual(first)
    const shuffled: AssignmentInput = {
      ...input,
      entries: rng.shuffle(entries),
      judges: rng.shuffle(judges),
    }
    expect(assignJudges(shuffled)).toEqual(first)
  })
})

describe('re-running', () => {
  it('keeps existing assignments and only adds for new entries, still balanced', () => {
    const judges = Array.from({ length: 6 }, (_, i) => judge(i + 1))
    const first: AssignmentInput = {
      entries: Array.from({ length: 10 }, (_, i) => entry(i + 1)),
      judges,
      conflicts: [],
      existing: [],
      k: 3,
    }
    const one = assignJudges(first)
    const existing = one.assignments.map(({ entryId, judgeId }) => ({ entryId, judgeId }))
    const second: AssignmentInput = {
      ...first,
      entries: Array.from({ length: 14 }, (_, i) => entry(i + 1)),
      existing,
    }
    const two = assignJudges(second)
    expect(two.assignments.every((a) => a.entryId > 10)).toBe(true)
    expect(two.assignments).toHaveLength(12)
    expect(spread(two)).toBeLessThanOrEqual(1)
    expectValid(second, two)
    // Nothing left to do: a third run adds nothing.
    const third = assignJudges({
      ...second,
      existing: [
        ...existing,
        ...two.assignments.map(({ entryId, judgeId }) => ({ entryId, judgeId })),
      ],
    })
    expect(third.assignments).toEqual([])
  })

  it('tops up an entry that lost a judge, counting kept assignments in loads', () => {
    const input: AssignmentInput = {
      entries: [entry(1), entry(2)],
      judges: [judge(1), judge(2), judge(3)],
      conflicts: [{ judgeId: 1, entryId: 1 }],
      existing: [
        { entryId: 1, judgeId: 2 },
        { entryId: 2, judgeId: 1 },
        { entryId: 2, judgeId: 2 },
      ],
      k: 2,
    }
    const result = assignJudges(input)
    expect(result.assignments).toEqual([{ entryId: 1, judgeId: 3, panelId: 1 }])
  })
})

describe('explaining a shortfall', () => {
  it('says how many judges may judge the entry and why the others may not', () => {
    const s = {
      entryId: 1,
      panelId: 1,
      required: 3,
      assigned: 2,
      panelSize: 6,
      eligible: 2,
      excluded: { sameUnit: 0, sameCommune: 3, declared: 1, removed: 0 },
    }
    expect(shortfallText(translator('en'), s)).toBe(
      'Has 2/3 judges: the panel has 6, only 2 may judge this entry (3 from the same commune, 1 declared a conflict).',
    )
    expect(shortfallText(translator('vi'), s)).toContain('3 người cùng xã, 1 người khai báo')
    expect(shortfallText(translator('en'), { ...s, panelId: null, panelSize: 0 })).toMatch(
      /no panel judges this field/,
    )
    expect(shortfallText(translator('en'), { ...s, panelSize: 0 })).toMatch(/has no judge yet/)
  })
})
