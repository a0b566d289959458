import AxeBuilder from '@axe-core/playwright'
import { test as base, expect, type Page } from '@playwright/test'

export { expect }

/** Every seeded demo account signs in with this password (db/seed.ts). */
export const DEMO_PASSWORD = 'dvk-demo-2025'

/** The WCAG levels every page must meet. */
export const A11Y_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']

/**
 * Runs axe on the page as it is now and fails with one line per violation and
 * affected element (rule id, impact, CSS target, help text), so a report is readable
 * without opening the trace.
 */
export async function expectNoA11yViolations(
  page: Page,
  options: { include?: string; exclude?: string[] } = {},
) {
  // Legacy mode runs axe inside the page itself; the default mode opens an extra blank page per
  // check to merge frame results, which costs about a second here and buys nothing (no iframes).
  let builder = new AxeBuilder({ page }).withTags(A11Y_TAGS).setLegacyMode(true)
  if (options.include) builder = builder.include(options.include)
  for (const selector of options.exclude ?? []) builder = builder.exclude(selector)
  const { violations } = await builder.analyze()
  // One line per rule and element, so the failure reads like a to-do list instead of a JSON dump.
  const problems = violations.flatMap((v) =>
    v.nodes.map(
      (n) =>
        `[${v.id}] (${v.impact ?? 'n/a'}) ${n.target.map(String).join(' >> ')}: ${v.help} ` +
        `(${v.helpUrl.replace(/\?.*$/, '')})`,
    ),
  )
  expect(problems, `Accessibility violations on ${new URL(page.url()).pathname}`).toEqual([])
}

/** Signs in through the real form, as a person would; waits for the redirect away from /login. */
export async function signIn(page: Page, username: string, password = DEMO_PASSWORD) {
  if (!/\/login(\?|$)/.test(page.url())) await page.goto('/login')
  await page.getByLabel('Tên đăng nhập').fill(username)
  await page.getByLabel('Mật khẩu').fill(password)
  await page.getByRole('button', { name: 'Đăng nhập' }).click()
  await page.waitForURL((url) => url.pathname !== '/login')
  // The URL changes before the next page renders: wait for the signed-in header too.
  await expect(page.getByTestId('signed-in-as')).toBeVisible()
}

/** The header's main navigation. */
export function mainNav(page: Page) {
  return page.getByRole('navigation', { name: 'Điều hướng chính' })
}

/**
 * The Playwright `test`, with the accessibility check bound to the test's page, and a guard
 * that fails the test on any Content-Security-Policy violation in its browser context (the
 * page reports `securitypolicyviolation` events; Chromium also logs each refusal).
 */
export const test = base.extend<{ axe: () => Promise<void>; cspGuard: void }>({
  axe: async ({ page }, use) => {
    await use(() => expectNoA11yViolations(page))
  },
  cspGuard: [
    async ({ context }, use) => {
      const violations: string[] = []
      await context.addInitScript(() => {
        document.addEventListener('securitypolicyviolation', (e) => {
          console.error(
            `CSP violation: ${e.effectiveDirective} blocked ${e.blockedURI || 'inline'} ` +
              `(${e.sourceFile}:${e.lineNumber})`,
          )
        })
      })
      context.on('console', (message) => {
        const text = message.text()
        if (message.type() === 'error' && /CSP violation|Content Security Policy/i.test(text)) {
          violations.push(`${message.page()?.url() ?? '?'}: ${text}`)
        }
      })
      await use()
      expect(violations, 'Content-Security-Policy violations').toEqual([])
    },
    { auto: true },
  ],
})
