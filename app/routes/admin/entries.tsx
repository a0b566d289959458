import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Form, Link, useLoaderData } from '@remix-run/react'
import { ENTRY_STATES, FIELDS } from '#db/domain'
import { runningContests } from '#db/repos/contests'
import { listEntriesForScreening } from '#db/repos/entries'
import { orgUnitsInScope } from '#db/repos/org-units'
import { requireAdmin } from '~/auth/guards.server'
import { formatDateTime } from '~/i18n'
import { useLocale, useT } from '~/i18n/use-t'
import { slugify } from '~/models/slug'
import { ColumnHeader, ScrollTable } from '~/ui/scroll-table'
import { inputClass, labelClass, secondaryButtonClass } from '~/ui/form'
import { organiserScope } from '~/users/users.server'
import { pageTitle } from '~/ui/page-title'

/** Diacritic- and case-insensitive form of a title or a search ("dan van" finds "Dân vận"). */
const fold = (text: string) => slugify(text, 1000).replace(/-/g, ' ')

export const meta: MetaFunction<typeof loader> = (args) =>
  pageTitle(args, (t) => [t('adminEntry.listTitle')])

/**
 * The entries units have submitted to a running contest, for the organiser to
 * screen: filters by field, unit, commune and state, and a search by title.
 */
export async function loader({ request }: LoaderFunctionArgs) {
  const admin = await requireAdmin(request)
  const url = new URL(request.url)
  const param = (name: string) => url.searchParams.get(name)?.trim() ?? ''
  const state = param('state')
  const field = param('field')
  const q = param('q')
  const unitId = Number(param('unit')) || 0
  const communeId = Number(param('commune')) || 0
  const contests = await runningContests()
  const asked = Number(param('contest'))
  // The contest asked for, else the newest one that has entries, else the newest.
  const contest =
    contests.find((c) => c.id === asked) ??
    contests.find((c) => Number(c.entry_count) > 0) ??
    contests[0]
  const choices = contests.map((c) => ({ id: c.id, title: c.title }))
  const scope = await organiserScope(admin)
  const [units, communes] = await Promise.all([
    orgUnitsInScope(scope, 'unit'),
    orgUnitsInScope(scope, 'commune'),
  ])
  const filters = {
    state: (ENTRY_STATES as readonly string[]).includes(state) ? state : '',
    field: (FIELDS as readonly string[]).includes(field) ? field : '',
    unit: units.some((u) => u.id === unitId) ? unitId : 0,
    commune: communes.some((c) => c.id === communeId) ? communeId : 0,
    q: q.slice(0, 200),
  }
  const options = {
    contests: choices,
    units: units.map((u) => ({ id: u.id, name: u.name })),
    communes: communes.map((c) => ({ id: c.id, name: c.name })),
  }
  if (!contest) return { contest: null, ...options, entries: [], filters }
  const rows = await listEntriesForScreening({
    contestId: contest.id,
    state: filters.state || undefined,
    field: filters.field || undefined,
    unitId: filters.unit || undefined,
    communeId: filters.commune || undefined,
  })
  const needle = fold(filters.q)
  // The units of the organiser's area are already in hand: no query per row.
  const inScope = new Set(units.map((u) => u.id))
  const entries = rows.filter(
    (r) => inScope.has(r.unit_id) && (!needle || fold(r.title).includes(needle)),
  )
  return { contest: { id: contest.id, title: contest.title }, ...options, entries, filters }
}

export default function AdminEntries() {
  const { contest, contests, units, communes, entries, filters } = useLoaderData<typeof loader>()
  const t = useT()
  const locale = useLocale()
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-bold">{t('adminEntry.listTitle')}</h1>
      <Form method="get" className="flex flex-wrap items-end gap-2">
        <div>
          <label htmlFor="contest-filter" className={labelClass}>
            {t('adminEntry.contest')}
          </label>
          <select
            id="contest-filter"
            name="contest"
            defaultValue={contest?.id ?? ''}
            className={inputClass}
          >
            {contests.map((c) => (
              <option key={c.id} value={c.id}>
                {c.title}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="field-filter" className={labelClass}>
            {t('adminEntry.filterField')}
          </label>
          <select
            id="field-filter"
            name="field"
            defaultValue={filters.field}
            className={inputClass}
          >
            <option value="">{t('adminEntry.allFields')}</option>
            {FIELDS.map((f) => (
              <option key={f} value={f}>
                {t(`field.${f}`)}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="unit-filter" className={labelClass}>
            {t('adminEntry.filterUnit')}
          </label>
          <select
            id="unit-filter"
            name="unit"
            defaultValue={filters.unit || ''}
            className={inputClass}
          >
            <option value="">{t('adminEntry.allUnits')}</option>
            {units.map((u) => (
              <option key={u.id} value={u.id}>
                {u.name}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="commune-filter" className={labelClass}>
            {t('adminEntry.filterCommune')}
          </label>
          <select
            id="commune-filter"
            name="commune"
            defaultValue={filters.commune || ''}
            className={inputClass}
          >
            <option value="">{t('adminEntry.allCommunes')}</option>
            {communes.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="state-filter" className={labelClass}>
            {t('adminEntry.filterState')}
          </label>
          <select
            id="state-filter"
            name="state"
            defaultValue={filters.state}
            className={inputClass}
          >
            <option value="">{t('adminEntry.allStates')}</option>
            {ENTRY_STATES.filter((s) => s !== 'draft').map((s) => (
              <option key={s} value={s}>
                {t(`entryState.${s}`)}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="title-search" className={labelClass}>
            {t('adminEntry.search')}
          </label>
          <input
            id="title-search"
            type="search"
            name="q"
            defaultValue={filters.q}
            className={inputClass}
          />
        </div>
        <button type="submit" className={secondaryButtonClass}>
          {t('adminEntry.filter')}
        </button>
      </Form>
      <h2 id="entries-table" className="sr-only">
        {t('adminEntry.listTitle')}
      </h2>
      <p role="status">{t('adminEntry.count', { count: entries.length })}</p>
      {entries.length ? (
        <ScrollTable labelledBy="entries-table">
          <thead className="bg-stone-100">
            <tr>
              <ColumnHeader label="content.title" />
              <ColumnHeader label="adminEntry.unit" />
              <ColumnHeader label="adminEntry.fieldColumn" />
              <ColumnHeader label="unit.state" />
              <ColumnHeader label="adminEntry.submittedAt" />
            </tr>
          </thead>
          <tbody>
            {entries.map((e) => (
              <tr key={e.id} className="border-t border-stone-200">
                <td className="px-3 py-2">
                  <Link
                    to={`/admin/entries/${e.id}`}
                    className="font-semibold text-brand-700 underline"
                  >
                    {e.title}
                  </Link>
                </td>
                <td className="px-3 py-2">{e.unit_name}</td>
                <td className="px-3 py-2">{t(`field.${e.field}`)}</td>
                <td className="px-3 py-2">{t(`entryState.${e.state}`)}</td>
                <td className="px-3 py-2">
                  {e.submitted_at ? formatDateTime(locale, e.submitted_at) : ''}
                </td>
              </tr>
            ))}
          </tbody>
        </ScrollTable>
      ) : (
        <p>{t('adminEntry.noEntries')}</p>
      )}
    </div>
  )
}
