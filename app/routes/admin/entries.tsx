import type { LoaderFunctionArgs } from '@remix-run/node'
import { Form, Link, useLoaderData } from '@remix-run/react'
import { ENTRY_STATES } from '#db/domain'
import { runningContests } from '#db/repos/contests'
import { listEntriesForScreening } from '#db/repos/entries'
import { isInScope } from '#db/repos/org-units'
import { requireAdmin } from '~/auth/guards.server'
import { formatDateTime } from '~/i18n'
import { useLocale, useT } from '~/i18n/use-t'
import { ScrollTable } from '~/ui/scroll-table'
import { inputClass, labelClass, secondaryButtonClass } from '~/ui/form'
import { organiserScope } from '~/users/users.server'

/** The entries units have submitted to the current contest, for the organiser to open. */
export async function loader({ request }: LoaderFunctionArgs) {
  const admin = await requireAdmin(request)
  const url = new URL(request.url)
  const state = url.searchParams.get('state') ?? ''
  const contests = await runningContests()
  const asked = Number(url.searchParams.get('contest'))
  // The contest asked for, else the newest one that has entries, else the newest.
  const contest =
    contests.find((c) => c.id === asked) ??
    contests.find((c) => Number(c.entry_count) > 0) ??
    contests[0]
  const choices = contests.map((c) => ({ id: c.id, title: c.title }))
  if (!contest) return { contest: null, contests: choices, entries: [], state }
  const scope = await organiserScope(admin)
  const rows = await listEntriesForScreening({
    contestId: contest.id,
    state: (ENTRY_STATES as readonly string[]).includes(state) ? state : undefined,
  })
  const entries = []
  for (const r of rows) if (await isInScope(scope, r.unit_id)) entries.push(r)
  return { contest: { id: contest.id, title: contest.title }, contests: choices, entries, state }
}

export default function AdminEntries() {
  const { contest, contests, entries, state } = useLoaderData<typeof loader>()
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
          <label htmlFor="state-filter" className={labelClass}>
            {t('adminEntry.filterState')}
          </label>
          <select id="state-filter" name="state" defaultValue={state} className={inputClass}>
            <option value="">{t('adminEntry.allStates')}</option>
            {ENTRY_STATES.filter((s) => s !== 'draft').map((s) => (
              <option key={s} value={s}>
                {t(`entryState.${s}`)}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className={secondaryButtonClass}>
          {t('adminEntry.filter')}
        </button>
      </Form>
      <h2 id="entries-table" className="sr-only">
        {t('adminEntry.listTitle')}
      </h2>
      {entries.length ? (
        <ScrollTable labelledBy="entries-table">
          <thead className="bg-stone-100">
            <tr>
              <th scope="col" className="px-3 py-2">
                {t('content.title')}
              </th>
              <th scope="col" className="px-3 py-2">
                {t('adminEntry.unit')}
              </th>
              <th scope="col" className="px-3 py-2">
                {t('unit.state')}
              </th>
              <th scope="col" className="px-3 py-2">
                {t('adminEntry.submittedAt')}
              </th>
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
