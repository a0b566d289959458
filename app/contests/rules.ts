import type { Role } from '#db/domain'
import type { MessageKey } from '~/i18n'
import type { ContestStage } from './phase'

/**
 * What each role may do in each phase of a contest, in one table. Pure: the
 * caller computes the stage (`contestStage` in ./phase) and checks the other
 * rules (scope, entry state) itself. Every loader and action that depends on the
 * phase asks `can` or `refusalFor` here rather than comparing phases itself.
 */
export const CONTEST_RULES = {
  /** A unit creates, edits and submits its entries only while nominations are open. */
  'entry.edit': { role: 'unit', stages: ['nomination'], refusal: 'entry.error.deadlinePassed' },
  /** The organiser accepts, returns or rejects submitted entries during nomination and screening. */
  'entry.screen': {
    role: 'admin',
    stages: ['nomination', 'screening'],
    refusal: 'screening.error.outOfPhase',
  },
  /** Title, rubric, tiers, fields, quotas, k, aggregation: only before nominations open. */
  'contest.editSettings': {
    role: 'admin',
    stages: ['draft', 'registration'],
    refusal: 'contest.error.settingsLocked',
  },
  /** Phase dates may move at any time until the contest is finalised. */
  'contest.editDates': {
    role: 'admin',
    stages: ['draft', 'registration', 'nomination', 'screening', 'judging', 'judging_closed'],
    refusal: 'contest.error.datesLocked',
  },
  /** Panels and assignments are made while screening and judging. */
  'contest.assign': {
    role: 'admin',
    stages: ['screening', 'judging'],
    refusal: 'contest.error.assignOutOfPhase',
  },
  /** Results are finalised once judging has closed. */
  'contest.finalise': {
    role: 'admin',
    stages: ['judging_closed'],
    refusal: 'contest.error.finaliseOutOfPhase',
  },
  /** The organiser follows the computed results from the start of judging on. */
  'contest.viewResults': {
    role: 'admin',
    stages: ['judging', 'judging_closed', 'finalised', 'published'],
    refusal: 'results.error.notYet',
  },
  /** Tiers are overridden between the close of judging and finalising. */
  'contest.overrideTier': {
    role: 'admin',
    stages: ['judging_closed'],
    refusal: 'results.error.overrideOutOfPhase',
  },
  /** The commendation decision is recorded after judging closes and before publication. */
  'contest.recordDecision': {
    role: 'admin',
    stages: ['judging_closed', 'finalised'],
    refusal: 'results.error.decisionLocked',
  },
  /** Finalised results are published once. */
  'contest.publish': {
    role: 'admin',
    stages: ['finalised'],
    refusal: 'results.error.publishOutOfPhase',
  },
  /** Exports of entries, scores and results once judging has closed. */
  'contest.export': {
    role: 'admin',
    stages: ['judging_closed', 'finalised', 'published'],
    refusal: 'results.error.exportNotYet',
  },
  /** Certificates once the results are final. */
  'contest.certificates': {
    role: 'admin',
    stages: ['finalised', 'published'],
    refusal: 'results.error.certificatesNotYet',
  },
  /** Judges write scores only while judging is open. */
  'entry.score': { role: 'judge', stages: ['judging'], refusal: 'contest.error.judgingClosed' },
} as const satisfies Record<
  string,
  { role: Role; stages: readonly ContestStage[]; refusal: MessageKey }
>

export type ContestAction = keyof typeof CONTEST_RULES

export function can(role: Role, action: ContestAction, stage: ContestStage) {
  const rule = CONTEST_RULES[action]
  return rule.role === role && (rule.stages as readonly ContestStage[]).includes(stage)
}

/**
 * Why `role` may not do `action` at `stage`, as a translation key, or null when
 * it may. A role the action does not belong to gets the generic refusal.
 */
export function refusalFor(
  role: Role,
  action: ContestAction,
  stage: ContestStage,
): MessageKey | null {
  if (can(role, action, stage)) return null
  if (CONTEST_RULES[action].role !== role) return 'contest.error.notYourRole'
  return CONTEST_RULES[action].refusal
}
