import Database from 'better-sqlite3'
import type { Page } from '@playwright/test'
import { expect, signIn, test } from './fixtures'
import { OPEN_CONTEST, photoFiles } from './nominations'

/**
 * Opens every edit form with JavaScript off, as on a slow link before hydration, saves it
 * unchanged, and checks that the database holds byte for byte what it held before: the
 * browser sends back exactly the values the server rendered, so any byte the HTML stream
 * altered (React 18's NUL padding became U+FFFD in input values) would show up here as a
 * changed title, description or caption. Runs on its own server and database (the project
 * `resave` in playwright.config.ts), so no other test writes meanwhile.
 */
test.describe.configure({ mode: 'default' })
test.use({ javaScriptEnabled: false })

const DATABASE = process.env.E2E_RESAVE_DATABASE ?? 'data/e2e-resave/dvk.sqlite'

// Bookkeeping that a save is expected to touch: sign-ins, the audit trail, notifications.
const BOOKKEEPING = new Set([
  'sessions',
  'audit_log',
  'notifications',
  'login_throttle',
  'kysely_migration',
  'kysely_migration_lock',
])
// Not what anyone typed: when a change was last saved, and the surrogate key of a row that a
// save rewrites (indicators and scores are replaced as a set). Every other column is compared.
const IGNORED_COLUMNS = new Set(['id', 'updated_at', 'last_seen_at', 'last_login_at'])

/** Every row of every domain table (but the ignored columns), in a stable order. */
function snapshot() {
  const db = new Database(DATABASE, { readonly: true, fileMustExist: true })
  try {
    const tables = db
      .prepare(`SELECT name, sql FROM sqlite_master WHERE type = 'table' ORDER BY name`)
      .all() as { name: string; sql: string }[]
    // Full-text index tables are derived data in SQLite's own encoding; their source rows are compared.
    const virtual = tables.filter((t) => /^CREATE VIRTUAL TABLE/i.test(t.sql)).map((t) => t.name)
    const dump: Record<string, unknown[]> = {}
    for (const { name } of tables) {
      if (BOOKKEEPING.has(name) || name.startsWith('sqlite_')) continue
      if (virtual.some((v) => name === v || name.startsWith(`${v}_`))) continue
      const columns = (db.prepare(`PRAGMA table_info("${name}")`).all() as { name: string }[])
        .map((c) => c.name)
        .filter((c) => !IGNORED_COLUMNS.has(c))
      const list = columns.map((c) => `"${c}"`).join(', ')
      const order = columns.map((_, i) => i + 1).join(', ')
      dump[name] = db.prepare(`SELECT ${list} FROM "${name}" ORDER BY ${order}`).raw().all()
    }
    return dump
  } finally {
    db.close()
  }
}

/** The rows of `before` and `after` that differ, table by table (empty when identical). */
function differences(before: Record<string, unknown[]>, after: Record<string, unknown[]>) {
  const changed: Record<string, { removed: string[]; added: string[] }> = {}
  for (const table of new Set([...Object.keys(before), ...Object.keys(after)])) {
    // Rows as a multiset: a row saved twice over is two rows.
    const counts = new Map<string, number>()
    for (const row of before[table] ?? []) bump(counts, JSON.stringify(row), 1)
    for (const row of after[table] ?? []) bump(counts, JSON.stringify(row), -1)
    const removed = [...counts].filter(([, n]) => n > 0).map(([row]) => row)
    const added = [...counts].filter(([, n]) => n < 0).map(([row]) => row)
    if (removed.length || added.length) changed[table] = { removed, added }
  }
  return changed
}

function bump(counts: Map<string, number>, key: string, by: number) {
  counts.set(key, (counts.get(key) ?? 0) + by)
}

/** Opens `path`, presses the form's save button and waits for the answer; returns the status. */
async function saveUnchanged(page: Page, path: string, button: string, index = 0) {
  await page.goto(path)
  const save = page.getByRole('button', { name: button, exact: true }).nth(index)
  await expect(save).toBeVisible()
  const [response] = await Promise.all([
    page.waitForResponse((r) => r.request().method() === 'POST'),
    save.click(),
  ])
  await page.waitForLoadState('load')
  return response.status()
}

/** Saves each form unchanged and expects no byte of the database to change. */
async function expectUnchangedBySaving(page: Page, forms: [path: string, button: string][]) {
  for (const [path, button] of forms) {
    const before = snapshot()
    const status = await saveUnchanged(page, path, button)
    expect(status, `saving ${path}`).toBeLessThan(400)
    expect(differences(before, snapshot()), `saving ${path} unchanged`).toEqual({})
  }
  return forms.length
}

function ids(sql: string, ...params: unknown[]) {
  const db = new Database(DATABASE, { readonly: true, fileMustExist: true })
  try {
    return (
      db
        .prepare(sql)
        .raw()
        .all(...params) as [number][]
    ).map(([id]) => id)
  } finally {
    db.close()
  }
}

// The model's texts a nomination copies into the entry form.
const MODEL_TEXT = [
  'title',
  'summary',
  'context',
  'objectives',
  'method',
  'forces',
  'resident_contributions',
  'sustainability',
  'replication_conditions',
  'replication_steps',
  'contact_name',
  'contact_phone',
  'contact_email',
] as const

type Texts = Record<(typeof MODEL_TEXT)[number], string>
type IndicatorTexts = { label: string; unit: string; period: string | null }

