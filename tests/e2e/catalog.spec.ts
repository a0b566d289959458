import type { Page } from '@playwright/test'
import { expect, expectNoA11yViolations, test } from './fixtures'

/**
 * A visitor (no sign-in) finds a seeded published model by typing its title without
 * diacritics, narrows by field, opens the model and sees its photos and indicators. The
 * phone project runs it with JavaScript; the desktop project with JavaScript off (the
 * catalog is a plain GET form). Axe on both pages in the phone run.
 */
const TITLE = 'Dân hiến đất làm đường bê tông liên thôn Pả Láng – Thâm Lầu'

/** `axe`: whether to run the accessibility check (axe needs JavaScript in the page). */
async function findAndOpen(page: Page, axe: boolean) {
  await page.goto('/')
  await page
    .getByRole('navigation', { name: 'Điều hướng chính' })
    .getByRole('link', { name: 'Mô hình' })
    .click()
  await expect(page.getByRole('heading', { level: 1, name: /Danh mục mô hình/ })).toBeVisible()
  await expect(page.getByRole('status')).toHaveText(/^\d+ mô hình$/)

  // Without diacritics: "dan hien dat lam duong" finds "Dân hiến đất làm đường…".
  await page.getByLabel('Tìm mô hình').fill('dan hien dat lam duong')
  await page.getByRole('button', { name: 'Tìm', exact: true }).click()
  await expect(page).toHaveURL(/[?&]q=dan\+hien\+dat\+lam\+duong/)
  const results = page.getByRole('list', { name: 'Kết quả tìm kiếm' })
  const hit = results.getByRole('link', { name: TITLE })
  await expect(hit).toBeVisible()
  // The matched words are highlighted on the original (accented) title.
  await expect(results.locator('mark', { hasText: 'đường' }).first()).toBeVisible()

  // Narrow by field: the state stays in the URL.
  await page.getByLabel('Lĩnh vực').selectOption('economy')
  await page.getByRole('button', { name: 'Áp dụng' }).click()
  await expect(page).toHaveURL(/field=economy/)
  await expect(page).toHaveURL(/q=dan\+hien/)
  await expect(results.getByRole('link', { name: TITLE })).toBeVisible()
  if (axe) await expectNoA11yViolations(page)

  await results.getByRole('link', { name: TITLE }).click()
  await expect(page.getByRole('heading', { level: 1, name: TITLE })).toBeVisible()
  const gallery = page.getByRole('region', { name: 'Hình ảnh' })
  const photo = gallery.getByRole('img').first()
  await expect(photo).toBeVisible()
  await expect(photo).toHaveAttribute('loading', 'lazy')
  await expect(photo).toHaveAttribute('srcset', /\d+w/)
  // The photo loads (lazily, over the network): wait for it to be decoded, do not sample it once.
  await expect
    .poll(() => photo.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0))
    .toBe(true)
  const indicators = page.getByRole('region', { name: 'Kết quả đo đếm được' }).last()
  await expect(indicators.getByRole('row').nth(1)).toBeVisible()
  await expect(page.getByRole('heading', { name: /^Được nhân rộng tại \d+ xã$/ })).toBeVisible()
  await expect(page.locator('meta[property="og:title"]')).toHaveAttribute('content', TITLE)
  await expect(page.locator('meta[property="og:image"]')).toHaveAttribute(
    'content',
    /^http:\/\/127\.0\.0\.1:\d+\/media\/.+-1280\.webp$/,
  )
  if (axe) await expectNoA11yViolations(page)
}

test('a visitor on a phone searches without diacritics, filters and opens a model', async ({
  page,
}, testInfo) => {
  test.skip(testInfo.project.name !== 'phone', 'the phone run (with JavaScript)')
  await findAndOpen(page, true)
})

test('the catalog works without JavaScript', async ({ browser, baseURL }, testInfo) => {
  test.skip(testInfo.project.name !== 'desktop', 'the desktop run (JavaScript off)')
  const context = await browser.newContext({ javaScriptEnabled: false, baseURL, locale: 'vi-VN' })
  try {
    await findAndOpen(await context.newPage(), false)
  } finally {
    await context.close()
  }
})
