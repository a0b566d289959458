import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { getDb } from '#db/index'
import { listContests } from '#db/repos/contests'
import { movementTotals } from '#db/repos/models'
import { countOrgUnits } from '#db/repos/org-units'
import { requireAdmin } from '~/auth/guards.server'
import { now } from '~/clock.server'
import { contestPhase } from '~/contests/phase'
import type { MessageKey } from '~/i18n'
import { useT } from '~/i18n/use-t'
import { ColumnHeader, ScrollTable } from '~/ui/scroll-table'
import { pendingRevisionsFor } from '~/models/revisions.server'
import { organiserScope } from '~/users/users.server'
import { pageTitle } from '~/ui/page-title'

export const meta: MetaFunction<typeof loader> = (args) =>
  pageTitle(args, (t) => [t('admin.title')])

/** The organiser's overview: the size of the movement in their area and every contest. */
export async function loader({ request }: LoaderFunctionArgs) {
  const admin = await requireAdmin(request)
  const scope = await organiserScope(admin)
  const [orgCounts, totals, contests, users, revisions] = await Promise.all([
    countOrgUnits(scope),
    movementTotals(),
    listContests(),
    getDb()
      .selectFrom('users')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow(),
    pendingRevisionsFor(admin),
  ])
  const at = now()
  const rows = contests.map((c) => ({
    id: c.id,
    title: c.title,
    year: c.year,
    phase: contestPhase(c, at),
    entries: Number(c.entry_count ?? 0),
  }))
  const current = rows.find((c) => c.phase !== 'published')
  return {
    stats: [
      ['admin.stat.units', orgCounts.units],
      ['admin.stat.communes', orgCounts.communes],
      ['admin.stat.users', Number(users.n)],
      ['admin.stat.models', totals.models],
      ['admin.stat.entries', current?.entries ?? 0],
      ['admin.stat.replications', totals.replications],
    ] as [MessageKey, number][],
    contests: rows,
    pendingRevisions: revisions.length,
  }
}

export default function AdminDashboard() {
  const { stats, contests, pendingRevisions } = useLoaderData<typeof loader>()
  const t = useT()
  return (
    <div className="space-y-8">
      <h1 className="text-2xl font-bold">{t('admin.title')}</h1>
      {pendingRevisions ? (
        <p>
          <Link to="/admin/revisions" className="font-semibold text-brand-700 underline">
            {t('revision.list.link', { count: pendingRevisions })}
          </Link>
        </p>
      ) : null}
      <section aria-labelledby="overview">
        <h2 id="overview" className="text-xl font-semibold">
          {t('admin.overview')}
        </h2>
        <dl className="mt-3 grid grid-cols-2 gap-3 sm:grid-cols-3">
          {stats.map(([label, value]) => (
            <div key={label} className="rounded-lg border border-stone-200 bg-white p-3">
              <dt className="text-sm text-stone-600">{t(label)}</dt>
              <dd className="text-2xl font-bold text-brand-800">{value.toLocaleString('vi-VN')}</dd>
            </div>
          ))}
        </dl>
      </section>
      <section aria-labelledby="contests">
        <h2 id="contests" className="text-xl font-semibold">
          {t('admin.contests')}
        </h2>
        <ScrollTable labelledBy="contests">
          <thead className="bg-stone-100">
            <tr>
              <ColumnHeader label="admin.contestYear" />
              <ColumnHeader label="admin.contestTitle" />
              <ColumnHeader label="admin.contestPhase" />
              <ColumnHeader label="admin.contestEntries" numeric />
            </tr>
          </thead>
          <tbody>
            {contests.map((c) => (
              <tr key={c.id} className="border-t border-stone-200">
                <td className="px-3 py-2">{c.year}</td>
                <td className="px-3 py-2">
                  {c.title}
                  {c.phase === 'draft' ? null : (
                    <span className="mt-1 flex flex-wrap gap-x-4 gap-y-1 text-sm">
                      <Link
                        to={`/admin/contests/${c.id}/panels`}
                        className="inline-block min-h-6 py-1 text-brand-700 underline"
                      >
                        {t('admin.contestPanels')}
                      </Link>
                      <Link
                        to={`/admin/contests/${c.id}/progress`}
                        className="inline-block min-h-6 py-1 text-brand-700 underline"
                      >
                        {t('admin.contestProgress')}
                      </Link>
                      {['judging', 'finalised', 'published'].includes(c.phase) ? (
                        <Link
                          to={`/admin/contests/${c.id}/results`}
                          className="inline-block min-h-6 py-1 text-brand-700 underline"
                        >
                          {t('nav.results')}
                        </Link>
                      ) : null}
                    </span>
                  )}
                </td>
                <td className="px-3 py-2">{t(`phase.${c.phase}`)}</td>
                <td className="px-3 py-2 text-right">{c.entries}</td>
              </tr>
            ))}
          </tbody>
        </ScrollTable>
      </section>
      <p>
        <Link to="/admin/users" className="font-semibold text-brand-700 underline">
          {t('admin.manageUsers')}
        </Link>
      </p>
      <p>
        <Link to="/admin/monitoring" className="font-semibold text-brand-700 underline">
          {t('admin.monitoringLink')}
        </Link>
      </p>
      <p>
        <Link to="/admin/replications" className="font-semibold text-brand-700 underline">
          {t('admin.replicationsLink')}
        </Link>
      </p>
    </div>
  )
}
