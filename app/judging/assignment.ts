/**
 * Conflict-free, balanced assignment of judges to entries. Pure: no I/O, no clock,
 * no randomness — the same input always gives the same output, whatever the order
 * of the input lists.
 *
 * Rules:
 * - each entry gets k judges from its panel (kept assignments count towards k);
 * - never a judge of the entry's unit, never one of one of its communes, never one who
 *   declared a conflict with the entry or with an org unit the entry belongs to, never a
 *   pair the organiser removed;
 * - loads (a judge's active assignments in the contest, kept ones included) are as even
 *   as the rules allow: greedy "least loaded eligible judge, ties by id" over the entries,
 *   most constrained first, then a repair pass that moves new assignments along chains
 *   (u gives an entry to v, v gives another to w, …) while some judge carries at least
 *   two more than another judge reachable that way. When no such chain is left the load
 *   vector is the most even one possible (an exchange argument over the feasible loads),
 *   so max − min ≤ 1 whenever any assignment achieves it;
 * - existing assignments are kept as they are: re-running after new entries only adds.
 */

export interface AssignmentEntry {
  id: number
  /** The nominating unit. */
  unitId: number
  /** The communes the model is carried out in, and the commune the unit sits in. */
  communeIds: readonly number[]
  /** Org units above the entry (district, province) a declared conflict may name. */
  areaIds?: readonly number[]
  /** The panel that judges it; null when no panel fits (no panel for its field, no general one). */
  panelId: number | null
}

export interface AssignmentJudge {
  id: number
  panelIds: readonly number[]
  /** Units the judge belongs to (through their roles). */
  unitIds: readonly number[]
  /** Communes the judge belongs to: a commune role, or the commune of their unit. */
  communeIds: readonly number[]
}

/** A judge's declared conflict with one entry, or with an org unit (unit, commune or area). */
export interface DeclaredConflict {
  judgeId: number
  entryId?: number | null
  orgUnitId?: number | null
}

export interface Pair {
  entryId: number
  judgeId: number
}

export interface AssignmentInput {
  entries: readonly AssignmentEntry[]
  judges: readonly AssignmentJudge[]
  conflicts: readonly DeclaredConflict[]
  /** Active assignments of the contest (kept; they count towards k and towards loads). */
  existing: readonly Pair[]
  /** Pairs the organiser removed or the judge declined: never picked again automatically. */
  blocked?: readonly Pair[]
  /** Judges per entry. */
  k: number
}

export const EXCLUSIONS = ['sameUnit', 'sameCommune', 'declared', 'removed'] as const
export type Exclusion = (typeof EXCLUSIONS)[number]

/** Why an entry has fewer than k judges. */
export interface Shortfall {
  entryId: number
  panelId: number | null
  required: number
  /** Judges it has now (kept and new). */
  assigned: number
  /** Members of its panel. */
  panelSize: number
  /** Panel members allowed to judge it. */
  eligible: number
  /** Panel members excluded, by the first rule that excludes them. */
  excluded: Record<Exclusion, number>
}

export interface NewAssignment {
  entryId: number
  judgeId: number
  panelId: number | null
}

export interface AssignmentResult {
  /** New assignments only, by entry then judge. */
  assignments: NewAssignment[]
  /** Entries left with fewer than k judges, by entry id. */
  shortfalls: Shortfall[]
  /** Every judge's load afterwards (kept + new), by judge id. */
  loads: { judgeId: number; load: number }[]
}

/** The panel an entry goes to: the panel of its field, else the first general panel (no field). */
export function panelForField(
  field: string,
  panels: readonly { id: number; field: string | null }[],
): number | null {
  const sorted = [...panels].sort((a, b) => a.id - b.id)
  return (sorted.find((p) => p.field === field) ?? sorted.find((p) => p.field == null))?.id ?? null
}

type ConflictIndex = Map<number, { entries: Set<number>; orgUnits: Set<number> }>

function indexConflicts(conflicts: readonly DeclaredConflict[]): ConflictIndex {
  const index: ConflictIndex = new Map()
  for (const c of conflicts) {
    let slot = index.get(c.judgeId)
    if (!slot) index.set(c.judgeId, (slot = { entries: new Set(), orgUnits: new Set() }))
    if (c.entryId != null) slot.entries.add(c.entryId)
    if (c.orgUnitId != null) slot.orgUnits.add(c.orgUnitId)
  }
  return index
}

