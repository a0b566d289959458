import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { replicationsInCommune } from '#db/repos/replications'
import { requireRole } from '~/auth/guards.server'
import { now } from '~/clock.server'
import { useT } from '~/i18n/use-t'
import { communeOf } from '~/replication/replications.server'
import { isStale } from '~/replication/rules'
import { buttonClass } from '~/ui/form'
import { ReplicationCells, ReplicationHeaders } from '~/replication/parts'
import { ScrollTable } from '~/ui/scroll-table'
import { pageTitle } from '~/ui/page-title'

export const meta: MetaFunction<typeof loader> = (args) => {
  const { data } = args
  return pageTitle(args, (t) => [t('commune.title'), data?.communeName])
}

/** A commune officer's commune: the models it replicates, when each was last updated. */
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireRole(request, 'commune')
  const commune = communeOf(user)
  const at = now()
  const replications = (await replicationsInCommune(commune.id)).map((r) => ({
    ...r,
    lastUpdate: r.last_reported_at ?? r.created_at,
    stale: isStale(r, at),
  }))
  return { communeName: commune.name, replications }
}

export default function CommuneHome() {
  const { communeName, replications } = useLoaderData<typeof loader>()
  const t = useT()
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-bold">{t('commune.title')}</h1>
        <p className="mt-1 text-stone-700">{t('commune.communeName', { name: communeName })}</p>
      </div>
      <p>
        <Link to="/commune/replications/new" className={buttonClass}>
          {t('replication.home.start')}
        </Link>
      </p>
      <p className="text-sm text-stone-700">{t('replication.home.catalogHint')}</p>
      <section aria-labelledby="commune-replications">
        <h2 id="commune-replications" className="text-xl font-semibold">
          {t('commune.replications')}
        </h2>
        {replications.length ? (
          <ScrollTable labelledBy="commune-replications">
            <thead className="bg-stone-100">
              <tr>
                <ReplicationHeaders />
              </tr>
            </thead>
            <tbody>
              {replications.map((r) => (
                <tr key={r.id} className="border-t border-stone-200">
                  <ReplicationCells r={r} />
                </tr>
              ))}
            </tbody>
          </ScrollTable>
        ) : (
          <p className="mt-2">{t('commune.noReplications')}</p>
        )}
      </section>
    </div>
  )
}
