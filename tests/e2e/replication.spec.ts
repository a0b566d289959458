import { devices, type Browser, type Page } from '@playwright/test'
import { expect, expectNoA11yViolations, signIn, test } from './fixtures'

/**
 * The commune officer `xa` registers a replication of a published seeded model, moves
 * it to "in progress" and reports an indicator; the organiser then sees it counted in
 * the coverage matrix of the monitoring dashboard. The phone project runs `xa` on the
 * phone with JavaScript; the desktop project runs the same forms with JavaScript off,
 * on another model. The organiser always uses a desktop window. Axe on every page.
 */
const FIELDS = [
  'Kinh tế',
  'Văn hóa - xã hội',
  'Quốc phòng - an ninh',
  'Xây dựng hệ thống chính trị',
]

function todayInVietnam() {
  return new Date(Date.now() + 7 * 3600_000).toISOString().slice(0, 10)
}

async function organiserWindow(browser: Browser, baseURL: string | undefined) {
  const context = await browser.newContext({
    ...devices['Desktop Chrome'],
    viewport: { width: 1280, height: 800 },
    baseURL,
    locale: 'vi-VN',
    timezoneId: 'Asia/Ho_Chi_Minh',
  })
  const page = await context.newPage()
  await signIn(page, 'admin')
  return { context, page }
}

/** The Du Già row of the coverage matrix: the count in each field. */
async function duGiaCoverage(page: Page) {
  await page.goto('/admin/monitoring')
  await expect(page.getByRole('heading', { level: 1, name: 'Theo dõi phong trào' })).toBeVisible()
  // The section and its scrolling table share the heading as their name: the table's is the inner one.
  const region = page.getByRole('region', { name: /^Độ phủ nhân rộng theo xã và lĩnh vực/ }).last()
  const row = region.getByRole('row', { name: /Du Già/ })
  const cells = row.getByRole('cell')
  const counts: number[] = []
  for (let i = 0; i < FIELDS.length; i++) counts.push(Number(await cells.nth(i).textContent()))
  return { counts, missing: (await cells.nth(FIELDS.length).textContent())!.trim() }
}

test('a commune officer registers and updates a replication; the organiser sees it on the dashboard', async ({
  page,
  browser,
  baseURL,
}, testInfo) => {
  test.setTimeout(120_000)
  const withJs = testInfo.project.name === 'phone'
  const organiser = await organiserWindow(browser, baseURL)
  const before = await duGiaCoverage(organiser.page)
  await expectNoA11yViolations(organiser.page)

  // The desktop project: the officer's forms with JavaScript off (server-rendered forms only).
  const context = withJs ? null : await browser.newContext({ javaScriptEnabled: false, baseURL })
  const xa = context ? await context.newPage() : page
  // Axe runs inside the page, so it needs JavaScript: the phone run checks these same pages.
  const axe = () => (withJs ? expectNoA11yViolations(xa) : Promise.resolve())
  await signIn(xa, 'xa')
  await expect(xa).toHaveURL(/\/commune$/)
  await expect(
    xa.getByRole('heading', { level: 1, name: 'Nhân rộng mô hình tại xã' }),
  ).toBeVisible()
  await axe()
  const replicated = await xa
    .getByRole('region', { name: 'Mô hình đang nhân rộng' })
    .getByRole('link')
    .allTextContents()

  await xa.getByRole('link', { name: 'Đăng ký nhân rộng một mô hình' }).click()
  await expect(
    xa.getByRole('heading', { level: 1, name: 'Chúng tôi đang nhân rộng mô hình này' }),
  ).toBeVisible()
  await axe()
  const select = xa.getByLabel('Mô hình gốc')
  const options = (await select.locator('option').allTextContents()).slice(1)
  const candidates = options.filter((o) => !replicated.map((r) => r.trim()).includes(o.trim()))
  // Each project takes its own model, so the two runs never register the same one.
  const model = candidates[withJs ? 0 : 1]!
  await select.selectOption({ label: model })
  await xa.getByLabel('Ngày bắt đầu').fill(todayInVietnam())
  await xa
    .getByLabel('Điều chỉnh cho phù hợp với xã')
    .fill('Làm trước ở thôn Pả Láng, sau đó mở rộng.')
  await xa.getByRole('button', { name: 'Đăng ký nhân rộng' }).click()

  await expect(xa).toHaveURL(/\/commune\/replications\/\d+\?created=1$/)
  await expect(xa.getByText('Đã đăng ký nhân rộng mô hình.')).toBeVisible()
  await expect(xa.getByRole('heading', { level: 1 })).toContainText(model)
  const summary = xa.getByRole('region', { name: 'Thông tin nhân rộng' })
  await expect(summary.getByText('Dự kiến')).toBeVisible()
  const field = (await summary.locator('dt:has-text("Lĩnh vực") + dd').textContent())!.trim()
  expect(FIELDS).toContain(field)
  await axe()

  // Planned → in progress.
  await xa.getByLabel('Chuyển sang').selectOption({ label: 'Đang triển khai' })
  await xa.getByRole('button', { name: 'Cập nhật trạng thái' }).click()
  await expect(xa.getByText('Đã cập nhật trạng thái.')).toBeVisible()
  await expect(summary.getByText('Đang triển khai')).toBeVisible()
  await axe()

  // A report with one indicator, typed the Vietnamese way.
  const report = xa.getByRole('region', { name: 'Báo cáo kết quả' })
  await report.getByLabel('Ngày báo cáo').fill(todayInVietnam())
  await report.getByLabel('Nội dung báo cáo').fill('Đã họp thôn, 12 hộ đăng ký tham gia đợt đầu.')
  const row = report.getByRole('group', { name: 'Chỉ tiêu 1' })
  await row.getByLabel('Nội dung').fill('Số hộ tham gia')
  await row.getByLabel('Giá trị').fill('1.234,5')
  await row.getByLabel('Đơn vị tính').fill('hộ')
  await report.getByRole('button', { name: 'Gửi báo cáo' }).click()
  await expect(xa.getByText('Đã ghi nhận báo cáo.')).toBeVisible()
  const reports = xa.getByRole('region', { name: 'Các báo cáo' })
  await expect(reports.getByText('Số hộ tham gia: 1.234,5 hộ')).toBeVisible()
  await axe()

  // Back on the commune's page: listed, updated today.
  await xa.getByRole('link', { name: 'Về trang nhân rộng của xã' }).click()
  await expect(xa).toHaveURL(/\/commune$/)
  // In the commune's list (not the detail page the navigation is leaving, which names it too).
  await expect(
    xa
      .getByRole('region', { name: 'Mô hình đang nhân rộng' })
      .first()
      .getByRole('link', { name: model }),
  ).toBeVisible()
  await axe()
  await context?.close()

  // The organiser: counted in the coverage matrix, under the model's field.
  const after = await duGiaCoverage(organiser.page)
  const i = FIELDS.indexOf(field)
  expect(after.counts[i]).toBeGreaterThanOrEqual(before.counts[i]! + 1)
  expect(after.missing).not.toContain(field)
  await expect(organiser.page.getByRole('img', { name: /^Hồ sơ theo lĩnh vực năm/ })).toBeVisible()
  await expectNoA11yViolations(organiser.page)
  await organiser.context.close()
})
