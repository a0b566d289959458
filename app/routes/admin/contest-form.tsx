import { getFormProps, getInputProps, getSelectProps, useForm } from '@conform-to/react'
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { data, redirect } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import type { ReactNode } from 'react'
import { AGGREGATIONS, ENTRY_KINDS, FIELDS } from '#db/domain'
import { forbidden, requireAdmin } from '~/auth/guards.server'
import type { SessionUser } from '~/auth/permissions'
import { now } from '~/clock.server'
import {
  contestFormValues,
  contestOf,
  createContest,
  newContestDefaults,
  openContest,
  organiserChoices,
  saveContestDates,
  updateContest,
} from '~/contests/contests.server'
import { contestPhase, contestStage } from '~/contests/phase'
import { can } from '~/contests/rules'
import {
  CONTEST_DATES,
  CONTEST_LEVELS,
  contestDatesSchema,
  contestFormSchema,
} from '~/contests/schema'
import { notFound } from '~/entries/access.server'
import { TextArea, TextField } from '~/entries/content-fields'
import { formatNumber, type MessageKey } from '~/i18n'
import { useLocale, useT } from '~/i18n/use-t'
import { clientIp } from '~/load-context'
import { ErrorSummary, useFailedSubmit } from '~/ui/error-summary'
import {
  FieldErrors,
  FormMessage,
  ImplicitSubmit,
  SaveBar,
  buttonClass,
  inputClass,
  labelClass,
  secondaryButtonClass,
} from '~/ui/form'
import { pageTitle } from '~/ui/page-title'
import { readNumber } from '~/forms/number'
import { getZodConstraint, parseWithZod, readForm } from '~/forms/parse'

async function loadContest(admin: SessionUser, param: string | undefined) {
  if (param === undefined) return null
  const contest = await contestOf(admin, Number(param))
  if (contest === undefined) notFound()
  if (contest === null) forbidden()
  return contest
}

export const meta: MetaFunction<typeof loader> = (args) => {
  const { data } = args
  return pageTitle(args, (t) => [
    data?.contest ? t('contests.editTitle', { title: data.contest.title }) : t('contests.newTitle'),
  ])
}

