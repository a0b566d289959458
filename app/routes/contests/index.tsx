import { Link, useLoaderData } from '@remix-run/react'
import type { MetaFunction } from '@remix-run/node'
import { formatDate } from '~/i18n'
import { useLocale, useT } from '~/i18n/use-t'
import { listPublishedResults } from '~/results/public.server'
import { pageTitle } from '~/ui/page-title'

export const meta: MetaFunction = (args) => pageTitle(args, (t) => [t('publicResults.listTitle')])

/** /contests — public: every contest whose results are published. */
export async function loader() {
  return { contests: await listPublishedResults() }
}

export default function PublishedContests() {
  const { contests } = useLoaderData<typeof loader>()
  const t = useT()
  const locale = useLocale()
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-bold">{t('publicResults.listTitle')}</h1>
      {contests.length ? (
        <ul className="space-y-3">
          {contests.map((c) => (
            <li key={c.id} className="rounded-lg border border-stone-200 bg-white p-3">
              <Link
                to={`/contests/${c.id}/results`}
                className="font-semibold text-brand-700 underline"
              >
                {c.title}
              </Link>
              <p className="text-sm text-stone-700">
                {t('publicResults.listLine', {
                  organiser: c.organiser,
                  awards: c.awards,
                  date: c.publishedAt ? formatDate(locale, c.publishedAt) : '',
                })}
              </p>
            </li>
          ))}
        </ul>
      ) : (
        <p>{t('publicResults.none')}</p>
      )}
    </div>
  )
}
