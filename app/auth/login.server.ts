import { getDb } from '#db/index'
import { hasSignedInFrom, recordAudit } from '#db/repos/audit'
import { clearThrottle, getThrottle, saveThrottle } from '#db/repos/login-throttle'
import { findUserByUsername, updateUser } from '#db/repos/users'
import { dummyPasswordHash, verifyPassword } from './password.server'
import {
  ACCOUNT_POLICY,
  ADDRESS_POLICY,
  PAIR_POLICY,
  checkThrottle,
  recordFailure,
  type ThrottlePolicy,
  type ThrottleVerdict,
} from './throttle'

export type LoginOutcome =
  | { ok: true; userId: number }
  | { ok: false; error: 'invalid' | 'inactive' }
  | { ok: false; error: 'locked' | 'slow_down'; retryAfterSeconds: number }

function blocked(v: ThrottleVerdict): LoginOutcome | null {
  return v.allowed ? null : { ok: false, error: v.reason, retryAfterSeconds: v.retryAfterSeconds }
}

/** An address the account signed in from within this many days is the owner's usual one. */
const USUAL_ADDRESS_DAYS = 90

/**
 * Checks a username and password under the throttling rules (app/auth/throttle.ts):
 * - every failure counts against the (account, address) pair, strictly: a stranger is slowed
 *   and then locked out — from their own address only;
 * - failures from addresses the account never signed in from also count against the account,
 *   more loosely, so a guesser who moves between addresses is slowed too; the owner, signing in
 *   from an address they used in the last 90 days, is not held back by that count;
 * - every failure counts against the address (one address trying many accounts).
 * A success clears the pair's count.
 */
export async function attemptLogin(input: {
  username: string
  password: string
  ip: string | null
  now: Date
}): Promise<LoginOutcome> {
  const username = input.username.trim().toLowerCase()
  const pairKey = `pair:${username}|${input.ip ?? '-'}`
  const accountKey = `user:${username}`
  const addressKey = input.ip ? `ip:${input.ip}` : null

  const user = await findUserByUsername(username)
  const since = new Date(input.now.getTime() - USUAL_ADDRESS_DAYS * 24 * 60 * 60 * 1000)
  const usualAddress = !!user && !!input.ip && (await hasSignedInFrom(user.id, input.ip, since))

  const refusal =
    blocked(checkThrottle(await getThrottle(pairKey), input.now, PAIR_POLICY)) ??
    (usualAddress
      ? null
      : blocked(checkThrottle(await getThrottle(accountKey), input.now, ACCOUNT_POLICY))) ??
    (addressKey
      ? blocked(checkThrottle(await getThrottle(addressKey), input.now, ADDRESS_POLICY))
      : null)
  if (refusal) return refusal

  // Hash even for unknown names so timing does not reveal which usernames exist.
  const valid = await verifyPassword(
    input.password,
    user?.password_hash ?? (await dummyPasswordHash()),
  )

  if (!user || !valid) {
    const db = getDb()
    const after = await db.transaction().execute(async (tx) => {
      const count = async (key: string, policy: ThrottlePolicy) => {
        const state = recordFailure(await getThrottle(key, tx), input.now, policy)
        await saveThrottle(key, state, tx)
        return state
      }
      const pair = await count(pairKey, PAIR_POLICY)
      if (!usualAddress) await count(accountKey, ACCOUNT_POLICY)
      if (addressKey) await count(addressKey, ADDRESS_POLICY)
      if (user) {
        await recordAudit(
          {
            actorId: null,
            action: 'auth.login_failed',
            subjectType: 'user',
            subjectId: user.id,
            ip: input.ip,
          },
          tx,
        )
      }
      return pair
    })
    if (after.lockedUntil) {
      return {
        ok: false,
        error: 'locked',
        retryAfterSeconds: Math.ceil((after.lockedUntil.getTime() - input.now.getTime()) / 1000),
      }
    }
    return { ok: false, error: 'invalid' }
  }
  if (!user.is_active) return { ok: false, error: 'inactive' }

  await getDb()
    .transaction()
    .execute(async (tx) => {
      await clearThrottle(pairKey, tx)
      await updateUser(user.id, { lastLoginAt: input.now }, input.now, tx)
      await recordAudit(
        {
          actorId: user.id,
          action: 'auth.login',
          subjectType: 'user',
          subjectId: user.id,
          ip: input.ip,
        },
        tx,
      )
    })
  return { ok: true, userId: user.id }
}
