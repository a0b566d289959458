/**
 * Login throttling rules, pure: given what we know of past failures for one key
 * (an account and address pair, an account, an address) and the time now, may this attempt
 * proceed?
 * After `freeAttempts` failures each further attempt must wait twice as long as
 * the last (1 s, 2 s, 4 s …); at `lockAfter` failures the key is locked for
 * `lockMinutes`. Failures older than `windowMinutes` are forgotten.
 */
export interface ThrottlePolicy {
  freeAttempts: number
  lockAfter: number
  lockMinutes: number
  windowMinutes: number
}

/**
 * One account tried from one address: the strict limit, so a stranger guessing from their
 * machine is slowed after 3 failures and locked out after 8 — only there.
 */
export const PAIR_POLICY: ThrottlePolicy = {
  freeAttempts: 3,
  lockAfter: 8,
  lockMinutes: 15,
  windowMinutes: 15,
}
/**
 * One account tried from addresses it never signed in from (a guesser moving between
 * addresses): a looser limit. The owner's usual addresses are not held back by it, so nobody
 * can lock the organiser out by failing on purpose.
 */
export const ACCOUNT_POLICY: ThrottlePolicy = {
  freeAttempts: 20,
  lockAfter: 100,
  lockMinutes: 15,
  windowMinutes: 15,
}
/** An address may serve many people (a commune office behind one NAT), so it gets more room. */
export const ADDRESS_POLICY: ThrottlePolicy = {
  freeAttempts: 10,
  lockAfter: 30,
  lockMinutes: 15,
  windowMinutes: 15,
}

export interface ThrottleState {
  failures: number
  firstFailureAt: Date
  lastFailureAt: Date
  lockedUntil: Date | null
}

export type ThrottleVerdict =
  { allowed: true } | { allowed: false; reason: 'locked' | 'slow_down'; retryAfterSeconds: number }

const MINUTE = 60_000

function isExpired(state: ThrottleState, now: Date, policy: ThrottlePolicy) {
  const lockOver = !state.lockedUntil || state.lockedUntil <= now
  return lockOver && now.getTime() - state.lastFailureAt.getTime() > policy.windowMinutes * MINUTE
}

export function delayAfter(failures: number, policy: ThrottlePolicy) {
  if (failures < policy.freeAttempts) return 0
  return 2 ** (failures - policy.freeAttempts) // seconds
}

export function checkThrottle(
  state: ThrottleState | undefined,
  now: Date,
  policy: ThrottlePolicy,
): ThrottleVerdict {
  if (!state || isExpired(state, now, policy)) return { allowed: true }
  if (state.lockedUntil && state.lockedUntil > now) {
    return {
      allowed: false,
      reason: 'locked',
      retryAfterSeconds: Math.ceil((state.lockedUntil.getTime() - now.getTime()) / 1000),
    }
  }
  const wait = delayAfter(state.failures, policy) * 1000
  const elapsed = now.getTime() - state.lastFailureAt.getTime()
  if (wait > 0 && elapsed < wait) {
    return {
      allowed: false,
      reason: 'slow_down',
      retryAfterSeconds: Math.ceil((wait - elapsed) / 1000),
    }
  }
  return { allowed: true }
}

export function recordFailure(
  state: ThrottleState | undefined,
  now: Date,
  policy: ThrottlePolicy,
): ThrottleState {
  const base =
    !state || isExpired(state, now, policy)
      ? { failures: 0, firstFailureAt: now, lastFailureAt: now, lockedUntil: null }
      : state
  const failures = base.failures + 1
  return {
    failures,
    firstFailureAt: base.firstFailureAt,
    lastFailureAt: now,
    lockedUntil:
      failures >= policy.lockAfter ? new Date(now.getTime() + policy.lockMinutes * MINUTE) : null,
  }
}
