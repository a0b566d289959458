import { expect, signIn, test } from './fixtures'

/**
 * A judge types a long comment, the save fails with a server error: the error page does not
 * pretend the comment is safe, Back (and a reload) bring the comment back from the browser's
 * unsaved copy, and once the server confirms the save the copy is gone. Drafts only (no
 * points submitted), on entries these judges have not started: results are unaffected.
 */
const JUDGE: Record<string, string> = { desktop: 'giamkhao6', phone: 'giamkhao5' }
const COMMENT =
  'Mô hình huy động được nhân dân hiến đất làm đường, cách làm công khai, dân chủ; cần bổ sung số liệu về số hộ tham gia và kinh phí nhân dân đóng góp.'

test("a judge's comment comes back after a failed save and is dropped once saved", async ({
  page,
  axe,
}, testInfo) => {
  test.setTimeout(90_000)
  await signIn(page, JUDGE[testInfo.project.name] ?? 'giamkhao6')
  const item = page
    .getByRole('main')
    .locator('section')
    .first()
    .getByRole('listitem')
    .filter({ hasText: 'Phiếu chấm: Chưa chấm' })
    .first()
  await item.getByRole('link').click()
  await expect(page).toHaveURL(/\/judge\/entries\/\d+$/)
  const sheetUrl = page.url()
  const unsavedKeys = () =>
    page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('dvk:unsaved:')))

  const comment = page.getByLabel('Nhận xét').first()
  await page
    .getByRole('textbox', { name: /^Điểm\s*:/ })
    .first()
    .fill('14')
  await comment.fill(COMMENT)

  // The save reaches a server that fails (a full disk, a bug): any 500.
  const sheetRequests = (url: URL) => url.pathname.startsWith('/judge/entries/')
  await page.route(sheetRequests, (route) =>
    route.request().method() === 'POST'
      ? route.fulfill({ status: 500, contentType: 'text/plain', body: 'Internal Server Error' })
      : route.continue(),
  )
  await page.getByRole('button', { name: 'Lưu nháp' }).click()
  await expect(page.getByRole('heading', { name: 'Lỗi hệ thống' })).toBeVisible()
  await expect(page.getByText('có thể chưa được lưu')).toBeVisible()
  await expect(page.getByText('chưa bị mất')).toHaveCount(0)
  await axe()
  await page.unroute(sheetRequests)

  // Back: the comment is there again, with a notice saying it is not saved yet.
  await page.goBack()
  if (page.url() !== sheetUrl) await page.goto(sheetUrl)
  await expect(
    page.getByText(/Đã khôi phục nội dung bạn nhập lúc .* nhưng chưa được lưu/),
  ).toBeVisible()
  await expect(page.getByLabel('Nhận xét').first()).toHaveValue(COMMENT)
  await expect(page.getByRole('textbox', { name: /^Điểm\s*:/ }).first()).toHaveValue('14')
  await axe()
  // A reload too.
  await page.reload()
  await expect(page.getByLabel('Nhận xét').first()).toHaveValue(COMMENT)

  // The server confirms the save: the copy is dropped, the page shows the saved sheet.
  await page.getByRole('button', { name: 'Lưu nháp' }).click()
  await expect(page).toHaveURL(/\?saved=draft$/)
  await expect(page.getByText('Đã lưu nháp phiếu chấm.')).toBeVisible()
  await expect(page.getByText(/Đã khôi phục nội dung/)).toHaveCount(0)
  expect(await unsavedKeys()).toEqual([])
  await page.goto(sheetUrl)
  await expect(page.getByLabel('Nhận xét').first()).toHaveValue(COMMENT)
  await expect(page.getByText(/Đã khôi phục nội dung/)).toHaveCount(0)

  // Typing again keeps a copy; signing out (a shared computer) drops it.
  await page.getByLabel('Nhận xét').first().fill(`${COMMENT} Cần thêm ảnh.`)
  expect(await unsavedKeys()).toHaveLength(1)
  await page.getByRole('button', { name: 'Đăng xuất' }).click()
  await expect(page.getByTestId('signed-in-as')).toHaveCount(0)
  expect(await unsavedKeys()).toEqual([])
})
