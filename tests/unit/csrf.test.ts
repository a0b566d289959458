import { describe, expect, it } from 'vitest'
import { checkCsrf, type CsrfInput } from '~/http/csrf'

const SITE = ['https://dvk.example.gov.vn', 'http://127.0.0.1:3000']
const post = (headers: Partial<CsrfInput>): CsrfInput => ({
  method: 'POST',
  secFetchSite: null,
  origin: null,
  referer: null,
  ...headers,
})

describe('checkCsrf', () => {
  it.each([
    ['a same-origin form post', { secFetchSite: 'same-origin', origin: SITE[0] }],
    ['an address typed by the user', { secFetchSite: 'none' }],
    ['an own Origin without Sec-Fetch-Site', { origin: 'https://dvk.example.gov.vn' }],
    ['the origin the request arrived on', { origin: 'http://127.0.0.1:3000' }],
    ['an own Referer only (old browsers)', { referer: 'https://dvk.example.gov.vn/unit/1' }],
    ['no browser headers at all (curl, UploadThing calling back)', {}],
  ])('lets %s through', (_name, headers) => {
    expect(checkCsrf(post(headers), SITE)).toEqual({ allowed: true })
  })

  it.each([
    [
      'a sibling subdomain (same-site)',
      { secFetchSite: 'same-site', origin: 'https://evil.example.gov.vn' },
    ],
    ['another site', { secFetchSite: 'cross-site', origin: 'https://evil.example' }],
    ['a sibling subdomain, old browser', { origin: 'https://evil.example.gov.vn' }],
    ['a look-alike origin', { origin: 'https://dvk.example.gov.vn.evil.example' }],
    ['another port', { origin: 'https://dvk.example.gov.vn:8443' }],
    ['plain http for an https site', { origin: 'http://dvk.example.gov.vn' }],
    ['a sandboxed page (Origin: null)', { origin: 'null' }],
    ['a foreign Referer only', { referer: 'https://evil.example.gov.vn/form.html' }],
    ['a broken Referer', { referer: 'not a url' }],
    [
      'a same-site Sec-Fetch-Site even with our Origin forged in',
      { secFetchSite: 'same-site', origin: 'https://dvk.example.gov.vn' },
    ],
  ])('refuses %s', (_name, headers) => {
    expect(checkCsrf(post(headers), SITE).allowed).toBe(false)
  })

  it.each(['PUT', 'PATCH', 'DELETE', 'post'])('checks %s like POST', (method) => {
    expect(checkCsrf({ ...post({ origin: 'https://evil.example' }), method }, SITE).allowed).toBe(
      false,
    )
  })

  it.each(['GET', 'HEAD', 'OPTIONS'])('never refuses %s', (method) => {
    expect(
      checkCsrf(
        { ...post({ secFetchSite: 'cross-site', origin: 'https://evil.example' }), method },
        SITE,
      ),
    ).toEqual({ allowed: true })
  })
})
