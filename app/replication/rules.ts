import type { ReplicationStatus } from '#db/domain'

/**
 * The rules of a replication (a commune carrying out a published model), without I/O.
 *
 * Status: planned → in_progress → achieved | stopped, and planned → stopped.
 * `achieved` and `stopped` are final: there is no reopening. The record is the
 * commune's history of the attempt (with the stop reason); the source model and
 * commune pair is unique, so a commune that takes the model up again later asks
 * the organiser to correct the record rather than overwriting what happened.
 */
export const NEXT_STATUSES: Record<ReplicationStatus, readonly ReplicationStatus[]> = {
  planned: ['in_progress', 'stopped'],
  in_progress: ['achieved', 'stopped'],
  achieved: [],
  stopped: [],
}

export function nextStatuses(from: ReplicationStatus): readonly ReplicationStatus[] {
  return NEXT_STATUSES[from]
}

export function isFinal(status: ReplicationStatus) {
  return NEXT_STATUSES[status].length === 0
}

export type TransitionRefusal =
  'replication.error.transition' | 'replication.error.stopReasonRequired'

/** Why `from → to` may not happen, as a translation key, or null when it may. */
export function transitionRefusal(
  from: ReplicationStatus,
  to: ReplicationStatus,
  stopReason?: string | null,
): TransitionRefusal | null {
  if (!NEXT_STATUSES[from].includes(to)) return 'replication.error.transition'
  if (to === 'stopped' && !stopReason?.trim()) return 'replication.error.stopReasonRequired'
  return null
}

/** Reports (indicators over time) are taken until the replication is stopped. */
export function canReport(status: ReplicationStatus) {
  return status !== 'stopped'
}

/** A replication under way or achieved, not yet registered, may become a model of its commune. */
export function canRegisterAsModel(status: ReplicationStatus, derivedModelId: number | null) {
  return derivedModelId == null && (status === 'in_progress' || status === 'achieved')
}

/** Who is acting on a replication: only the commune officer of ITS commune may change it. */
export interface Actor {
  communeId: number | null
  isOrganiserInArea: boolean
}

export function mayChange(actor: Actor, replicationCommuneId: number) {
  return actor.communeId != null && actor.communeId === replicationCommuneId
}

/** The commune's officer and the organisers of the area may read it. */
export function mayRead(actor: Actor, replicationCommuneId: number) {
  return mayChange(actor, replicationCommuneId) || actor.isOrganiserInArea
}

// ── Dates ────────────────────────────────────────────────────────────────

/** The calendar date (YYYY-MM-DD) in Vietnam of an instant. */
export function vnDate(at: Date) {
  return new Date(at.getTime() + 7 * 3600_000).toISOString().slice(0, 10)
}

/** `iso` (YYYY-MM-DD) moved by whole calendar months, clamped to the month's last day. */
export function addMonths(iso: string, months: number) {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number]
  const total = y * 12 + (m - 1) + months
  const year = Math.floor(total / 12)
  const month = (total % 12) + 1
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate()
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`
}

/** Start dates may be planned up to a year ahead, and not before 2000. */
export const EARLIEST_START = '2000-01-01'
export function latestStart(today: string) {
  return addMonths(today, 12)
}

export type DateRefusal =
  | 'replication.error.startTooLate'
  | 'replication.error.startTooEarly'
  | 'replication.error.reportInFuture'
  | 'replication.error.reportBeforeStart'

export function startDateRefusal(start: string, today: string): DateRefusal | null {
  if (start < EARLIEST_START) return 'replication.error.startTooEarly'
  if (start > latestStart(today)) return 'replication.error.startTooLate'
  return null
}

/** A report tells what has happened: not dated in the future, nor before the start. */
export function reportDateRefusal(on: string, start: string, today: string): DateRefusal | null {
  if (on > today) return 'replication.error.reportInFuture'
  if (on < start) return 'replication.error.reportBeforeStart'
  return null
}

/**
 * "Dd/mm/yyyy" (as Vietnamese people write dates) or "yyyy-mm-dd" (a date input)
 * → "yyyy-mm-dd", or null when it is not a real calendar date.
 */
export function parseDateInput(input: string): string | null {
  const s = input.trim()
  let y: number, m: number, d: number
  let match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s)
  if (match) {
    ;[y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])]
  } else {
    match = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(s)
    if (!match) return null
    ;[d, m, y] = [Number(match[1]), Number(match[2]), Number(match[3])]
  }
  const date = new Date(Date.UTC(y, m - 1, d))
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) {
    return null
  }
  return date.toISOString().slice(0, 10)
}

// ── Staleness ────────────────────────────────────────────────────────────

/** A replication is stale when nothing was reported for this many months. */
export const STALE_MONTHS = 6

/** Only replications still expected to move (planned, in progress) go stale. */
export const ACTIVE_STATUSES: readonly ReplicationStatus[] = ['planned', 'in_progress']

/**
 * The instant before which the last update (last report, else registration) makes a
 * replication stale: `STALE_MONTHS` calendar months before now.
 */
export function staleCutoff(at: Date) {
  const day = addMonths(at.toISOString().slice(0, 10), -STALE_MONTHS)
  return `${day}${at.toISOString().slice(10)}`
}

export function isStale(
  r: { status: ReplicationStatus; last_reported_at: string | null; created_at: string },
  at: Date,
) {
  return (
    ACTIVE_STATUSES.includes(r.status) && (r.last_reported_at ?? r.created_at) <= staleCutoff(at)
  )
}

// ── Side-by-side indicators ──────────────────────────────────────────────

/** Label folded for matching: case, diacritics (đ too), punctuation and spacing ignored. */
export function foldLabel(label: string) {
  return label
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}%²]+/gu, ' ')
    .trim()
}

export interface IndicatorValue {
  label: string
  value: string
  unit: string
}

export interface IndicatorComparison {
  /** Indicators both have, in the source model's order. */
  matched: { label: string; source: IndicatorValue; replication: IndicatorValue }[]
  sourceOnly: IndicatorValue[]
  replicationOnly: IndicatorValue[]
}

/** The replication's latest figures beside the source model's, matched by folded label. */
export function compareIndicators(
  source: readonly IndicatorValue[],
  replication: readonly IndicatorValue[],
): IndicatorComparison {
  const byLabel = new Map<string, IndicatorValue>()
  for (const r of replication) {
    const key = foldLabel(r.label)
    if (!byLabel.has(key)) byLabel.set(key, r)
  }
  const used = new Set<IndicatorValue>()
  const matched: IndicatorComparison['matched'] = []
  const sourceOnly: IndicatorValue[] = []
  for (const s of source) {
    const r = byLabel.get(foldLabel(s.label))
    if (r && !used.has(r)) {
      used.add(r)
      matched.push({ label: s.label, source: s, replication: r })
    } else {
      sourceOnly.push(s)
    }
  }
  return { matched, sourceOnly, replicationOnly: replication.filter((r) => !used.has(r)) }
}

/**
 * The title of a model registered from a replication: the source's, with where it was
 * replicated. Model titles are content (stored, published in Vietnamese), not UI text.
 */
export function derivedTitle(sourceTitle: string, communeName: string, max = 200) {
  const suffix = ` (nhân rộng tại ${communeName})`
  const room = max - suffix.length
  const base =
    sourceTitle.length <= room ? sourceTitle : `${sourceTitle.slice(0, room - 1).trimEnd()}…`
  return `${base}${suffix}`
}
