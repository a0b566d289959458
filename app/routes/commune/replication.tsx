import { getFormProps, getInputProps, useForm } from '@conform-to/react'
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { data, redirect } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import type { ReactNode } from 'react'
import type { z } from 'zod'
import { requireRole } from '~/auth/guards.server'
import { TextArea, TextField } from '~/entries/content-fields'
import { formatDate, formatDateTime, type MessageKey } from '~/i18n'
import { useLocale, useT } from '~/i18n/use-t'
import { clientIp } from '~/load-context'
import { SelectField } from '~/replication/fields'
import { IndicatorList, useIndicatorText } from '~/replication/parts'
import { ReportIndicators } from '~/replication/report-indicators'
import {
  addReport,
  changeStatus,
  registerAsModel,
  replicationFor,
  replicationToChange,
  replicationView,
  unitsOfCommune,
  type Refusal,
} from '~/replication/replications.server'
import {
  registerModelSchema,
  reportSchema,
  statusSchema,
  type ReportForm,
} from '~/replication/schema'
import { ErrorSummary, useFailedSubmit } from '~/ui/error-summary'
import { FormMessage, ImplicitSubmit, buttonClass, labelClass } from '~/ui/form'
import { UnsavedCopyNotice, useUnsavedCopy } from '~/ui/unsaved-copy'
import { ColumnHeader, ScrollTable } from '~/ui/scroll-table'
import { pageTitle } from '~/ui/page-title'
import { getZodConstraint, parseWithZod, readForm } from '~/forms/parse'

export const meta: MetaFunction<typeof loader> = (args) => {
  const { data } = args
  return pageTitle(args, (t) => [
    data &&
      t('replication.detail.title', {
        model: data.replication.source_title,
        commune: data.replication.commune_name,
      }),
  ])
}

/**
 * /commune/replications/:replicationId — one replication: its source and lineage,
 * status changes, reports over time and the latest figures beside the source
 * model's. The commune's officer acts; the area's organiser reads.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireRole(request, ['commune', 'admin'])
  const { replication, editable } = await replicationFor(user, Number(params.replicationId))
  const view = await replicationView(replication)
  const url = new URL(request.url)
  const notice = (['created', 'status', 'reported', 'registered'] as const).find((k) =>
    url.searchParams.has(k),
  )
  return {
    replication,
    editable,
    ...view,
    units: editable && view.canRegister ? await unitsOfCommune(replication.commune_id) : [],
    notice: notice ? (`replication.notice.${notice}` as const) : null,
  }
}

type Intent = 'status' | 'report' | 'register'
const NOTICE: Record<Intent, string> = {
  status: 'status',
  report: 'reported',
  register: 'registered',
}

/**
 * Parses one of the page's forms with its schema and hands the typed value to the
 * service: 4xx with the reply (messages next to the fields, typed values kept), or a
 * redirect to the page with a notice.
 */
async function perform<S extends z.ZodType>(
  intent: Intent,
  schema: S,
  formData: FormData,
  replicationId: number,
  service: (value: z.infer<S>) => Promise<{ ok: true } | Refusal>,
) {
  const submission = parseWithZod(formData, { schema })
  if (submission.status !== 'success') {
    // List edits of the report (add/remove an indicator without JavaScript) come back here too.
    return data(
      { intent, result: submission.reply() },
      { status: submission.status === 'error' ? 400 : 200 },
    )
  }
  const done = await service(submission.value)
  if (!done.ok) {
    const result = submission.reply(
      done.field
        ? { fieldErrors: { [done.field]: [done.message] } }
        : { formErrors: [done.message] },
    )
    return data({ intent, result }, { status: done.status })
  }
  return redirect(`/commune/replications/${replicationId}?${NOTICE[intent]}=1`)
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const user = await requireRole(request, 'commune')
  const replication = await replicationToChange(user, Number(params.replicationId))
  const formData = await readForm(request)
  const ip = clientIp(context)
  const id = replication.id
  switch (formData.get('intent')) {
    case 'status':
      return perform('status', statusSchema, formData, id, (v) =>
        changeStatus(user, replication, v, ip),
      )
    case 'report':
      return perform('report', reportSchema, formData, id, (v) =>
        addReport(user, replication, v, ip),
      )
    case 'register':
      return perform('register', registerModelSchema, formData, id, (v) =>
        registerAsModel(user, replication, v, ip),
      )
    default:
      return data({ intent: null, result: null }, { status: 400 })
  }
}

