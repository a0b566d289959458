import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { data } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { entryProgress, judgeProgress } from '#db/repos/panels'
import { reminderSchema } from '~/judging/assignment-schemas'
import { requireContestAdmin, sendReminders, stageOf } from '~/judging/assignment.server'
import type { MessageKey } from '~/i18n'
import { formatNumber } from '~/i18n'
import { useLocale, useT } from '~/i18n/use-t'
import { clientIp } from '~/load-context'
import { ColumnHeader, ScrollTable } from '~/ui/scroll-table'
import { FormMessage, buttonClass } from '~/ui/form'
import { pageTitle } from '~/ui/page-title'
import { parseWithZod, readForm } from '~/forms/parse'

export const meta: MetaFunction<typeof loader> = (args) => {
  const { data } = args
  return pageTitle(args, (t) => [t('progress.title', { contest: data?.contest.title ?? '' })])
}

/** /admin/contests/:contestId/progress — completion per judge and per entry; reminders to judges behind. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { contest } = await requireContestAdmin(request, params.contestId)
  const [judges, entries] = await Promise.all([
    judgeProgress(contest.id),
    entryProgress(contest.id),
  ])
  const stage = stageOf(contest)
  return {
    contest: { id: contest.id, title: contest.title, k: contest.judges_per_entry, stage },
    canRemind: stage === 'judging',
    // Least complete first: the judges the organiser is looking for.
    judges: [...judges].sort(
      (a, b) => a.submitted / a.assigned - b.submitted / b.assigned || a.name.localeCompare(b.name),
    ),
    entries,
  }
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { admin, contest } = await requireContestAdmin(request, params.contestId)
  const submission = parseWithZod(await readForm(request), { schema: reminderSchema })
  if (submission.status !== 'success') {
    return data(
      { ok: false, message: 'validation.invalidChoice' as MessageKey, sent: 0 },
      { status: 400 },
    )
  }
  const r = await sendReminders(admin, contest, submission.value.judgeId ?? null, clientIp(context))
  if (!r.ok) return data({ ok: false, message: r.message, sent: 0 }, { status: r.status ?? 409 })
  return { ok: true, message: 'progress.reminded' as MessageKey, sent: r.sent }
}

export default function ContestProgress() {
  const d = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const t = useT()
  const locale = useLocale()
  const behind = d.judges.filter((j) => j.submitted < j.assigned)
  const pct = (n: number, of: number) => (of ? formatNumber(locale, (100 * n) / of, 0) : '0')
  return (
    <div className="space-y-8">
      <div>
        <p>
          <Link to={`/admin/contests/${d.contest.id}/panels`} className="text-brand-700 underline">
            {t('progress.backToPanels')}
          </Link>{' '}
          ·{' '}
          <Link to={`/admin/contests/${d.contest.id}/results`} className="text-brand-700 underline">
            {t('nav.results')}
          </Link>
        </p>
        <h1 className="text-2xl font-bold">{t('progress.title', { contest: d.contest.title })}</h1>
      </div>
      {actionData ? (
        <FormMessage tone={actionData.ok ? 'success' : 'error'}>
          {t(actionData.message, { count: actionData.sent })}
        </FormMessage>
      ) : null}

      <section aria-labelledby="judges-title" className="space-y-3">
        <h2 id="judges-title" className="text-xl font-semibold">
          {t('progress.byJudge')}
        </h2>
        <p>{t('progress.behindCount', { count: behind.length, total: d.judges.length })}</p>
        {d.canRemind && behind.length ? (
          <Form method="post">
            <button type="submit" className={buttonClass}>
              {t('progress.remindAll', { count: behind.length })}
            </button>
          </Form>
        ) : null}
        {!d.canRemind ? (
          <p className="text-sm text-stone-700">{t('progress.error.notJudging')}</p>
        ) : null}
        {d.judges.length ? (
          <ScrollTable labelledBy="judges-title">
            <thead className="bg-stone-100">
              <tr>
                <ColumnHeader label="progress.judge" />
                <ColumnHeader label="progress.submitted" />
                <ColumnHeader label="progress.drafts" />
                <ColumnHeader label="progress.completion" />
                {d.canRemind ? (
                  <th scope="col" className="px-3 py-2">
                    <span className="sr-only">{t('progress.remind')}</span>
                  </th>
                ) : null}
              </tr>
            </thead>
            <tbody>
              {d.judges.map((j) => (
                <tr key={j.judgeId} className="border-t border-stone-200">
                  <th scope="row" className="px-3 py-2 font-medium">
                    {j.name}
                  </th>
                  <td className="px-3 py-2">
                    {t('progress.ofAssigned', { done: j.submitted, total: j.assigned })}
                  </td>
                  <td className="px-3 py-2">{j.drafts}</td>
                  <td className="px-3 py-2">
                    <progress
                      value={j.submitted}
                      max={j.assigned}
                      className="mr-2 h-3 w-24 align-middle"
                      aria-label={t('progress.ofJudge', { name: j.name })}
                    />
                    {pct(j.submitted, j.assigned)}%
                  </td>
                  {d.canRemind ? (
                    <td className="px-3 py-2">
                      {j.submitted < j.assigned ? (
                        <Form method="post">
                          <input type="hidden" name="judgeId" value={j.judgeId} />
                          <button
                            type="submit"
                            className="text-brand-700 underline"
                            aria-label={t('progress.remindNamed', { name: j.name })}
                          >
                            {t('progress.remind')}
                          </button>
                        </Form>
                      ) : null}
                    </td>
                  ) : null}
                </tr>
              ))}
            </tbody>
          </ScrollTable>
        ) : (
          <p>{t('progress.noAssignments')}</p>
        )}
      </section>

      <section aria-labelledby="entries-title" className="space-y-3">
        <h2 id="entries-title" className="text-xl font-semibold">
          {t('progress.byEntry')}
        </h2>
        {d.entries.length ? (
          <ScrollTable labelledBy="entries-title">
            <thead className="bg-stone-100">
              <tr>
                <ColumnHeader label="judge.entry" />
                <ColumnHeader label="progress.sheets" />
                <ColumnHeader label="assign.judges" />
              </tr>
            </thead>
            <tbody>
              {d.entries.map((e) => (
                <tr key={e.entryId} className="border-t border-stone-200">
                  <th scope="row" className="px-3 py-2 font-medium">
                    {e.title}
                    <span className="block text-sm font-normal text-stone-600">{e.unitName}</span>
                  </th>
                  <td className="px-3 py-2">
                    {t('progress.ofK', { done: e.submitted, k: d.contest.k })}
                  </td>
                  <td className="px-3 py-2">{e.judges}</td>
                </tr>
              ))}
            </tbody>
          </ScrollTable>
        ) : (
          <p>{t('assign.noEntries')}</p>
        )}
      </section>
    </div>
  )
}