/** The first rule that keeps this judge off this entry, or null when the judge may judge it. */
export function exclusionOf(
  judge: AssignmentJudge,
  entry: AssignmentEntry,
  conflicts: ConflictIndex | readonly DeclaredConflict[],
  blocked?: ReadonlySet<string>,
): Exclusion | null {
  if (judge.unitIds.includes(entry.unitId)) return 'sameUnit'
  if (judge.communeIds.some((c) => entry.communeIds.includes(c))) return 'sameCommune'
  const index = conflicts instanceof Map ? conflicts : indexConflicts(conflicts)
  const declared = index.get(judge.id)
  if (
    declared &&
    (declared.entries.has(entry.id) ||
      declared.orgUnits.has(entry.unitId) ||
      entry.communeIds.some((c) => declared.orgUnits.has(c)) ||
      (entry.areaIds ?? []).some((a) => declared.orgUnits.has(a)))
  ) {
    return 'declared'
  }
  if (blocked?.has(pairKey(entry.id, judge.id))) return 'removed'
  return null
}

const pairKey = (entryId: number, judgeId: number) => `${entryId}:${judgeId}`

const byId = <T extends { id: number }>(a: T, b: T) => a.id - b.id

export function assignJudges(input: AssignmentInput): AssignmentResult {
  const k = Math.max(0, Math.floor(input.k))
  const conflicts = indexConflicts(input.conflicts)
  const blocked = new Set((input.blocked ?? []).map((p) => pairKey(p.entryId, p.judgeId)))
  const entries = [...input.entries].sort(byId)
  const judges = new Map([...input.judges].sort(byId).map((j) => [j.id, j]))

  const members = new Map<number, number[]>()
  for (const j of judges.values()) {
    for (const p of new Set(j.panelIds)) {
      const list = members.get(p) ?? []
      list.push(j.id)
      members.set(p, list)
    }
  }

  // Loads and judges already on each entry, from the kept assignments.
  const load = new Map<number, number>()
  for (const j of judges.keys()) load.set(j, 0)
  const onEntry = new Map<number, Set<number>>()
  const existing = [...new Map(input.existing.map((p) => [pairKey(p.entryId, p.judgeId), p]))]
  for (const [, p] of existing) {
    load.set(p.judgeId, (load.get(p.judgeId) ?? 0) + 1)
    const set = onEntry.get(p.entryId) ?? new Set<number>()
    set.add(p.judgeId)
    onEntry.set(p.entryId, set)
  }
  const judgesOn = (entryId: number) => {
    let set = onEntry.get(entryId)
    if (!set) onEntry.set(entryId, (set = new Set()))
    return set
  }

  // Eligible judges per entry, and the reasons for the others.
  interface Work {
    entry: AssignmentEntry
    /** Eligible panel members not yet on the entry, by id. */
    candidates: number[]
    eligible: number
    panelSize: number
    excluded: Record<Exclusion, number>
    need: number
  }
  const work: Work[] = []
  for (const entry of entries) {
    const panel = entry.panelId == null ? [] : (members.get(entry.panelId) ?? [])
    const excluded: Record<Exclusion, number> = {
      sameUnit: 0,
      sameCommune: 0,
      declared: 0,
      removed: 0,
    }
    const current = judgesOn(entry.id)
    const candidates: number[] = []
    let eligible = 0
    for (const id of panel) {
      const why = exclusionOf(judges.get(id)!, entry, conflicts, blocked)
      if (why) {
        excluded[why] += 1
        continue
      }
      eligible += 1
      if (!current.has(id)) candidates.push(id)
    }
    work.push({
      entry,
      candidates,
      eligible,
      panelSize: panel.length,
      excluded,
      need: Math.max(0, k - current.size),
    })
  }

  // Greedy: most constrained entries first (least slack), each takes its least loaded candidates.
  const fresh = new Map<number, Set<number>>() // judge → entries newly given to them
  const order = work
    .filter((w) => w.need > 0 && w.candidates.length > 0)
    .sort(
      (a, b) =>
        a.candidates.length - a.need - (b.candidates.length - b.need) || a.entry.id - b.entry.id,
    )
  for (const w of order) {
    const picked = [...w.candidates]
      .sort((a, b) => load.get(a)! - load.get(b)! || a - b)
      .slice(0, w.need)
    const current = judgesOn(w.entry.id)
    for (const j of picked) {
      current.add(j)
      load.set(j, load.get(j)! + 1)
      const mine = fresh.get(j) ?? new Set<number>()
      mine.add(w.entry.id)
      fresh.set(j, mine)
    }
  }

  repair(work, load, fresh, judgesOn)

  const panelOf = new Map(entries.map((e) => [e.id, e.panelId]))
  const assignments: NewAssignment[] = []
  for (const [judgeId, mine] of fresh) {
    for (const entryId of mine) {
      assignments.push({ entryId, judgeId, panelId: panelOf.get(entryId) ?? null })
    }
  }
  assignments.sort((a, b) => a.entryId - b.entryId || a.judgeId - b.judgeId)

  const shortfalls: Shortfall[] = []
  for (const w of work) {
    const assigned = judgesOn(w.entry.id).size
    if (assigned < k) {
      shortfalls.push({
        entryId: w.entry.id,
        panelId: w.entry.panelId,
        required: k,
        assigned,
        panelSize: w.panelSize,
        eligible: w.eligible,
        excluded: w.excluded,
      })
    }
  }

  return {
    assignments,
    shortfalls,
    loads: [...load].sort((a, b) => a[0] - b[0]).map(([judgeId, n]) => ({ judgeId, load: n })),
  }
}

