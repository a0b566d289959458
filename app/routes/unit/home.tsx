import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Form, Link, useLoaderData } from '@remix-run/react'
import { entriesOfUnit, modelsOfUnit } from '#db/repos/models'
import { requireRole } from '~/auth/guards.server'
import { contestsOpenForNomination } from '~/entries/entries.server'
import { formatDateTime } from '~/i18n'
import { useLocale, useT } from '~/i18n/use-t'
import { unitOf } from '~/models/models.server'
import { buttonClass, secondaryButtonClass } from '~/ui/form'
import { pageTitle } from '~/ui/page-title'

export const meta: MetaFunction<typeof loader> = (args) => {
  const { data } = args
  return pageTitle(args, (t) => [t('unit.title'), data?.unitName])
}

/** A unit officer's own unit: its models and entries. Nothing of another unit is read. */
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireRole(request, 'unit')
  const unit = unitOf(user)
  const [models, entries, open] = await Promise.all([
    modelsOfUnit(unit.id),
    entriesOfUnit(unit.id),
    contestsOpenForNomination(),
  ])
  const entered = new Set(entries.map((e) => `${e.model_id}:${e.contest_id}`))
  return {
    unitName: unit.name,
    entries,
    openContests: open.map((c) => ({ id: c.id, title: c.title, deadline: c.nomination_deadline })),
    models: models.map((m) => ({
      ...m,
      nominable: open
        .filter((c) => !entered.has(`${m.id}:${c.id}`))
        .map((c) => ({ id: c.id, title: c.title })),
    })),
  }
}

export default function UnitHome() {
  const { unitName, models, entries, openContests } = useLoaderData<typeof loader>()
  const t = useT()
  const locale = useLocale()
  return (
    <div className="space-y-8">
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div>
          <h1 className="text-2xl font-bold">{t('unit.title')}</h1>
          <p className="mt-1 text-stone-700">{t('unit.unitName', { name: unitName })}</p>
          {openContests.map((c) => (
            <p key={c.id} className="mt-1 text-sm font-medium text-green-800">
              {t('unit.nominationOpen', {
                contest: c.title,
                date: formatDateTime(locale, c.deadline),
              })}
            </p>
          ))}
        </div>
        <Link to="/unit/models/new" className={buttonClass}>
          {t('unit.newModel')}
        </Link>
      </div>
      <section aria-labelledby="unit-entries">
        <h2 id="unit-entries" className="text-xl font-semibold">
          {t('unit.entries')}
        </h2>
        {entries.length ? (
          <ul className="mt-3 space-y-3">
            {entries.map((e) => (
              <li key={e.id} className="rounded-lg border border-stone-200 bg-white p-4">
                <p className="font-semibold">
                  <Link
                    to={`/unit/entries/${e.id}`}
                    className="text-brand-700 underline"
                    aria-label={t('unit.openEntry', { title: e.title })}
                  >
                    {e.title}
                  </Link>
                </p>
                <p className="text-sm text-stone-600">
                  {e.contest_title} · {t(`field.${e.field}`)}
                </p>
                <p className="mt-1 text-sm">
                  {t('unit.state')}: <strong>{t(`entryState.${e.state}`)}</strong>
                </p>
                {e.state === 'published' ? (
                  <p className="mt-1 flex flex-wrap gap-x-4 text-sm">
                    <a
                      href={`/unit/entries/${e.id}/certificate.pdf`}
                      className="inline-block min-h-6 py-1 text-brand-700 underline"
                      download
                    >
                      {t('unit.certificate')}
                    </a>
                    <Link
                      to={`/contests/${e.contest_id}/entries/${e.id}`}
                      className="inline-block min-h-6 py-1 text-brand-700 underline"
                    >
                      {t('unit.publicResult')}
                    </Link>
                  </p>
                ) : null}
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
          <ul className="mt-3 space-y-3">
            {models.map((m) => (
              <li key={m.id} className="rounded-lg border border-stone-200 bg-white p-4">
                <p className="font-semibold">{m.title}</p>
                <p className="text-sm text-stone-600">{t(`field.${m.field}`)}</p>
                <div className="mt-2 flex flex-wrap gap-2">
                  <Link
                    to={`/unit/models/${m.id}`}
                    className={`${secondaryButtonClass} text-sm`}
                    aria-label={t('unit.editModel', { title: m.title })}
                  >
                    {t('model.editTitle')}
                  </Link>
                  {m.nominable.map((c) => (
                    <Form key={c.id} method="post" action={`/unit/models/${m.id}/nominate`}>
                      <input type="hidden" name="contestId" value={c.id} />
                      <button type="submit" className={`${buttonClass} text-sm`}>
                        {t('unit.nominate', { contest: c.title })}
                      </button>
                    </Form>
                  ))}
                </div>
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
