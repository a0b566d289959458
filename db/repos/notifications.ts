import { getDb, type Executor } from '../index'

/** In-app notifications: `kind` is a translation key, `params` fill it in. */
export async function notify(
  userIds: number[],
  n: { kind: string; params?: Record<string, string | number>; link?: string | null; now: Date },
  db: Executor = getDb(),
) {
  const unique = [...new Set(userIds)]
  if (!unique.length) return
  await db
    .insertInto('notifications')
    .values(
      unique.map((user_id) => ({
        user_id,
        kind: n.kind,
        params: JSON.stringify(n.params ?? {}),
        link: n.link ?? null,
        created_at: n.now.toISOString(),
      })),
    )
    .execute()
}

export async function unreadCount(userId: number, db: Executor = getDb()) {
  const row = await db
    .selectFrom('notifications')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('user_id', '=', userId)
    .where('read_at', 'is', null)
    .executeTakeFirstOrThrow()
  return Number(row.n)
}

/** Active users holding a role, optionally bound to one org unit. */
export async function usersWithRole(
  role: 'admin' | 'unit' | 'judge' | 'commune',
  orgUnitId?: number,
  db: Executor = getDb(),
) {
  let q = db
    .selectFrom('user_roles')
    .innerJoin('users', 'users.id', 'user_roles.user_id')
    .select(['users.id', 'user_roles.org_unit_id'])
    .where('user_roles.role', '=', role)
    .where('users.is_active', '=', 1)
  if (orgUnitId !== undefined) q = q.where('user_roles.org_unit_id', '=', orgUnitId)
  return q.execute()
}

/** A user's notifications, newest first. */
export async function listNotifications(userId: number, limit = 100, db: Executor = getDb()) {
  return db
    .selectFrom('notifications')
    .select(['id', 'kind', 'params', 'link', 'read_at', 'created_at'])
    .where('user_id', '=', userId)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(limit)
    .execute()
}

/** Marks one of the user's notifications (or all of them) read; returns the one marked, if any. */
export async function markNotificationsRead(
  userId: number,
  at: Date,
  id?: number,
  db: Executor = getDb(),
) {
  let q = db
    .updateTable('notifications')
    .set({ read_at: at.toISOString() })
    .where('user_id', '=', userId)
    .where('read_at', 'is', null)
  if (id !== undefined) q = q.where('id', '=', id)
  await q.execute()
  if (id === undefined) return undefined
  return db
    .selectFrom('notifications')
    .select(['id', 'link'])
    .where('id', '=', id)
    .where('user_id', '=', userId)
    .executeTakeFirst()
}
