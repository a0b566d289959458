import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { runningContests } from '#db/repos/contests'
import { latestPublishedModels, movementTotals } from '#db/repos/models'
import { contestPhase } from '~/contests/phase'
import { now } from '~/clock.server'
import { formatDate } from '~/i18n'
import { useLocale, useT } from '~/i18n/use-t'
import { pageTitle } from '~/ui/page-title'

export const meta: MetaFunction<typeof loader> = (args) =>
  pageTitle(args, (t) => [t('app.tagline')])

/** Public home: the current contest and the latest published models. */
export async function loader(_: LoaderFunctionArgs) {
  const [contests, models, totals] = await Promise.all([
    runningContests(),
    latestPublishedModels(6),
    movementTotals(),
  ])
  const at = now()
  return {
    contests: contests.map((contest) => ({
      id: contest.id,
      title: contest.title,
      year: contest.year,
      phase: contestPhase(contest, at),
      entryCount: Number(contest.entry_count ?? 0),
      nominationDeadline: contest.nomination_deadline,
      judgingClosesAt: contest.judging_closes_at,
    })),
    models,
    totals,
  }
}

export default function Home() {
  const { contests, models, totals } = useLoaderData<typeof loader>()
  const t = useT()
  const locale = useLocale()
  return (
    <div className="space-y-8">
      <section>
        <h1 className="text-2xl font-bold text-brand-800 sm:text-3xl">{t('home.title')}</h1>
        <p className="mt-2 max-w-3xl text-stone-700">{t('home.intro')}</p>
        <p className="mt-2 text-sm text-stone-600">
          {t('home.stats', { models: totals.models, replications: totals.replications })}
        </p>
      </section>

      <section
        aria-labelledby="current-contest"
        className="rounded-lg border border-stone-200 bg-white p-4 shadow-sm"
      >
        <h2 id="current-contest" className="text-lg font-semibold">
          {t('home.currentContest')}
        </h2>
        {contests.length ? (
          <ul className="mt-2 space-y-4">
            {contests.map((contest) => (
              <li key={contest.id} className="space-y-1">
                <p className="text-xl font-semibold text-brand-800">{contest.title}</p>
                <p>{t('home.contestPhase', { phase: t(`phase.${contest.phase}`) })}</p>
                <p>{t('home.contestEntries', { count: contest.entryCount })}</p>
                {contest.phase === 'nomination' || contest.phase === 'registration' ? (
                  <p>
                    {t('home.nominationDeadline', {
                      date: formatDate(locale, contest.nominationDeadline),
                    })}
                  </p>
                ) : null}
                {contest.phase === 'judging' ? (
                  <p>
                    {t('home.judgingCloses', { date: formatDate(locale, contest.judgingClosesAt) })}
                  </p>
                ) : null}
              </li>
            ))}
          </ul>
        ) : (
          <p className="mt-2">{t('home.noContest')}</p>
        )}
      </section>

      <section aria-labelledby="latest-models">
        <h2 id="latest-models" className="text-lg font-semibold">
          {t('home.latestModels')}
        </h2>
        {models.length ? (
          <ul className="mt-3 grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
            {models.map((m) => (
              <li key={m.id} className="rounded-lg border border-stone-200 bg-white p-4 shadow-sm">
                <p className="text-xs font-semibold uppercase tracking-wide text-brand-700">
                  {t(`field.${m.field}`)}
                </p>
                <h3 className="mt-1 font-semibold">
                  <Link to={`/models/${m.slug}`} className="text-brand-800 hover:underline">
                    {m.title}
                  </Link>
                </h3>
                <p className="mt-1 text-sm text-stone-600">
                  {t('home.modelUnit', { unit: m.unit_name })}
                </p>
                {m.award_tier && m.award_year ? (
                  <p className="mt-1 text-sm font-medium text-amber-800">
                    {t('home.modelAward', { tier: m.award_tier, year: String(m.award_year) })}
                  </p>
                ) : null}
                <p className="mt-2 line-clamp-3 text-sm text-stone-700">{m.summary}</p>
                {Number(m.replication_count) > 0 ? (
                  <p className="mt-2 text-sm text-stone-600">
                    {t('home.replicatedIn', { count: Number(m.replication_count) })}
                  </p>
                ) : null}
              </li>
            ))}
          </ul>
        ) : (
          <p className="mt-2">{t('home.noModels')}</p>
        )}
      </section>
    </div>
  )
}
