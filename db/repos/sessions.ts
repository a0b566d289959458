import { getDb, type Executor } from '../index'

export async function insertSession(
  s: {
    id: string
    userId: number
    expiresAt: Date
    ip: string | null
    userAgent: string | null
    now: Date
  },
  db: Executor = getDb(),
) {
  await db
    .insertInto('sessions')
    .values({
      id: s.id,
      user_id: s.userId,
      created_at: s.now.toISOString(),
      last_seen_at: s.now.toISOString(),
      expires_at: s.expiresAt.toISOString(),
      ip: s.ip,
      user_agent: s.userAgent?.slice(0, 300) ?? null,
    })
    .execute()
}

/** The live session with this id and its active user, or undefined. */
export async function findLiveSession(id: string, now: Date, db: Executor = getDb()) {
  return db
    .selectFrom('sessions')
    .innerJoin('users', 'users.id', 'sessions.user_id')
    .select([
      'sessions.id',
      'sessions.user_id',
      'sessions.expires_at',
      'sessions.last_seen_at',
      'users.username',
      'users.display_name',
    ])
    .where('sessions.id', '=', id)
    .where('sessions.revoked_at', 'is', null)
    .where('sessions.expires_at', '>', now.toISOString())
    .where('users.is_active', '=', 1)
    .executeTakeFirst()
}

export async function touchSession(id: string, now: Date, db: Executor = getDb()) {
  await db
    .updateTable('sessions')
    .set({ last_seen_at: now.toISOString() })
    .where('id', '=', id)
    .execute()
}

export async function revokeSession(id: string, now: Date, db: Executor = getDb()) {
  await db
    .updateTable('sessions')
    .set({ revoked_at: now.toISOString() })
    .where('id', '=', id)
    .where('revoked_at', 'is', null)
    .execute()
}

/** Ends every session of a user, optionally keeping one (the one changing the password). */
export async function revokeUserSessions(
  userId: number,
  now: Date,
  opts: { except?: string } = {},
  db: Executor = getDb(),
) {
  let q = db
    .updateTable('sessions')
    .set({ revoked_at: now.toISOString() })
    .where('user_id', '=', userId)
    .where('revoked_at', 'is', null)
  if (opts.except) q = q.where('id', '<>', opts.except)
  await q.execute()
}

/**
 * Deletes every session that can no longer sign anyone in: past its lifetime, revoked, or
 * idle since before `idleBefore` (the longest idle timeout). Returns how many went.
 */
export async function deleteDeadSessions(now: Date, idleBefore: Date, db: Executor = getDb()) {
  const result = await db
    .deleteFrom('sessions')
    .where((eb) =>
      eb.or([
        eb('expires_at', '<=', now.toISOString()),
        eb('revoked_at', 'is not', null),
        eb('last_seen_at', '<', idleBefore.toISOString()),
      ]),
    )
    .executeTakeFirst()
  return Number(result.numDeletedRows)
}
