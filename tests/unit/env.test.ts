import { describe, expect, it } from 'vitest'
import { parseEnv } from '~/env.server'

describe('environment', () => {
  it('has working defaults for development', () => {
    const env = parseEnv({ NODE_ENV: 'development' })
    expect(env.PORT).toBe(3000)
    expect(env.DATABASE_PATH).toBe('data/dvk.sqlite')
    expect(env.secureCookies).toBe(false)
  })

  it('names every variable that is wrong', () => {
    let message = ''
    try {
      parseEnv({ PORT: 'abc', SESSION_SECRET: 'short' })
    } catch (e) {
      message = String(e)
    }
    expect(message).toContain('Invalid environment variables')
    expect(message).toContain('PORT')
    expect(message).toContain('SESSION_SECRET: must be at least 32 characters')
  })

  it('requires a session secret in production and makes cookies Secure', () => {
    expect(() => parseEnv({ NODE_ENV: 'production' })).toThrow(
      /SESSION_SECRET: required in production/,
    )
    const env = parseEnv({ NODE_ENV: 'production', SESSION_SECRET: 'x'.repeat(32) })
    expect(env.secureCookies).toBe(true)
    expect(
      parseEnv({ NODE_ENV: 'production', SESSION_SECRET: 'x'.repeat(32), SECURE_COOKIES: 'false' })
        .secureCookies,
    ).toBe(false)
  })
})