function Section({ id, title, children }: { id: string; title: MessageKey; children: ReactNode }) {
  const t = useT()
  return (
    <section
      aria-labelledby={id}
      className="space-y-3 rounded-lg border border-stone-200 bg-white p-4"
    >
      <h2 id={id} className="text-lg font-semibold text-brand-800">
        {t(title)}
      </h2>
      {children}
    </section>
  )
}

export default function ReplicationPage() {
  const d = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const t = useT()
  const locale = useLocale()
  const r = d.replication
  const last = (intent: Intent) =>
    actionData?.intent === intent ? (actionData.result ?? undefined) : undefined
  // The report form lists its own errors in its summary.
  const formError =
    actionData?.intent !== 'report' && actionData?.result && 'error' in actionData.result
      ? actionData.result.error?.['']
      : null

  const [statusForm, statusFields] = useForm({
    id: 'replication-status',
    lastResult: last('status'),
    defaultValue: { intent: 'status', status: d.nextStatuses[0] ?? '' },
    constraint: getZodConstraint(statusSchema),
    shouldValidate: 'onBlur',
    onValidate: ({ formData }) => parseWithZod(formData, { schema: statusSchema }),
  })
  // Typed by the form's fields: the schema's blank-row cleanup hides the list's shape from inference.
  const [reportForm, reportFields] = useForm<ReportForm>({
    id: 'replication-report',
    lastResult: last('report'),
    defaultValue: { intent: 'report', indicators: [{ label: '', value: '', unit: '' }] },
    constraint: getZodConstraint(reportSchema),
    shouldValidate: 'onBlur',
    shouldRevalidate: 'onInput',
    onValidate: ({ formData }) => parseWithZod(formData, { schema: reportSchema }),
  })
  const [registerForm, registerFields] = useForm({
    id: 'replication-register',
    lastResult: last('register'),
    defaultValue: {
      intent: 'register',
      unit_id: d.units.some((u) => u.id === r.responsible_unit_id)
        ? String(r.responsible_unit_id)
        : '',
    },
    constraint: getZodConstraint(registerModelSchema),
    shouldValidate: 'onBlur',
    onValidate: ({ formData }) => parseWithZod(formData, { schema: registerModelSchema }),
  })
  const reportFailed = useFailedSubmit(reportForm, last('report'))
  const reportLabels = {
    reported_on: t('replication.report.reportedOn'),
    note: t('replication.report.note'),
    indicators: t('replication.report.indicators'),
    'indicators[].label': t('indicator.label'),
    'indicators[].value': t('indicator.value'),
    'indicators[].unit': t('indicator.unit'),
  }
  const value = useIndicatorText()
  // A new report each time: a confirmed one adds to the list, which drops the unsaved copy.
  const unsavedReport = useUnsavedCopy({
    formId: reportForm.id,
    storageKey: `replication-report-${r.id}`,
    base: String(d.reports.length),
    enabled: d.editable,
  })

  return (
    <div className="mx-auto max-w-3xl space-y-4">
      <p>
        <Link
          to={d.editable ? '/commune' : '/admin/replications'}
          className="text-brand-700 underline"
        >
          {t(d.editable ? 'replication.backToCommune' : 'replication.backToList')}
        </Link>
      </p>
      <h1 className="text-2xl font-bold">
        {t('replication.detail.title', { model: r.source_title, commune: r.commune_name })}
      </h1>
      {d.notice ? <FormMessage tone="success">{t(d.notice)}</FormMessage> : null}
      {formError?.length ? (
        <FormMessage tone="error">{formError.map((e) => t(e)).join(' ')}</FormMessage>
      ) : null}

      <Section id="replication-summary" title="replication.detail.summary">
        <dl className="grid gap-x-4 gap-y-2 sm:grid-cols-[12rem_1fr]">
          <dt className="font-semibold">{t('replication.field.status')}</dt>
          <dd>
            <span className="rounded bg-stone-100 px-2 py-0.5 font-semibold">
              {t(`replicationStatus.${r.status}`)}
            </span>
          </dd>
          <dt className="font-semibold">{t('replication.field.model')}</dt>
          <dd>
            {r.source_published_at ? (
              <Link to={`/models/${r.source_slug}`} className="text-brand-700 underline">
                {r.source_title}
              </Link>
            ) : (
              r.source_title
            )}
          </dd>
          <dt className="font-semibold">{t('replication.field.sourceField')}</dt>
          <dd>{t(`field.${r.source_field}`)}</dd>
          <dt className="font-semibold">{t('replication.field.commune')}</dt>
          <dd>{r.commune_name}</dd>
          <dt className="font-semibold">{t('replication.field.startDate')}</dt>
          <dd>{formatDate(locale, r.start_date)}</dd>
          <dt className="font-semibold">{t('replication.field.responsibleUnit')}</dt>
          <dd>{r.responsible_name ?? t('common.none')}</dd>
          <dt className="font-semibold">{t('replication.field.adaptations')}</dt>
          <dd className="whitespace-pre-line">{r.adaptations || t('common.none')}</dd>
          <dt className="font-semibold">{t('replication.field.lastReport')}</dt>
          <dd>
            {r.last_reported_at ? formatDateTime(locale, r.last_reported_at) : t('common.none')}
          </dd>
          {r.status === 'stopped' ? (
            <>
              <dt className="font-semibold">{t('replication.field.stopReason')}</dt>
              <dd className="whitespace-pre-line">{r.stop_reason}</dd>
            </>
          ) : null}
        </dl>
      </Section>

      <Section id="replication-lineage" title="replication.lineage.title">
        <ol className="list-decimal space-y-1 pl-6">
          <li>
            {t('replication.lineage.source')}{' '}
            {r.source_published_at ? (
              <Link to={`/models/${r.source_slug}`} className="text-brand-700 underline">
                {r.source_title}
              </Link>
            ) : (
              r.source_title
            )}
          </li>
          <li>{t('replication.lineage.replication', { commune: r.commune_name })}</li>
          {r.derived_model_id ? (
            <li>
              {t('replication.lineage.derived')}{' '}
              {r.derived_published_at ? (
                <Link to={`/models/${r.derived_slug}`} className="text-brand-700 underline">
                  {r.derived_title}
                </Link>
              ) : (
                <>
                  <span className="font-medium">{r.derived_title}</span>{' '}
                  <span className="text-stone-700">({t('replication.lineage.unpublished')})</span>
                </>
              )}
            </li>
          ) : null}
        </ol>
        {d.editable && d.canRegister ? (
          <Form
            method="post"
            className="space-y-3 border-t border-stone-200 pt-3"
            {...getFormProps(registerForm)}
          >
            <input
              {...getInputProps(registerFields.intent, { type: 'hidden' })}
              key={registerFields.intent.key}
            />
            <p className="text-sm text-stone-700">{t('replication.register.intro')}</p>
            {d.units.length ? (
              <>
                <SelectField
                  field={registerFields.unit_id}
                  label="replication.register.unit"
                  empty="replication.register.chooseUnit"
                  options={d.units.map((u) => ({ value: u.id, label: u.name }))}
                />
                <button type="submit" className={buttonClass}>
                  {t('replication.register.submit')}
                </button>
              </>
            ) : (
              <p>{t('replication.register.noUnits')}</p>
            )}
          </Form>
        ) : null}
      </Section>

      <Section id="replication-compare" title="replication.compare.title">
        {d.latestReportedOn ? (
          <p className="text-sm text-stone-700">
            {t('replication.compare.latest', { date: formatDate(locale, d.latestReportedOn) })}
          </p>
        ) : (
          <p>{t('replication.compare.noFigures')}</p>
        )}
        {d.comparison.matched.length ? (
          <ScrollTable labelledBy="replication-compare">
            <thead className="bg-stone-100">
              <tr>
                <ColumnHeader label="indicator.label" />
                <ColumnHeader label="replication.compare.source" numeric />
                <th scope="col" className="px-3 py-2 text-right">
                  {t('replication.compare.here', { commune: r.commune_name })}
                </th>
              </tr>
            </thead>
            <tbody>
              {d.comparison.matched.map((m) => (
                <tr key={m.label} className="border-t border-stone-200">
                  <th scope="row" className="px-3 py-2 font-medium">
                    {m.label}
                  </th>
                  <td className="px-3 py-2 text-right">{value(m.source)}</td>
                  <td className="px-3 py-2 text-right font-semibold">{value(m.replication)}</td>
                </tr>
              ))}
            </tbody>
          </ScrollTable>
        ) : null}
        <IndicatorList title="replication.compare.sourceOnly" items={d.comparison.sourceOnly} />
        <IndicatorList
          title="replication.compare.replicationOnly"
          items={d.comparison.replicationOnly}
        />
      </Section>

      {d.editable && d.nextStatuses.length ? (
        <Section id="replication-status-title" title="replication.status.title">
          <Form method="post" className="space-y-3" {...getFormProps(statusForm)}>
            <input
              {...getInputProps(statusFields.intent, { type: 'hidden' })}
              key={statusFields.intent.key}
            />
            <SelectField
              field={statusFields.status}
              label="replication.status.next"
              options={d.nextStatuses.map((s) => ({
                value: s,
                label: t(`replicationStatus.${s}`),
              }))}
            />
            <TextArea
              field={statusFields.stop_reason}
              label="replication.field.stopReason"
              rows={3}
              hint="replication.hint.stopReason"
            />
            <button type="submit" className={buttonClass}>
              {t('replication.status.submit')}
            </button>
          </Form>
        </Section>
      ) : null}

      {d.editable && d.canReport ? (
        <Section id="replication-report-title" title="replication.report.title">
          <UnsavedCopyNotice {...unsavedReport} />
          <Form
            method="post"
            className="space-y-4"
            {...getFormProps(reportForm)}
            onSubmit={reportFailed.onSubmit}
          >
            {/* Enter sends the report: the first visible submit button removes an indicator. */}
            <ImplicitSubmit>{t('replication.report.submit')}</ImplicitSubmit>
            <input
              {...getInputProps(reportFields.intent, { type: 'hidden' })}
              key={reportFields.intent.key}
            />
            <ErrorSummary
              form={reportForm}
              failed={reportFailed}
              intro={t('replication.report.notSent')}
              labels={reportLabels}
              rowLabels={{ indicators: (n) => t('indicator.row', { n: String(n) }) }}
            />
            <TextField
              field={reportFields.reported_on}
              label="replication.report.reportedOn"
              type="date"
            />
            <TextArea field={reportFields.note} label="replication.report.note" rows={3} />
            <ReportIndicators form={reportForm} field={reportFields.indicators} />
            <button type="submit" className={buttonClass}>
              {t('replication.report.submit')}
            </button>
          </Form>
        </Section>
      ) : null}

      <Section id="replication-reports" title="replication.reports.title">
        {d.reports.length ? (
          <ol className="space-y-3">
            {d.reports.map((rep) => (
              <li key={rep.id} className="rounded-md border border-stone-200 p-3">
                <h3 className="font-semibold">{formatDate(locale, rep.reported_on)}</h3>
                {rep.note ? <p className="mt-1 whitespace-pre-line">{rep.note}</p> : null}
                {rep.indicators.length ? (
                  <ul className="mt-2 list-disc pl-6">
                    {rep.indicators.map((i, n) => (
                      <li key={n}>
                        {i.label}: <span className="font-semibold">{value(i)}</span>
                      </li>
                    ))}
                  </ul>
                ) : null}
              </li>
            ))}
          </ol>
        ) : (
          <p>{t('replication.reports.none')}</p>
        )}
        <p className={`${labelClass} sr-only`}>
          {t('replication.reports.count', { n: d.reports.length })}
        </p>
      </Section>
    </div>
  )
}
