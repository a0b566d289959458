import { getFormProps, useForm } from '@conform-to/react'
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { data, redirect } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { useMemo, useState } from 'react'
import { contestScheduleOf } from '#db/repos/entries'
import { criteriaOfContest, otherJudgesScores, ownSheet } from '#db/repos/scores'
import { now } from '~/clock.server'
import { contestPhase } from '~/contests/phase'
import { EntryView } from '~/entries/entry-view'
import { ConflictForm } from '~/judging/conflict-form'
import { parseSnapshot } from '~/entries/snapshot'
import { formatDate, formatDateTime, formatNumber } from '~/i18n'
import { useLocale, useT } from '~/i18n/use-t'
import { numberForInput } from '~/forms/number'
import {
  COMMENT_MAX,
  commentField,
  parsePoints,
  pointsField,
  rubricMax,
  scoreRefusal,
  scoreSheetSchema,
  sheetTotal,
} from '~/judging/scoring'
import { judgingRefusal, requireJudgedEntry, saveScoreSheet } from '~/judging/sheets.server'
import { clientIp } from '~/load-context'
import { listEntryMedia } from '~/media/media.server'
import { ColumnHeader, ScrollTable } from '~/ui/scroll-table'
import { ErrorSummary, useFailedSubmit } from '~/ui/error-summary'
import {
  FieldErrors,
  FormMessage,
  SaveBar,
  buttonClass,
  inputClass,
  labelClass,
  secondaryButtonClass,
} from '~/ui/form'
import { pageTitle } from '~/ui/page-title'
import { parseWithZod, readForm } from '~/forms/parse'
import { UnsavedCopyNotice, useUnsavedCopy } from '~/ui/unsaved-copy'

const NOTICES = {
  draft: 'judge.saved',
  submitted: 'judge.submitted',
  revised: 'judge.revised',
} as const

export const meta: MetaFunction<typeof loader> = (args) => {
  const { data } = args
  return pageTitle(args, (t) => [
    t('judge.sheetTitle'),
    data?.entry.title,
    data?.entry.contestTitle,
  ])
}

/**
 * /judge/entries/:entryId — an assigned judge reads the entry and fills in their
 * own score sheet. The loader returns this judge's scores only: never another
 * judge's points or comments.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, entry } = await requireJudgedEntry(request, Number(params.entryId))
  const [criteria, own, media] = await Promise.all([
    criteriaOfContest(entry.contest_id),
    ownSheet(entry.id, user.id),
    listEntryMedia(entry.id),
  ])
  const saved = new URL(request.url).searchParams.get('saved')
  // Other judges' scores and comments exist for this judge only once the contest is finalised.
  const phase = contestPhase(contestScheduleOf(entry), now())
  const finalised = phase === 'finalised' || phase === 'published'
  const others = finalised ? await otherJudgesScores(entry.id, user.id) : []
  return {
    entry: {
      id: entry.id,
      title: entry.title,
      contestTitle: entry.contest_title,
      closesAt: entry.judging_closes_at,
      opensOn: entry.judging_opens_on,
    },
    snapshot: parseSnapshot(entry.snapshot),
    photos: media.photos,
    documents: media.documents,
    criteria: criteria.map((c) => ({
      id: c.id,
      title: c.title,
      description: c.description,
      max_points: c.max_points,
    })),
    sheet: {
      status: own.sheet?.status ?? null,
      submittedAt: own.sheet?.submitted_at ?? null,
      updatedAt: own.sheet?.updated_at ?? null,
      scores: own.scores,
      total: sheetTotal(own.scores),
    },
    refusal: judgingRefusal(entry, now()),
    others: others.map((o) => ({ ...o, total: sheetTotal(o.scores) })),
    notice: saved && saved in NOTICES ? NOTICES[saved as keyof typeof NOTICES] : null,
  }
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { user, entry } = await requireJudgedEntry(request, Number(params.entryId))
  const criteria = await criteriaOfContest(entry.contest_id)
  const schema = scoreSheetSchema(criteria)
  const submission = parseWithZod(await readForm(request), { schema })
  // Out of the judging window: refused with the reason, what was typed kept on the page.
  const refusal = judgingRefusal(entry, now())
  if (refusal) {
    return data({ result: submission.reply({ formErrors: [refusal] }) }, { status: 409 })
  }
  if (submission.status !== 'success') {
    return data({ result: submission.reply() }, { status: 400 })
  }
  const before = (await ownSheet(entry.id, user.id)).sheet?.status ?? null
  const outcome = await saveScoreSheet(user, entry.id, submission.value, clientIp(context))
  if (!outcome.ok) {
    return data(
      { result: submission.reply({ formErrors: [outcome.message] }) },
      { status: outcome.code },
    )
  }
  const saved =
    outcome.status === 'draft' ? 'draft' : before === 'submitted' ? 'revised' : 'submitted'
  return redirect(`/judge/entries/${entry.id}?saved=${saved}`)
}

type Criterion = ReturnType<typeof useLoaderData<typeof loader>>['criteria'][number]

/** The live total of what is typed now (valid points only). */
function liveTotal(form: HTMLFormElement, criteria: Criterion[]) {
  const data = new FormData(form)
  let total = 0
  for (const c of criteria) {
    const raw = data.get(pointsField(c.id))
    const points = typeof raw === 'string' ? parsePoints(raw) : null
    if (points !== null && scoreRefusal(points, c.max_points) === null) total += points
  }
  return total
}

