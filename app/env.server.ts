import { z } from 'zod'
import { parseTrustProxy } from './http/trust-proxy'

/** UploadThing's token: base64 of JSON { apiKey: "sk_…", appId, regions: [...] }. */
function isUploadThingToken(token: string) {
  try {
    const t = JSON.parse(Buffer.from(token, 'base64').toString('utf8')) as Record<string, unknown>
    return (
      typeof t.apiKey === 'string' &&
      t.apiKey.startsWith('sk_') &&
      typeof t.appId === 'string' &&
      Array.isArray(t.regions) &&
      t.regions.length > 0
    )
  } catch {
    return false
  }
}

export const DEFAULT_DATABASE_PATH = 'data/dvk.sqlite'
export const DEFAULT_UPLOAD_DIR = 'data/uploads'

const schema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  HOST: z.string().min(1).default('0.0.0.0'),
  DATABASE_PATH: z.string().min(1).default(DEFAULT_DATABASE_PATH),
  UPLOAD_DIR: z.string().min(1).default(DEFAULT_UPLOAD_DIR),
  // Production refuses to start on a DATABASE_PATH that does not exist (a mistyped path would
  // serve an empty site) unless told to create it: INIT_DATABASE=true or `--init`.
  INIT_DATABASE: z.enum(['true', 'false']).default('false'),
  // Scheduled backups (npm run db:backup's format) into BACKUP_DIR, keeping the newest BACKUP_KEEP.
  BACKUP_DIR: z.string().min(1).optional(),
  BACKUP_INTERVAL_HOURS: z.coerce
    .number()
    .min(0.01)
    .max(24 * 30)
    .default(24),
  BACKUP_KEEP: z.coerce.number().int().min(1).max(1000).default(14),
  // How long a stop (SIGTERM/SIGINT) waits for the requests in flight.
  SHUTDOWN_GRACE_SECONDS: z.coerce.number().min(0).max(300).default(10),
  SESSION_SECRET: z
    .string()
    .min(32, 'must be at least 32 characters')
    .optional()
    .describe('Signs the session cookie. Required in production.'),
  SESSION_TTL_DAYS: z.coerce.number().int().min(1).max(90).default(14),
  // Signed-in sessions end after this long without a request: organisers (any admin role)…
  SESSION_IDLE_MINUTES_ADMIN: z.coerce.number().int().min(5).max(1440).default(30),
  // …and everyone else (unit officers, judges scoring long sheets, commune officers).
  SESSION_IDLE_MINUTES: z.coerce.number().int().min(5).max(10080).default(240),
  SECURE_COOKIES: z.enum(['true', 'false']).optional(),
  TRUST_PROXY: z
    .string()
    .optional()
    .transform((value, ctx) => {
      const parsed = parseTrustProxy(value)
      if (parsed.ok) return parsed.value
      ctx.addIssue({ code: 'custom', message: parsed.message })
      return z.NEVER
    }),
  PUBLIC_URL: z
    .url({ protocol: /^https?$/ })
    .refine((u) => new URL(u).pathname === '/' && !new URL(u).search, {
      message: 'must be an origin such as https://dvk.example.gov.vn (no path)',
    })
    .optional(),
  UPLOADTHING_TOKEN: z
    .string()
    .min(1)
    .refine(isUploadThingToken, 'must be the token from the UploadThing dashboard')
    .optional(),
  // The UploadThing SDK's own settings, passed to it explicitly (it would also read them itself).
  // API and ingest URLs only change for tests (a fake server on 127.0.0.1); the callback URL is for
  // a proxy whose public address differs from the one requests arrive on.
  UPLOADTHING_API_URL: z.url().optional(),
  UPLOADTHING_INGEST_URL: z.url().optional(),
  UPLOADTHING_CALLBACK_URL: z.url().optional(),
  UPLOADTHING_LOG_LEVEL: z
    .enum(['None', 'Fatal', 'Error', 'Warning', 'Info', 'Debug'])
    .default('Warning'),
})

export type Env = z.infer<typeof schema> & {
  SESSION_SECRET: string
  secureCookies: boolean
  /** The origin of every link that leaves the site (PUBLIC_URL; localhost outside production). */
  publicOrigin: string
}

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
  // Links that leave the site (certificate QR codes, og:url, canonical, open data) never come
  // from the request's Host header: production names its address, or does not start.
  if (env.NODE_ENV === 'production' && !env.PUBLIC_URL) {
    throw new Error(
      'Invalid environment variables:\n  PUBLIC_URL: required in production (the public address, ' +
        'e.g. https://dvk.example.gov.vn; `npm run demo` sets http://localhost:PORT)',
    )
  }
  return {
    ...env,
    publicOrigin: env.PUBLIC_URL ? new URL(env.PUBLIC_URL).origin : `http://localhost:${env.PORT}`,
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
