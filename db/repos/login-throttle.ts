import { getDb, type Executor } from '../index'

export interface ThrottleRow {
  failures: number
  firstFailureAt: Date
  lastFailureAt: Date
  lockedUntil: Date | null
}

export async function getThrottle(
  key: string,
  db: Executor = getDb(),
): Promise<ThrottleRow | undefined> {
  const row = await db
    .selectFrom('login_throttle')
    .selectAll()
    .where('key', '=', key)
    .executeTakeFirst()
  if (!row) return undefined
  return {
    failures: row.failures,
    firstFailureAt: new Date(row.first_failure_at),
    lastFailureAt: new Date(row.last_failure_at),
    lockedUntil: row.locked_until ? new Date(row.locked_until) : null,
  }
}

export async function saveThrottle(key: string, s: ThrottleRow, db: Executor = getDb()) {
  const values = {
    failures: s.failures,
    first_failure_at: s.firstFailureAt.toISOString(),
    last_failure_at: s.lastFailureAt.toISOString(),
    locked_until: s.lockedUntil?.toISOString() ?? null,
  }
  await db
    .insertInto('login_throttle')
    .values({ key, ...values })
    .onConflict((oc) => oc.column('key').doUpdateSet(values))
    .execute()
}

export async function clearThrottle(key: string, db: Executor = getDb()) {
  await db.deleteFrom('login_throttle').where('key', '=', key).execute()
}
