import { afterEach, beforeAll, describe, expect, it } from 'vitest'
import { getDb } from '#db/index'
import { setClock } from '~/clock.server'
import * as account from '~/routes/account'
import * as healthz from '~/routes/healthz'
import * as login from '~/routes/login'
import * as logout from '~/routes/logout'
import * as unitHome from '~/routes/unit/home'
import { getSessionUser, purgeDeadSessions } from '~/auth/session.server'
import { call } from '../support/remix'
import {
  TEST_PASSWORD,
  cookieFor,
  createOrgTree,
  createUser,
  type OrgTree,
} from '../support/fixtures'

let org: OrgTree
beforeAll(async () => {
  org = await createOrgTree()
})
afterEach(() => setClock(null))

function cookieFrom(setCookie: string | null) {
  expect(setCookie).toBeTruthy()
  return setCookie!.split(';')[0]!
}

const signIn = (
  username: string,
  password: string,
  extra: Record<string, string> = {},
  ip = '10.0.0.1',
) =>
  call(login.action, {
    path: '/login',
    form: { username, password, ...extra },
    context: { clientIp: ip },
  })

describe('sign-in', () => {
  it('signs a unit officer in and sends them to their unit page', async () => {
    await createUser([{ role: 'unit', orgUnitId: org.unit }], 'canbo')
    const res = await signIn('CanBo ', TEST_PASSWORD)
    expect(res.status).toBe(302)
    expect(res.location).toBe('/unit')
    const setCookie = res.headers.get('Set-Cookie')!
    expect(setCookie).toMatch(/HttpOnly/i)
    expect(setCookie).toMatch(/SameSite=Lax/i)
    const page = await call(unitHome.loader, { path: '/unit', cookie: cookieFrom(setCookie) })
    expect(page.status).toBe(200)
    const audit = await getDb()
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'auth.login')
      .execute()
    expect(audit.length).toBeGreaterThan(0)
  })

  it('returns to the page asked for, but never to another site', async () => {
    await createUser([{ role: 'judge', orgUnitId: null }], 'gk1')
    const ok = await signIn('gk1', TEST_PASSWORD, { redirectTo: '/account' })
    expect(ok.location).toBe('/account')
    const evil = await signIn('gk1', TEST_PASSWORD, { redirectTo: '//evil.example/x' })
    expect(evil.location).toBe('/judge')
  })

  it('refuses a wrong password with a clear message and keeps the username', async () => {
    await createUser([{ role: 'judge', orgUnitId: null }], 'gk2')
    const res = await signIn('gk2', 'wrong password', {}, '10.0.0.2')
    expect(res.status).toBe(401)
    const result = (
      res.data as {
        result: { error: Record<string, string[]>; initialValue: Record<string, string> }
      }
    ).result
    expect(result.error['']).toEqual(['Tên đăng nhập hoặc mật khẩu không đúng.'])
    expect(result.initialValue.username).toBe('gk2')
    expect(result.initialValue.password).toBeUndefined()
  })

  it('reports empty fields next to each field', async () => {
    const res = await signIn('', '')
    expect(res.status).toBe(400)
    const result = (res.data as { result: { error: Record<string, string[]> } }).result
    expect(result.error.username).toEqual(['validation.required'])
    expect(result.error.password).toEqual(['validation.required'])
  })

  it('slows down and then locks an account after repeated failures', async () => {
    await createUser([{ role: 'judge', orgUnitId: null }], 'gk3')
    const t0 = new Date('2026-03-01T08:00:00Z')
    let t = t0.getTime()
    const at = (ms: number) => {
      t += ms
      setClock(new Date(t))
    }
    at(0)
    for (let i = 0; i < 3; i++)
      expect((await signIn('gk3', 'nope', {}, '10.0.1.1')).status).toBe(401)
    // 3 failures: the next attempt must wait 1 s.
    const slow = await signIn('gk3', TEST_PASSWORD, {}, '10.0.1.1')
    expect(slow.status).toBe(429)
    expect(slow.headers.get('Retry-After')).toBe('1')
    expect(JSON.stringify(slow.data)).toContain('Vui lòng đợi 1 giây')
    // Keep failing, waiting as told, until the lock.
    for (let i = 3; i < 8; i++) {
      at(60_000)
      const res = await signIn('gk3', 'nope', {}, '10.0.1.1')
      expect(res.status).toBe(i === 7 ? 429 : 401)
    }
    at(60_000)
    const locked = await signIn('gk3', TEST_PASSWORD, {}, '10.0.1.1')
    expect(locked.status).toBe(429)
    expect(JSON.stringify(locked.data)).toContain('tạm thời bị khóa')
    // After the lock expires the right password works and clears the count.
    at(16 * 60_000)
    const ok = await signIn('gk3', TEST_PASSWORD, {}, '10.0.1.1')
    expect(ok.status).toBe(302)
    const row = await getDb()
      .selectFrom('login_throttle')
      .selectAll()
      .where('key', '=', 'pair:gk3|10.0.1.1')
      .executeTakeFirst()
    expect(row).toBeUndefined()
  })

  it('keeps the owner able to sign in from their usual address while strangers are held back', async () => {
    await createUser([{ role: 'admin', orgUnitId: org.organiser }], 'truongban')
    const t0 = new Date('2026-03-10T08:00:00Z')
    let t = t0.getTime()
    const at = (ms: number) => {
      t += ms
      setClock(new Date(t))
    }
    at(0)
    // The owner signs in from the office once: that address becomes their usual one.
    expect((await signIn('truongban', TEST_PASSWORD, {}, '10.20.0.1')).status).toBe(302)
    // A stranger fails 8 times from one address, waiting as told: locked out there.
    for (let i = 0; i < 8; i++) {
      at(60_000)
      expect((await signIn('truongban', 'guess', {}, '203.0.113.9')).status).toBe(
        i === 7 ? 429 : 401,
      )
    }
    at(60_000)
    const strangerLocked = await signIn('truongban', TEST_PASSWORD, {}, '203.0.113.9')
    expect(strangerLocked.status).toBe(429)
    expect(JSON.stringify(strangerLocked.data)).toContain('tạm thời bị khóa')
    // The stranger moves between addresses: 12 more failures, 20 against the account in all.
    for (let i = 0; i < 12; i++) {
      expect((await signIn('truongban', 'guess', {}, `198.51.100.${i + 1}`)).status).toBe(401)
    }
    // From yet another address even the right password must now wait…
    const fresh = await signIn('truongban', TEST_PASSWORD, {}, '198.51.100.200')
    expect(fresh.status).toBe(429)
    expect(fresh.headers.get('Retry-After')).toBe('1')
    // …but the owner, from their usual address, signs in at once.
    const owner = await signIn('truongban', TEST_PASSWORD, {}, '10.20.0.1')
    expect(owner.status).toBe(302)
    expect(owner.location).toBe('/admin')
  })

  it('throttles one address trying many accounts', async () => {
    setClock(new Date('2026-04-01T08:00:00Z'))
    for (let i = 0; i < 10; i++) {
      expect((await signIn(`ghost${i}`, 'x', {}, '10.9.9.9')).status).toBe(401)
    }
    const res = await signIn('ghost-next', 'x', {}, '10.9.9.9')
    expect(res.status).toBe(429)
  })

  it('refuses a deactivated account', async () => {
    const u = await createUser([{ role: 'judge', orgUnitId: null }], 'oldjudge')
    await getDb().updateTable('users').set({ is_active: 0 }).where('id', '=', u.id).execute()
    const res = await signIn('oldjudge', TEST_PASSWORD, {}, '10.0.0.5')
    expect(res.status).toBe(401)
    expect(JSON.stringify(res.data)).toContain('đã bị khóa')
  })
})

