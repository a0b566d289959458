import { createCookie, redirect } from '@remix-run/node'
import { createHash, randomBytes } from 'node:crypto'
import { findLiveSession, insertSession, revokeSession, touchSession } from '#db/repos/sessions'
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

const TOUCH_EVERY_MS = 5 * 60 * 1000

/** The signed-in user with their roles, or null for anonymous visitors and dead sessions. */
export async function getSessionUser(request: Request): Promise<SessionUser | null> {
  const id = await sessionIdOf(request)
  if (!id) return null
  const at = now()
  const session = await findLiveSession(id, at)
  if (!session) return null
  if (at.getTime() - new Date(session.last_seen_at).getTime() > TOUCH_EVERY_MS) {
    await touchSession(id, at)
  }
  const roles = await rolesOfUser(session.user_id)
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

export async function logoutRedirect(request: Request, to = '/') {
  return redirect(to, { headers: { 'Set-Cookie': await destroyUserSession(request) } })
}
