import type { LoaderFunctionArgs } from '@remix-run/node'
import { useLoaderData } from '@remix-run/react'
import { entriesOfUnit, modelsOfUnit } from '#db/repos/models'
import { requireRole } from '~/auth/guards.server'
import { grantFor } from '~/auth/permissions'
import { useT } from '~/i18n/use-t'

/** A unit officer's own unit: its models and entries. Nothing of another unit is read. */
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireRole(request, 'unit')
  const grant = grantFor(user, 'unit')!
  const unitId = grant.orgUnitId!
  const [models, entries] = await Promise.all([modelsOfUnit(unitId), entriesOfUnit(unitId)])
  return { unitName: grant.orgUnitName ?? '', models, entries }
}

export default function UnitHome() {
  const { unitName, models, entries } = useLoaderData<typeof loader>()
  const t = useT()
  return (
    <div className="space-y-8">
      <div>
        <h1 className="text-2xl font-bold">{t('unit.title')}</h1>
        <p className="mt-1 text-stone-700">{t('unit.unitName', { name: unitName })}</p>
      </div>
      <section aria-labelledby="unit-entries">
        <h2 id="unit-entries" className="text-xl font-semibold">
          {t('unit.entries')}
        </h2>
        {entries.length ? (
          <ul className="mt-3 space-y-3">
            {entries.map((e) => (
              <li key={e.id} className="rounded-lg border border-stone-200 bg-white p-4">
                <p className="font-semibold">{e.title}</p>
                <p className="text-sm text-stone-600">
                  {e.contest_title} · {t(`field.${e.field}`)}
                </p>
                <p className="mt-1 text-sm">
                  {t('unit.state')}: <strong>{t(`entryState.${e.state}`)}</strong>
                </p>
                {e.state === 'returned' && e.return_reason ? (
                  <p className="mt-1 text-sm text-amber-900">
                    {t('unit.returnReason', { reason: e.return_reason })}
                  </p>
                ) : null}
              </li>
            ))}
          </ul>
        ) : (
          <p className="mt-2">{t('unit.noEntries')}</p>
        )}
      </section>
      <section aria-labelledby="unit-models">
        <h2 id="unit-models" className="text-xl font-semibold">
          {t('unit.models')}
        </h2>
        {models.length ? (
          <ul className="mt-3 list-inside list-disc space-y-1">
            {models.map((m) => (
              <li key={m.id}>
                {m.title} <span className="text-sm text-stone-600">({t(`field.${m.field}`)})</span>
              </li>
            ))}
          </ul>
        ) : (
          <p className="mt-2">{t('unit.noModels')}</p>
        )}
      </section>
    </div>
  )
}