function ScoreSheet() {
  const d = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const t = useT()
  const locale = useLocale()
  const schema = useMemo(() => scoreSheetSchema(d.criteria), [d.criteria])
  const defaultValue = useMemo(() => {
    const v: Record<string, string> = {}
    for (const s of d.sheet.scores) {
      v[pointsField(s.criterion_id)] = numberForInput(s.points)
      v[commentField(s.criterion_id)] = s.comment
    }
    return v
  }, [d.sheet.scores])
  const [form, fields] = useForm({
    id: `sheet-${d.entry.id}`,
    lastResult: actionData?.result,
    defaultValue,
    shouldValidate: 'onBlur',
    shouldRevalidate: 'onInput',
    onValidate: ({ formData }) => parseWithZod(formData, { schema }),
  })
  const failed = useFailedSubmit(form, actionData?.result)
  const summaryLabels = Object.fromEntries(
    d.criteria.flatMap((c, i) => [
      [pointsField(c.id), `${i + 1}. ${c.title} – ${t('judge.points')}`],
      [commentField(c.id), `${i + 1}. ${c.title} – ${t('judge.comment')}`],
    ]),
  )
  const [total, setTotal] = useState(d.sheet.total)
  const max = rubricMax(d.criteria)
  const writable = d.refusal === null
  // A long comment survives a failed save: kept in the browser until the server confirms it.
  const unsaved = useUnsavedCopy({
    formId: form.id,
    storageKey: `sheet-${d.entry.id}`,
    base: d.sheet.updatedAt ?? 'none',
    enabled: writable,
  })
  const submitted = d.sheet.status === 'submitted'
  const fmt = (n: number) => formatNumber(locale, n, 1)
  return (
    <section
      id="sheet"
      aria-labelledby="sheet-title"
      className="rounded-lg border border-stone-200 bg-white p-4"
    >
      <h2 id="sheet-title" className="text-lg font-semibold text-brand-800">
        {t('judge.sheetTitle')}
      </h2>
      <p className="mt-1 text-sm">
        {t('judge.sheetStatus')}: <strong>{t(`judge.sheet.${d.sheet.status ?? 'none'}`)}</strong>
      </p>
      {submitted && d.sheet.submittedAt ? (
        <p className="mt-1 text-sm text-stone-700">
          {t('judge.submittedAt', { date: formatDateTime(locale, d.sheet.submittedAt) })}
        </p>
      ) : null}
      <div className="mt-3 space-y-3">
        {d.notice && !actionData ? <FormMessage tone="success">{t(d.notice)}</FormMessage> : null}
        <UnsavedCopyNotice {...unsaved} />
        {d.refusal && !actionData ? (
          <FormMessage tone="error">
            {d.refusal === 'score.error.notOpen'
              ? t('judge.notOpenYet', { date: formatDate(locale, d.entry.opensOn) })
              : t('judge.readOnly')}
          </FormMessage>
        ) : null}
      </div>
      <Form
        method="post"
        className="mt-4 space-y-5"
        {...getFormProps(form)}
        onSubmit={failed.onSubmit}
        onInput={(e) => setTotal(liveTotal(e.currentTarget, d.criteria))}
      >
        <ErrorSummary
          form={form}
          failed={failed}
          intro={t('judge.notSaved')}
          labels={summaryLabels}
        />
        <fieldset disabled={!writable} className="space-y-5">
          {d.criteria.map((c, i) => {
            const points = fields[pointsField(c.id)]!
            const comment = fields[commentField(c.id)]!
            const hintId = `${points.id}-hint`
            const pointsErrors = points.errors?.length ? points.errorId : ''
            const commentErrors = comment.errors?.length ? comment.errorId : ''
            return (
              <fieldset key={c.id} className="rounded-md border border-stone-300 p-3">
                <legend className="px-1 font-semibold">
                  {i + 1}. {c.title} ({t('judge.maxPoints', { max: fmt(c.max_points) })})
                </legend>
                {c.description ? <p className="text-sm text-stone-700">{c.description}</p> : null}
                <div className="mt-2">
                  <label htmlFor={points.id} className={labelClass}>
                    {t('judge.points')}
                    <span className="sr-only">: {c.title}</span>
                  </label>
                  <p id={hintId} className="text-sm text-stone-600">
                    {t('judge.pointsHint', { max: fmt(c.max_points) })}
                  </p>
                  <input
                    id={points.id}
                    name={points.name}
                    key={points.key}
                    defaultValue={points.initialValue as string | undefined}
                    type="text"
                    inputMode="decimal"
                    autoComplete="off"
                    aria-invalid={points.errors?.length ? true : undefined}
                    aria-describedby={`${hintId} ${pointsErrors}`.trim()}
                    className={`${inputClass} max-w-32 scroll-mb-40`}
                  />
                  <FieldErrors id={points.errorId} errors={points.errors} />
                </div>
                <div className="mt-2">
                  <label htmlFor={comment.id} className={labelClass}>
                    {t('judge.comment')}
                    <span className="sr-only">: {c.title}</span>
                  </label>
                  <textarea
                    id={comment.id}
                    name={comment.name}
                    key={comment.key}
                    defaultValue={comment.initialValue as string | undefined}
                    rows={3}
                    maxLength={COMMENT_MAX}
                    aria-invalid={comment.errors?.length ? true : undefined}
                    aria-describedby={commentErrors || undefined}
                    className={`${inputClass} scroll-mb-40`}
                  />
                  <FieldErrors id={comment.errorId} errors={comment.errors} />
                </div>
              </fieldset>
            )
          })}
        </fieldset>
        <SaveBar className="space-y-3">
          <p className="text-lg font-semibold" aria-live="polite">
            {t('judge.total', { total: fmt(total), max: fmt(max) })}
          </p>
          {writable ? (
            <div className="flex flex-wrap gap-3">
              {submitted ? (
                <button type="submit" name="intent" value="submit" className={buttonClass}>
                  {t('judge.resubmit')}
                </button>
              ) : (
                <>
                  <button type="submit" name="intent" value="save" className={secondaryButtonClass}>
                    {t('judge.saveDraft')}
                  </button>
                  <button type="submit" name="intent" value="submit" className={buttonClass}>
                    {t('judge.submit')}
                  </button>
                </>
              )}
            </div>
          ) : null}
        </SaveBar>
      </Form>
    </section>
  )
}

