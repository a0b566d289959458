import { USERS, XA_USERNAME } from '../../db/seed/people'
import { expect, mainNav, signIn, test } from './fixtures'

/** Every role's places in the header, as the UI contract names them. */
const ROLE_LINKS = {
  admin: [
    { name: 'Quản trị', href: '/admin' },
    { name: 'Đợt bình xét', href: '/admin/contests' },
    { name: 'Hồ sơ', href: '/admin/entries' },
    { name: 'Theo dõi', href: '/admin/monitoring' },
    { name: 'Người dùng', href: '/admin/users' },
  ],
  unit: [{ name: 'Mô hình của đơn vị', href: '/unit' }],
  judge: [{ name: 'Chấm điểm', href: '/judge' }],
  commune: [{ name: 'Nhân rộng tại xã', href: '/commune' }],
} as const

/** Everyone's links: home, the catalog of models and the published results. */
const PUBLIC_LINKS = [
  { name: 'Trang chủ', href: '/' },
  { name: 'Mô hình', href: '/models' },
  { name: 'Kết quả bình xét', href: '/contests' },
]
const ACCOUNT_LINK = { name: 'Tài khoản', href: '/account' }

const DEMO_USERS = [
  { username: 'admin', role: 'admin', home: '/admin' },
  { username: 'donvi', role: 'unit', home: '/unit' },
  { username: 'giamkhao1', role: 'judge', home: '/judge' },
  { username: 'giamkhao2', role: 'judge', home: '/judge' },
  { username: 'giamkhao3', role: 'judge', home: '/judge' },
  // The commune officer `xa`; the seed names it (the username CHECK wants 3+ characters).
  { username: XA_USERNAME, role: 'commune', home: '/commune' },
] as const

/** The name the header shows, straight from the seed data so the two cannot drift apart. */
function displayNameOf(username: string) {
  const user = USERS.find((u) => u.username === username)
  if (!user) throw new Error(`The seed has no demo user "${username}"`)
  return user.displayName
}

test.describe('signing in as each demo user', () => {
  for (const user of DEMO_USERS) {
    test(`${user.username} lands on ${user.home} with only the ${user.role} links`, async ({
      page,
      axe,
    }) => {
      await signIn(page, user.username)
      await expect(page).toHaveURL(user.home)

      const links = mainNav(page).getByRole('link')
      const expected = [...PUBLIC_LINKS, ...ROLE_LINKS[user.role], ACCOUNT_LINK]
      await expect(links).toHaveText(expected.map((l) => l.name))
      for (const [i, link] of expected.entries()) {
        await expect(links.nth(i)).toHaveAttribute('href', link.href)
      }
      await expect(page.getByTestId('signed-in-as')).toHaveText(
        `Đang đăng nhập: ${displayNameOf(user.username)}`,
      )
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible()
      await axe()

      await page.getByRole('button', { name: 'Đăng xuất' }).click()
      await expect(page).toHaveURL('/')
      await expect(page.getByRole('link', { name: 'Đăng nhập', exact: true })).toBeVisible()
      await expect(page.getByTestId('signed-in-as')).toHaveCount(0)
      await expect(mainNav(page).getByRole('link')).toHaveText(PUBLIC_LINKS.map((l) => l.name))
    })
  }
})

test('a wrong password shows a clear error and keeps the username', async ({
  page,
  axe,
}, testInfo) => {
  // A name of its own per project: throttling counts failures per account in the shared database.
  const username = `khong-ton-tai-${testInfo.project.name}`
  await page.goto('/login')
  await expect(page.getByRole('heading', { level: 1, name: 'Đăng nhập' })).toBeVisible()
  await axe()

  await page.getByLabel('Tên đăng nhập').fill(username)
  await page.getByLabel('Mật khẩu').fill('sai-mat-khau')
  await page.getByRole('button', { name: 'Đăng nhập' }).click()

  await expect(page.getByRole('alert')).toContainText('Tên đăng nhập hoặc mật khẩu không đúng.')
  await expect(page).toHaveURL('/login')
  await expect(page.getByLabel('Tên đăng nhập')).toHaveValue(username)
  await axe()
})

test('an anonymous visit to a protected page signs in and comes back', async ({ page, axe }) => {
  await page.goto('/admin/users')
  await expect(page).toHaveURL(/\/login\?/)
  expect(new URL(page.url()).searchParams.get('redirectTo')).toBe('/admin/users')
  await axe()

  await signIn(page, 'admin')
  await expect(page).toHaveURL('/admin/users')
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible()
  await axe()
})

test('a judge may not open the organiser pages', async ({ page, axe }) => {
  await signIn(page, 'giamkhao1')
  const response = await page.goto('/admin')
  expect(response?.status()).toBe(403)
  await expect(
    page.getByRole('heading', { level: 1, name: 'Không có quyền truy cập' }),
  ).toBeVisible()
  await axe()
})

test('an unknown address shows the not-found page', async ({ page, axe }) => {
  const response = await page.goto('/khong-co-trang-nay')
  expect(response?.status()).toBe(404)
  await expect(page.getByRole('heading', { level: 1, name: 'Không tìm thấy trang' })).toBeVisible()
  await axe()
})

test('the interface switches to English and back', async ({ page, axe }) => {
  await page.goto('/')
  await expect(page.locator('html')).toHaveAttribute('lang', 'vi')
  await page.getByRole('button', { name: 'English' }).click()

  await expect(page.locator('html')).toHaveAttribute('lang', 'en')
  await expect(page).toHaveURL('/')
  const nav = page.getByRole('navigation', { name: 'Main navigation' })
  await expect(nav.getByRole('link')).toHaveText(['Home', 'Models', 'Contest results'])
  await expect(page.getByRole('link', { name: 'Sign in', exact: true })).toBeVisible()
  await expect(page.getByRole('heading', { name: 'Contests under way' })).toBeVisible()
  await axe()

  await page.getByRole('button', { name: 'Tiếng Việt' }).click()
  await expect(page.locator('html')).toHaveAttribute('lang', 'vi')
  await expect(mainNav(page).getByRole('link')).toHaveText(PUBLIC_LINKS.map((l) => l.name))
})

test('the public home page shows the current contest and the latest models', async ({
  page,
  axe,
}) => {
  await page.goto('/')
  const contest = page.getByRole('region', { name: 'Các đợt bình xét đang diễn ra' })
  await expect(contest).toContainText('Bình xét mô hình Dân vận khéo năm 2025')
  await expect(contest).toContainText('Giai đoạn: Chấm điểm')

  const latest = page.getByRole('region', { name: 'Mô hình mới được công nhận' })
  const models = latest.getByRole('listitem')
  await expect(models.first()).toBeVisible()
  expect(await models.count()).toBeGreaterThan(0)
  await expect(models.first().getByRole('heading', { level: 3 })).not.toBeEmpty()
  await axe()
})
