import express from 'express'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { csrfProtection } from '~/http/csrf.server'
import { PERMISSIONS_POLICY, securityHeaders } from '~/http/security-headers.server'
import { localeCookie } from '~/i18n/locale.server'

/**
 * The HTTP server's own guards (as server.ts mounts them) on a real server on 127.0.0.1: the
 * CSRF check in front of every route, and the security headers. The Playwright spec
 * tests/e2e/security.spec.ts repeats the attacks against the app's real routes.
 */
let base = ''
let changed = 0
let close = () => {}

beforeAll(async () => {
  const app = express()
  app.set('trust proxy', 1)
  app.use(securityHeaders({ production: true, csp: true }))
  app.use(csrfProtection('https://dvk.example.gov.vn'))
  app.all('*', (_req, res) => {
    changed++
    res.type('html').send(`<p>nonce ${String(res.locals.cspNonce)}</p>`)
  })
  const server = app.listen(0, '127.0.0.1')
  await new Promise((resolve) => server.once('listening', resolve))
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  close = () => server.close()
})
afterAll(() => close())

const sibling = { Origin: 'https://evil.example.gov.vn', 'Sec-Fetch-Site': 'same-site' }

describe('CSRF check', () => {
  it.each([
    '/unit/entries/1/media',
    '/unit/models/1/nominate',
    '/judge/entries/1/conflict',
    '/logout',
    '/language',
    '/login',
    '/admin/users',
  ])(
    'refuses a POST to %s from a sibling subdomain with a 403 page in Vietnamese',
    async (path) => {
      const before = changed
      const res = await fetch(`${base}${path}`, {
        method: 'POST',
        headers: { ...sibling, 'Content-Type': 'application/x-www-form-urlencoded' },
        body: 'intent=remove&mediaId=1',
      })
      expect(res.status).toBe(403)
      expect(res.headers.get('Content-Type')).toMatch(/^text\/html/)
      const html = await res.text()
      expect(html).toContain('<html lang="vi">')
      expect(html).toContain('Yêu cầu bị từ chối')
      expect(html).not.toMatch(/at \w+ \(|Error:/) // no stack trace
      expect(changed).toBe(before) // the route never ran
    },
  )

  it('answers in English to a visitor who chose English', async () => {
    const cookie = (await localeCookie.serialize('en')).split(';')[0]!
    const res = await fetch(`${base}/language`, {
      method: 'POST',
      headers: { Origin: 'https://evil.example.gov.vn', Cookie: cookie },
    })
    expect(res.status).toBe(403)
    const html = await res.text()
    expect(html).toContain('<html lang="en">')
    expect(html).toContain('Request refused')
  })

  it('lets the site’s own posts and non-browser clients through', async () => {
    const cases: Record<string, string>[] = [
      { Origin: 'https://dvk.example.gov.vn', 'Sec-Fetch-Site': 'same-origin' },
      { Origin: 'https://dvk.example.gov.vn' },
      { Origin: base },
      {},
    ]
    for (const headers of cases) {
      const res = await fetch(`${base}/logout`, { method: 'POST', headers })
      expect(res.status).toBe(200)
    }
  })
})

describe('security headers', () => {
  it('sends a CSP with a fresh nonce per response, and the other headers', async () => {
    const a = await fetch(`${base}/`)
    const b = await fetch(`${base}/`)
    const csp = a.headers.get('Content-Security-Policy')!
    const nonce = /'nonce-([^']+)'/.exec(csp)![1]!
    expect(await a.text()).toContain(`nonce ${nonce}`)
    expect(b.headers.get('Content-Security-Policy')).not.toBe(csp)
    expect(csp).toContain(`script-src 'self' 'nonce-${nonce}'`)
    expect(csp).toContain("frame-ancestors 'none'")
    expect(csp).toContain("object-src 'none'")
    expect(csp).not.toContain('unsafe-inline')
    expect(a.headers.get('Permissions-Policy')).toBe(PERMISSIONS_POLICY)
    expect(a.headers.get('Permissions-Policy')).toContain('camera=()')
    expect(a.headers.get('X-Content-Type-Options')).toBe('nosniff')
    // Plain HTTP: no HSTS (a browser ignores it there, and a proxy adds HTTPS in front).
    expect(a.headers.get('Strict-Transport-Security')).toBeNull()
  })

  it('sends HSTS on HTTPS requests in production', async () => {
    const res = await fetch(`${base}/`, { headers: { 'X-Forwarded-Proto': 'https' } })
    expect(res.headers.get('Strict-Transport-Security')).toBe('max-age=31536000')
  })
})