/** After the contest is finalised: the other judges' sheets, without their names. */
function OtherJudges() {
  const d = useLoaderData<typeof loader>()
  const t = useT()
  const locale = useLocale()
  const fmt = (n: number) => formatNumber(locale, n, 1)
  const titleOf = new Map(d.criteria.map((c) => [c.id, c.title]))
  return (
    <section
      aria-labelledby="others-title"
      className="rounded-lg border border-stone-200 bg-white p-4"
    >
      <h2 id="others-title" className="text-lg font-semibold text-brand-800">
        {t('judge.others')}
      </h2>
      {d.others.map((o) => (
        <div key={o.judge} className="mt-4">
          <h3 id={`others-${o.judge}`} className="font-semibold">
            {t('judge.otherJudge', { n: String(o.judge), total: fmt(o.total) })}
          </h3>
          <ScrollTable labelledBy={`others-${o.judge}`}>
            <thead className="bg-stone-100">
              <tr>
                <ColumnHeader label="judge.criterion" />
                <ColumnHeader label="judge.pointsColumn" />
                <ColumnHeader label="judge.commentColumn" />
              </tr>
            </thead>
            <tbody>
              {o.scores.map((s) => (
                <tr key={s.criterion_id} className="border-t border-stone-200 align-top">
                  <th scope="row" className="px-3 py-2 font-medium">
                    {titleOf.get(s.criterion_id)}
                  </th>
                  <td className="px-3 py-2">{fmt(s.points)}</td>
                  <td className="whitespace-pre-line px-3 py-2">{s.comment}</td>
                </tr>
              ))}
            </tbody>
          </ScrollTable>
        </div>
      ))}
    </section>
  )
}

export default function JudgeEntry() {
  const d = useLoaderData<typeof loader>()
  const t = useT()
  const locale = useLocale()
  return (
    <div className="space-y-4">
      <p>
        <Link to="/judge" className="text-brand-700 underline">
          {t('judge.back')}
        </Link>
      </p>
      <div>
        <h1 className="text-2xl font-bold">{d.entry.title}</h1>
        <p className="text-stone-700">{d.entry.contestTitle}</p>
        <p className="text-sm text-stone-600">
          {t('judge.closes', { date: formatDateTime(locale, d.entry.closesAt) })}
        </p>
        <p className="mt-1 lg:hidden">
          <a href="#sheet" className="text-brand-700 underline">
            {t('judge.sheetTitle')}
          </a>
        </p>
      </div>
      <div className="grid gap-6 lg:grid-cols-2 lg:items-start">
        <section aria-labelledby="entry-content" className="min-w-0 space-y-3">
          <h2 id="entry-content" className="sr-only">
            {t('judge.entryContent')}
          </h2>
          {d.snapshot ? (
            <EntryView snapshot={d.snapshot} photos={d.photos} documents={d.documents} />
          ) : null}
        </section>
        <div className="min-w-0 space-y-6">
          {/* Remounted after each save so the form starts from what is stored. */}
          <ScoreSheet key={d.sheet.updatedAt ?? 'new'} />
          {d.others.length ? <OtherJudges /> : null}
          {/* Until judging closes, a judge may still step back from an entry (declared conflict). */}
          {d.refusal !== 'score.error.closed' ? <ConflictForm entryId={d.entry.id} /> : null}
        </div>
      </div>
    </div>
  )
}
