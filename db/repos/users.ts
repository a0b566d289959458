import type { Role } from '../domain'
import { getDb, type Executor } from '../index'

export async function findUserByUsername(username: string, db: Executor = getDb()) {
  return db
    .selectFrom('users')
    .selectAll()
    .where('username', '=', username.trim().toLowerCase())
    .executeTakeFirst()
}

export async function findUserById(id: number, db: Executor = getDb()) {
  return db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst()
}

export async function rolesOfUser(userId: number, db: Executor = getDb()) {
  return db
    .selectFrom('user_roles')
    .leftJoin('org_units', 'org_units.id', 'user_roles.org_unit_id')
    .select(['user_roles.role', 'user_roles.org_unit_id', 'org_units.name as org_unit_name'])
    .where('user_roles.user_id', '=', userId)
    .orderBy('user_roles.id')
    .execute()
}

export interface UserListFilter {
  q?: string
  limit?: number
  offset?: number
}

export async function listUsers(filter: UserListFilter = {}, db: Executor = getDb()) {
  let q = db.selectFrom('users')
  if (filter.q) {
    const like = `%${filter.q.trim().toLowerCase()}%`
    q = q.where((eb) => eb.or([eb('username', 'like', like), eb('display_name', 'like', like)]))
  }
  const [rows, total] = await Promise.all([
    q
      .select(['id', 'username', 'display_name', 'is_active', 'last_login_at'])
      .orderBy('username')
      .limit(filter.limit ?? 100)
      .offset(filter.offset ?? 0)
      .execute(),
    q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ])
  const ids = rows.map((r) => r.id)
  const roles = ids.length
    ? await db
        .selectFrom('user_roles')
        .leftJoin('org_units', 'org_units.id', 'user_roles.org_unit_id')
        .select(['user_roles.user_id', 'user_roles.role', 'org_units.name as org_unit_name'])
        .where('user_roles.user_id', 'in', ids)
        .orderBy('user_roles.id')
        .execute()
    : []
  return {
    total: Number(total.n),
    users: rows.map((u) => ({ ...u, roles: roles.filter((r) => r.user_id === u.id) })),
  }
}

export interface RoleAssignment {
  role: Role
  orgUnitId: number | null
}

export async function insertUser(
  u: {
    username: string
    displayName: string
    passwordHash: string
    roles: RoleAssignment[]
    now: Date
  },
  db: Executor = getDb(),
) {
  const now = u.now.toISOString()
  const { id } = await db
    .insertInto('users')
    .values({
      username: u.username,
      display_name: u.displayName,
      password_hash: u.passwordHash,
      created_at: now,
      updated_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  await replaceRoles(id, u.roles, u.now, db)
  return id
}

/**
 * Sets a user's roles to `roles`, touching only what changes: a role kept with the same scope
 * keeps its row (and the date it was granted), a role given a new scope is updated, others
 * are removed or added.
 */
export async function replaceRoles(
  userId: number,
  roles: RoleAssignment[],
  now: Date,
  db: Executor = getDb(),
) {
  const current = await db
    .selectFrom('user_roles')
    .select(['role', 'org_unit_id'])
    .where('user_id', '=', userId)
    .execute()
  const wanted = new Map(roles.map((r) => [r.role as string, r.orgUnitId]))
  const gone = current.filter((r) => !wanted.has(r.role)).map((r) => r.role)
  if (gone.length)
    await db
      .deleteFrom('user_roles')
      .where('user_id', '=', userId)
      .where('role', 'in', gone)
      .execute()
  for (const r of roles) {
    const had = current.find((c) => c.role === r.role)
    if (had && had.org_unit_id === r.orgUnitId) continue
    if (had) {
      await db
        .updateTable('user_roles')
        .set({ org_unit_id: r.orgUnitId, created_at: now.toISOString() })
        .where('user_id', '=', userId)
        .where('role', '=', r.role)
        .execute()
    } else {
      await db
        .insertInto('user_roles')
        .values({
          user_id: userId,
          role: r.role,
          org_unit_id: r.orgUnitId,
          created_at: now.toISOString(),
        })
        .execute()
    }
  }
}

export async function updateUser(
  id: number,
  changes: { displayName?: string; passwordHash?: string; isActive?: boolean; lastLoginAt?: Date },
  now: Date,
  db: Executor = getDb(),
) {
  await db
    .updateTable('users')
    .set({
      ...(changes.displayName !== undefined && { display_name: changes.displayName }),
      ...(changes.passwordHash !== undefined && { password_hash: changes.passwordHash }),
      ...(changes.isActive !== undefined && { is_active: changes.isActive ? 1 : 0 }),
      ...(changes.lastLoginAt !== undefined && {
        last_login_at: changes.lastLoginAt.toISOString(),
      }),
      updated_at: now.toISOString(),
    })
    .where('id', '=', id)
    .execute()
}