/**
 * Evens out loads: while some judge u carries at least two more than a judge v that a chain
 * of moves reaches (u hands entry e1 to j1, j1 hands e2 to j2, …, to v), apply the chain.
 * Each chain lowers the sum of squared loads, so the loop ends. Only new assignments move.
 */
function repair(
  work: readonly { entry: AssignmentEntry; candidates: number[] }[],
  load: Map<number, number>,
  fresh: Map<number, Set<number>>,
  judgesOn: (entryId: number) => Set<number>,
) {
  const candidatesOf = new Map(work.map((w) => [w.entry.id, w.candidates]))
  const involved = [...new Set(work.flatMap((w) => w.candidates))].sort((a, b) => a - b)
  if (involved.length < 2) return

  for (;;) {
    let min = Infinity
    let max = -Infinity
    for (const j of involved) {
      min = Math.min(min, load.get(j)!)
      max = Math.max(max, load.get(j)!)
    }
    if (max - min <= 1) return
    const sources = involved
      .filter((j) => load.get(j)! >= min + 2 && (fresh.get(j)?.size ?? 0) > 0)
      .sort((a, b) => load.get(b)! - load.get(a)! || a - b)
    let moved = false
    for (const u of sources) {
      const path = chainFrom(u, load, fresh, candidatesOf, judgesOn)
      if (!path) continue
      for (const { from, to, entryId } of path) {
        fresh.get(from)!.delete(entryId)
        const mine = fresh.get(to) ?? new Set<number>()
        mine.add(entryId)
        fresh.set(to, mine)
        const on = judgesOn(entryId)
        on.delete(from)
        on.add(to)
      }
      load.set(u, load.get(u)! - 1)
      const v = path[path.length - 1]!.to
      load.set(v, load.get(v)! + 1)
      moved = true
      break
    }
    if (!moved) return
  }
}

/** Breadth-first search from u for the least loaded judge with load ≤ load(u) − 2; the moves to get there. */
function chainFrom(
  u: number,
  load: Map<number, number>,
  fresh: Map<number, Set<number>>,
  candidatesOf: Map<number, number[]>,
  judgesOn: (entryId: number) => Set<number>,
) {
  const limit = load.get(u)! - 2
  const via = new Map<number, { from: number; entryId: number }>()
  const seen = new Set([u])
  const queue = [u]
  let best: number | null = null
  for (let head = 0; head < queue.length; head++) {
    const j = queue[head]!
    const mine = [...(fresh.get(j) ?? [])].sort((a, b) => a - b)
    for (const entryId of mine) {
      const on = judgesOn(entryId)
      for (const v of candidatesOf.get(entryId) ?? []) {
        if (seen.has(v) || on.has(v)) continue
        seen.add(v)
        via.set(v, { from: j, entryId })
        queue.push(v)
        const lv = load.get(v)!
        if (lv <= limit && (best === null || lv < load.get(best)!)) best = v
      }
    }
  }
  if (best === null) return null
  const path: { from: number; to: number; entryId: number }[] = []
  for (let v = best; v !== u;) {
    const step = via.get(v)!
    path.push({ from: step.from, to: v, entryId: step.entryId })
    v = step.from
  }
  return path.reverse()
}
