import { expect, expectNoA11yViolations, test } from './fixtures'

/**
 * A form sent with more than its route accepts (issue 11) gets a 413 the visitor can
 * read: without JavaScript a small page in their language, with JavaScript the app's
 * error page (the fetch submission's 413 decoded by Remix). The body is never read.
 */

const HUGE = 'x'.repeat(100 * 1024) // 100 KB, over the sign-in form's 64 KB

test('without JavaScript, an oversized sign-in gets the 413 page', async ({ browser, baseURL }) => {
  const context = await browser.newContext({ javaScriptEnabled: false, baseURL })
  const page = await context.newPage()
  await page.goto('/login')
  await page.getByLabel('Tên đăng nhập').evaluate((el, v) => {
    ;(el as HTMLInputElement).removeAttribute('maxlength')
    ;(el as HTMLInputElement).value = v
  }, HUGE)
  await page.getByLabel('Mật khẩu').fill('dvk-demo-2025')
  const [response] = await Promise.all([
    page.waitForResponse((r) => r.request().method() === 'POST'),
    page.getByRole('button', { name: 'Đăng nhập' }).click(),
  ])
  expect(response.status()).toBe(413)
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Dữ liệu gửi lên quá lớn')
  await expect(page.getByText('vượt quá giới hạn 64 KB')).toBeVisible()
  await expect(page.getByRole('link', { name: 'Quay lại trang trước' })).toHaveAttribute(
    'href',
    '/login',
  )
  await expectNoA11yViolations(page)
  await context.close()
})

test('with JavaScript, an oversized sign-in shows the 413 error page', async ({ page, axe }) => {
  await page.goto('/login')
  await page.waitForFunction(() => (window as { __remixContext?: unknown }).__remixContext)
  await page.getByLabel('Tên đăng nhập').evaluate((el, v) => {
    const input = el as HTMLInputElement
    input.removeAttribute('maxlength')
    input.value = v
  }, HUGE)
  await page.getByLabel('Mật khẩu').fill('dvk-demo-2025')
  const [response] = await Promise.all([
    page.waitForResponse((r) => r.url().includes('.data') && r.request().method() === 'POST'),
    page.getByRole('button', { name: 'Đăng nhập' }).click(),
  ])
  expect(response.status()).toBe(413)
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Dữ liệu gửi lên quá lớn')
  await expect(page.getByText('Nội dung gửi lên quá lớn nên chưa được nhận.')).toBeVisible()
  await axe()
})
