import type { Page } from '@playwright/test'
import { expect, expectNoA11yViolations, test } from './fixtures'
import { openOwnEntry } from './nominations'

/**
 * Issue 10, item 5: a failed "Nộp hồ sơ" shows an error summary at the top of the form (how
 * many things to fix, each a link to where it is fixed) and moves the focus there, with and
 * without JavaScript; its links lead to the field, the photo one to the photo section above.
 */
/**
 * Axe from the top of the page: its target-size rule counts the check boxes the sticky save
 * bar happens to cover at the scroll position the summary left (as on every long form).
 */
async function axe(page: Page) {
  await page.evaluate(() => window.scrollTo(0, 0)) // the focus stays where it is
  await expectNoA11yViolations(page)
}

for (const js of [true, false]) {
  test.describe(js ? 'with JavaScript' : 'without JavaScript', () => {
    test.use({ javaScriptEnabled: js })
    test('a failed submit of the entry form focuses the error summary', async ({
      page,
    }, testInfo) => {
      test.setTimeout(120_000)
      // Read and saved unchanged only, so the entry may be shared with other specs.
      await openOwnEntry(page, testInfo.project.name === 'phone' ? 5 : 4)
      const form = page.locator('form[id^="entry-"]')
      const formId = (await form.getAttribute('id'))!
      const phone = page.getByLabel('Số điện thoại')
      const typed = await phone.inputValue()
      expect(typed).not.toBe('')
      await phone.fill('')

      // 1. A field missing: the summary has the focus, its link leads to the field.
      await page.getByRole('button', { name: 'Nộp hồ sơ' }).click()
      const summary = page.getByRole('group', { name: /^Có \d+ mục cần sửa$/ })
      await expect(summary).toBeFocused()
      await expect(summary).toHaveAccessibleName('Có 1 mục cần sửa')
      await expect(summary).toContainText('Hồ sơ chưa đầy đủ nên chưa nộp được.')
      const link = summary.getByRole('link', {
        name: 'Số điện thoại: Vui lòng nhập thông tin này.',
      })
      await expect(link).toHaveAttribute('href', `#${formId}-contact_phone`)
      if (js) await axe(page)
      await link.click()
      await expect(phone).toBeFocused()
      await expect(phone).toHaveValue('')

      // 2. Complete but for the photo (checked on the server): the link leads up to the photos.
      await phone.fill(typed)
      await page.getByRole('button', { name: 'Nộp hồ sơ' }).click()
      await expect(summary).toBeFocused()
      await expect(summary).toHaveAccessibleName('Có 1 mục cần sửa')
      const photoLink = summary.getByRole('link', { name: /^Cần ít nhất một ảnh minh chứng/ })
      await expect(photoLink).toContainText('phía trên')
      await expect(photoLink).toHaveAttribute('href', '#media-upload-photo')
      await expect(phone).toHaveValue(typed)
      if (js) await axe(page)
      await photoLink.click()
      await expect(page.getByLabel('Thêm ảnh')).toBeFocused()
    })
  })
}
