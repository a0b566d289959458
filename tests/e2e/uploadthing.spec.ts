import sharp from 'sharp'
import { expect, signIn, test } from './fixtures'

/**
 * Runs against the second app server, which stores files on UploadThing: the fake UploadThing
 * on 127.0.0.1 (playwright.config.ts, project "uploadthing"). The browser uploads with
 * @uploadthing/react straight to the fake, which calls the app back with a signed callback.
 */

const FAKE_UT = `http://127.0.0.1:${process.env.E2E_FAKE_UT_PORT ?? 3212}`

/** A photo larger than the app keeps (2560 px), so the browser shrinks it before sending. */
function bigPhoto() {
  return sharp({ create: { width: 3200, height: 2400, channels: 3, background: '#5b8c3a' } })
    .jpeg({ quality: 80 })
    .withExif({ IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '23/1 4/1 0/1' } })
    .toBuffer()
}

test('a unit officer uploads a photo through UploadThing and sees it in the list', async ({
  page,
  axe,
}) => {
  const photo = await bigPhoto()
  await signIn(page, 'donvi')
  await page.goto('/unit')
  // A draft entry that may still be changed: one of the unit's models nominated to the round the
  // demo seed keeps open (the seeded drafts belong to a round whose deadline has passed).
  await page
    .getByRole('button', { name: /^Đề nghị công nhận vào đợt/ })
    .first()
    .click()
  await page.waitForURL(/\/unit\/entries\/\d+$/)

  // Hydrated: the photo section uploads as soon as files are chosen.
  await expect(page.getByText('Tệp được tải lên ngay khi bạn chọn.').first()).toBeVisible()
  const photos = page.locator('#media ol > li')
  const before = await photos.count()
  await expect(page.getByText(`${before}/12 ảnh`)).toBeVisible()

  // The file goes to UploadThing (the fake), never through the app server.
  const put = page.waitForRequest((r) => r.method() === 'PUT' && r.url().startsWith(`${FAKE_UT}/`))
  await page
    .getByLabel('Thêm ảnh')
    .setInputFiles({ name: 'ruong-bac-thang.jpg', mimeType: 'image/jpeg', buffer: photo })

  const progress = page.getByLabel('Tiến độ tải lên ruong-bac-thang.jpg')
  await expect(progress).toBeVisible()
  await put

  await expect(page.getByText('ruong-bac-thang.jpg: đã tải lên.')).toBeVisible({ timeout: 15_000 })
  await expect(progress).toHaveAttribute('value', '100')
  await expect(photos).toHaveCount(before + 1)
  await expect(page.getByText(`${before + 1}/12 ảnh`)).toBeVisible()

  await axe()

  // The new photo is served back from UploadThing storage through the app.
  const image = photos.last().locator('img')
  await image.scrollIntoViewIfNeeded()
  await expect
    .poll(() => image.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth))
    .toBeGreaterThan(0)
})
