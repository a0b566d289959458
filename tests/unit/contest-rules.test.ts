import { describe, expect, it } from 'vitest'
import { CONTEST_PHASES, ROLES, type Role } from '#db/domain'
import { contestStage, type ContestStage } from '~/contests/phase'
import { CONTEST_RULES, can, refusalFor, type ContestAction } from '~/contests/rules'

const STAGES: ContestStage[] = [...CONTEST_PHASES, 'judging_closed']

/** The whole table, spelled out: who may do what in which stage. */
const EXPECTED: Record<ContestAction, [Role, ContestStage[]]> = {
  'entry.edit': ['unit', ['nomination']],
  'entry.screen': ['admin', ['nomination', 'screening']],
  'contest.editSettings': ['admin', ['draft', 'registration']],
  'contest.editDates': [
    'admin',
    ['draft', 'registration', 'nomination', 'screening', 'judging', 'judging_closed'],
  ],
  'contest.assign': ['admin', ['screening', 'judging']],
  'contest.finalise': ['admin', ['judging_closed']],
  'contest.viewResults': ['admin', ['judging', 'judging_closed', 'finalised', 'published']],
  'contest.overrideTier': ['admin', ['judging_closed']],
  'contest.recordDecision': ['admin', ['judging_closed', 'finalised']],
  'contest.publish': ['admin', ['finalised']],
  'contest.export': ['admin', ['judging_closed', 'finalised', 'published']],
  'contest.certificates': ['admin', ['finalised', 'published']],
  'entry.score': ['judge', ['judging']],
}

describe('contest phase rules', () => {
  it('covers every action', () => {
    expect(Object.keys(CONTEST_RULES).sort()).toEqual(Object.keys(EXPECTED).sort())
  })

  for (const [action, [owner, stages]] of Object.entries(EXPECTED) as [
    ContestAction,
    [Role, ContestStage[]],
  ][]) {
    for (const role of ROLES) {
      for (const stage of STAGES) {
        const allowed = role === owner && stages.includes(stage)
        it(`${role} ${allowed ? 'may' : 'may not'} ${action} in ${stage}`, () => {
          expect(can(role, action, stage)).toBe(allowed)
          const refusal = refusalFor(role, action, stage)
          if (allowed) expect(refusal).toBeNull()
          else if (role !== owner) expect(refusal).toBe('contest.error.notYourRole')
          else expect(refusal).toBe(CONTEST_RULES[action].refusal)
        })
      }
    }
  }

  it('gives the unit the deadline message it has always had', () => {
    expect(refusalFor('unit', 'entry.edit', 'screening')).toBe('entry.error.deadlinePassed')
  })
})

describe('contest stage', () => {
  const schedule = {
    status: 'open' as const,
    registration_opens_on: '2025-01-01',
    nomination_opens_on: '2025-06-01',
    nomination_deadline: '2025-09-30T16:59:59.000Z',
    screening_ends_on: '2025-10-15',
    judging_opens_on: '2025-10-16',
    judging_closes_at: '2025-11-30T16:59:59.000Z',
    results_on: '2025-12-15',
  }
  it.each([
    ['2024-12-31T12:00:00Z', 'draft'],
    ['2025-03-01T03:00:00Z', 'registration'],
    ['2025-09-30T16:59:59Z', 'nomination'],
    ['2025-09-30T17:00:00Z', 'screening'],
    ['2025-10-15T17:00:00Z', 'judging'],
    ['2025-11-30T16:59:59Z', 'judging'],
    ['2025-11-30T17:00:00Z', 'judging_closed'],
  ])('at %s the contest is in %s', (at, stage) => {
    expect(contestStage(schedule, new Date(at))).toBe(stage)
  })

  it('follows the status once finalised or published, and in draft', () => {
    const at = new Date('2025-11-30T17:00:00Z')
    expect(contestStage({ ...schedule, status: 'finalised' }, at)).toBe('finalised')
    expect(contestStage({ ...schedule, status: 'published' }, at)).toBe('published')
    expect(contestStage({ ...schedule, status: 'draft' }, at)).toBe('draft')
  })
})
