import { z } from 'zod'

const schema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  HOST: z.string().min(1).default('0.0.0.0'),
  DATABASE_PATH: z.string().min(1).default('data/dvk.sqlite'),
  UPLOAD_DIR: z.string().min(1).default('data/uploads'),
  SESSION_SECRET: z
    .string()
    .min(32, 'must be at least 32 characters')
    .optional()
    .describe('Signs the session cookie. Required in production.'),
  SESSION_TTL_DAYS: z.coerce.number().int().min(1).max(90).default(14),
  SECURE_COOKIES: z.enum(['true', 'false']).optional(),
  TRUST_PROXY: z.enum(['true', 'false']).default('false'),
  PUBLIC_URL: z.url().optional(),
  UPLOADTHING_TOKEN: z.string().min(1).optional(),
})

export type Env = z.infer<typeof schema> & { SESSION_SECRET: string; secureCookies: boolean }

/** Parses the environment; throws one error that names every variable that is wrong. */
export function parseEnv(source: Record<string, string | undefined> = process.env): Env {
  const parsed = schema.safeParse(source)
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`)
    throw new Error(`Invalid environment variables:\n${lines.join('\n')}`)
  }
  const env = parsed.data
  if (env.NODE_ENV === 'production' && !env.SESSION_SECRET) {
    throw new Error(
      'Invalid environment variables:\n  SESSION_SECRET: required in production (at least 32 characters)',
    )
  }
  return {
    ...env,
    SESSION_SECRET: env.SESSION_SECRET ?? 'dev-only-session-secret-change-me-please!!',
    // Browsers accept Secure cookies on http://localhost, so production defaults to Secure.
    secureCookies: env.SECURE_COOKIES
      ? env.SECURE_COOKIES === 'true'
      : env.NODE_ENV === 'production',
  }
}

let cached: Env | undefined
export function env(): Env {
  cached ??= parseEnv()
  return cached
}
