import { describe, expect, it } from 'vitest'
import { contestPhase, isJudgingOpen, vietnamDate, type ContestSchedule } from '~/contests/phase'

const contest: ContestSchedule = {
  status: 'open',
  registration_opens_on: '2025-01-10',
  nomination_opens_on: '2025-09-01',
  nomination_deadline: '2025-10-31T16:59:59.999Z', // 23:59:59 on 31/10 in Vietnam
  screening_ends_on: '2025-11-10',
  judging_opens_on: '2025-11-11',
  judging_closes_at: '2025-11-30T16:59:59.999Z',
  results_on: '2025-12-15',
}

describe('contest phase', () => {
  it.each([
    ['2025-01-09T12:00:00Z', 'draft'],
    ['2025-01-09T17:00:00Z', 'registration'], // already 10/01 in Vietnam
    ['2025-09-01T00:00:00Z', 'nomination'],
    ['2025-10-31T16:59:59Z', 'nomination'],
    ['2025-10-31T17:00:00Z', 'screening'],
    ['2025-11-11T00:00:00Z', 'judging'],
    ['2025-12-20T00:00:00Z', 'judging'],
  ])('at %s it is %s', (at, phase) => {
    expect(contestPhase(contest, new Date(at))).toBe(phase)
  })

  it('follows the organiser’s status for draft, finalised and published', () => {
    const at = new Date('2025-11-20T00:00:00Z')
    expect(contestPhase({ ...contest, status: 'draft' }, at)).toBe('draft')
    expect(contestPhase({ ...contest, status: 'finalised' }, at)).toBe('finalised')
    expect(contestPhase({ ...contest, status: 'published' }, at)).toBe('published')
  })

  it('opens judging only inside the window', () => {
    expect(isJudgingOpen(contest, new Date('2025-11-20T00:00:00Z'))).toBe(true)
    expect(isJudgingOpen(contest, new Date('2025-11-30T17:00:00Z'))).toBe(false)
    expect(isJudgingOpen(contest, new Date('2025-11-05T00:00:00Z'))).toBe(false)
  })

  it('reads calendar dates in Vietnam time', () => {
    expect(vietnamDate(new Date('2025-12-31T16:59:00Z'))).toBe('2025-12-31')
    expect(vietnamDate(new Date('2025-12-31T17:00:00Z'))).toBe('2026-01-01')
  })
})
