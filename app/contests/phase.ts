import type { ContestPhase, ContestStatus } from '#db/domain'

export interface ContestSchedule {
  status: ContestStatus
  registration_opens_on: string
  nomination_opens_on: string
  nomination_deadline: string
  screening_ends_on: string
  judging_opens_on: string
  judging_closes_at: string
  results_on: string
}

const VIETNAM_OFFSET_MS = 7 * 60 * 60 * 1000

/** The calendar date (YYYY-MM-DD) in Vietnam (UTC+7, no daylight saving) at this instant. */
export function vietnamDate(at: Date) {
  return new Date(at.getTime() + VIETNAM_OFFSET_MS).toISOString().slice(0, 10)
}

/**
 * The phase a contest is in at `at`: the organiser's status decides draft,
 * finalised and published; in between, the dates do. Calendar dates are whole
 * days in Vietnam; the nomination deadline and judging close are instants.
 */
export function contestPhase(c: ContestSchedule, at: Date): ContestPhase {
  if (c.status === 'draft') return 'draft'
  if (c.status === 'finalised') return 'finalised'
  if (c.status === 'published') return 'published'
  const today = vietnamDate(at)
  const instant = at.toISOString()
  if (today < c.registration_opens_on) return 'draft'
  if (today < c.nomination_opens_on) return 'registration'
  if (instant <= c.nomination_deadline) return 'nomination'
  if (today < c.judging_opens_on) return 'screening'
  return 'judging'
}

/** Judges may write scores only while judging is open. */
export function isJudgingOpen(c: ContestSchedule, at: Date) {
  return contestPhase(c, at) === 'judging' && at.toISOString() <= c.judging_closes_at
}

/** The phase, with the end of judging made visible: after `judging_closes_at` a judging contest awaits finalising. */
export type ContestStage = ContestPhase | 'judging_closed'

export function contestStage(c: ContestSchedule, at: Date): ContestStage {
  const phase = contestPhase(c, at)
  if (phase === 'judging' && at.toISOString() > c.judging_closes_at) return 'judging_closed'
  return phase
}
