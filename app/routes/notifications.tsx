import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { data, redirect } from '@remix-run/node'
import { Form, useActionData, useLoaderData } from '@remix-run/react'
import { listNotifications, markNotificationsRead } from '#db/repos/notifications'
import { requireUser } from '~/auth/guards.server'
import { safeRedirect } from '~/http/safe-redirect'
import { now } from '~/clock.server'
import { formatDateTime, isMessageKey } from '~/i18n'
import { useLocale, useT } from '~/i18n/use-t'
import { FormMessage, secondaryButtonClass } from '~/ui/form'
import { pageTitle } from '~/ui/page-title'
import { readForm } from '~/forms/parse'

function parseParams(json: string): Record<string, string | number> {
  try {
    const value: unknown = JSON.parse(json)
    if (typeof value !== 'object' || value === null) return {}
    const out: Record<string, string | number> = {}
    for (const [k, v] of Object.entries(value)) {
      if (typeof v === 'string' || typeof v === 'number') out[k] = v
    }
    return out
  } catch {
    return {}
  }
}

export const meta: MetaFunction<typeof loader> = (args) =>
  pageTitle(args, (t) => [t('notifications.title')])

/** /notifications — the signed-in user's in-app notifications, newest first. */
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request)
  const rows = await listNotifications(user.id)
  return {
    notifications: rows.map((n) => {
      const key = `notice.${n.kind}`
      return {
        id: n.id,
        text: isMessageKey(key) ? key : 'notice.unknown',
        params: parseParams(n.params),
        hasLink: !!n.link,
        unread: n.read_at === null,
        createdAt: n.created_at,
      }
    }),
  }
}

/** Opening one marks it read and follows its link; "mark all" marks every one read. */
export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request)
  const form = await readForm(request)
  if (form.get('intent') === 'open') {
    const id = Number(form.get('id'))
    const row =
      Number.isInteger(id) && id > 0 ? await markNotificationsRead(user.id, now(), id) : undefined
    if (!row) throw data({ message: 'not found' }, { status: 404 })
    return redirect(safeRedirect(row.link, '/notifications'))
  }
  if (form.get('intent') === 'read-all') {
    await markNotificationsRead(user.id, now())
    return { done: true }
  }
  return data({ done: false }, { status: 400 })
}

export default function Notifications() {
  const { notifications } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const t = useT()
  const locale = useLocale()
  const anyUnread = notifications.some((n) => n.unread)
  return (
    <div className="mx-auto max-w-3xl space-y-4">
      <h1 className="text-2xl font-bold">{t('notifications.title')}</h1>
      {actionData?.done ? (
        <FormMessage tone="success">{t('notifications.allRead')}</FormMessage>
      ) : null}
      {anyUnread ? (
        <Form method="post">
          <input type="hidden" name="intent" value="read-all" />
          <button type="submit" className={secondaryButtonClass}>
            {t('notifications.markAllRead')}
          </button>
        </Form>
      ) : null}
      {notifications.length ? (
        <ul className="space-y-2">
          {notifications.map((n) => (
            <li
              key={n.id}
              className={`rounded-lg border p-3 ${n.unread ? 'border-brand-700 bg-brand-50' : 'border-stone-200 bg-white'}`}
            >
              <p>
                {n.unread ? (
                  <strong className="mr-2 text-brand-800">{t('notifications.unread')}:</strong>
                ) : null}
                {t(n.text, n.params)}
              </p>
              {typeof n.params.reason === 'string' && n.params.reason ? (
                <p className="mt-1 text-sm">
                  {t('notifications.reason', { reason: n.params.reason })}
                </p>
              ) : null}
              <div className="mt-1 flex flex-wrap items-center gap-3 text-sm text-stone-700">
                <time dateTime={n.createdAt}>{formatDateTime(locale, n.createdAt)}</time>
                {n.hasLink || n.unread ? (
                  <Form method="post" className="inline">
                    <input type="hidden" name="intent" value="open" />
                    <input type="hidden" name="id" value={n.id} />
                    <button type="submit" className="font-semibold text-brand-700 underline">
                      {t('notifications.open')}
                    </button>
                  </Form>
                ) : null}
              </div>
            </li>
          ))}
        </ul>
      ) : (
        <p>{t('notifications.empty')}</p>
      )}
    </div>
  )
}
