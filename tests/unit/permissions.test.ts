import { describe, expect, it } from 'vitest'
import { hasAnyRole, homeFor, navigationFor } from '~/auth/permissions'

const as = (...roles: ('admin' | 'unit' | 'judge' | 'commune')[]) => ({
  roles: roles.map((role) => ({ role })),
})

describe('navigation by role', () => {
  it('shows anonymous visitors only the public pages', () => {
    expect(navigationFor(null).map((i) => i.to)).toEqual(['/', '/models', '/contests'])
  })

  it.each([
    [
      as('admin'),
      [
        '/',
        '/models',
        '/contests',
        '/admin',
        '/admin/contests',
        '/admin/entries',
        '/admin/monitoring',
        '/admin/users',
        '/account',
      ],
    ],
    [as('unit'), ['/', '/models', '/contests', '/unit', '/account']],
    [as('judge'), ['/', '/models', '/contests', '/judge', '/account']],
    [as('commune'), ['/', '/models', '/contests', '/commune', '/account']],
    [as('commune', 'judge'), ['/', '/models', '/contests', '/judge', '/commune', '/account']],
  ])('shows each role its own places', (user, paths) => {
    expect(navigationFor(user).map((i) => i.to)).toEqual(paths)
  })

  it('sends each role to its home after sign-in', () => {
    expect(homeFor(as('judge', 'admin'))).toBe('/admin')
    expect(homeFor(as('commune'))).toBe('/commune')
    expect(homeFor(as())).toBe('/')
  })

  it('checks any of several roles', () => {
    expect(hasAnyRole(as('judge'), ['admin', 'judge'])).toBe(true)
    expect(hasAnyRole(as('judge'), ['admin'])).toBe(false)
    expect(hasAnyRole(null, ['admin'])).toBe(false)
  })
})
