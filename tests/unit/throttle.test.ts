import { describe, expect, it } from 'vitest'
import {
  PAIR_POLICY,
  checkThrottle,
  delayAfter,
  recordFailure,
  type ThrottleState,
} from '~/auth/throttle'

const t0 = new Date('2026-01-01T00:00:00Z')
const after = (s: number) => new Date(t0.getTime() + s * 1000)

function fail(times: number, start = t0, gapSeconds = 0) {
  let state: ThrottleState | undefined
  for (let i = 0; i < times; i++)
    state = recordFailure(state, new Date(start.getTime() + i * gapSeconds * 1000), PAIR_POLICY)
  return state!
}

describe('login throttle', () => {
  it('lets the first attempts through', () => {
    expect(checkThrottle(undefined, t0, PAIR_POLICY)).toEqual({ allowed: true })
    expect(checkThrottle(fail(2), t0, PAIR_POLICY)).toEqual({ allowed: true })
  })

  it('doubles the wait after the free attempts', () => {
    expect([3, 4, 5, 6].map((n) => delayAfter(n, PAIR_POLICY))).toEqual([1, 2, 4, 8])
    const s = fail(5)
    expect(checkThrottle(s, after(1), PAIR_POLICY)).toEqual({
      allowed: false,
      reason: 'slow_down',
      retryAfterSeconds: 3,
    })
    expect(checkThrottle(s, after(4), PAIR_POLICY)).toEqual({ allowed: true })
  })

  it('locks after the limit and unlocks when the lock ends', () => {
    const s = fail(8, t0, 60)
    const lastFailure = s.lastFailureAt.getTime()
    expect(s.lockedUntil?.getTime()).toBe(lastFailure + 15 * 60_000)
    const verdict = checkThrottle(s, new Date(lastFailure + 60_000), PAIR_POLICY)
    expect(verdict).toEqual({ allowed: false, reason: 'locked', retryAfterSeconds: 14 * 60 })
    expect(checkThrottle(s, new Date(lastFailure + 16 * 60_000), PAIR_POLICY)).toEqual({
      allowed: true,
    })
  })

  it('forgets failures older than the window', () => {
    const s = fail(5)
    const later = after(16 * 60)
    expect(checkThrottle(s, later, PAIR_POLICY)).toEqual({ allowed: true })
    expect(recordFailure(s, later, PAIR_POLICY).failures).toBe(1)
  })
})
