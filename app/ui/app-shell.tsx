import { Form, NavLink, useRouteLoaderData } from '@remix-run/react'
import type { ReactNode } from 'react'
import { navigationFor } from '~/auth/permissions'
import { useT } from '~/i18n/use-t'
import type { RootLoaderData } from '~/root'
import { dropAllUnsavedCopies } from './unsaved-copy'

export function AppShell({ children }: { children: ReactNode }) {
  const data = useRouteLoaderData<RootLoaderData>('root')
  const t = useT()
  const user = data?.user ?? null
  const nav = navigationFor(user)
  const locale = data?.locale ?? 'vi'
  const unread = data?.unread ?? 0
  return (
    <div className="flex min-h-screen flex-col">
      <a
        href="#main"
        className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:rounded focus:bg-white focus:px-3 focus:py-2 focus:text-brand-800"
      >
        {t('app.skipToContent')}
      </a>
      <header className="bg-brand-700 text-white">
        <div className="mx-auto flex max-w-6xl flex-wrap items-center justify-between gap-x-4 gap-y-2 px-4 py-3">
          <a href="/" className="flex items-center gap-2 text-lg font-bold">
            <img src="/favicon.svg" alt="" width="28" height="28" />
            {t('app.name')}
          </a>
          <div className="flex flex-wrap items-center gap-3 text-sm">
            <Form method="post" action="/language" className="inline">
              <input type="hidden" name="locale" value={locale === 'vi' ? 'en' : 'vi'} />
              <input type="hidden" name="redirectTo" value={data?.path ?? '/'} />
              <button
                type="submit"
                lang={locale === 'vi' ? 'en' : 'vi'}
                title={t('lang.switchTitle')}
                className="rounded border border-white/60 px-2 py-1 hover:bg-white/10"
              >
                {t('lang.switch')}
              </button>
            </Form>
            {user ? (
              <>
                <a
                  href="/notifications"
                  className="rounded border border-white/60 px-2 py-1 hover:bg-white/10"
                  data-testid="notifications-link"
                >
                  {t('nav.notifications')}
                  {unread > 0 ? (
                    <span className="ml-1 rounded-full bg-gold-400 px-1.5 font-bold text-stone-900">
                      <span aria-hidden="true">{unread}</span>
                      <span className="sr-only">{t('nav.unreadCount', { count: unread })}</span>
                    </span>
                  ) : null}
                </a>
                <span className="max-w-[14rem] truncate" data-testid="signed-in-as">
                  {t('nav.signedInAs', { name: user.displayName })}
                </span>
                <Form
                  method="post"
                  action="/logout"
                  className="inline"
                  onSubmit={dropAllUnsavedCopies}
                >
                  <button
                    type="submit"
                    className="rounded bg-white px-3 py-1 font-semibold text-brand-800 hover:bg-brand-50"
                  >
                    {t('nav.logout')}
                  </button>
                </Form>
              </>
            ) : (
              <a
                href="/login"
                className="rounded bg-white px-3 py-1 font-semibold text-brand-800 hover:bg-brand-50"
              >
                {t('nav.login')}
              </a>
            )}
          </div>
        </div>
        <nav aria-label={t('nav.label')} className="bg-brand-800">
          <ul className="mx-auto flex max-w-6xl flex-wrap gap-x-1 px-2 text-sm">
            {nav.map((item) => (
              <li key={item.to}>
                <NavLink
                  to={item.to}
                  end={item.to === '/' || item.to === '/admin'}
                  className={({ isActive }) =>
                    `block px-3 py-2.5 hover:bg-white/10 ${isActive ? 'font-semibold underline decoration-gold-400 decoration-2 underline-offset-4' : ''}`
                  }
                >
                  {t(item.label)}
                </NavLink>
              </li>
            ))}
          </ul>
        </nav>
      </header>
      <main id="main" className="mx-auto w-full max-w-6xl flex-1 px-4 py-6">
        {children}
      </main>
      <footer className="border-t border-stone-200 bg-white">
        <p className="mx-auto max-w-6xl px-4 py-4 text-sm text-stone-600">{t('app.footer')}</p>
      </footer>
    </div>
  )
}
