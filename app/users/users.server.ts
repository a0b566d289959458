import type { Role } from '#db/domain'
import { getDb } from '#db/index'
import { recordAudit } from '#db/repos/audit'
import { findOrgUnit, isInScope, scopeRootFor } from '#db/repos/org-units'
import { revokeUserSessions } from '#db/repos/sessions'
import {
  findUserById,
  findUserByUsername,
  insertUser,
  replaceRoles,
  rolesOfUser,
  updateUser,
  type RoleAssignment,
} from '#db/repos/users'
import { grantFor, type SessionUser } from '~/auth/permissions'
import { hashPassword } from '~/auth/password.server'
import { now } from '~/clock.server'

/** A refusal tied to one form field (or the whole form), as a translation key. */
export type FieldRefusal = { field: string; message: string }

export async function organiserScope(admin: SessionUser) {
  return scopeRootFor(grantFor(admin, 'admin')?.orgUnitId ?? null)
}

/**
 * Turns the form's roles and chosen unit/commune into role grants, checking that
 * the unit is a unit and the commune a commune, both inside the organiser's area.
 */
export async function resolveRoleGrants(
  admin: SessionUser,
  input: { roles: Role[]; unitId?: number; communeId?: number },
): Promise<RoleAssignment[] | FieldRefusal> {
  const scope = await organiserScope(admin)
  const grants: RoleAssignment[] = []
  for (const role of new Set(input.roles)) {
    if (role === 'unit' || role === 'commune') {
      const field = role === 'unit' ? 'unitId' : 'communeId'
      const id = role === 'unit' ? input.unitId : input.communeId
      const target = id ? await findOrgUnit(id) : undefined
      const expected = role === 'unit' ? 'unit' : 'commune'
      if (!target || target.kind !== expected || !(await isInScope(scope, target.id))) {
        return { field, message: 'validation.invalidChoice' }
      }
      grants.push({ role, orgUnitId: target.id })
    } else {
      // Organisers created by an organiser act on the same area; judges are not bound.
      grants.push({
        role,
        orgUnitId: role === 'admin' ? (grantFor(admin, 'admin')?.orgUnitId ?? null) : null,
      })
    }
  }
  return grants
}

export async function createUser(
  admin: SessionUser,
  input: { username: string; displayName: string; password: string; grants: RoleAssignment[] },
  ip: string | null,
): Promise<{ id: number } | FieldRefusal> {
  if (await findUserByUsername(input.username))
    return { field: 'username', message: 'users.usernameTaken' }
  const passwordHash = await hashPassword(input.password)
  const at = now()
  return getDb()
    .transaction()
    .execute(async (tx) => {
      const id = await insertUser(
        {
          username: input.username,
          displayName: input.displayName,
          passwordHash,
          roles: input.grants,
          now: at,
        },
        tx,
      )
      await recordAudit(
        {
          actorId: admin.id,
          action: 'user.create',
          subjectType: 'user',
          subjectId: id,
          after: { username: input.username, displayName: input.displayName, roles: input.grants },
          ip,
        },
        tx,
      )
      return { id }
    })
}

export async function saveUserRoles(
  admin: SessionUser,
  userId: number,
  input: { displayName: string; grants: RoleAssignment[] },
  ip: string | null,
): Promise<true | FieldRefusal> {
  if (userId === admin.id && !input.grants.some((g) => g.role === 'admin')) {
    return { field: 'roles', message: 'users.cannotDropOwnAdmin' }
  }
  const at = now()
  await getDb()
    .transaction()
    .execute(async (tx) => {
      const before = {
        displayName: (await findUserById(userId, tx))?.display_name,
        roles: await rolesOfUser(userId, tx),
      }
      await updateUser(userId, { displayName: input.displayName }, at, tx)
      await replaceRoles(userId, input.grants, at, tx)
      await recordAudit(
        {
          actorId: admin.id,
          action: 'user.update_roles',
          subjectType: 'user',
          subjectId: userId,
          before,
          after: { displayName: input.displayName, roles: input.grants },
          ip,
        },
        tx,
      )
    })
  return true
}

export async function resetPassword(
  admin: SessionUser,
  userId: number,
  password: string,
  ip: string | null,
) {
  const passwordHash = await hashPassword(password)
  const at = now()
  await getDb()
    .transaction()
    .execute(async (tx) => {
      await updateUser(userId, { passwordHash }, at, tx)
      await revokeUserSessions(userId, at, {}, tx)
      await recordAudit(
        {
          actorId: admin.id,
          action: 'user.reset_password',
          subjectType: 'user',
          subjectId: userId,
          ip,
        },
        tx,
      )
    })
}

export async function setUserActive(
  admin: SessionUser,
  userId: number,
  active: boolean,
  ip: string | null,
): Promise<true | FieldRefusal> {
  if (!active && userId === admin.id) return { field: '', message: 'users.cannotDeactivateSelf' }
  const at = now()
  await getDb()
    .transaction()
    .execute(async (tx) => {
      await updateUser(userId, { isActive: active }, at, tx)
      if (!active) await revokeUserSessions(userId, at, {}, tx)
      await recordAudit(
        {
          actorId: admin.id,
          action: active ? 'user.activate' : 'user.deactivate',
          subjectType: 'user',
          subjectId: userId,
          ip,
        },
        tx,
      )
    })
  return true
}

/**
 * May this organiser manage that user? Users bound to a unit or commune outside
 * the organiser's area are not theirs; unbound users (judges, organisers) are shared.
 */
export async function canManageUser(admin: SessionUser, userId: number) {
  const scope = await organiserScope(admin)
  const roles = await rolesOfUser(userId)
  for (const r of roles) {
    if (r.org_unit_id != null && !(await isInScope(scope, r.org_unit_id))) return false
  }
  return true
}

export function isRefusal(value: unknown): value is FieldRefusal {
  return typeof value === 'object' && value !== null && 'message' in value && 'field' in value
}
