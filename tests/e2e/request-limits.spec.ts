import type { Page } from '@playwright/test'
import { expect, test } from './fixtures'

/**
 * A form sent with more than its route accepts (issue 11) gets a 413 the visitor can
 * read: a plain form submission (as without JavaScript) a small page in their language,
 * a Remix fetch submission the app's error page (the 413 decoded by Remix). The fields
 * are valid; a hidden field carries the bulk, so the browser's own checks pass.
 */

const HUGE = 'x'.repeat(100 * 1024) // 100 KB, over the sign-in form's 64 KB

async function fillSignIn(page: Page) {
  await page.getByLabel('Tên đăng nhập').fill('donvi')
  await page.getByLabel('Mật khẩu').fill('dvk-demo-2025')
  await page.locator('form:has(input[name="password"])').evaluate((form, v) => {
    const input = document.createElement('input')
    input.type = 'hidden'
    input.name = 'note'
    input.value = v
    form.append(input)
  }, HUGE)
}

test('a plain oversized sign-in gets the 413 page in Vietnamese', async ({ page, axe }) => {
  await page.goto('/login')
  await fillSignIn(page)
  const [response] = await Promise.all([
    page.waitForResponse((r) => r.request().method() === 'POST'),
    // The browser's own submission, as without JavaScript (no Remix fetch).
    page
      .locator('form:has(input[name="password"])')
      .evaluate((form) => HTMLFormElement.prototype.submit.call(form)),
  ])
  expect(response.status()).toBe(413)
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Dữ liệu gửi lên quá lớn')
  await expect(page.getByText('vượt quá giới hạn 64 KB')).toBeVisible()
  await expect(page.getByRole('link', { name: 'Quay lại trang trước' })).toHaveAttribute(
    'href',
    '/login',
  )
  await axe()
})

test('an oversized fetch submission shows the 413 error page', async ({ page, axe }) => {
  await page.goto('/login')
  // Hydrated (the modules are loaded): the sign-in form is now sent by Remix with fetch.
  await page.waitForLoadState('networkidle')
  await fillSignIn(page)
  const [response] = await Promise.all([
    page.waitForResponse((r) => r.request().method() === 'POST'),
    page.getByRole('button', { name: 'Đăng nhập' }).click(),
  ])
  expect(response.url()).toMatch(/\/login\.data/)
  expect(response.status()).toBe(413)
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Dữ liệu gửi lên quá lớn')
  await expect(page.getByText('Nội dung gửi lên quá lớn nên chưa được nhận.')).toBeVisible()
  await axe()
})
