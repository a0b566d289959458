import { z } from 'zod'
import { text, tooLong } from '~/forms/fields'
import { MAX_LENGTH } from '~/forms/limits'

/** Form schemas for sign-in and password change; messages are translation keys. */
export const loginSchema = z.object({
  username: text(MAX_LENGTH.username).min(1, 'validation.required'),
  password: z
    .string({ error: 'validation.required' })
    .min(1, 'validation.required')
    .max(MAX_LENGTH.password, tooLong(MAX_LENGTH.password)),
  redirectTo: z.string().max(2000).optional(),
})

export const passwordField = z
  .string({ error: 'validation.required' })
  .min(10, 'validation.passwordLength')
  .max(MAX_LENGTH.password, tooLong(MAX_LENGTH.password))

export const changePasswordSchema = z
  .object({
    currentPassword: z
      .string({ error: 'validation.required' })
      .min(1, 'validation.required')
      .max(MAX_LENGTH.password, tooLong(MAX_LENGTH.password)),
    newPassword: passwordField,
    confirmPassword: z
      .string({ error: 'validation.required' })
      .min(1, 'validation.required')
      .max(MAX_LENGTH.password, tooLong(MAX_LENGTH.password)),
  })
  .refine((v) => v.newPassword === v.confirmPassword, {
    message: 'account.mismatch',
    path: ['confirmPassword'],
  })
