import { type RouteConfig, index, route } from '@remix-run/route-config'

export default [
  index('routes/home.tsx'),
  route('login', 'routes/login.tsx'),
  route('logout', 'routes/logout.ts'),
  route('language', 'routes/language.ts'),
  route('healthz', 'routes/healthz.ts'),
  route('account', 'routes/account.tsx'),
  route('admin', 'routes/admin/dashboard.tsx'),
  route('admin/users', 'routes/admin/users.tsx'),
  route('admin/users/:userId', 'routes/admin/user-edit.tsx'),
  route('unit', 'routes/unit/home.tsx'),
  route('judge', 'routes/judge/home.tsx'),
  route('commune', 'routes/commune/home.tsx'),
  route('*', 'routes/not-found.tsx'),
] satisfies RouteConfig