/**
 * /admin/contests/new and /admin/contests/:contestId — the contest's settings,
 * dates, rubric and tiers. Settings change only before nominations open; the
 * dates until the contest is finalised.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const admin = await requireAdmin(request)
  const contest = await loadContest(admin, params.contestId)
  const at = now()
  const url = new URL(request.url)
  const organisers = await organiserChoices(admin)
  if (!contest) {
    return {
      contest: null,
      organisers,
      defaultValue: newContestDefaults(admin, at),
      settingsEditable: true,
      datesEditable: true,
      notice: null,
    }
  }
  const stage = contestStage(contest, at)
  const notice = (['created', 'saved', 'copied', 'opened'] as const).find(
    (k) => url.searchParams.get(k) === '1',
  )
  return {
    contest: {
      id: contest.id,
      title: contest.title,
      status: contest.status,
      phase: contestPhase(contest, at),
    },
    organisers,
    defaultValue: await contestFormValues(contest),
    settingsEditable: can('admin', 'contest.editSettings', stage),
    datesEditable: can('admin', 'contest.editDates', stage),
    notice: notice ? (`contests.${notice}` as const) : null,
  }
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const admin = await requireAdmin(request)
  const contest = await loadContest(admin, params.contestId)
  const ip = clientIp(context)
  const formData = await readForm(request)
  const intent = formData.get('intent')

  if (contest && intent === 'open') {
    const opened = await openContest(admin, contest, ip)
    if (!opened.ok) return data({ intent: 'open', message: opened.message }, { status: 409 })
    return redirect(`/admin/contests/${contest.id}?opened=1`)
  }

  if (contest && intent === 'dates') {
    const submission = parseWithZod(formData, { schema: contestDatesSchema })
    if (submission.status !== 'success') {
      return data({ intent: 'dates', result: submission.reply() }, { status: 400 })
    }
    const saved = await saveContestDates(admin, contest, submission.value, ip)
    if (!saved.ok) {
      return data(
        { intent: 'dates', result: submission.reply({ formErrors: [saved.message] }) },
        { status: 409 },
      )
    }
    return redirect(`/admin/contests/${contest.id}?saved=1`)
  }

  const submission = parseWithZod(formData, { schema: contestFormSchema })
  if (submission.status !== 'success') {
    // List edits (add, remove, move a criterion or tier without JavaScript) come back here, with no error.
    return data(
      { intent: 'save', result: submission.reply() },
      { status: submission.status === 'error' ? 400 : 200 },
    )
  }
  const saved = contest
    ? await updateContest(admin, contest, submission.value, ip)
    : await createContest(admin, submission.value, ip)
  if (!saved.ok) {
    return data(
      {
        intent: 'save',
        result: submission.reply(
          saved.field
            ? { fieldErrors: { [saved.field]: [saved.message] } }
            : { formErrors: [saved.message] },
        ),
      },
      { status: saved.field ? 400 : 409 },
    )
  }
  if (contest) return redirect(`/admin/contests/${contest.id}?saved=1`)
  return redirect(`/admin/contests/${'id' in saved ? saved.id : ''}?created=1`)
}

function Section({ id, title, children }: { id: string; title: MessageKey; children: ReactNode }) {
  const t = useT()
  return (
    <section
      aria-labelledby={id}
      className="space-y-4 rounded-lg border border-stone-200 bg-white p-4"
    >
      <h2 id={id} className="text-lg font-semibold">
        {t(title)}
      </h2>
      {children}
    </section>
  )
}

/** The form's fields in page order with their labels, for the error summary. */
const SUMMARY_LABELS: [string, MessageKey][] = [
  ['title', 'contests.field.title'],
  ['year', 'contests.field.year'],
  ['level', 'contests.field.level'],
  ['organiser_org_unit_id', 'contests.field.organiser'],
  ...CONTEST_DATES.map((k): [string, MessageKey] => [k, `contests.field.${k}`]),
  ['allowed_fields', 'contests.field.allowed_fields'],
  ['allowed_kinds', 'contests.field.allowed_kinds'],
  ['quota_per_unit', 'contests.field.quota_per_unit'],
  ['judges_per_entry', 'contests.field.judges_per_entry'],
  ['aggregation', 'contests.field.aggregation'],
  ['normalise_scores', 'contests.field.normalise_scores'],
  ['criteria', 'contests.section.rubric'],
  ['criteria[].title', 'criterion.title'],
  ['criteria[].description', 'criterion.description'],
  ['criteria[].max_points', 'criterion.max_points'],
  ['tiers', 'contests.section.tiers'],
  ['tiers[].name', 'tier.name'],
  ['tiers[].min_score', 'tier.min_score'],
  ['tiers[].quota', 'tier.quota'],
]

function points(value: unknown) {
  const reading = typeof value === 'string' ? readNumber(value) : null
  return reading?.ok ? Number(reading.value) : 0
}

