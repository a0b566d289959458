import type { Page } from '@playwright/test'
import { expect, signIn, test } from './fixtures'

/**
 * Two judges score their own entries in the seeded round under judging, with the
 * keyboard: draft, submit, progress goes up — giamkhao3 (not started) on the desktop,
 * giamkhao2 (part-way) on a phone. Each takes its first entry not yet scored.
 */
const JUDGE: Record<string, string> = { desktop: 'giamkhao3', phone: 'giamkhao2' }
// Default rubric (20, 15, 20, 25, 20): 15 + 12.5 + 16 + 20 + 17 = 80.5
const POINTS = ['15', '12.5', '16', '20', '17']

/** The queue of the round under judging (the first section of /judge). */
/** The points inputs of the sheet: text fields with inputmode decimal, labelled "Điểm: <criterion>". */
const pointsFields = (page: Page) => page.getByRole('textbox', { name: /^Điểm\s*:/ })

function openQueue(page: Page) {
  return page.getByRole('main').locator('section').first()
}

async function submittedCount(page: Page) {
  const text = await openQueue(page)
    .getByText(/^Đã nộp \d+\/\d+ phiếu chấm$/)
    .textContent()
  const [, done, total] = text!.match(/(\d+)\/(\d+)/)!
  return { done: Number(done), total: Number(total) }
}

test('a judge scores an assigned entry with the keyboard, saves a draft, submits, and sees progress', async ({
  page,
  axe,
}, testInfo) => {
  test.setTimeout(120_000)
  await signIn(page, JUDGE[testInfo.project.name] ?? 'giamkhao3')
  await expect(page).toHaveURL(/\/judge$/)
  await expect(page.getByRole('heading', { level: 1, name: 'Chấm điểm' })).toBeVisible()
  await axe()
  const before = await submittedCount(page)

  const item = openQueue(page)
    .getByRole('listitem')
    .filter({ hasText: 'Phiếu chấm: Chưa chấm' })
    .first()
  const link = item.getByRole('link')
  const title = (await link.textContent())!.trim()
  await link.click()
  await expect(page).toHaveURL(/\/judge\/entries\/\d+$/)
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(title)
  // The entry beside the sheet: its sections and the sheet itself.
  await expect(page.getByRole('heading', { name: 'Kết quả đo đếm được' })).toBeVisible()
  await expect(page.getByRole('heading', { name: 'Phiếu chấm', level: 2 })).toBeVisible()
  await axe()

  // An out-of-range score is refused next to its field.
  const first = pointsFields(page).first()
  await first.focus()
  await page.keyboard.type('21')
  await page.keyboard.press('Tab')
  await expect(first).toHaveAttribute('aria-invalid', 'true')
  await expect(page.getByText('Điểm phải từ 0 đến điểm tối đa của tiêu chí.')).toBeVisible()
  await axe()

  // Keyboard only: points, Tab, comment, Tab, next points…
  await first.focus()
  await page.keyboard.press('Control+A')
  await page.keyboard.type(POINTS[0]!)
  await page.keyboard.press('Tab')
  await page.keyboard.type('Cách làm sáng tạo, phù hợp địa phương.')
  await page.keyboard.press('Tab')
  await page.keyboard.type(POINTS[1]!)
  await page.keyboard.press('Tab')
  await page.keyboard.type('Cấp ủy vào cuộc.')
  await expect(first).not.toHaveAttribute('aria-invalid', 'true')
  await expect(page.getByText('Tổng điểm: 27,5/100')).toBeVisible()
  await page.getByRole('button', { name: 'Lưu nháp' }).click()
  await expect(page).toHaveURL(/\?saved=draft$/)
  await expect(page.getByText('Đã lưu nháp phiếu chấm.')).toBeVisible()
  await expect(page.getByText('Phiếu chấm: Đang chấm (nháp)')).toBeVisible()
  // Shown back as stored, the Vietnamese way.
  await expect(pointsFields(page).nth(1)).toHaveValue('12,5')
  await expect(page.getByText('Tổng điểm: 27,5/100')).toBeVisible()

  // Fill in the rest, from the third criterion on.
  await pointsFields(page).nth(2).focus()
  for (const [i, points] of POINTS.slice(2).entries()) {
    await page.keyboard.type(points)
    await page.keyboard.press('Tab')
    await page.keyboard.type(`Nhận xét tiêu chí ${i + 3}.`)
    await page.keyboard.press('Tab')
  }
  await expect(page.getByText('Tổng điểm: 80,5/100')).toBeVisible()
  await page.getByRole('button', { name: 'Nộp phiếu chấm' }).click()
  await expect(page).toHaveURL(/\?saved=submitted$/)
  await expect(
    page.getByText('Đã nộp phiếu chấm. Bạn vẫn có thể sửa cho đến khi hết hạn chấm.'),
  ).toBeVisible()
  await expect(page.getByText('Phiếu chấm: Đã nộp')).toBeVisible()
  // Revision stays possible until judging closes.
  await expect(page.getByRole('button', { name: 'Nộp lại phiếu đã sửa' })).toBeVisible()
  await axe()

  await page.getByRole('link', { name: '← Danh sách hồ sơ được phân công' }).click()
  await expect(page).toHaveURL(/\/judge$/)
  const after = await submittedCount(page)
  // The other project may submit its own sheet at the same time: at least ours counts.
  expect(after.total).toBe(before.total)
  expect(after.done).toBeGreaterThanOrEqual(before.done + 1)
  await expect(openQueue(page).getByRole('listitem').filter({ hasText: title })).toContainText(
    'Phiếu chấm: Đã nộp',
  )
})

