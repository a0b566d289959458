import { data, redirect } from '@remix-run/node'
import type { Role } from '#db/domain'
import { hasAnyRole, type SessionUser } from './permissions'
import { getSessionUser } from './session.server'

/**
 * Guards: the first call of every protected loader and action. They throw the
 * response (a redirect to sign in, or 403), so code after them runs only when
 * the rule holds.
 */
export async function requireUser(request: Request): Promise<SessionUser> {
  const user = await getSessionUser(request)
  if (!user) {
    const url = new URL(request.url)
    const redirectTo = `${url.pathname}${url.search}`
    throw redirect(`/login?${new URLSearchParams({ redirectTo })}`)
  }
  return user
}

export function forbidden(): never {
  throw data({ message: 'forbidden' }, { status: 403 })
}

/** Signed in and holding at least one of the roles. */
export async function requireRole(request: Request, roles: Role | readonly Role[]) {
  const user = await requireUser(request)
  const wanted = typeof roles === 'string' ? [roles] : roles
  if (!hasAnyRole(user, wanted)) forbidden()
  return user
}

export const requireAdmin = (request: Request) => requireRole(request, 'admin')

/** Anonymous only (the sign-in page): a signed-in visitor is sent on. */
export async function requireAnonymous(request: Request, to = '/') {
  const user = await getSessionUser(request)
  if (user) throw redirect(to)
}
