import { readFile } from 'node:fs/promises'
import type { Page } from '@playwright/test'
import { pdfText, readWorkbook } from '../support/documents'
import { expect, expectNoA11yViolations, signIn, test } from './fixtures'

/**
 * The organiser takes the seeded 2025 round from judging to published: closes judging by
 * moving its date, reads the results, overrides one tier with a reason, records the
 * decision, finalises, publishes and downloads the certificates and the workbook; then a
 * visitor on a phone reads the public results. This spec runs in its own Playwright
 * project after the others (it ends the judging the judging spec relies on).
 */
const CONTEST = 'Bình xét mô hình Dân vận khéo năm 2025'

function vietnamDate(offsetDays: number) {
  return new Date(Date.now() + 7 * 3600_000 + offsetDays * 86_400_000).toISOString().slice(0, 10)
}

async function download(page: Page, link: RegExp) {
  const [file] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('link', { name: link }).first().click(),
  ])
  return { name: file.suggestedFilename(), body: new Uint8Array(await readFile(await file.path())) }
}

test('the organiser finalises and publishes the results; a visitor reads them', async ({
  page,
  browser,
  axe,
}) => {
  test.setTimeout(120_000)
  await signIn(page, 'admin')

  // Judging closed yesterday.
  await page.goto('/admin/contests')
  await page.getByRole('link', { name: CONTEST }).first().click()
  await page.getByLabel('Hết hạn chấm điểm (hết ngày)').fill(vietnamDate(-1))
  await page.getByRole('button', { name: 'Lưu các mốc thời gian' }).click()
  await expect(page.getByLabel('Hết hạn chấm điểm (hết ngày)')).toHaveValue(vietnamDate(-1))
  const contestId = /\/admin\/contests\/(\d+)/.exec(page.url())![1]!

  await page.goto(`/admin/contests/${contestId}/results`)
  await expect(page.getByRole('heading', { level: 1 })).toContainText(CONTEST)
  await expect(page.getByText('Đã hết hạn chấm, chờ chốt kết quả')).toBeVisible()
  const ranking = page.getByRole('region', { name: 'Bảng xếp hạng' })
  await expect(ranking.getByRole('row')).not.toHaveCount(1)
  await axe()

  // The first-ranked entry: its title and raw score, to find them again in the downloads.
  const first = ranking.getByRole('row').nth(1)
  const firstTitle = (await first.getByRole('rowheader').getByRole('link').innerText()).trim()
  const firstRaw = (await first.getByRole('cell').nth(1).innerText()).trim()

  // Override the last ranked entry's tier, with a reason.
  const entrySelect = page.getByLabel('Hồ sơ', { exact: true })
  const options = await entrySelect.locator('option').allInnerTexts()
  const last = options[options.length - 1]!
  await entrySelect.selectOption({ label: last })
  await page.getByLabel('Mức công nhận mới').selectOption({ label: 'Công nhận' })
  await page.getByRole('button', { name: 'Lưu điều chỉnh' }).click()
  // No reason: the message shows next to the field and the choices stay.
  await expect(page.getByText('Vui lòng ghi lý do điều chỉnh (ít nhất 10 ký tự).')).toBeVisible()
  await expect(page.getByLabel('Mức công nhận mới')).toHaveValue(/\d+/)
  const reason = 'Mô hình lan tỏa mạnh ở các bản vùng cao, hội đồng đề nghị công nhận.'
  await page.getByLabel('Lý do điều chỉnh').fill(reason)
  await page.getByRole('button', { name: 'Lưu điều chỉnh' }).click()
  await expect(page.getByText('Đã lưu điều chỉnh mức công nhận.')).toBeVisible()
  await expect(ranking.getByText(reason)).toBeVisible()

  // The decision, then finalise (confirmation required).
  await page.getByLabel('Số quyết định').fill('125-QĐ/BDVHU')
  await page.getByLabel('Ngày quyết định').fill(vietnamDate(0))
  await page.getByLabel('Chức vụ người ký').fill('Trưởng Ban Tuyên giáo và Dân vận Huyện ủy')
  await page.getByRole('button', { name: 'Lưu quyết định' }).click()
  await expect(page.getByText('Đã lưu quyết định khen thưởng.')).toBeVisible()

  await page.getByRole('button', { name: 'Chốt kết quả' }).click()
  await expect(page.getByText('Vui lòng đánh dấu ô xác nhận.')).toBeVisible()
  await page.getByLabel('Tôi đã kiểm tra bảng xếp hạng và xác nhận chốt kết quả.').check()
  await page.getByRole('button', { name: 'Chốt kết quả' }).click()
  await expect(page.getByText('Đã chốt kết quả. Các phiếu chấm đã bị khóa.')).toBeVisible()
  await axe()

  // Downloads: the certificate of the first entry and the workbook.
  const pdf = await download(page, new RegExp(`Giấy chứng nhận: ${escape(firstTitle)}`))
  expect(pdf.name).toMatch(/\.pdf$/)
  const text = await pdfText(pdf.body)
  expect(text).toContain(firstTitle)
  expect(text).toContain('125-QĐ/BDVHU')

  const xlsx = await download(page, /Bảng tính kết quả \(XLSX\)/)
  expect(xlsx.name).toContain('Kết quả')
  const workbook = await readWorkbook(xlsx.body)
  const results = workbook.worksheets[2]!
  let found: unknown[] | null = null
  results.eachRow((row) => {
    const values = row.values as unknown[]
    if (values.includes(firstTitle)) found = values
  })
  expect(found, 'the first entry is in the results sheet').not.toBeNull()
  const raw = Number(firstRaw.replace(/\./g, '').replace(',', '.'))
  expect(
    (found as unknown as unknown[]).some((v) => typeof v === 'number' && Math.abs(v - raw) < 0.01),
  ).toBe(true)

  // Publish.
  await page.getByLabel('Tôi xác nhận công bố kết quả cho mọi người xem.').check()
  await page.getByRole('button', { name: 'Công bố kết quả' }).click()
  await expect(page.getByText('Đã công bố kết quả.')).toBeVisible()

  // A visitor on a phone.
  const visitor = await browser.newContext({
    viewport: { width: 360, height: 740 },
    isMobile: true,
    hasTouch: true,
    locale: 'vi-VN',
    timezoneId: 'Asia/Ho_Chi_Minh',
  })
  const phone = await visitor.newPage()
  await phone.goto('/contests')
  await phone.getByRole('link', { name: CONTEST }).click()
  await expect(phone.getByRole('heading', { level: 1 })).toContainText(CONTEST)
  await expect(phone.getByText('125-QĐ/BDVHU', { exact: false })).toBeVisible()
  await expectNoA11yViolations(phone)
  await phone.getByRole('link', { name: firstTitle }).click()
  await expect(phone.getByRole('heading', { level: 1 })).toHaveText(firstTitle)
  await expect(phone.getByText('Điểm từng tiêu chí và nhận xét của giám khảo')).toBeVisible()
  await expect(phone.getByText(/Giám khảo 1 \(/).first()).toBeVisible()
  await expectNoA11yViolations(phone)
  await visitor.close()
})

function escape(s: string) {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}
