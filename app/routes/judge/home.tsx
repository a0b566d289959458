import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { judgeQueue } from '#db/repos/scores'
import { requireRole } from '~/auth/guards.server'
import { now } from '~/clock.server'
import { contestPhase, isJudgingOpen } from '~/contests/phase'
import { formatDate } from '~/i18n'
import { useLocale, useT } from '~/i18n/use-t'
import { FormMessage } from '~/ui/form'
import { pageTitle } from '~/ui/page-title'

export const meta: MetaFunction<typeof loader> = (args) =>
  pageTitle(args, (t) => [t('judge.title')])

/**
 * A judge's queue: only the entries assigned to them, grouped by contest, with
 * their own progress (n of m sheets submitted) and a link to each sheet.
 */
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireRole(request, 'judge')
  const rows = await judgeQueue(user.id)
  const at = now()
  const contests = new Map<
    number,
    {
      id: number
      title: string
      open: boolean
      upcoming: boolean
      closesAt: string
      done: number
      entries: { id: number; title: string; field: string; sheet: 'none' | 'draft' | 'submitted' }[]
    }
  >()
  for (const r of rows) {
    let c = contests.get(r.contest_id)
    if (!c) {
      c = {
        id: r.contest_id,
        title: r.contest_title,
        open: isJudgingOpen(r, at),
        upcoming: ['draft', 'registration', 'nomination', 'screening'].includes(
          contestPhase(r, at),
        ),
        closesAt: r.judging_closes_at,
        done: 0,
        entries: [],
      }
      contests.set(r.contest_id, c)
    }
    const sheet = r.sheet_status ?? 'none'
    if (sheet === 'submitted') c.done += 1
    c.entries.push({ id: r.entry_id, title: r.title, field: r.field, sheet })
  }
  const all = [...contests.values()]
  const conflict = new URL(request.url).searchParams.get('conflict')
  return {
    notice:
      conflict === 'reassigned' || conflict === 'declared'
        ? (`conflict.done.${conflict}` as const)
        : null,
    open: all.filter((c) => c.open),
    upcoming: all.filter((c) => c.upcoming),
    earlier: all.filter((c) => !c.open && !c.upcoming),
  }
}

type ContestQueue = ReturnType<typeof useLoaderData<typeof loader>>['open'][number]

function Queue({ contest, headingLevel }: { contest: ContestQueue; headingLevel: 2 | 3 }) {
  const t = useT()
  const locale = useLocale()
  const Heading = headingLevel === 2 ? 'h2' : 'h3'
  const total = contest.entries.length
  const headingId = `contest-${contest.id}`
  return (
    <section aria-labelledby={headingId} className="space-y-3">
      <Heading id={headingId} className="text-xl font-semibold">
        {contest.title}
      </Heading>
      <div>
        <p className="font-semibold">{t('judge.progress', { done: contest.done, total })}</p>
        <progress
          className="mt-2 h-3 w-full max-w-md"
          value={contest.done}
          max={total}
          aria-label={t('judge.contestProgress', {
            contest: contest.title,
            done: contest.done,
            total,
          })}
        />
        {contest.open ? (
          <p className="mt-1 text-sm text-stone-600">
            {t('judge.closes', { date: formatDate(locale, contest.closesAt) })}
          </p>
        ) : null}
      </div>
      <ul className="space-y-3">
        {contest.entries.map((e) => (
          <li key={e.id} className="rounded-lg border border-stone-200 bg-white p-4">
            <p className="font-semibold">
              <Link
                to={`/judge/entries/${e.id}`}
                className="text-brand-700 underline"
                aria-label={t(contest.open ? 'judge.openSheet' : 'judge.viewSheet', {
                  title: e.title,
                })}
              >
                {e.title}
              </Link>
            </p>
            <p className="text-sm text-stone-600">{t(`field.${e.field}`)}</p>
            <p className="mt-1 text-sm">
              {t('judge.sheetStatus')}: <strong>{t(`judge.sheet.${e.sheet}`)}</strong>
            </p>
          </li>
        ))}
      </ul>
    </section>
  )
}

export default function JudgeHome() {
  const { notice, open, upcoming, earlier } = useLoaderData<typeof loader>()
  const t = useT()
  return (
    <div className="space-y-8">
      <h1 className="text-2xl font-bold">{t('judge.title')}</h1>
      {notice ? <FormMessage tone="success">{t(notice)}</FormMessage> : null}
      {open.length || upcoming.length || earlier.length ? null : <p>{t('judge.noAssignments')}</p>}
      {open.map((c) => (
        <Queue key={c.id} contest={c} headingLevel={2} />
      ))}
      {upcoming.length ? (
        <section aria-labelledby="judge-upcoming" className="space-y-6">
          <h2 id="judge-upcoming" className="text-xl font-semibold">
            {t('judge.upcoming')}
          </h2>
          {upcoming.map((c) => (
            <Queue key={c.id} contest={c} headingLevel={3} />
          ))}
        </section>
      ) : null}
      {earlier.length ? (
        <section aria-labelledby="judge-earlier" className="space-y-6">
          <h2 id="judge-earlier" className="text-xl font-semibold">
            {t('judge.earlier')}
          </h2>
          {earlier.map((c) => (
            <Queue key={c.id} contest={c} headingLevel={3} />
          ))}
        </section>
      ) : null}
    </div>
  )
}
