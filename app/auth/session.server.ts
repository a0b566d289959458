import { createCookie, redirect } from '@remix-run/node'
import { createHash, randomBytes } from 'node:crypto'
import {
  deleteDeadSessions,
  findLiveSession,
  insertSession,
  revokeSession,
  touchSession,
} from '#db/repos/sessions'
import { rolesOfUser } from '#db/repos/users'
import type { Executor } from '#db/index'
import { now } from '~/clock.server'
import { env } from '~/env.server'
import type { SessionUser } from './permissions'

const COOKIE_NAME = '__dvk_session'

function sessionCookie() {
  const e = env()
  return createCookie(COOKIE_NAME, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: e.secureCookies,
    secrets: [e.SESSION_SECRET],
    maxAge: e.SESSION_TTL_DAYS * 24 * 60 * 60,
  })
}

/** Whether the request carries a session cookie (signed in, or was): its pages are private. */
export function hasSessionCookie(request: Request) {
  return (request.headers.get('Cookie') ?? '')
    .split(';')
    .some((part) => part.trim().startsWith(`${COOKIE_NAME}=`))
}

/** The database stores only a hash of the token, so a leaked table cannot sign anyone in. */
function hashToken(token: string) {
  return createHash('sha256').update(token).digest('hex')
}

async function readToken(request: Request): Promise<string | null> {
  const value: unknown = await sessionCookie().parse(request.headers.get('Cookie'))
  return typeof value === 'string' && value.length >= 32 ? value : null
}

/** Starts a session for this user and returns the Set-Cookie header. */
export async function createUserSession(
  userId: number,
  request: Request,
  ip: string | null,
  db?: Executor,
): Promise<string> {
  const token = randomBytes(32).toString('base64url')
  const at = now()
  const expiresAt = new Date(at.getTime() + env().SESSION_TTL_DAYS * 24 * 60 * 60 * 1000)
  await insertSession(
    {
      id: hashToken(token),
      userId,
      expiresAt,
      ip,
      userAgent: request.headers.get('User-Agent'),
      now: at,
    },
    db,
  )
  return sessionCookie().serialize(token)
}

/** The session's id (hash) for the request, when its cookie carries one. */
export async function sessionIdOf(request: Request) {
  const token = await readToken(request)
  return token ? hashToken(token) : null
}

// Last activity is written at most once a minute, so idle time is known to the minute.
const TOUCH_EVERY_MS = 60 * 1000
const MINUTE = 60 * 1000

/**
 * How long a session may go without a request: SESSION_IDLE_MINUTES_ADMIN for anyone holding
 * the organiser role (their account can change everything in its area), SESSION_IDLE_MINUTES
 * for everyone else.
 */
export function idleLimitMs(roles: readonly { role: string }[]) {
  const e = env()
  const minutes = roles.some((r) => r.role === 'admin')
    ? e.SESSION_IDLE_MINUTES_ADMIN
    : e.SESSION_IDLE_MINUTES
  return minutes * MINUTE
}

/** The signed-in user with their roles, or null for anonymous visitors and dead sessions. */
export async function getSessionUser(request: Request): Promise<SessionUser | null> {
  const id = await sessionIdOf(request)
  if (!id) return null
  const at = now()
  const session = await findLiveSession(id, at)
  if (!session) return null
  const roles = await rolesOfUser(session.user_id)
  const idle = at.getTime() - new Date(session.last_seen_at).getTime()
  if (idle > idleLimitMs(roles)) {
    // Idle too long: the session ends here (the visitor signs in again).
    await revokeSession(id, at)
    return null
  }
  if (idle > TOUCH_EVERY_MS) await touchSession(id, at)
  return {
    id: session.user_id,
    username: session.username,
    displayName: session.display_name,
    roles: roles.map((r) => ({
      role: r.role,
      orgUnitId: r.org_unit_id,
      orgUnitName: r.org_unit_name,
    })),
  }
}

/** Ends the request's session (if any) and returns the cookie-clearing header. */
export async function destroyUserSession(request: Request): Promise<string> {
  const id = await sessionIdOf(request)
  if (id) await revokeSession(id, now())
  return sessionCookie().serialize('', { maxAge: 0 })
}

/**
 * Removes sessions that can no longer sign anyone in (expired, revoked, idle past the longest
 * timeout). The server runs it at start and every hour.
 */
export async function purgeDeadSessions(at = now()) {
  const e = env()
  const longestIdle = Math.max(e.SESSION_IDLE_MINUTES_ADMIN, e.SESSION_IDLE_MINUTES) * MINUTE
  return deleteDeadSessions(at, new Date(at.getTime() - longestIdle))
}

export async function logoutRedirect(request: Request, to = '/') {
  return redirect(to, { headers: { 'Set-Cookie': await destroyUserSession(request) } })
}
