import { beforeAll, describe, expect, it } from 'vitest'
import { getDb } from '#db/index'
import { rolesOfUser } from '#db/repos/users'
import { getSessionUser } from '~/auth/session.server'
import * as userEdit from '~/routes/admin/user-edit'
import * as users from '~/routes/admin/users'
import { call } from '../support/remix'
import { cookieFor, createOrgTree, createUser, type OrgTree } from '../support/fixtures'

let org: OrgTree
let admin: { id: number; cookie: string }

beforeAll(async () => {
  org = await createOrgTree()
  const a = await createUser([{ role: 'admin', orgUnitId: org.organiser }], 'organiser')
  admin = { id: a.id, cookie: await cookieFor(a.id) }
})

type Result = { error?: Record<string, string[]>; initialValue?: Record<string, unknown> }
const resultOf = (data: unknown) => (data as { result: Result }).result

const create = (form: Record<string, string | string[]>) =>
  call(users.action, { path: '/admin/users', cookie: admin.cookie, form })

describe('organiser creates users', () => {
  it('creates a unit officer bound to a unit in the organiser’s district, audited', async () => {
    const res = await create({
      username: 'Chibo.Mot',
      displayName: 'Lò Văn Páo',
      password: 'mat-khau-dai-du',
      roles: ['unit', 'judge'],
      unitId: String(org.unit),
    })
    expect(res.status).toBe(200)
    const user = await getDb()
      .selectFrom('users')
      .selectAll()
      .where('username', '=', 'chibo.mot')
      .executeTakeFirst()
    expect(user?.display_name).toBe('Lò Văn Páo')
    const roles = await rolesOfUser(user!.id)
    expect(roles.map((r) => [r.role, r.org_unit_id])).toEqual([
      ['unit', org.unit],
      ['judge', null],
    ])
    const audit = await getDb()
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'user.create')
      .where('subject_id', '=', String(user!.id))
      .executeTakeFirst()
    expect(audit?.actor_id).toBe(admin.id)
  })

  it('puts each message next to its field and keeps what was typed', async () => {
    const res = await create({ username: 'Có Dấu', displayName: '', password: 'short', unitId: '' })
    expect(res.status).toBe(400)
    const result = resultOf(res.data)
    expect(result.error?.username).toEqual(['validation.usernameFormat'])
    expect(result.error?.displayName).toEqual(['validation.required'])
    expect(result.error?.password).toEqual(['validation.passwordLength'])
    expect(result.error?.roles).toEqual(['validation.chooseRole'])
    expect(result.initialValue?.username).toBe('Có Dấu')
    expect(result.initialValue?.password).toBeUndefined()
  })

  it('requires a unit for a unit officer and a commune for a commune officer', async () => {
    const res = await create({
      username: 'noscope',
      displayName: 'A B',
      password: 'mat-khau-dai-du',
      roles: ['unit', 'commune'],
    })
    expect(res.status).toBe(400)
    expect(resultOf(res.data).error?.unitId).toEqual(['validation.unitRequired'])
    expect(resultOf(res.data).error?.communeId).toEqual(['validation.communeRequired'])
  })

  it('refuses a unit outside the organiser’s area, or a commune given as a unit', async () => {
    const outside = await create({
      username: 'outsider',
      displayName: 'A B',
      password: 'mat-khau-dai-du',
      roles: ['unit'],
      unitId: String(org.otherUnit),
    })
    expect(outside.status).toBe(400)
    expect(resultOf(outside.data).error?.unitId).toEqual(['validation.invalidChoice'])
    const wrongKind = await create({
      username: 'wrongkind',
      displayName: 'A B',
      password: 'mat-khau-dai-du',
      roles: ['unit'],
      unitId: String(org.commune),
    })
    expect(wrongKind.status).toBe(400)
    expect(
      await getDb()
        .selectFrom('users')
        .select('id')
        .where('username', 'in', ['outsider', 'wrongkind'])
        .execute(),
    ).toEqual([])
  })

  it('refuses a taken username', async () => {
    await createUser([{ role: 'judge', orgUnitId: null }], 'taken')
    const res = await create({
      username: 'taken',
      displayName: 'A B',
      password: 'mat-khau-dai-du',
      roles: ['judge'],
    })
    expect(res.status).toBe(400)
    expect(resultOf(res.data).error?.username).toEqual(['users.usernameTaken'])
  })

  it('lists and searches users', async () => {
    const res = await call(users.loader, { path: '/admin/users?q=organ', cookie: admin.cookie })
    const data = res.data as {
      users: { username: string }[]
      communes: { id: number }[]
      units: { id: number }[]
    }
    expect(data.users.map((u) => u.username)).toEqual(['organiser'])
    // Pickers offer only the organiser's district.
    expect(data.communes.map((c) => c.id)).toEqual([org.commune])
    expect(data.units.map((u) => u.id).sort()).toEqual([org.organiser, org.unit].sort())
  })
})

