import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { notFound } from '~/entries/access.server'
import { formatDate, formatNumber } from '~/i18n'
import { useLocale, useT } from '~/i18n/use-t'
import { publicResults } from '~/results/public.server'
import { ColumnHeader, ScrollTable } from '~/ui/scroll-table'
import { CriterionCells, CriterionHeaders, CriterionLegend } from '~/results/ranking-parts'
import { pageTitle } from '~/ui/page-title'

export const meta: MetaFunction<typeof loader> = (args) =>
  pageTitle(args, (t) => [t('publicResults.title', { contest: args.data?.contest.title ?? '' })])

/** /contests/:contestId/results — public once published: ranking, tiers, breakdown per criterion. */
export async function loader({ params }: LoaderFunctionArgs) {
  const id = Number(params.contestId)
  const view = Number.isInteger(id) && id > 0 ? await publicResults(id) : null
  if (!view) notFound()
  return view
}

export default function PublicResults() {
  const d = useLoaderData<typeof loader>()
  const t = useT()
  const locale = useLocale()
  const num = (x: number | null) => (x === null ? '—' : formatNumber(locale, x, 2))
  const c = d.contest
  return (
    <div className="space-y-6">
      <div className="space-y-1">
        <p>
          <Link to="/contests" className="text-brand-700 underline">
            {t('publicResults.back')}
          </Link>
        </p>
        <h1 className="text-2xl font-bold">{t('publicResults.title', { contest: c.title })}</h1>
        <p>{c.organiser}</p>
        {c.decisionNumber ? (
          <p>
            {t('publicResults.decision', {
              number: c.decisionNumber,
              date: c.decisionDate ? formatDate(locale, c.decisionDate) : '',
              signer: c.signerTitle ?? '',
            })}
          </p>
        ) : null}
        <p className="text-sm text-stone-700">
          {t('results.method', {
            aggregation: t(`results.aggregation.${c.aggregation}`),
            basis: t(c.normalise ? 'results.basis.normalised' : 'results.basis.raw'),
          })}
        </p>
      </div>
      <section aria-labelledby="public-ranking">
        <h2 id="public-ranking" className="text-xl font-semibold">
          {t('results.ranking')}
        </h2>
        <ScrollTable labelledBy="public-ranking">
          <thead className="bg-stone-100">
            <tr>
              <ColumnHeader label="results.col.rank" />
              <ColumnHeader label="results.col.entry" />
              <ColumnHeader label="publicResults.col.score" numeric />
              <CriterionHeaders criteria={d.criteria} />
              <ColumnHeader label="results.col.tier" />
            </tr>
          </thead>
          <tbody>
            {d.rows.map((r) => (
              <tr key={r.entryId} className="border-t border-stone-200 align-top">
                <td className="px-3 py-2 font-semibold">{r.rank}</td>
                <th scope="row" className="px-3 py-2 font-normal">
                  {r.public ? (
                    <Link
                      to={`/contests/${c.id}/entries/${r.entryId}`}
                      className="text-brand-700 underline"
                    >
                      {r.title}
                    </Link>
                  ) : (
                    r.title
                  )}
                  <div className="text-stone-700">{[r.unitName, ...r.communes].join(' · ')}</div>
                </th>
                <td className="px-3 py-2 text-right font-semibold tabular-nums">{num(r.score)}</td>
                <CriterionCells criteria={d.criteria} means={r.criterionMeans} />
                <td className="px-3 py-2">{r.tier ?? t('results.noTier')}</td>
              </tr>
            ))}
          </tbody>
        </ScrollTable>
        <CriterionLegend criteria={d.criteria} />
      </section>
    </div>
  )
}
