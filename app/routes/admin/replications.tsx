import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Form, useLoaderData } from '@remix-run/react'
import { z } from 'zod'
import { REPLICATION_STATUSES } from '#db/domain'
import { requireAdmin } from '~/auth/guards.server'
import { useT } from '~/i18n/use-t'
import { replicationsForOrganiser } from '~/replication/replications.server'
import { buttonClass, inputClass, labelClass } from '~/ui/form'
import { ReplicationCells, ReplicationHeaders } from '~/replication/parts'
import { ColumnHeader, ScrollTable } from '~/ui/scroll-table'
import { pageTitle } from '~/ui/page-title'

const filtersSchema = z.object({
  status: z.enum(REPLICATION_STATUSES).optional().catch(undefined),
  commune: z.coerce.number().int().positive().optional().catch(undefined),
  stale: z
    .literal('1')
    .optional()
    .catch(undefined)
    .transform((v) => v === '1'),
})

export const meta: MetaFunction<typeof loader> = (args) =>
  pageTitle(args, (t) => [t('replication.admin.title')])

/**
 * /admin/replications — replications in the organiser's area, filtered by status and
 * commune; those with no update for six months are marked and can be listed alone.
 */
export async function loader({ request }: LoaderFunctionArgs) {
  const admin = await requireAdmin(request)
  const params = Object.fromEntries(new URL(request.url).searchParams)
  const filters = filtersSchema.parse({
    status: params.status || undefined,
    commune: params.commune || undefined,
    stale: params.stale || undefined,
  })
  const { communes, rows } = await replicationsForOrganiser(admin, {
    status: filters.status,
    communeId: filters.commune,
    stale: filters.stale,
  })
  return { filters, communes, rows }
}

export default function AdminReplications() {
  const { filters, communes, rows } = useLoaderData<typeof loader>()
  const t = useT()
  const staleCount = rows.filter((r) => r.stale).length
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold">{t('replication.admin.title')}</h1>
      <Form
        method="get"
        className="grid gap-3 rounded-lg border border-stone-200 bg-white p-4 sm:grid-cols-4 sm:items-end"
      >
        <div>
          <label htmlFor="filter-status" className={labelClass}>
            {t('replication.field.status')}
          </label>
          <select
            id="filter-status"
            name="status"
            defaultValue={filters.status ?? ''}
            className={inputClass}
          >
            <option value="">{t('replication.admin.allStatuses')}</option>
            {REPLICATION_STATUSES.map((s) => (
              <option key={s} value={s}>
                {t(`replicationStatus.${s}`)}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="filter-commune" className={labelClass}>
            {t('replication.field.commune')}
          </label>
          <select
            id="filter-commune"
            name="commune"
            defaultValue={filters.commune ?? ''}
            className={inputClass}
          >
            <option value="">{t('replication.admin.allCommunes')}</option>
            {communes.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
              </option>
            ))}
          </select>
        </div>
        <label className="inline-flex min-h-11 items-center gap-2">
          <input
            type="checkbox"
            name="stale"
            value="1"
            defaultChecked={filters.stale}
            className="h-5 w-5"
          />
          {t('replication.stale.filter')}
        </label>
        <button type="submit" className={buttonClass}>
          {t('replication.admin.apply')}
        </button>
      </Form>
      <p role="status">{t('replication.admin.count', { n: rows.length, stale: staleCount })}</p>
      <section aria-labelledby="replications-table">
        <h2 id="replications-table" className="sr-only">
          {t('replication.admin.title')}
        </h2>
        {rows.length ? (
          <ScrollTable labelledBy="replications-table">
            <thead className="bg-stone-100">
              <tr>
                <ColumnHeader label="replication.field.commune" />
                <ReplicationHeaders />
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr
                  key={r.id}
                  className={`border-t border-stone-200 ${r.stale ? 'bg-amber-50' : ''}`}
                >
                  <td className="px-3 py-2">{r.commune_name}</td>
                  <ReplicationCells r={r} />
                </tr>
              ))}
            </tbody>
          </ScrollTable>
        ) : (
          <p>{t('replication.admin.none')}</p>
        )}
      </section>
    </div>
  )
}