describe('sessions', () => {
  it('ends the session on sign-out', async () => {
    const u = await createUser([{ role: 'judge', orgUnitId: null }])
    const cookie = await cookieFor(u.id)
    const req = () => new Request('http://localhost/', { headers: { Cookie: cookie } })
    expect(await getSessionUser(req())).not.toBeNull()
    const res = await call(logout.action, { path: '/logout', method: 'POST', cookie })
    expect(res.status).toBe(302)
    expect(res.headers.get('Set-Cookie')).toMatch(/Max-Age=0|Expires=Thu, 01 Jan 1970/)
    expect(await getSessionUser(req())).toBeNull()
  })

  it('expires sessions after their lifetime', async () => {
    const u = await createUser([{ role: 'judge', orgUnitId: null }])
    setClock(new Date('2026-05-01T00:00:00Z'))
    const cookie = await cookieFor(u.id)
    const req = () => new Request('http://localhost/', { headers: { Cookie: cookie } })
    // Used every day (never idle for long), it still ends after 14 days.
    const usedAt = async (iso: string) => {
      setClock(new Date(iso))
      await getDb()
        .updateTable('sessions')
        .set({ last_seen_at: new Date(new Date(iso).getTime() - 60_000).toISOString() })
        .where('user_id', '=', u.id)
        .execute()
    }
    await usedAt('2026-05-14T00:00:00Z')
    expect(await getSessionUser(req())).not.toBeNull()
    await usedAt('2026-05-16T00:00:00Z')
    expect(await getSessionUser(req())).toBeNull()
  })

  it('ends an idle session: 30 minutes for organisers, 4 hours for the others', async () => {
    const admin = await createUser([{ role: 'admin', orgUnitId: org.organiser }])
    const judge = await createUser([{ role: 'judge', orgUnitId: null }])
    const t0 = new Date('2026-06-01T08:00:00Z').getTime()
    setClock(new Date(t0))
    const adminCookie = await cookieFor(admin.id)
    const judgeCookie = await cookieFor(judge.id)
    const who = async (cookie: string, minutes: number) => {
      setClock(new Date(t0 + minutes * 60_000))
      return getSessionUser(new Request('http://localhost/', { headers: { Cookie: cookie } }))
    }
    // Active every 29 minutes, the organiser stays signed in…
    expect(await who(adminCookie, 29)).not.toBeNull()
    expect(await who(adminCookie, 58)).not.toBeNull()
    // …31 minutes without a request end the session, for good.
    expect(await who(adminCookie, 89)).toBeNull()
    expect(await who(adminCookie, 90)).toBeNull()
    const ended = await getDb()
      .selectFrom('sessions')
      .select('revoked_at')
      .where('user_id', '=', admin.id)
      .executeTakeFirstOrThrow()
    expect(ended.revoked_at).not.toBeNull()
    // A judge may pause for up to 4 hours.
    expect(await who(judgeCookie, 239)).not.toBeNull()
    expect(await who(judgeCookie, 239 + 241)).toBeNull()
  })

  it('purges expired, revoked and idle sessions, and keeps live ones', async () => {
    const u = await createUser([{ role: 'unit', orgUnitId: org.unit }])
    const t0 = new Date('2026-07-01T08:00:00Z').getTime()
    const make = async (minutesAgo: number) => {
      setClock(new Date(t0 - minutesAgo * 60_000))
      return cookieFor(u.id)
    }
    const live = await make(10)
    await make(15 * 24 * 60) // past its 14 days
    await make(5 * 60) // idle for 5 hours
    const revoked = await make(20)
    setClock(new Date(t0))
    await call(logout.action, { path: '/logout', method: 'POST', cookie: revoked })
    const count = async () =>
      (
        await getDb()
          .selectFrom('sessions')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .where('user_id', '=', u.id)
          .executeTakeFirstOrThrow()
      ).n
    expect(await count()).toBe(4)
    expect(await purgeDeadSessions(new Date(t0))).toBeGreaterThanOrEqual(3)
    expect(await count()).toBe(1)
    expect(
      await getSessionUser(new Request('http://localhost/', { headers: { Cookie: live } })),
    ).not.toBeNull()
  })

  it('ignores a forged cookie', async () => {
    const req = new Request('http://localhost/', {
      headers: { Cookie: '__dvk_session=forged-value' },
    })
    expect(await getSessionUser(req)).toBeNull()
  })
})

