import type { Locator, Page, Request } from '@playwright/test'
import { expect, expectNoA11yViolations, signIn, test } from './fixtures'
import { openOwnEntry } from './nominations'

/**
 * Issue 10, item 2: Enter (a phone keyboard's Go key) in any text field of a form with list
 * buttons (remove, move, add a row) does the form's primary action, never a list edit, with
 * and without JavaScript. In every text field of every such form: Enter, then the form holds
 * exactly the rows and values it held before, the request sent (if any) was no list edit, and
 * the primary action answered (a save, or the error summary when the form is left invalid on
 * purpose, so that nothing is written). Desktop only (playwright.config.ts): a phone's Go key
 * is the same implicit submission.
 */

const TEXT_FIELDS =
  'input:is([type=text], [type=tel], [type=email], [type=number], [type=date], [type=search], [type=url], :not([type]))'

/** Every named control's value (checkboxes: checked), in document order: the form's rows and values. */
function formState(form: Locator) {
  return form.evaluate((f: HTMLFormElement) =>
    [...f.elements].flatMap((e) => {
      const el = e as HTMLInputElement
      if (!el.name || ['file', 'submit', 'button', 'reset'].includes(el.type)) return []
      return [[el.name, el.type === 'checkbox' ? String(el.checked) : el.value]]
    }),
  )
}

/** The names of the text fields someone can type in (shown and enabled). */
function textFieldNames(form: Locator) {
  return form
    .locator(TEXT_FIELDS)
    .evaluateAll((els) =>
      (els as HTMLInputElement[])
        .filter((e) => !e.disabled && !e.readOnly && e.getClientRects().length > 0)
        .map((e) => e.name),
    )
}

/** With JavaScript: Remix has finished the submission and the revalidation that follows. */
async function remixIdle(page: Page) {
  await page.waitForFunction(() => {
    const router = (
      window as unknown as { __remixRouter?: { state: Record<string, { state?: string }> } }
    ).__remixRouter
    return (
      router?.state.navigation?.state === 'idle' &&
      (router.state.revalidation as unknown as string) === 'idle'
    )
  })
}

interface Case {
  js: boolean
  form: Locator
  /** true: the form is valid and Enter saves it; false: it is left invalid, Enter is refused. */
  valid: boolean
  /** What the page shows after a save. */
  saved?: Locator
}

/** Presses Enter in every text field of the form, one after the other, checking each time. */
async function enterEverywhere(page: Page, { js, form, valid, saved }: Case) {
  const before = await formState(form)
  const names = await textFieldNames(form)
  expect(names.length).toBeGreaterThan(3)
  for (const name of names) {
    const field = form.locator(`[name="${name}"]`)
    await field.focus()
    const posts: string[] = []
    const record = (r: Request) => {
      if (r.method() === 'POST') posts.push(r.postData() ?? '')
    }
    page.on('request', record)
    if (!js) {
      // Without JavaScript every submission is a navigation to the server's answer.
      await Promise.all([page.waitForEvent('load'), field.press('Enter')])
    } else if (valid) {
      await Promise.all([
        page.waitForResponse((r) => r.request().method() === 'POST', { timeout: 10_000 }),
        field.press('Enter'),
      ])
      await remixIdle(page)
    } else {
      await field.press('Enter')
      await remixIdle(page)
    }
    page.off('request', record)
    const where = `Enter in ${name}`
    expect(
      posts.filter((p) => p.includes('__intent__')),
      `${where} sent a list edit`,
    ).toEqual([])
    // The primary action was asked for: sent to the server (a browser-side check stops an
    // invalid form before it is sent, with JavaScript).
    expect(posts, `${where}: requests sent`).toHaveLength(js && !valid ? 0 : 1)
    await expect
      .poll(() => formState(form), { message: `${where} changed the form` })
      .toEqual(before)
    if (valid) await expect(saved!, where).toBeVisible()
    else await expect(form.locator('[id$="--error-summary"]'), where).toBeFocused()
  }
  return names.length
}

