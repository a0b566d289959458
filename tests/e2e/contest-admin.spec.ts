import { expect, mainNav, signIn, test } from './fixtures'
import { completeWithPhoto, nominate, openEntryAsOrganiser, signOut } from './nominations'

/**
 * The organiser's side of issue 4: a new contest starts from the default rubric and tiers;
 * submitted entries are accepted or returned; the automatic assignment runs and progress
 * shows. Desktop only (the judges' phone run is in judging.spec.ts); axe on every page.
 */
test('the organiser creates a contest from the default, screens entries and runs the assignment', async ({
  page,
  axe,
}, testInfo) => {
  test.skip(testInfo.project.name !== 'desktop', 'one organiser run is enough')
  test.setTimeout(180_000)

  // Two entries submitted by a unit to the round open now.
  const submitted: string[] = []
  for (const index of [2, 3]) {
    const { title } = await nominate(page, index)
    await completeWithPhoto(page, testInfo.outputPath(`photos-${index}`))
    await page.getByRole('button', { name: 'Nộp hồ sơ' }).click()
    await expect(page.getByText('Đã nộp hồ sơ (lần nộp thứ 1).')).toBeVisible()
    submitted.push(title)
    await signOut(page)
  }

  await signIn(page, 'admin')
  await mainNav(page).getByRole('link', { name: 'Đợt bình xét' }).click()
  await expect(page).toHaveURL(/\/admin\/contests$/)
  await axe()
  await page.getByRole('link', { name: 'Tạo đợt mới' }).click()
  await expect(page).toHaveURL(/\/admin\/contests\/new$/)
  // The default rubric of PRODUCT.md: 20 + 15 + 20 + 25 + 20 points, and three tiers.
  const criteria = page.getByRole('group', { name: /^Tiêu chí \d+$/ })
  await expect(criteria).toHaveCount(5)
  const maxima = await criteria
    .getByLabel('Điểm tối đa')
    .evaluateAll((els) => els.map((e) => (e as HTMLInputElement).value))
  expect(maxima.map((v) => Number(v.replace(',', '.')))).toEqual([20, 15, 20, 25, 20])
  await axe()
  await page.getByLabel('Tên đợt').fill('Bình xét mô hình Dân vận khéo năm 2027 (thử)')
  await page.getByRole('button', { name: 'Lưu', exact: true }).click()
  await expect(page.getByText('Đã tạo đợt bình xét (đang chuẩn bị).')).toBeVisible()
  await axe()

  // Screening: accept one entry, return the other with a reason.
  await openEntryAsOrganiser(page, submitted[0]!)
  await page.getByRole('button', { name: 'Tiếp nhận hồ sơ', exact: true }).click()
  await expect(page.getByText('Đã tiếp nhận hồ sơ; đơn vị đã được thông báo.')).toBeVisible()
  await axe()
  await openEntryAsOrganiser(page, submitted[1]!)
  await page.getByLabel('Lý do trả lại (đơn vị sẽ thấy)').fill('Bổ sung ảnh trước khi làm đường.')
  await page.getByRole('button', { name: 'Trả lại hồ sơ' }).click()
  await expect(page.getByText('Đã trả lại hồ sơ cho đơn vị.')).toBeVisible()

  // Assignment and progress for the contest being judged now.
  await page.goto('/admin')
  const judged = page.getByRole('row', { name: /Bình xét mô hình Dân vận khéo năm 2025/ })
  await judged.getByRole('link', { name: 'Hội đồng, phân công' }).click()
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Hội đồng chấm và phân công')
  await axe()
  await page.getByRole('button', { name: 'Chạy phân công tự động' }).click()
  await expect(
    page.getByText(/Đã phân công thêm \d+ lượt; \d+ hồ sơ còn thiếu giám khảo\./),
  ).toBeVisible()
  await axe()
  await page.goto('/admin')
  await page
    .getByRole('row', { name: /Bình xét mô hình Dân vận khéo năm 2025/ })
    .getByRole('link', { name: 'Tiến độ chấm' })
    .click()
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Tiến độ chấm')
  await axe()

  // The unit sees both decisions in its notifications.
  await signOut(page)
  await signIn(page, 'donvi')
  await page.goto('/notifications')
  await expect(page.getByText(submitted[0]!).first()).toBeVisible()
  await expect(page.getByText(submitted[1]!).first()).toBeVisible()
  await axe()
})
