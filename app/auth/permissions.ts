import type { Role } from '#db/domain'
import type { MessageKey } from '~/i18n'

/** What the server knows about the signed-in person, as every guard and page sees it. */
export interface SessionUser {
  id: number
  username: string
  displayName: string
  roles: RoleGrant[]
}

export interface RoleGrant {
  role: Role
  orgUnitId: number | null
  orgUnitName: string | null
}

/** Anything that carries roles: the session user, or the rows just read at sign-in. */
export interface HasRoles {
  roles: readonly { role: Role }[]
}

export function hasRole(user: HasRoles | null | undefined, role: Role) {
  return !!user?.roles.some((r) => r.role === role)
}

export function hasAnyRole(user: HasRoles | null | undefined, roles: readonly Role[]) {
  return roles.some((role) => hasRole(user, role))
}

export function grantFor(user: SessionUser, role: Role) {
  return user.roles.find((r) => r.role === role)
}

export interface NavItem {
  to: string
  label: MessageKey
}

/** The places each role works in, in the order the header shows them. */
const ROLE_NAV: Record<Role, NavItem[]> = {
  admin: [
    { to: '/admin', label: 'nav.admin' },
    { to: '/admin/contests', label: 'nav.contests' },
    { to: '/admin/entries', label: 'nav.entries' },
    { to: '/admin/monitoring', label: 'monitoring.nav' },
    { to: '/admin/users', label: 'nav.users' },
  ],
  unit: [{ to: '/unit', label: 'nav.unit' }],
  judge: [{ to: '/judge', label: 'nav.judge' }],
  commune: [{ to: '/commune', label: 'nav.commune' }],
}

export function navigationFor(user: HasRoles | null | undefined): NavItem[] {
  const items: NavItem[] = [
    { to: '/', label: 'nav.home' },
    { to: '/models', label: 'nav.models' },
    { to: '/contests', label: 'nav.publicResults' },
  ]
  if (!user) return items
  for (const role of ['admin', 'unit', 'judge', 'commune'] as const) {
    if (hasRole(user, role)) items.push(...ROLE_NAV[role])
  }
  items.push({ to: '/account', label: 'nav.account' })
  return items
}

/** Where a person lands after signing in when no page was asked for. */
export function homeFor(user: HasRoles) {
  if (hasRole(user, 'admin')) return '/admin'
  if (hasRole(user, 'unit')) return '/unit'
  if (hasRole(user, 'judge')) return '/judge'
  if (hasRole(user, 'commune')) return '/commune'
  return '/'
}