describe('organiser edits users', () => {
  const edit = (userId: number, form: Record<string, string | string[]>, cookie = admin.cookie) =>
    call(userEdit.action, {
      path: `/admin/users/${userId}`,
      params: { userId: String(userId) },
      cookie,
      form,
    })

  it('changes roles and name', async () => {
    const u = await createUser([{ role: 'judge', orgUnitId: null }])
    const res = await edit(u.id, {
      intent: 'save',
      displayName: 'Tên Mới',
      roles: ['commune'],
      communeId: String(org.commune),
    })
    expect(res.status).toBe(200)
    expect((await rolesOfUser(u.id)).map((r) => [r.role, r.org_unit_id])).toEqual([
      ['commune', org.commune],
    ])
  })

  it('keeps the rows of roles that stay, with the date they were granted', async () => {
    const u = await createUser([
      { role: 'judge', orgUnitId: null },
      { role: 'unit', orgUnitId: org.unit },
    ])
    const granted = () =>
      getDb()
        .selectFrom('user_roles')
        .select(['id', 'role', 'org_unit_id', 'created_at'])
        .where('user_id', '=', u.id)
        .orderBy('role')
        .execute()
    const before = await granted()
    // Saved unchanged: nothing moves.
    const same = { intent: 'save', displayName: 'Lò Thị Dung', roles: ['unit', 'judge'] }
    expect((await edit(u.id, { ...same, unitId: String(org.unit) })).status).toBe(200)
    expect(await granted()).toEqual(before)
    // The unit role dropped, a commune role added: the judge role keeps its row.
    const changed = { ...same, roles: ['judge', 'commune'], communeId: String(org.commune) }
    expect((await edit(u.id, changed)).status).toBe(200)
    const after = await granted()
    expect(after.map((r) => [r.role, r.org_unit_id])).toEqual([
      ['commune', org.commune],
      ['judge', null],
    ])
    expect(after.find((r) => r.role === 'judge')).toEqual(before.find((r) => r.role === 'judge'))
  })

  it('will not let an organiser drop their own organiser role or deactivate themselves', async () => {
    const res = await edit(admin.id, { intent: 'save', displayName: 'X Y', roles: ['judge'] })
    expect(res.status).toBe(400)
    expect(resultOf(res.data).error?.roles).toEqual(['users.cannotDropOwnAdmin'])
    const off = await edit(admin.id, { intent: 'deactivate' })
    expect(off.status).toBe(400)
  })

  it('resets a password and deactivates, ending the user’s sessions', async () => {
    const u = await createUser([{ role: 'judge', orgUnitId: null }])
    const cookie = await cookieFor(u.id)
    const req = () => new Request('http://localhost/', { headers: { Cookie: cookie } })
    expect((await edit(u.id, { intent: 'reset-password', newPassword: 'short' })).status).toBe(400)
    expect(
      (await edit(u.id, { intent: 'reset-password', newPassword: 'mot-mat-khau-moi' })).status,
    ).toBe(200)
    expect(await getSessionUser(req())).toBeNull()
    const again = await cookieFor(u.id)
    expect((await edit(u.id, { intent: 'deactivate' })).status).toBe(200)
    expect(
      await getSessionUser(new Request('http://localhost/', { headers: { Cookie: again } })),
    ).toBeNull()
    const row = await getDb()
      .selectFrom('users')
      .select('is_active')
      .where('id', '=', u.id)
      .executeTakeFirstOrThrow()
    expect(row.is_active).toBe(0)
    expect((await edit(u.id, { intent: 'activate' })).status).toBe(200)
  })

  it('does not let an organiser manage a user bound outside their area', async () => {
    const far = await createUser([{ role: 'unit', orgUnitId: org.otherUnit }])
    const res = await call(userEdit.loader, {
      path: `/admin/users/${far.id}`,
      params: { userId: String(far.id) },
      cookie: admin.cookie,
    })
    expect(res.status).toBe(403)
    expect((await edit(far.id, { intent: 'deactivate' })).status).toBe(403)
  })

  it('answers 404 for an unknown user', async () => {
    const res = await call(userEdit.loader, {
      path: '/admin/users/999999',
      params: { userId: '999999' },
      cookie: admin.cookie,
    })
    expect(res.status).toBe(404)
  })
})
