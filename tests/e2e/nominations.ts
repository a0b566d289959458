import type { Page } from '@playwright/test'
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import sharp from 'sharp'
import { expect, signIn } from './fixtures'

/** Steps shared by the specs that need nominations in the round open now (seeded for 2026). */
export const OPEN_CONTEST = 'Bình xét mô hình Dân vận khéo năm 2026'

export async function photoFiles(dir: string, n: number) {
  mkdirSync(dir, { recursive: true })
  const files: string[] = []
  for (let i = 0; i < n; i++) {
    const path = join(dir, `anh-${i + 1}.jpg`)
    const background = ['#b42318', '#1d4ed8', '#15803d'][i % 3]!
    const bytes = await sharp({ create: { width: 3000, height: 2000, channels: 3, background } })
      .jpeg({ quality: 80 })
      .toBuffer()
    writeFileSync(path, bytes)
    files.push(path)
  }
  return files
}

export async function signOut(page: Page) {
  await page.getByRole('button', { name: 'Đăng xuất' }).click()
  await expect(page.getByRole('link', { name: 'Đăng nhập' })).toBeVisible()
}

/** `donvi` nominates the n-th model of the unit page; returns its title and entry path. */
export async function nominate(page: Page, modelIndex: number) {
  await signIn(page, 'donvi')
  await expect(page).toHaveURL(/\/unit$/)
  await expect(page.getByText(`Đang nhận hồ sơ: ${OPEN_CONTEST}`)).toBeVisible()
  const model = page
    .getByRole('region', { name: 'Mô hình đã đăng ký' })
    .getByRole('listitem')
    .nth(modelIndex)
  const title = (await model.locator('p').first().textContent())!.trim()
  await model.getByRole('button', { name: `Đề nghị công nhận vào đợt ${OPEN_CONTEST}` }).click()
  await expect(page).toHaveURL(/\/unit\/entries\/\d+$/)
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(title)
  await expect(page.getByLabel('Tên mô hình')).toHaveValue(title)
  return { title, entryUrl: new URL(page.url()).pathname }
}

/** Fills the result period and sends one photo (JavaScript on), ready to submit. */
export async function completeWithPhoto(page: Page, dir: string) {
  await page.getByLabel('Kết quả tính từ ngày').fill('2026-01-01')
  await page.getByLabel('Đến ngày').fill('2026-10-31')
  const files = await photoFiles(dir, 1)
  await page.getByLabel('Thêm ảnh').setInputFiles(files)
  await expect(page.getByText('anh-1.jpg: đã tải lên.')).toBeVisible({ timeout: 30_000 })
}

/** The organiser opens an entry of the open round from the entries list. */
export async function openEntryAsOrganiser(page: Page, title: string) {
  await page.goto('/admin/entries')
  await page.getByLabel('Đợt bình xét', { exact: true }).selectOption({ label: OPEN_CONTEST })
  await page.getByRole('button', { name: 'Lọc' }).click()
  await page.getByRole('link', { name: title }).click()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Hồ sơ: ${title}`)
}

/**
 * `donvi` opens the entry of the n-th model in the round open now: nominates it, or opens the
 * entry an earlier test made (nominating twice opens the same entry). For specs that only read
 * the entry or save it unchanged, so they may share one.
 */
export async function openOwnEntry(page: Page, modelIndex: number) {
  await signIn(page, 'donvi')
  const model = page
    .getByRole('region', { name: 'Mô hình đã đăng ký' })
    .getByRole('listitem')
    .nth(modelIndex)
  const title = (await model.locator('p').first().textContent())!.trim()
  const nominateButton = model.getByRole('button', {
    name: `Đề nghị công nhận vào đợt ${OPEN_CONTEST}`,
  })
  if (await nominateButton.count()) await nominateButton.click()
  else
    await page
      .getByRole('region', { name: 'Hồ sơ đề nghị công nhận' })
      .getByRole('listitem')
      .filter({ hasText: OPEN_CONTEST })
      .getByRole('link', { name: `Mở hồ sơ ${title}` })
      .click()
  await expect(page).toHaveURL(/\/unit\/entries\/\d+$/)
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(title)
  return { title, entryUrl: new URL(page.url()).pathname }
}
