import { getDb } from '#db/index'
import { recordAudit } from '#db/repos/audit'
import { clearThrottle, getThrottle, saveThrottle } from '#db/repos/login-throttle'
import { findUserByUsername, updateUser } from '#db/repos/users'
import { dummyPasswordHash, verifyPassword } from './password.server'
import {
  ACCOUNT_POLICY,
  ADDRESS_POLICY,
  checkThrottle,
  recordFailure,
  type ThrottleVerdict,
} from './throttle'

export type LoginOutcome =
  | { ok: true; userId: number }
  | { ok: false; error: 'invalid' | 'inactive' }
  | { ok: false; error: 'locked' | 'slow_down'; retryAfterSeconds: number }

function blocked(v: ThrottleVerdict): LoginOutcome | null {
  return v.allowed ? null : { ok: false, error: v.reason, retryAfterSeconds: v.retryAfterSeconds }
}

/**
 * Checks a username and password under the throttling rules: failures count
 * against both the account and the address; a success clears the account's count.
 */
export async function attemptLogin(input: {
  username: string
  password: string
  ip: string | null
  now: Date
}): Promise<LoginOutcome> {
  const username = input.username.trim().toLowerCase()
  const accountKey = `user:${username}`
  const addressKey = input.ip ? `ip:${input.ip}` : null

  const refusal =
    blocked(checkThrottle(await getThrottle(accountKey), input.now, ACCOUNT_POLICY)) ??
    (addressKey
      ? blocked(checkThrottle(await getThrottle(addressKey), input.now, ADDRESS_POLICY))
      : null)
  if (refusal) return refusal

  const user = await findUserByUsername(username)
  // Hash even for unknown names so timing does not reveal which usernames exist.
  const valid = await verifyPassword(
    input.password,
    user?.password_hash ?? (await dummyPasswordHash()),
  )

  if (!user || !valid) {
    const db = getDb()
    const after = await db.transaction().execute(async (tx) => {
      const account = recordFailure(await getThrottle(accountKey, tx), input.now, ACCOUNT_POLICY)
      await saveThrottle(accountKey, account, tx)
      if (addressKey) {
        const address = recordFailure(await getThrottle(addressKey, tx), input.now, ADDRESS_POLICY)
        await saveThrottle(addressKey, address, tx)
      }
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
      return account
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
      await clearThrottle(accountKey, tx)
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
