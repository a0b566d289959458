import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { notFound } from '~/entries/access.server'
import { formatNumber } from '~/i18n'
import { useLocale, useT } from '~/i18n/use-t'
import { publicEntry } from '~/results/public.server'
import { pageTitle } from '~/ui/page-title'

export const meta: MetaFunction<typeof loader> = (args) =>
  pageTitle(args, () => [args.data?.entry.title, args.data?.contest.title])

/** /contests/:contestId/entries/:entryId — public: an awarded entry's scores and the judges' comments, unnamed. */
export async function loader({ params }: LoaderFunctionArgs) {
  const contestId = Number(params.contestId)
  const entryId = Number(params.entryId)
  const view =
    Number.isInteger(contestId) && Number.isInteger(entryId) && contestId > 0 && entryId > 0
      ? await publicEntry(contestId, entryId)
      : null
  if (!view) notFound()
  return view
}

export default function PublicEntry() {
  const { contest, entry, breakdown } = useLoaderData<typeof loader>()
  const t = useT()
  const locale = useLocale()
  const num = (x: number | null) => (x === null ? '—' : formatNumber(locale, x, 2))
  return (
    <article className="space-y-6">
      <div className="space-y-1">
        <p>
          <Link to={`/contests/${contest.id}/results`} className="text-brand-700 underline">
            {t('publicEntry.back', { contest: contest.title })}
          </Link>
        </p>
        <h1 className="text-2xl font-bold">{entry.title}</h1>
        <p>{[entry.unitName, ...entry.communes].join(' · ')}</p>
        <p className="text-lg">
          {t('publicEntry.summaryLine', {
            tier: entry.tier ?? t('results.noTier'),
            rank: entry.rank ?? 0,
            score: num(entry.score),
            judges: entry.judges,
          })}
        </p>
        {entry.modelSlug ? (
          <p>
            <Link to={`/models/${entry.modelSlug}`} className="text-brand-700 underline">
              {t('publicEntry.modelLink')}
            </Link>
          </p>
        ) : null}
      </div>
      {entry.summary ? (
        <section aria-labelledby="entry-summary">
          <h2 id="entry-summary" className="text-xl font-semibold">
            {t('publicEntry.summary')}
          </h2>
          <p className="whitespace-pre-line">{entry.summary}</p>
        </section>
      ) : null}
      <section aria-labelledby="entry-breakdown" className="space-y-4">
        <h2 id="entry-breakdown" className="text-xl font-semibold">
          {t('publicEntry.breakdown')}
        </h2>
        <p className="text-sm text-stone-700">{t('publicEntry.anonymous')}</p>
        {breakdown.map((c) => (
          <div key={c.id} className="rounded-lg border border-stone-200 bg-white p-3">
            <h3 className="font-semibold">{c.title}</h3>
            <p>
              {t('publicEntry.criterionMean', {
                mean: num(c.mean),
                max: formatNumber(locale, c.maxPoints),
              })}
            </p>
            {c.comments.length ? (
              <ul className="mt-2 space-y-1">
                {c.comments.map((cm) => (
                  <li key={cm.judge}>
                    <span className="font-semibold">
                      {t('publicEntry.judge', {
                        n: cm.judge,
                        points: formatNumber(locale, cm.points),
                      })}
                    </span>{' '}
                    {cm.comment}
                  </li>
                ))}
              </ul>
            ) : null}
          </div>
        ))}
      </section>
    </article>
  )
}
