import type { APIRequestContext } from '@playwright/test'
import { expect, signIn, test } from './fixtures'

/**
 * Visits every page each role of the demo can reach by following links, and reads the
 * bytes the server sent: no page, open-data file or export may carry a NUL byte (React
 * 18's streaming bug, repaired in app/entry.server.tsx) or a U+FFFD replacement character.
 * HTTP-level, so it runs in the desktop project only (see playwright.config.ts).
 */
const roles = [
  { username: null, start: ['/', '/models', '/contests', '/login'] },
  { username: 'admin', start: ['/', '/admin', '/account', '/notifications'] },
  { username: 'donvi', start: ['/', '/unit', '/account', '/notifications'] },
  { username: 'giamkhao1', start: ['/', '/judge', '/account', '/notifications'] },
  { username: 'xa', start: ['/', '/commune', '/account', '/notifications'] },
] as const

// Not pages: sign-out and language switches are POSTs, uploads and photos are binary.
const skipped = /^\/(logout|language|api\/|media\/)/
// Query-string variants of one page (filters, sorts, pages) are sampled, not enumerated.
const VARIANTS_PER_PATH = 4
const MAX_PAGES_PER_ROLE = 600
const textTypes = /^(text\/|application\/(json|xml|javascript))/

const REPLACEMENT = Buffer.from('\uFFFD', 'utf8')

type Finding = { url: string; problem: string }

async function crawl(request: APIRequestContext, start: readonly string[], origin: string) {
  const queue = [...start]
  const seen = new Set<string>(queue)
  const variants = new Map<string, number>()
  const findings: Finding[] = []
  const titles = new Map<string, string>()
  let visited = 0
  while (queue.length && visited < MAX_PAGES_PER_ROLE) {
    const url = queue.shift()!
    const res = await request.get(url, { maxRedirects: 0 })
    visited++
    const type = res.headers()['content-type'] ?? ''
    if (res.status() >= 500) findings.push({ url, problem: `status ${res.status()}` })
    if (!textTypes.test(type)) continue
    const bytes = await res.body()
    if (bytes.includes(0)) findings.push({ url, problem: `NUL byte at ${bytes.indexOf(0)}` })
    if (bytes.includes(REPLACEMENT))
      findings.push({ url, problem: `U+FFFD at byte ${bytes.indexOf(REPLACEMENT)}` })
    if (type.startsWith('text/html') && res.status() === 200) {
      const title = /<title>([^<]*)<\/title>/.exec(bytes.toString('utf8'))?.[1]
      if (title) titles.set(url.split('?')[0]!, title)
      else findings.push({ url, problem: 'no <title>' })
    }
    const location = res.headers()['location']
    const links = [...(location ? [location] : []), ...hrefs(bytes.toString('utf8'))]
    for (const link of links) {
      const next = sameSite(link, url, origin)
      if (!next || seen.has(next) || skipped.test(next.slice(1))) continue
      const path = next.split('?')[0]!
      const count = variants.get(path) ?? 0
      if (next.includes('?') && count >= VARIANTS_PER_PATH) continue
      variants.set(path, count + 1)
      seen.add(next)
      queue.push(next)
    }
  }
  return { visited, findings, titles, exhausted: queue.length === 0 }
}

function hrefs(html: string) {
  return [...html.matchAll(/\bhref="([^"]*)"/g)].map((m) =>
    m[1]!.replaceAll('&amp;', '&').replaceAll('&#x27;', "'").replaceAll('&quot;', '"'),
  )
}

function sameSite(link: string, base: string, origin: string) {
  try {
    const url = new URL(link, origin + base)
    if (url.origin !== origin) return null
    return url.pathname + url.search
  } catch {
    return null
  }
}

/**
 * Every page names itself before the site (WCAG 2.4.2): no page is titled only "Dân vận khéo",
 * and pages of one kind that show different things (two entries, two contests, two models)
 * have different titles.
 */
function titleProblems(titles: Map<string, string>) {
  const problems: string[] = []
  const byKind = new Map<string, Map<string, string>>()
  for (const [path, title] of titles) {
    const parts = title.split(' — ')
    if (parts.length < 2 || parts.at(-1) !== 'Dân vận khéo' || !parts[0]!.trim())
      problems.push(`${path}: "${title}"`)
    const kind = path
      .replace(/\/\d+(?=\/|$)/g, '/:id')
      .replace(/^\/models\/[^/]+$/, '/models/:slug')
    if (kind === path) continue
    const seen = byKind.get(kind) ?? new Map<string, string>()
    const other = seen.get(title)
    if (other) problems.push(`${path} and ${other} are both titled "${title}"`)
    seen.set(title, path)
    byKind.set(kind, seen)
  }
  return problems
}

for (const role of roles) {
  test(`every page ${role.username ?? 'a visitor'} can reach is free of NUL bytes and U+FFFD and has its own title`, async ({
    page,
    baseURL,
  }, testInfo) => {
    test.setTimeout(180_000)
    if (role.username) await signIn(page, role.username)
    const origin = new URL(baseURL!).origin
    const { visited, findings, titles, exhausted } = await crawl(page.request, role.start, origin)
    testInfo.annotations.push({ type: 'pages visited', description: String(visited) })
    console.log(`crawl ${role.username ?? 'visitor'}: ${visited} pages`)
    expect(findings).toEqual([])
    expect(titleProblems(titles)).toEqual([])
    // The crawl reached the end of what the role can see, and saw a real site.
    expect(exhausted).toBe(true)
    expect(visited).toBeGreaterThan(10)
  })
}
