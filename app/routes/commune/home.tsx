import type { LoaderFunctionArgs } from '@remix-run/node'
import { useLoaderData } from '@remix-run/react'
import { replicationsInCommune } from '#db/repos/replications'
import { requireRole } from '~/auth/guards.server'
import { grantFor } from '~/auth/permissions'
import { formatDate } from '~/i18n'
import { useLocale, useT } from '~/i18n/use-t'
import { ScrollTable } from '~/ui/scroll-table'

/** A commune officer's commune: the models it replicates. */
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireRole(request, 'commune')
  const grant = grantFor(user, 'commune')!
  const replications = await replicationsInCommune(grant.orgUnitId!)
  return { communeName: grant.orgUnitName ?? '', replications }
}

export default function CommuneHome() {
  const { communeName, replications } = useLoaderData<typeof loader>()
  const t = useT()
  const locale = useLocale()
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-bold">{t('commune.title')}</h1>
        <p className="mt-1 text-stone-700">{t('commune.communeName', { name: communeName })}</p>
      </div>
      <section aria-labelledby="commune-replications">
        <h2 id="commune-replications" className="text-xl font-semibold">
          {t('commune.replications')}
        </h2>
        {replications.length ? (
          <ScrollTable labelledBy="commune-replications">
            <thead className="bg-stone-100">
              <tr>
                <th scope="col" className="px-3 py-2">
                  {t('commune.source')}
                </th>
                <th scope="col" className="px-3 py-2">
                  {t('commune.status')}
                </th>
                <th scope="col" className="px-3 py-2">
                  {t('commune.startDate')}
                </th>
                <th scope="col" className="px-3 py-2">
                  {t('commune.lastReport')}
                </th>
              </tr>
            </thead>
            <tbody>
              {replications.map((r) => (
                <tr key={r.id} className="border-t border-stone-200">
                  <td className="px-3 py-2 font-medium">{r.source_title}</td>
                  <td className="px-3 py-2">{t(`replicationStatus.${r.status}`)}</td>
                  <td className="px-3 py-2">{formatDate(locale, r.start_date)}</td>
                  <td className="px-3 py-2">
                    {r.last_reported_at ? formatDate(locale, r.last_reported_at) : t('common.none')}
                  </td>
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
