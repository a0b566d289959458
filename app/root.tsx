import '~/zod-config'
import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import {
  Links,
  Meta,
  Outlet,
  Scripts,
  ScrollRestoration,
  isRouteErrorResponse,
  useRouteError,
  useRouteLoaderData,
} from '@remix-run/react'
import type { ReactNode } from 'react'
import { unreadCount } from '#db/repos/notifications'
import { getSessionUser } from '~/auth/session.server'
import { getLocale } from '~/i18n/locale.server'
import { getStorage } from '~/storage/storage.server'
import { isMessageKey, translator } from '~/i18n'
import { useT } from '~/i18n/use-t'
import { useNonce } from '~/http/nonce'
import { AppShell } from '~/ui/app-shell'
import stylesUrl from '~/styles/app.css?url'

export const links: LinksFunction = () => [
  { rel: 'stylesheet', href: stylesUrl },
  { rel: 'icon', href: '/favicon.svg', type: 'image/svg+xml' },
]

export async function loader({ request }: LoaderFunctionArgs) {
  // Public layout: anonymous visitors are welcome; protected routes guard themselves.
  const [user, locale] = await Promise.all([getSessionUser(request), getLocale(request)])
  const url = new URL(request.url)
  // Where uploads go, so the photo section picks its uploader (local form post or UploadThing).
  const uploader = getStorage().backend
  // Unread in-app notifications, shown as a count in the header.
  const unread = user ? await unreadCount(user.id) : 0
  return { user, locale, path: `${url.pathname}${url.search}`, uploader, unread }
}

export type RootLoaderData = Awaited<ReturnType<typeof loader>>

export const meta: MetaFunction<typeof loader> = ({ data }) => {
  const t = translator(data?.locale ?? 'vi')
  return [{ title: t('app.name') }, { name: 'description', content: t('app.tagline') }]
}

export function Layout({ children }: { children: ReactNode }) {
  const data = useRouteLoaderData<RootLoaderData>('root')
  const nonce = useNonce()
  return (
    <html lang={data?.locale ?? 'vi'}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="theme-color" content="#912018" />
        <Meta />
        <Links />
      </head>
      <body>
        {children}
        <ScrollRestoration nonce={nonce} />
        <Scripts nonce={nonce} />
      </body>
    </html>
  )
}

export default function App() {
  return (
    <AppShell>
      <Outlet />
    </AppShell>
  )
}

export function ErrorBoundary() {
  const error = useRouteError()
  const t = useT()
  const status = isRouteErrorResponse(error) ? error.status : 500
  if (!isRouteErrorResponse(error)) console.error(error)
  // A refusal may carry its reason as a translation key ({ message: 'entry.error.…' }).
  const reason: unknown = isRouteErrorResponse(error)
    ? (error.data as { message?: unknown })?.message
    : null
  const explained = typeof reason === 'string' && isMessageKey(reason) ? t(reason) : null
  const [title, body] =
    status === 404
      ? [t('error.404.title'), t('error.404.body')]
      : status === 403
        ? [t('error.403.title'), t('error.403.body')]
        : status === 413
          ? [t('http.tooLarge.title'), t('http.tooLarge.short')]
          : status >= 500
            ? [t('error.500.title'), t('error.500.body')]
            : [t('error.title'), t('error.generic.body', { status: String(status) })]
  return (
    <AppShell>
      <section className="mx-auto max-w-xl py-10 text-center">
        <p className="text-5xl font-bold text-brand-700">{status}</p>
        <h1 className="mt-3 text-2xl font-semibold">{title}</h1>
        <p className="mt-3 text-stone-700">{explained ?? body}</p>
        <a className="mt-6 inline-block font-semibold text-brand-700 underline" href="/">
          {t('error.backHome')}
        </a>
      </section>
    </AppShell>
  )
}
