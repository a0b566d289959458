import { z } from 'zod'

/** Form schemas for sign-in and password change; messages are translation keys. */
export const loginSchema = z.object({
  username: z.string({ error: 'validation.required' }).trim().min(1, 'validation.required').max(40),
  password: z.string({ error: 'validation.required' }).min(1, 'validation.required').max(200),
  redirectTo: z.string().optional(),
})

export const passwordField = z
  .string({ error: 'validation.required' })
  .min(10, 'validation.passwordLength')
  .max(200, 'validation.tooLong')

export const changePasswordSchema = z
  .object({
    currentPassword: z.string({ error: 'validation.required' }).min(1, 'validation.required'),
    newPassword: passwordField,
    confirmPassword: z.string({ error: 'validation.required' }).min(1, 'validation.required'),
  })
  .refine((v) => v.newPassword === v.confirmPassword, {
    message: 'account.mismatch',
    path: ['confirmPassword'],
  })
