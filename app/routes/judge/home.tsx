import type { LoaderFunctionArgs } from '@remix-run/node'
import { useLoaderData } from '@remix-run/react'
import { assignmentsOfJudge } from '#db/repos/judging'
import { requireRole } from '~/auth/guards.server'
import { formatDate } from '~/i18n'
import { useLocale, useT } from '~/i18n/use-t'

/** A judge's queue: only the entries assigned to them, with their own progress. */
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireRole(request, 'judge')
  const assignments = await assignmentsOfJudge(user.id)
  const done = assignments.filter((a) => a.sheet_status === 'submitted').length
  return { assignments, done }
}

export default function JudgeHome() {
  const { assignments, done } = useLoaderData<typeof loader>()
  const t = useT()
  const locale = useLocale()
  const closes = assignments[0]?.judging_closes_at
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-bold">{t('judge.title')}</h1>
        {assignments.length ? (
          <>
            <p className="mt-2 font-semibold">
              {t('judge.progress', { done, total: assignments.length })}
            </p>
            <progress
              className="mt-2 h-3 w-full max-w-md"
              value={done}
              max={assignments.length}
              aria-label={t('judge.progress', { done, total: assignments.length })}
            />
            {closes ? (
              <p className="mt-1 text-sm text-stone-600">
                {t('judge.closes', { date: formatDate(locale, closes) })}
              </p>
            ) : null}
          </>
        ) : null}
      </div>
      {assignments.length ? (
        <ul className="space-y-3">
          {assignments.map((a) => (
            <li key={a.id} className="rounded-lg border border-stone-200 bg-white p-4">
              <p className="font-semibold">{a.title}</p>
              <p className="text-sm text-stone-600">
                {a.contest_title} · {t(`field.${a.field}`)}
              </p>
              <p className="mt-1 text-sm">
                {t('judge.sheetStatus')}:{' '}
                <strong>{t(`judge.sheet.${a.sheet_status ?? 'none'}`)}</strong>
              </p>
            </li>
          ))}
        </ul>
      ) : (
        <p>{t('judge.noAssignments')}</p>
      )}
    </div>
  )
}
