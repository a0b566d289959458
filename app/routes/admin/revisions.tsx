import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { requireAdmin } from '~/auth/guards.server'
import { formatDateTime } from '~/i18n'
import { useLocale, useT } from '~/i18n/use-t'
import { pendingRevisionsFor } from '~/models/revisions.server'
import { pageTitle } from '~/ui/page-title'
import { ColumnHeader, ScrollTable } from '~/ui/scroll-table'

export const meta: MetaFunction<typeof loader> = (args) =>
  pageTitle(args, (t) => [t('revision.list.title')])

/** /admin/revisions — changes to published models in the organiser's area, waiting for review. */
export async function loader({ request }: LoaderFunctionArgs) {
  const admin = await requireAdmin(request)
  return { revisions: await pendingRevisionsFor(admin) }
}

export default function AdminRevisions() {
  const { revisions } = useLoaderData<typeof loader>()
  const t = useT()
  const locale = useLocale()
  return (
    <div className="space-y-4">
      <h1 id="revisions" className="text-2xl font-bold">
        {t('revision.list.title')}
      </h1>
      <p className="max-w-3xl text-stone-700">{t('revision.list.intro')}</p>
      {revisions.length ? (
        <ScrollTable labelledBy="revisions">
          <thead className="bg-stone-100">
            <tr>
              <ColumnHeader label="revision.list.model" />
              <ColumnHeader label="revision.list.unit" />
              <ColumnHeader label="revision.list.submitted" />
            </tr>
          </thead>
          <tbody>
            {revisions.map((r) => (
              <tr key={r.id} className="border-t border-stone-200">
                <td className="px-3 py-2">
                  <Link to={`/admin/revisions/${r.id}`} className="text-brand-700 underline">
                    {r.model_title}
                  </Link>
                </td>
                <td className="px-3 py-2">{r.unit_name}</td>
                <td className="px-3 py-2">
                  {formatDateTime(locale, r.submitted_at)}
                  {r.submitted_by_name ? ` — ${r.submitted_by_name}` : ''}
                </td>
              </tr>
            ))}
          </tbody>
        </ScrollTable>
      ) : (
        <p>{t('revision.list.empty')}</p>
      )}
    </div>
  )
}
