import { getDb, type Executor } from '../index'

export interface AuditEvent {
  actorId: number | null
  action: string
  subjectType: string
  subjectId?: string | number | null
  before?: unknown
  after?: unknown
  reason?: string | null
  ip?: string | null
}

/** Appends one audit record; call it inside the transaction of the change it describes. */
export async function recordAudit(event: AuditEvent, db: Executor = getDb()) {
  await db
    .insertInto('audit_log')
    .values({
      actor_id: event.actorId,
      action: event.action,
      subject_type: event.subjectType,
      subject_id: event.subjectId == null ? null : String(event.subjectId),
      before: event.before === undefined ? null : JSON.stringify(event.before),
      after: event.after === undefined ? null : JSON.stringify(event.after),
      reason: event.reason ?? null,
      ip: event.ip ?? null,
      created_at: new Date().toISOString(),
    })
    .execute()
}

/** Whether this user has signed in from this address since the given time (their usual address). */
export async function hasSignedInFrom(
  userId: number,
  ip: string,
  since: Date,
  db: Executor = getDb(),
) {
  const row = await db
    .selectFrom('audit_log')
    .select('id')
    .where('subject_type', '=', 'user')
    .where('subject_id', '=', String(userId))
    .where('action', '=', 'auth.login')
    .where('ip', '=', ip)
    .where('created_at', '>', since.toISOString())
    .limit(1)
    .executeTakeFirst()
  return !!row
}
