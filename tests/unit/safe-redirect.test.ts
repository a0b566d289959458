import { describe, expect, it } from 'vitest'
import { safeRedirect } from '~/http/safe-redirect'

/** Resolves a Location value the way a browser does, from a page of the site. */
const landsOn = (location: string) => new URL(location, 'https://dvk.example/login').host

describe('safeRedirect keeps paths of the site', () => {
  it.each([
    ['/admin/users?q=a', '/admin/users?q=a'],
    ['/', '/'],
    ['/models?q=d%C3%A2n#top', '/models?q=d%C3%A2n#top'],
    ['/models?q=dân', '/models?q=d%C3%A2n'],
    ['/unit/entries/3', '/unit/entries/3'],
    ['/a/../admin', '/admin'],
    ['/%2F%2Fevil.example', '/%2F%2Fevil.example'],
  ])('%s → %s', (input, expected) => {
    expect(safeRedirect(input)).toBe(expected)
    expect(landsOn(expected)).toBe('dvk.example')
  })
})

describe('safeRedirect refuses every known way off the site', () => {
  const bypasses: unknown[] = [
    '//evil.example',
    '///evil.example',
    '////evil.example',
    '/\\evil.example',
    '\\\\evil.example',
    '\\/evil.example',
    '/\t/evil.example', // the reported one: browsers drop the tab
    '/\n/evil.example',
    '/\r/evil.example',
    '/\r\n/evil.example',
    '/\u0000/evil.example',
    '/\u000b/evil.example',
    '/\u000c/evil.example',
    '/\u007f/evil.example',
    ' //evil.example',
    '\t//evil.example',
    '/ /evil.example'.replace(' ', '\t'),
    'https://evil.example',
    'http://evil.example',
    'HTTPS://evil.example',
    '//evil.example@dvk.example',
    'https:evil.example',
    'https:/evil.example',
    'javascript:alert(1)',
    'JaVaScRiPt:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'vbscript:msgbox(1)',
    'evil.example',
    '@evil.example',
    '.evil.example',
    '',
    '/\\/evil.example',
    '/.\\evil.example',
    '//%09/evil.example',
    '//evil.example/%2F..',
    null,
    undefined,
    42,
    ['/admin'],
    { toString: () => '/admin' },
  ]
  it.each(bypasses.map((b) => [b]))('%j → the fallback', (input) => {
    expect(safeRedirect(input, '/fallback')).toBe('/fallback')
  })

  it('has a table of at least 30 bypasses', () => {
    expect(bypasses.length).toBeGreaterThanOrEqual(30)
  })

  // Unicode slashes and encoded ones are not refused, but they can only ever stay on the site.
  it.each([
    '/\uff0f/evil.example', // fullwidth solidus
    '/\u2215/evil.example', // division slash
    '/\u2044/evil.example', // fraction slash
    '/\uff3c/evil.example', // fullwidth reverse solidus
    '/%2f%2fevil.example',
    '/%5c%5cevil.example',
    '/%09/evil.example',
    '/.%2e/%2e%2e//evil.example',
    '/@evil.example',
    '/\u2028/evil.example', // line separator
    '/evil.example:443',
  ])('%j stays on the site', (input) => {
    const out = safeRedirect(input, '/fallback')
    expect(out.startsWith('/')).toBe(true)
    expect(out.startsWith('//')).toBe(false)
    expect(landsOn(out)).toBe('dvk.example')
  })
})