export default function ContestForm() {
  const d = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const t = useT()
  const locale = useLocale()
  const summaryLabels = Object.fromEntries(SUMMARY_LABELS.map(([name, key]) => [name, t(key)]))
  const lastResult = actionData && 'result' in actionData ? actionData : undefined
  const [form, fields] = useForm({
    id: `contest-${d.contest?.id ?? 'new'}`,
    lastResult: lastResult?.intent === 'save' ? lastResult.result : undefined,
    defaultValue: d.defaultValue,
    constraint: getZodConstraint(contestFormSchema),
    shouldValidate: 'onBlur',
    shouldRevalidate: 'onInput',
    onValidate: ({ formData }) => parseWithZod(formData, { schema: contestFormSchema }),
  })
  const [datesForm, dateFields] = useForm({
    id: `contest-dates-${d.contest?.id ?? 'new'}`,
    lastResult: lastResult?.intent === 'dates' ? lastResult.result : undefined,
    defaultValue: d.defaultValue,
    constraint: getZodConstraint(contestDatesSchema),
    shouldValidate: 'onBlur',
    onValidate: ({ formData }) => parseWithZod(formData, { schema: contestDatesSchema }),
  })
  const failed = useFailedSubmit(form, lastResult?.intent === 'save' ? lastResult.result : null)
  const criteria = fields.criteria.getFieldList()
  const tiers = fields.tiers.getFieldList()
  const total = criteria.reduce((sum, row) => sum + points(row.getFieldset().max_points.value), 0)
  const openError = actionData && 'message' in actionData ? actionData.message : null
  const locked = !d.settingsEditable
  const checked = (value: unknown, option: string) =>
    Array.isArray(value) ? value.includes(option) : value === option

  return (
    <div className="mx-auto max-w-3xl space-y-4">
      <p>
        <Link to="/admin/contests" className="text-brand-700 underline">
          {t('contests.title')}
        </Link>
      </p>
      <h1 className="text-2xl font-bold">
        {d.contest ? t('contests.editTitle', { title: d.contest.title }) : t('contests.newTitle')}
      </h1>
      {d.contest ? (
        <p>
          {t('contests.status')}: {t(`phase.${d.contest.phase}`)}
        </p>
      ) : (
        <p className="text-sm text-stone-700">{t('contests.newIntro')}</p>
      )}
      {d.notice && !actionData ? <FormMessage tone="success">{t(d.notice)}</FormMessage> : null}
      {openError ? <FormMessage tone="error">{t(openError)}</FormMessage> : null}

      {d.contest?.status === 'draft' ? (
        <Section id="open-title" title="contests.openTitle">
          <p className="text-sm">{t('contests.openHint')}</p>
          <Form method="post">
            <input type="hidden" name="intent" value="open" />
            <button type="submit" className={buttonClass}>
              {t('contests.open')}
            </button>
          </Form>
        </Section>
      ) : null}

      {locked && d.datesEditable ? (
        <Form method="post" className="space-y-4" {...getFormProps(datesForm)}>
          <input type="hidden" name="intent" value="dates" />
          <Section id="dates-only-title" title="contests.section.dates">
            {datesForm.errors?.length ? (
              <div id={datesForm.errorId}>
                <FormMessage tone="error">
                  {datesForm.errors.map((e) => t(e)).join(' ')}
                </FormMessage>
              </div>
            ) : null}
            <div className="grid gap-4 sm:grid-cols-2">
              {CONTEST_DATES.map((k) => (
                <TextField
                  key={k}
                  field={dateFields[k]}
                  label={`contests.field.${k}`}
                  type="date"
                />
              ))}
            </div>
            <button type="submit" className={buttonClass}>
              {t('contests.saveDates')}
            </button>
          </Section>
        </Form>
      ) : null}

      {locked ? (
        <FormMessage tone="error">
          {t(d.datesEditable ? 'contests.settingsLockedNote' : 'contests.frozenNote')}
        </FormMessage>
      ) : null}

      <Form method="post" className="space-y-6" {...getFormProps(form)} onSubmit={failed.onSubmit}>
        {/* Enter saves: the first visible submit buttons move or remove a criterion. */}
        {locked ? null : <ImplicitSubmit>{t('contests.save')}</ImplicitSubmit>}
        <ErrorSummary
          form={form}
          failed={failed}
          intro={t('contests.fixErrors')}
          labels={summaryLabels}
          rowLabels={{
            criteria: (n) => t('criterion.row', { n: String(n) }),
            tiers: (n) => t('tier.row', { n: String(n) }),
          }}
        />
        <fieldset disabled={locked} className="space-y-6">
          <Section id="general-title" title="contests.section.general">
            <TextField field={fields.title} label="contests.field.title" />
            <div className="grid gap-4 sm:grid-cols-2">
              <div>
                <label htmlFor={fields.year.id} className={labelClass}>
                  {t('contests.field.year')}
                </label>
                <input
                  {...getInputProps(fields.year, { type: 'text' })}
                  inputMode="numeric"
                  className={inputClass}
                />
                <FieldErrors id={fields.year.errorId} errors={fields.year.errors} />
              </div>
              <div>
                <label htmlFor={fields.level.id} className={labelClass}>
                  {t('contests.field.level')}
                </label>
                <select {...getSelectProps(fields.level)} className={inputClass}>
                  {CONTEST_LEVELS.map((l) => (
                    <option key={l} value={l}>
                      {t(`level.${l}`)}
                    </option>
                  ))}
                </select>
                <FieldErrors id={fields.level.errorId} errors={fields.level.errors} />
              </div>
            </div>
            <div>
              <label htmlFor={fields.organiser_org_unit_id.id} className={labelClass}>
                {t('contests.field.organiser')}
              </label>
              <select {...getSelectProps(fields.organiser_org_unit_id)} className={inputClass}>
                {d.organisers.map((o) => (
                  <option key={o.id} value={o.id}>
                    {o.name}
                  </option>
                ))}
              </select>
              <FieldErrors
                id={fields.organiser_org_unit_id.errorId}
                errors={fields.organiser_org_unit_id.errors}
              />
            </div>
          </Section>

          {!locked ? (
            <Section id="dates-title" title="contests.section.dates">
              <div className="grid gap-4 sm:grid-cols-2">
                {CONTEST_DATES.map((k) => (
                  <TextField key={k} field={fields[k]} label={`contests.field.${k}`} type="date" />
                ))}
              </div>
            </Section>
          ) : null}

          <Section id="entries-title" title="contests.section.entries">
            <fieldset aria-describedby={fields.allowed_fields.errorId}>
              <legend className={labelClass}>{t('contests.field.allowed_fields')}</legend>
              <div className="mt-1 grid gap-1 sm:grid-cols-2">
                {FIELDS.map((f, i) => (
                  <label key={f} className="flex items-center gap-2">
                    <input
                      id={i === 0 ? fields.allowed_fields.id : undefined}
                      type="checkbox"
                      name={fields.allowed_fields.name}
                      value={f}
                      defaultChecked={checked(fields.allowed_fields.initialValue, f)}
                      key={`${form.key}-${f}`}
                      className="h-5 w-5"
                    />
                    {t(`field.${f}`)}
                  </label>
                ))}
              </div>
              <FieldErrors
                id={fields.allowed_fields.errorId}
                errors={fields.allowed_fields.errors}
              />
            </fieldset>
            <fieldset aria-describedby={fields.allowed_kinds.errorId}>
              <legend className={labelClass}>{t('contests.field.allowed_kinds')}</legend>
              <div className="mt-1 grid gap-1 sm:grid-cols-2">
                {ENTRY_KINDS.map((k, i) => (
                  <label key={k} className="flex items-center gap-2">
                    <input
                      id={i === 0 ? fields.allowed_kinds.id : undefined}
                      type="checkbox"
                      name={fields.allowed_kinds.name}
                      value={k}
                      defaultChecked={checked(fields.allowed_kinds.initialValue, k)}
                      key={`${form.key}-${k}`}
                      className="h-5 w-5"
                    />
                    {t(`kind.${k}`)}
                  </label>
                ))}
              </div>
              <FieldErrors id={fields.allowed_kinds.errorId} errors={fields.allowed_kinds.errors} />
            </fieldset>
            <div>
              <label htmlFor={fields.quota_per_unit.id} className={labelClass}>
                {t('contests.field.quota_per_unit')}
              </label>
              <input
                {...getInputProps(fields.quota_per_unit, {
                  type: 'text',
                  ariaDescribedBy: `${fields.quota_per_unit.id}-hint`,
                })}
                inputMode="numeric"
                className={inputClass}
              />
              <p id={`${fields.quota_per_unit.id}-hint`} className="mt-1 text-sm text-stone-600">
                {t('contests.hint.quota')}
              </p>
              <FieldErrors
                id={fields.quota_per_unit.errorId}
                errors={fields.quota_per_unit.errors}
              />
            </div>
          </Section>

          <Section id="judging-title" title="contests.section.judging">
            <div>
              <label htmlFor={fields.judges_per_entry.id} className={labelClass}>
                {t('contests.field.judges_per_entry')}
              </label>
              <input
                {...getInputProps(fields.judges_per_entry, { type: 'text' })}
                inputMode="numeric"
                className={inputClass}
              />
              <FieldErrors
                id={fields.judges_per_entry.errorId}
                errors={fields.judges_per_entry.errors}
              />
            </div>
            <div>
              <label htmlFor={fields.aggregation.id} className={labelClass}>
                {t('contests.field.aggregation')}
              </label>
              <select {...getSelectProps(fields.aggregation)} className={inputClass}>
                {AGGREGATIONS.map((a) => (
                  <option key={a} value={a}>
                    {t(`aggregation.${a}`)}
                  </option>
                ))}
              </select>
            </div>
            <label className="flex items-center gap-2">
              <input
                {...getInputProps(fields.normalise_scores, { type: 'checkbox' })}
                className="h-5 w-5"
              />
              {t('contests.field.normalise_scores')}
            </label>
          </Section>

          <Section id="rubric-title" title="contests.section.rubric">
            <p aria-live="polite" className="font-semibold">
              {t('rubric.total', { total: formatNumber(locale, total) })}
            </p>
            <ol className="space-y-4">
              {criteria.map((row, index) => {
                const f = row.getFieldset()
                const n = String(index + 1)
                return (
                  <li key={row.key} className="rounded-md border border-stone-300 p-3">
                    <fieldset className="space-y-3">
                      <legend className="font-semibold">{t('criterion.row', { n })}</legend>
                      <TextField field={f.title} label="criterion.title" />
                      <TextArea field={f.description} label="criterion.description" rows={2} />
                      <TextField
                        field={f.max_points}
                        label="criterion.max_points"
                        inputMode="decimal"
                      />
                      <div className="flex flex-wrap gap-2">
                        {index > 0 ? (
                          <button
                            {...form.reorder.getButtonProps({
                              name: fields.criteria.name,
                              from: index,
                              to: index - 1,
                            })}
                            className={`${secondaryButtonClass} text-sm`}
                          >
                            {t('criterion.up', { n })}
                          </button>
                        ) : null}
                        {index < criteria.length - 1 ? (
                          <button
                            {...form.reorder.getButtonProps({
                              name: fields.criteria.name,
                              from: index,
                              to: index + 1,
                            })}
                            className={`${secondaryButtonClass} text-sm`}
                          >
                            {t('criterion.down', { n })}
                          </button>
                        ) : null}
                        <button
                          {...form.remove.getButtonProps({ name: fields.criteria.name, index })}
                          className={`${secondaryButtonClass} text-sm`}
                        >
                          {t('criterion.remove', { n })}
                        </button>
                      </div>
                    </fieldset>
                  </li>
                )
              })}
            </ol>
            <FieldErrors id={fields.criteria.errorId} errors={fields.criteria.errors} />
            <button
              {...form.insert.getButtonProps({
                name: fields.criteria.name,
                defaultValue: { title: '', description: '', max_points: '' },
              })}
              id={fields.criteria.id}
              className={secondaryButtonClass}
            >
              {t('criterion.add')}
            </button>
          </Section>

          <Section id="tiers-title" title="contests.section.tiers">
            <ol className="space-y-4">
              {tiers.map((row, index) => {
                const f = row.getFieldset()
                const n = String(index + 1)
                return (
                  <li key={row.key} className="rounded-md border border-stone-300 p-3">
                    <fieldset className="space-y-3">
                      <legend className="font-semibold">{t('tier.row', { n })}</legend>
                      <TextField field={f.name} label="tier.name" />
                      <div className="grid gap-3 sm:grid-cols-2">
                        <TextField field={f.min_score} label="tier.min_score" inputMode="decimal" />
                        <TextField field={f.quota} label="tier.quota" inputMode="numeric" />
                      </div>
                      <div className="flex flex-wrap gap-2">
                        {index > 0 ? (
                          <button
                            {...form.reorder.getButtonProps({
                              name: fields.tiers.name,
                              from: index,
                              to: index - 1,
                            })}
                            className={`${secondaryButtonClass} text-sm`}
                          >
                            {t('tier.up', { n })}
                          </button>
                        ) : null}
                        {index < tiers.length - 1 ? (
                          <button
                            {...form.reorder.getButtonProps({
                              name: fields.tiers.name,
                              from: index,
                              to: index + 1,
                            })}
                            className={`${secondaryButtonClass} text-sm`}
                          >
                            {t('tier.down', { n })}
                          </button>
                        ) : null}
                        <button
                          {...form.remove.getButtonProps({ name: fields.tiers.name, index })}
                          className={`${secondaryButtonClass} text-sm`}
                        >
                          {t('tier.remove', { n })}
                        </button>
                      </div>
                    </fieldset>
                  </li>
                )
              })}
            </ol>
            <FieldErrors id={fields.tiers.errorId} errors={fields.tiers.errors} />
            <button
              {...form.insert.getButtonProps({
                name: fields.tiers.name,
                defaultValue: { name: '', min_score: '', quota: '' },
              })}
              id={fields.tiers.id}
              className={secondaryButtonClass}
            >
              {t('tier.add')}
            </button>
          </Section>

          {!locked ? (
            <SaveBar>
              <button type="submit" className={buttonClass}>
                {t('contests.save')}
              </button>
            </SaveBar>
          ) : null}
        </fieldset>
      </Form>
    </div>
  )
}