for (const js of [true, false]) {
  test.describe(js ? 'with JavaScript' : 'without JavaScript', () => {
    test.use({ javaScriptEnabled: js })
    const axe = (page: Page) => (js ? expectNoA11yViolations(page) : Promise.resolve())

    test('Enter in the model form saves the model, never removes an indicator', async ({
      page,
    }) => {
      test.setTimeout(180_000)
      await signIn(page, 'donvi')
      // The unit's newest model (saving it unchanged keeps it first: other specs count on the order).
      const model = page.getByRole('region', { name: 'Mô hình đã đăng ký' }).getByRole('listitem')
      await model.first().getByRole('link', { name: 'Sửa mô hình' }).click()
      await expect(page.getByRole('heading', { level: 1 })).toHaveText('Sửa mô hình')
      const form = page.locator('form[id^="model-"]')
      await expect(form.getByRole('group', { name: /^Chỉ tiêu \d+$/ })).not.toHaveCount(0)
      await axe(page)
      await enterEverywhere(page, {
        js,
        form,
        valid: true,
        saved: page.getByRole('status').filter({ hasText: 'Đã lưu' }),
      })
      await axe(page)
    })

    test('Enter in the entry form saves the draft, never removes an indicator', async ({
      page,
    }) => {
      test.setTimeout(240_000)
      // Models 0–3 are nominated by other specs; each run here takes its own.
      await openOwnEntry(page, js ? 4 : 5)
      const form = page.locator('form[id^="entry-"]')
      await expect(form.getByRole('group', { name: /^Chỉ tiêu \d+$/ })).not.toHaveCount(0)
      await enterEverywhere(page, {
        js,
        form,
        valid: true,
        saved: page.getByRole('status').filter({ hasText: 'Đã lưu nháp.' }),
      })
      await axe(page)
    })

    test('Enter in the contest form saves it, never moves or removes a criterion', async ({
      page,
    }) => {
      test.setTimeout(180_000)
      await signIn(page, 'admin')
      await page.goto('/admin/contests/new')
      const form = page.locator('form#contest-new')
      await expect(form.getByRole('group', { name: /^Tiêu chí \d+$/ })).toHaveCount(5)
      // Left invalid on purpose (no field chosen), so that no contest is created.
      const fields = form.getByRole('group', { name: 'Lĩnh vực được nhận' }).getByRole('checkbox')
      for (const box of await fields.all()) await box.uncheck()
      const n = await enterEverywhere(page, { js, form, valid: false })
      expect(n).toBeGreaterThan(20)
      await expect(form.getByRole('link', { name: /Lĩnh vực được nhận/ })).toBeVisible()
      await axe(page)
    })

    test('Enter in the replication report form sends the report, never removes a row', async ({
      page,
    }) => {
      test.setTimeout(120_000)
      await signIn(page, 'xa')
      const links = await page
        .getByRole('region', { name: 'Mô hình đang nhân rộng' })
        .getByRole('link')
        .evaluateAll((as) => as.map((a) => a.getAttribute('href')!))
      // The first replication still taking reports (a stopped one takes none).
      const report = page.getByRole('region', { name: 'Báo cáo kết quả' })
      for (const href of links) {
        await page.goto(href)
        if (await report.count()) break
      }
      await expect(report).toBeVisible()
      const form = report.locator('form')
      await report.getByLabel('Ngày báo cáo').fill('2026-01-01')
      await report.getByRole('button', { name: 'Thêm chỉ tiêu' }).click()
      const rows = report.getByRole('group', { name: /^Chỉ tiêu \d+$/ })
      await expect(rows).toHaveCount(2)
      for (const [i, [label, value, unit]] of [
        ['Số hộ tham gia', '12', 'hộ'],
        ['Số buổi họp thôn', '3', ''], // no unit: invalid on purpose, so no report is added
      ].entries()) {
        await rows.nth(i).getByLabel('Nội dung').fill(label!)
        await rows.nth(i).getByLabel('Giá trị').fill(value!)
        await rows.nth(i).getByLabel('Đơn vị tính').fill(unit!)
      }
      await enterEverywhere(page, { js, form, valid: false })
      await expect(rows).toHaveCount(2)
      await axe(page)
    })
  })
}
