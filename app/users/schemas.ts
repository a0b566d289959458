import { z } from 'zod'
import { line, tooLong } from '~/forms/fields'
import { MAX_LENGTH } from '~/forms/limits'
import { ROLES } from '#db/domain'
import { passwordField } from '~/auth/schemas'

/** Form schemas for the organiser's user screens; messages are translation keys. */
const username = z
  .string({ error: 'validation.required' })
  .trim()
  .max(MAX_LENGTH.username, tooLong(MAX_LENGTH.username))
  .toLowerCase()
  .regex(/^[a-z0-9][a-z0-9._-]{1,39}$/, 'validation.usernameFormat')

const displayName = line(MAX_LENGTH.name).min(2, 'validation.required')

const roles = z
  .array(z.enum(ROLES, { error: 'validation.invalidChoice' }), {
    error: 'validation.chooseRole',
  })
  .min(1, 'validation.chooseRole')

const orgUnitId = z.coerce.number({ error: 'validation.invalidChoice' }).int().positive().optional()

const roleFields = { displayName, roles, unitId: orgUnitId, communeId: orgUnitId }

function bindings<T extends { roles: string[]; unitId?: number; communeId?: number }>(
  v: T,
  ctx: z.RefinementCtx,
) {
  if (v.roles.includes('unit') && !v.unitId) {
    ctx.addIssue({ code: 'custom', message: 'validation.unitRequired', path: ['unitId'] })
  }
  if (v.roles.includes('commune') && !v.communeId) {
    ctx.addIssue({ code: 'custom', message: 'validation.communeRequired', path: ['communeId'] })
  }
}

export const createUserSchema = z
  .object({ username, password: passwordField, ...roleFields })
  .superRefine(bindings)

export const editUserSchema = z.discriminatedUnion('intent', [
  z.object({ intent: z.literal('save'), ...roleFields }).superRefine(bindings),
  z.object({ intent: z.literal('reset-password'), newPassword: passwordField }),
  z.object({ intent: z.literal('deactivate') }),
  z.object({ intent: z.literal('activate') }),
])

export type CreateUserInput = z.infer<typeof createUserSchema>