test('a judge cannot open an entry not assigned to them', async ({ page, axe }) => {
  await signIn(page, 'giamkhao3')
  await expect(page).toHaveURL(/\/judge$/)
  // The URL changes before the queue renders: wait for the links themselves.
  await expect(page.getByRole('main').locator('a[href^="/judge/entries/"]').first()).toBeVisible()
  const hrefs = await page
    .getByRole('main')
    .getByRole('link')
    .evaluateAll((links) => links.map((a) => a.getAttribute('href') ?? ''))
  const mine = new Set(
    hrefs.flatMap((h) => {
      const m = h.match(/^\/judge\/entries\/(\d+)$/)
      return m ? [Number(m[1])] : []
    }),
  )
  // Seeded entry ids are dense: any id below the largest that is not ours is someone else's.
  const largest = Math.max(...mine)
  let other = 1
  while (mine.has(other)) other++
  expect(other).toBeLessThan(largest)
  const response = await page.goto(`/judge/entries/${other}`)
  expect(response?.status()).toBe(403)
  await expect(page.getByRole('heading', { name: 'Không có quyền truy cập' })).toBeVisible()
  await axe()

  // A sheet of a published contest: read-only, with the other judges' sheets, unnamed.
  await page.goto('/judge')
  await page.getByRole('region', { name: 'Các đợt trước' }).getByRole('link').first().click()
  await expect(
    page.getByText('Đã hết thời gian chấm điểm của đợt này: phiếu chấm chỉ để xem.'),
  ).toBeVisible()
  await expect(page.getByRole('button', { name: 'Lưu nháp' })).toHaveCount(0)
  const others = page.getByRole('region', {
    name: 'Điểm của các giám khảo khác (sau khi chốt kết quả)',
  })
  await expect(others.getByRole('heading', { name: /^Giám khảo 1: tổng/ })).toBeVisible()
  await axe()
})

test('the score sheet works without JavaScript', async ({ browser, baseURL }, testInfo) => {
  test.skip(testInfo.project.name !== 'desktop', 'one no-JavaScript run is enough')
  test.setTimeout(90_000)
  // axe needs scripts in the page: the same page is checked with JavaScript in the tests above.
  const context = await browser.newContext({ javaScriptEnabled: false, baseURL })
  const page = await context.newPage()
  await signIn(page, 'giamkhao3')
  await openQueue(page).getByRole('listitem').nth(2).getByRole('link').click()
  await expect(page).toHaveURL(/\/judge\/entries\/\d+$/)
  const points = pointsFields(page)
  await points.nth(0).fill('18')
  await points.nth(1).fill('9,5')
  await page.getByRole('button', { name: 'Lưu nháp' }).click()
  await expect(page.getByText('Đã lưu nháp phiếu chấm.')).toBeVisible()
  // The total comes from the server after the save; the points show as stored.
  await expect(page.getByText('Tổng điểm: 27,5/100')).toBeVisible()
  await expect(points.nth(1)).toHaveValue('9,5')
  await expect(points.nth(1)).toHaveAttribute('inputmode', 'decimal')
  for (const [i, value] of ['14', '21', '19.5'].entries()) await points.nth(i + 2).fill(value)
  await page.getByRole('button', { name: 'Nộp phiếu chấm' }).click()
  await expect(
    page.getByText('Đã nộp phiếu chấm. Bạn vẫn có thể sửa cho đến khi hết hạn chấm.'),
  ).toBeVisible()
  await expect(page.getByText('Tổng điểm: 82/100')).toBeVisible()
  await context.close()
})
