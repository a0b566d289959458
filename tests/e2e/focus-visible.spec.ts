import type { Page } from '@playwright/test'
import { expect, signIn, test } from './fixtures'
import { openOwnEntry } from './nominations'

/**
 * Issue 10, item 5 (WCAG 2.2 SC 2.4.11, focus not obscured): tabbing through each long form,
 * every element that takes the focus is fully inside the window and not under the form's
 * sticky save bar (but for the bar's own buttons). Runs at 1280 px (desktop) and 360 px
 * (phone), with JavaScript and without it (a slow link before the scripts arrive: the bar's
 * room is then CSS only).
 */

interface Hidden {
  element: string
  top: number
  bottom: number
  barTop: number | null
  viewport: number
}

/** Where the focused element is now, if any part of it is out of sight or under a sticky bar. */
function obscured(page: Page) {
  return page.evaluate((): Hidden | null | 'none' => {
    const el = document.activeElement
    if (!el || el === document.body) return 'none'
    const box = el.getBoundingClientRect()
    if (box.width === 0 && box.height === 0) return null
    const bars = [...document.querySelectorAll<HTMLElement>('body *')].filter(
      (e) => getComputedStyle(e).position === 'sticky' && !e.contains(el),
    )
    const covering = bars
      .map((b) => b.getBoundingClientRect())
      .find((b) => b.height > 0 && box.bottom > b.top && box.top < b.bottom)
    const inside = box.top >= 0 && box.bottom <= window.innerHeight
    if (inside && !covering) return null
    const name =
      el.getAttribute('aria-label') ||
      el.getAttribute('name') ||
      el.id ||
      (el.textContent ?? '').trim().slice(0, 40)
    return {
      element: `${el.tagName.toLowerCase()} ${name}`,
      top: Math.round(box.top),
      bottom: Math.round(box.bottom),
      barTop: covering ? Math.round(covering.top) : null,
      viewport: window.innerHeight,
    }
  })
}

/**
 * Tabs from the top of the page through the whole form (up to its last control, the bar's
 * buttons) and returns every stop at which the focused element was not fully visible.
 */
async function tabThrough(page: Page, formSelector: string) {
  await page.evaluate(() => {
    window.scrollTo(0, 0)
    ;(document.activeElement as HTMLElement | null)?.blur()
  })
  const form = page.locator(formSelector)
  await expect(form).toBeVisible()
  const last = await form.evaluate((f) => {
    const stops = [...f.querySelectorAll<HTMLElement>('a[href], button, input, select, textarea')]
      .filter(
        (e) => e.tabIndex >= 0 && !(e as HTMLInputElement).disabled && e.getClientRects().length,
      )
      .filter((e) => (e as HTMLInputElement).type !== 'hidden')
    const end = stops.at(-1)!
    end.dataset.lastStop = ''
    return stops.length
  })
  expect(last).toBeGreaterThan(3)
  const hidden: Hidden[] = []
  let stops = 0
  for (; stops < 600; stops++) {
    await page.keyboard.press('Tab')
    // With JavaScript the save bar moves a focused textarea clear of itself in an animation
    // frame after focus: give a hidden stop a few short moments before counting it.
    let where = await obscured(page)
    for (let tries = 0; where && where !== 'none' && tries < 10; tries++) {
      await page.waitForTimeout(50)
      where = await obscured(page)
    }
    if (where && where !== 'none') hidden.push(where)
    if (await page.evaluate(() => document.activeElement?.hasAttribute('data-last-stop'))) break
  }
  expect(stops, 'the form’s last control was reached').toBeLessThan(600)
  return { stops: stops + 1, hidden }
}

async function expectNothingHidden(page: Page, formSelector: string) {
  const { stops, hidden } = await tabThrough(page, formSelector)
  expect(stops).toBeGreaterThan(3)
  expect(hidden, `focus stops out of sight or under the sticky bar (of ${stops})`).toEqual([])
}

const MODES = [
  { name: 'with JavaScript', js: true },
  { name: 'without JavaScript', js: false },
]

for (const { name, js } of MODES) {
  test.describe(name, () => {
    test.use({ javaScriptEnabled: js })

    test('the entry form: no focused element hidden', async ({ page }, testInfo) => {
      test.setTimeout(120_000)
      await openOwnEntry(page, testInfo.project.name === 'phone' ? 5 : 4)
      await expectNothingHidden(page, 'form[id^="entry-"]')
    })

    test('the model form: no focused element hidden', async ({ page }) => {
      test.setTimeout(90_000)
      await signIn(page, 'donvi')
      await page
        .getByRole('region', { name: 'Mô hình đã đăng ký' })
        .getByRole('listitem')
        .first()
        .getByRole('link', { name: 'Sửa mô hình' })
        .click()
      await expectNothingHidden(page, 'form[id^="model-"]')
    })

    test('the contest form: no focused element hidden', async ({ page }) => {
      test.setTimeout(90_000)
      await signIn(page, 'admin')
      await page.goto('/admin/contests/new')
      await expectNothingHidden(page, 'form#contest-new')
    })

    test('the score sheet: no focused element hidden', async ({ page }) => {
      test.setTimeout(90_000)
      await signIn(page, 'giamkhao1')
      await page.getByRole('main').locator('section').first().getByRole('link').first().click()
      await expect(page).toHaveURL(/\/judge\/entries\/\d+$/)
      await expectNothingHidden(page, 'form[id^="sheet-"]')
    })
  })
}
