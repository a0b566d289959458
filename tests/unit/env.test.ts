import { describe, expect, it } from 'vitest'
import { parseEnv } from '~/env.server'

const production = {
  NODE_ENV: 'production',
  SESSION_SECRET: 'x'.repeat(32),
  PUBLIC_URL: 'https://dvk.example.gov.vn',
}

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
    const env = parseEnv(production)
    expect(env.secureCookies).toBe(true)
    expect(parseEnv({ ...production, SECURE_COOKIES: 'false' }).secureCookies).toBe(false)
  })

  it('requires PUBLIC_URL in production, and takes links only from it', () => {
    expect(() => parseEnv({ ...production, PUBLIC_URL: undefined })).toThrow(
      /PUBLIC_URL: required in production/,
    )
    expect(parseEnv(production).publicOrigin).toBe('https://dvk.example.gov.vn')
    expect(
      parseEnv({ ...production, PUBLIC_URL: 'https://dvk.example.gov.vn/' }).publicOrigin,
    ).toBe('https://dvk.example.gov.vn')
    expect(() => parseEnv({ ...production, PUBLIC_URL: 'https://dvk.example.gov.vn/app' })).toThrow(
      /PUBLIC_URL: must be an origin/,
    )
    expect(() => parseEnv({ ...production, PUBLIC_URL: 'javascript:alert(1)' })).toThrow(
      /PUBLIC_URL/,
    )
    expect(parseEnv({ NODE_ENV: 'development', PORT: '4040' }).publicOrigin).toBe(
      'http://localhost:4040',
    )
  })

  it.each([
    [undefined, false],
    ['false', false],
    ['1', 1],
    ['2', 2],
    ['10.0.0.5', ['10.0.0.5']],
    ['10.0.0.5, 10.1.0.0/16,loopback', ['10.0.0.5', '10.1.0.0/16', 'loopback']],
    ['::1, fd00::/8', ['::1', 'fd00::/8']],
  ])('TRUST_PROXY=%j is %j', (value, expected) => {
    expect(parseEnv({ ...production, TRUST_PROXY: value }).TRUST_PROXY).toEqual(expected)
  })

  it.each([
    ['true', /TRUST_PROXY: `true` would trust any X-Forwarded-For/],
    ['yes', /TRUST_PROXY: not a hop count, an address or a CIDR range: "yes"/],
    ['10.0.0.0/33', /TRUST_PROXY: not a hop count/],
    ['10.0.0.1, evil', /TRUST_PROXY: not a hop count.*"evil"/],
    ['99', /TRUST_PROXY: a hop count must be between 0 and 10/],
  ])('refuses TRUST_PROXY=%j at start', (value, message) => {
    expect(() => parseEnv({ ...production, TRUST_PROXY: value })).toThrow(message)
  })

  it('reads the idle timeouts, 30 minutes for organisers by default', () => {
    expect(parseEnv(production).SESSION_IDLE_MINUTES_ADMIN).toBe(30)
    expect(parseEnv(production).SESSION_IDLE_MINUTES).toBe(240)
    expect(
      parseEnv({ ...production, SESSION_IDLE_MINUTES_ADMIN: '15' }).SESSION_IDLE_MINUTES_ADMIN,
    ).toBe(15)
    expect(() => parseEnv({ ...production, SESSION_IDLE_MINUTES_ADMIN: '1' })).toThrow(
      /SESSION_IDLE_MINUTES_ADMIN/,
    )
  })
})