/** An entry's saved draft (the form as typed) beside its model's stored texts. */
function entryAndModel(entryId: number) {
  const db = new Database(DATABASE, { readonly: true, fileMustExist: true })
  try {
    const row = db.prepare(`SELECT model_id, draft FROM entries WHERE id = ?`).get(entryId) as {
      model_id: number
      draft: string
    }
    const draft = JSON.parse(row.draft) as Texts & {
      indicators: { label: string; unit: string; period: string }[]
    }
    const model = db.prepare(`SELECT * FROM models WHERE id = ?`).get(row.model_id) as Texts
    const indicators = db
      .prepare(
        `SELECT label, unit, period FROM indicators WHERE model_id = ? AND entry_id IS NULL
         AND replication_report_id IS NULL ORDER BY position`,
      )
      .all(row.model_id) as IndicatorTexts[]
    // A blank period is typed as nothing: the form sends '' where the model stores NULL.
    return {
      draft: {
        ...draft,
        indicators: draft.indicators.map((i) => ({ ...i, period: i.period || null })),
      },
      model,
      indicators,
    }
  } finally {
    db.close()
  }
}

const CAPTION = 'Bà con thôn Khâu Chang hiến đất, góp ngày công làm đường bê tông (tháng 3/2026)'

const resaved: string[] = []
test.afterAll(() => console.log(`re-saved unchanged without JavaScript: ${resaved.length} forms`))

test("a unit's models, a new entry and its photo captions saved unchanged change nothing", async ({
  page,
}, testInfo) => {
  test.setTimeout(120_000)
  await signIn(page, 'donvi')
  const models = ids(
    `SELECT m.id FROM models m JOIN user_roles r ON r.org_unit_id = m.unit_id
     JOIN users u ON u.id = r.user_id WHERE u.username = 'donvi' AND r.role = 'unit' ORDER BY m.id`,
  )
  expect(models.length).toBeGreaterThan(3)
  const forms: [string, string][] = models.map((id) => [`/unit/models/${id}`, 'Lưu mô hình'])
  resaved.push(...forms.map(([p]) => p))
  await expectUnchangedBySaving(page, forms)

  // A nomination to the open round copies the model's content into a draft entry. The first
  // save turns that copy into the form as typed (another representation of the same content):
  // every text the unit sees must arrive there exactly as the model has it.
  await page.goto('/unit')
  const nominate = page.getByRole('button', { name: `Đề nghị công nhận vào đợt ${OPEN_CONTEST}` })
  await nominate.first().click()
  await expect(page).toHaveURL(/\/unit\/entries\/\d+$/)
  const entry = new URL(page.url()).pathname
  expect(await saveUnchanged(page, entry, 'Lưu nháp')).toBeLessThan(400)
  const { draft, model, indicators } = entryAndModel(Number(entry.split('/').pop()))
  for (const column of MODEL_TEXT) expect(draft[column], column).toBe(model[column])
  expect(
    draft.indicators.map((i) => [i.label, i.unit, i.period]),
    'indicator texts',
  ).toEqual(indicators.map((i) => [i.label, i.unit, i.period]))
  resaved.push(entry)
  await expectUnchangedBySaving(page, [[entry, 'Lưu nháp']])

  // A photo with a caption typed once; then every caption form saved unchanged.
  await page.goto(entry)
  await page.getByLabel('Thêm ảnh').setInputFiles(await photoFiles(testInfo.outputPath('p'), 1))
  await page.getByRole('button', { name: 'Tải ảnh lên' }).click()
  await expect(page.getByText('1/12 ảnh')).toBeVisible()
  await page.getByLabel('Chú thích ảnh số 1').fill(CAPTION)
  await page.getByRole('button', { name: 'Lưu chú thích ảnh số 1' }).click()
  await expect(page.getByLabel('Chú thích ảnh số 1')).toHaveValue(CAPTION)
  const captions = await page.getByRole('button', { name: /^Lưu chú thích/ }).count()
  expect(captions).toBeGreaterThan(0)
  for (let i = 1; i <= captions; i++) {
    const before = snapshot()
    expect(await saveUnchanged(page, entry, `Lưu chú thích ảnh số ${i}`)).toBeLessThan(400)
    expect(differences(before, snapshot()), `caption ${i} unchanged`).toEqual({})
    resaved.push(`${entry} caption ${i}`)
  }
})

test("the organiser's contest dates and user roles saved unchanged change nothing", async ({
  page,
}) => {
  await signIn(page, 'admin')
  const contests = ids(`SELECT id FROM contests WHERE status <> 'published' ORDER BY id`)
  const users = ids(`SELECT id FROM users ORDER BY id`)
  expect(contests.length).toBeGreaterThan(0)
  const forms: [string, string][] = [
    ...contests.map((id): [string, string] => [`/admin/contests/${id}`, 'Lưu các mốc thời gian']),
    ...users.map((id): [string, string] => [`/admin/users/${id}`, 'Lưu vai trò']),
  ]
  resaved.push(...forms.map(([p]) => p))
  await expectUnchangedBySaving(page, forms)
})

test("a judge's draft score sheets saved unchanged change nothing", async ({ page }) => {
  await signIn(page, 'giamkhao1')
  const entries = ids(
    `SELECT s.entry_id FROM score_sheets s JOIN users u ON u.id = s.judge_id
     JOIN entries e ON e.id = s.entry_id JOIN contests c ON c.id = e.contest_id
     WHERE u.username = 'giamkhao1' AND s.status = 'draft' AND c.status = 'open'
     ORDER BY s.entry_id`,
  )
  expect(entries.length).toBeGreaterThan(0)
  const forms: [string, string][] = entries.map((id) => [`/judge/entries/${id}`, 'Lưu nháp'])
  resaved.push(...forms.map(([p]) => p))
  await expectUnchangedBySaving(page, forms)
})
