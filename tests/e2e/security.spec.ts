import type { APIRequestContext } from '@playwright/test'
import { expect, signIn, test } from './fixtures'

/**
 * Issue 11's attacks, repeated against the real server: cross-site posts from a sibling
 * subdomain to the POST-only modules, open redirects, the Host header, and the security
 * headers of a page. HTTP-level (desktop project only, see playwright.config.ts).
 */
const SIBLING = { Origin: 'http://evil.127.0.0.1.example', 'Sec-Fetch-Site': 'same-site' }
const OLD_BROWSER = { Origin: 'http://evil.127.0.0.1.example' }

async function firstId(request: APIRequestContext, page: string, pattern: RegExp) {
  const html = await (await request.get(page)).text()
  const match = pattern.exec(html)
  expect(match, `a link matching ${pattern} on ${page}`).not.toBeNull()
  return Number(match![1])
}

async function expectRefused(
  request: APIRequestContext,
  path: string,
  form: Record<string, string>,
  headers: Record<string, string>,
) {
  const res = await request.post(path, { form, headers, maxRedirects: 0 })
  expect(res.status(), `${path} from ${headers.Origin}`).toBe(403)
  expect(res.headers()['set-cookie']).toBeUndefined()
  const html = await res.text()
  expect(html).toContain('Yêu cầu bị từ chối')
  expect(html).not.toMatch(/\n\s+at /) // no stack trace
}

test.describe('cross-site requests', () => {
  test('a unit officer’s photos and nominations cannot be changed from a sibling subdomain', async ({
    page,
  }) => {
    await signIn(page, 'donvi')
    const entry = await firstId(page.request, '/unit', /href="\/unit\/entries\/(\d+)"/)
    const model = await firstId(page.request, '/unit', /href="\/unit\/models\/(\d+)"/)
    for (const headers of [SIBLING, OLD_BROWSER]) {
      for (const intent of ['caption', 'cover', 'move-up', 'remove']) {
        await expectRefused(
          page.request,
          `/unit/entries/${entry}/media`,
          { intent, mediaId: '1', caption: 'Đổi từ trang khác' },
          headers,
        )
      }
      await expectRefused(page.request, `/unit/models/${model}/nominate`, {}, headers)
      await expectRefused(page.request, '/logout', {}, headers)
      await expectRefused(page.request, '/language', { locale: 'en', redirectTo: '/' }, headers)
    }
    // Still signed in, still in Vietnamese: neither sign-out nor the language switch ran.
    const account = await page.request.get('/account', { maxRedirects: 0 })
    expect(account.status()).toBe(200)
    expect(await account.text()).toContain('<html lang="vi"')
    // The same posts from the site itself still work.
    const out = await page.request.post('/logout', {
      headers: { Origin: new URL(page.url()).origin, 'Sec-Fetch-Site': 'same-origin' },
      maxRedirects: 0,
    })
    expect(out.status()).toBe(302)
  })

  test('a judge cannot be made to declare a conflict, and a refused declaration is a 4xx', async ({
    page,
  }) => {
    await signIn(page, 'giamkhao1')
    const entry = await firstId(page.request, '/judge', /href="\/judge\/entries\/(\d+)"/)
    const path = `/judge/entries/${entry}/conflict`
    for (const headers of [SIBLING, OLD_BROWSER]) {
      await expectRefused(page.request, path, { reason: 'Khai báo giả từ trang khác' }, headers)
    }
    // The entry is still in the judge's queue.
    expect(await (await page.request.get('/judge')).text()).toContain(`/judge/entries/${entry}"`)
    // A declaration without a reason is refused with 400, not 200.
    const empty = await page.request.post(path, { form: { reason: '' }, maxRedirects: 0 })
    expect(empty.status()).toBe(400)
    expect(await empty.json()).toMatchObject({ message: 'validation.reasonRequired' })
  })
})

test.describe('redirects', () => {
  for (const to of [
    '/\t/evil.example',
    '//evil.example',
    '/\\evil.example',
    'https://evil.example',
  ])
    test(`/login and /language never send anyone to ${JSON.stringify(to)}`, async ({ page }) => {
      const language = await page.request.post('/language', {
        form: { locale: 'vi', redirectTo: to },
        maxRedirects: 0,
      })
      expect(language.status()).toBe(302)
      expect(language.headers()['location']).toBe('/')
      await signIn(page, 'donvi')
      const login = await page.request.get(`/login?redirectTo=${encodeURIComponent(to)}`, {
        maxRedirects: 0,
      })
      expect(login.status()).toBe(302)
      expect(login.headers()['location']).toBe('/')
    })
})

test.describe('headers', () => {
  test('a page carries a CSP whose nonce is on every script, and no inline script without it', async ({
    request,
  }) => {
    const res = await request.get('/models')
    const csp = res.headers()['content-security-policy']!
    const nonce = /'nonce-([^']+)'/.exec(csp)![1]!
    const html = await res.text()
    const scripts = [...html.matchAll(/<script\b[^>]*>/g)].map((m) => m[0])
    expect(scripts.length).toBeGreaterThan(0)
    for (const tag of scripts) expect(tag).toContain(`nonce="${nonce}"`)
    expect(res.headers()['permissions-policy']).toContain('camera=()')
    expect(res.headers()['cache-control'] ?? '').not.toContain('no-store')
  })

  test('signed-in pages are not stored by any cache', async ({ page }) => {
    await signIn(page, 'donvi')
    for (const path of ['/unit', '/account', '/models']) {
      const res = await page.request.get(path)
      expect(res.headers()['cache-control'], path).toBe('no-store')
    }
  })

  test('Host: evil.example reaches neither og:url nor canonical nor open data', async ({
    request,
    baseURL,
  }) => {
    const slug = /href="\/models\/([^"?]+)"/.exec(await (await request.get('/models')).text())![1]!
    const headers = { Host: 'evil.example', 'X-Forwarded-Host': 'evil.example' }
    const page = await (await request.get(`/models/${slug}`, { headers })).text()
    expect(page).toContain(`content="${baseURL}/models/${slug}"`)
    expect(page).not.toContain('evil.example')
    const open = await (await request.get('/open-data/models.csv', { headers })).text()
    expect(open).toContain(`${baseURL}/models/`)
    expect(open).not.toContain('evil.example')
  })
})
