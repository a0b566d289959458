import type { Page } from '@playwright/test'
import { expect, signIn, test } from './fixtures'
import { nominate, openEntryAsOrganiser, photoFiles, signOut } from './nominations'

/**
 * A unit nominates a model to the round that is open for nominations (seeded for 2026),
 * uploads photos, submits; the organiser returns it with a reason; the unit resubmits
 * and the organiser sees what changed. The phone project runs it with JavaScript; the
 * desktop project runs the same submission without JavaScript.
 */
async function returnAsOrganiser(page: Page, title: string, reason: string) {
  await signIn(page, 'admin')
  await openEntryAsOrganiser(page, title)
  await page.getByLabel('Lý do trả lại (đơn vị sẽ thấy)').fill(reason)
  await page.getByRole('button', { name: 'Trả lại hồ sơ' }).click()
  await expect(page.getByText('Đã trả lại hồ sơ cho đơn vị.')).toBeVisible()
}

test('a unit officer on a phone nominates with photos, is returned, resubmits; the organiser sees the changes', async ({
  page,
  axe,
}, testInfo) => {
  test.skip(testInfo.project.name !== 'phone', 'the phone workflow')
  test.setTimeout(120_000)
  const { title, entryUrl } = await nominate(page, 0)
  await axe()

  // Fill in what the model did not have, and add a result indicator.
  await page.getByLabel('Kết quả tính từ ngày').fill('2026-01-01')
  await page.getByLabel('Đến ngày').fill('2026-10-31')
  await page.getByRole('button', { name: 'Thêm chỉ tiêu' }).click()
  const rows = page.getByRole('group', { name: /^Chỉ tiêu \d+$/ })
  const last = rows.last()
  await last.getByLabel('Nội dung').fill('Hộ được hỗ trợ cải tạo nhà')
  await last.getByLabel('Giá trị').fill('1.234,5')
  await last.getByLabel('Đơn vị tính').fill('m²')

  // Three photos: shrunk in the browser, each with its own progress bar, then listed.
  const files = await photoFiles(testInfo.outputPath('photos'), 3)
  await page.getByLabel('Thêm ảnh').setInputFiles(files)
  const uploads = page.getByRole('list', { name: 'Tệp đang tải lên' })
  await expect(uploads.getByRole('progressbar')).toHaveCount(3)
  for (const name of ['anh-1.jpg', 'anh-2.jpg', 'anh-3.jpg']) {
    await expect(uploads.getByText(`${name}: đã tải lên.`)).toBeVisible({ timeout: 30_000 })
  }
  await expect(page.getByText('3/12 ảnh')).toBeVisible()
  await axe()

  await page.getByRole('button', { name: 'Nộp hồ sơ' }).click()
  await expect(page.getByText('Đã nộp hồ sơ (lần nộp thứ 1).')).toBeVisible()
  // One message after the submit: what happens next, not also "cannot be changed".
  await expect(page.getByText('Ban tổ chức sẽ xem xét hồ sơ')).toBeVisible()
  await expect(page.getByText('không sửa được')).toHaveCount(0)
  await expect(page.getByText('Trạng thái: Đã nộp')).toBeVisible()
  await axe()
  await signOut(page)

  const reason = 'Đề nghị bổ sung số hộ thoát nghèo nhờ mô hình.'
  await returnAsOrganiser(page, title, reason)
  await axe()
  await signOut(page)

  await signIn(page, 'donvi')
  await page.goto(entryUrl)
  await expect(page.getByText(`Lý do: ${reason}`)).toBeVisible()
  await page.getByRole('button', { name: 'Thêm chỉ tiêu' }).click()
  const added = page.getByRole('group', { name: /^Chỉ tiêu \d+$/ }).last()
  await added.getByLabel('Nội dung').fill('Hộ thoát nghèo')
  await added.getByLabel('Giá trị').fill('35')
  await added.getByLabel('Đơn vị tính').fill('hộ')
  await page.getByRole('button', { name: 'Nộp hồ sơ' }).click()
  await expect(page.getByText('Đã nộp hồ sơ (lần nộp thứ 2).')).toBeVisible()
  await signOut(page)

  await signIn(page, 'admin')
  await openEntryAsOrganiser(page, title)
  const changes = page.getByRole('region', { name: 'Thay đổi ở lần 2 so với lần 1' })
  await expect(changes).toContainText('Hộ thoát nghèo: 35 hộ')
  await axe()
})

test('the same submission works without JavaScript', async ({ browser, baseURL }, testInfo) => {
  test.skip(testInfo.project.name !== 'desktop', 'one no-JavaScript run is enough')
  test.setTimeout(120_000)
  const context = await browser.newContext({ javaScriptEnabled: false, baseURL })
  const page = await context.newPage()
  const { entryUrl } = await nominate(page, 1)

  // A validation error comes back from the server with everything typed kept.
  await page.getByLabel('Tóm tắt mô hình').fill('Tóm tắt đã sửa khi không có JavaScript')
  await page.getByLabel('Kết quả tính từ ngày').fill('2026-01-01')
  await page.getByLabel('Đến ngày').fill('2026-10-31')
  await page.getByLabel('Số điện thoại').fill('abc')
  await page.getByRole('button', { name: 'Nộp hồ sơ' }).click()
  await expect(page.getByText('Số điện thoại không hợp lệ.', { exact: true })).toBeVisible()
  await expect(page.getByLabel('Tóm tắt mô hình')).toHaveValue(
    'Tóm tắt đã sửa khi không có JavaScript',
  )
  await page.getByLabel('Số điện thoại').fill('0912 345 678')
  await page.getByRole('button', { name: 'Lưu nháp' }).click()
  await expect(page.getByText('Đã lưu nháp.')).toBeVisible()

  // Photos go up through the plain upload form.
  const files = await photoFiles(testInfo.outputPath('photos'), 1)
  await page.getByLabel('Thêm ảnh').setInputFiles(files)
  await page.getByRole('button', { name: 'Tải ảnh lên' }).click()
  await expect(page).toHaveURL(new RegExp(`${entryUrl}`))
  await expect(page.getByText('1/12 ảnh')).toBeVisible()
  await expect(page.getByLabel('Tóm tắt mô hình')).toHaveValue(
    'Tóm tắt đã sửa khi không có JavaScript',
  )

  await page.getByRole('button', { name: 'Nộp hồ sơ' }).click()
  await expect(page.getByText('Đã nộp hồ sơ (lần nộp thứ 1).')).toBeVisible()
  // One message after the submit: what happens next, not also "cannot be changed".
  await expect(page.getByText('Ban tổ chức sẽ xem xét hồ sơ')).toBeVisible()
  await expect(page.getByText('không sửa được')).toHaveCount(0)
  await context.close()
})