describe('change password', () => {
  it('refuses a wrong current password next to that field', async () => {
    const u = await createUser([{ role: 'judge', orgUnitId: null }])
    const res = await call(account.action, {
      path: '/account',
      cookie: await cookieFor(u.id),
      form: {
        currentPassword: 'wrong',
        newPassword: 'a-new-password-1',
        confirmPassword: 'a-new-password-1',
      },
    })
    expect(res.status).toBe(400)
    const result = (res.data as { result: { error: Record<string, string[]> } }).result
    expect(result.error.currentPassword).toEqual(['account.wrongPassword'])
  })

  it('checks the two new passwords match and are long enough', async () => {
    const u = await createUser([{ role: 'judge', orgUnitId: null }])
    const res = await call(account.action, {
      path: '/account',
      cookie: await cookieFor(u.id),
      form: { currentPassword: TEST_PASSWORD, newPassword: 'short', confirmPassword: 'other' },
    })
    expect(res.status).toBe(400)
    const result = (res.data as { result: { error: Record<string, string[]> } }).result
    expect(result.error.newPassword).toEqual(['validation.passwordLength'])
  })

  it('changes the password and signs out the other sessions', async () => {
    const u = await createUser([{ role: 'judge', orgUnitId: null }], 'changer')
    const mine = await cookieFor(u.id)
    const other = await cookieFor(u.id)
    const res = await call(account.action, {
      path: '/account',
      cookie: mine,
      form: {
        currentPassword: TEST_PASSWORD,
        newPassword: 'brand-new-pass',
        confirmPassword: 'brand-new-pass',
      },
    })
    expect(res.status).toBe(200)
    const req = (c: string) => new Request('http://localhost/', { headers: { Cookie: c } })
    expect(await getSessionUser(req(mine))).not.toBeNull()
    expect(await getSessionUser(req(other))).toBeNull()
    expect((await signIn('changer', 'brand-new-pass', {}, '10.0.0.8')).status).toBe(302)
  })
})

describe('health check', () => {
  it('answers 200 with a database round trip', async () => {
    const res = await call(healthz.loader, { path: '/healthz' })
    expect(res.status).toBe(200)
    expect(res.data).toMatchObject({ status: 'ok', db: { ok: true } })
  })
})
