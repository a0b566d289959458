import { getFormProps, getInputProps, getSelectProps, useForm } from '@conform-to/react'
import type { SubmissionResult } from '@conform-to/react'
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { data } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { requireContestAdmin } from '~/judging/assignment.server'
import { formatDate, formatDateTime, formatNumber, type MessageKey } from '~/i18n'
import { useLocale, useT } from '~/i18n/use-t'
import { clientIp } from '~/load-context'
import {
  finaliseResults,
  overrideTier,
  publishResults,
  recordDecision,
  resultsRefusal,
  resultsView,
} from '~/results/results.server'
import {
  decisionSchema,
  finaliseSchema,
  overrideSchema,
  publishSchema,
  RESULTS_INTENTS,
} from '~/results/schema'
import { TextArea, TextField } from '~/entries/content-fields'
import { FieldErrors, FormMessage, buttonClass, inputClass, labelClass } from '~/ui/form'
import { ColumnHeader, ScrollTable } from '~/ui/scroll-table'
import { CriterionCells, CriterionHeaders, CriterionLegend } from '~/results/ranking-parts'
import { pageTitle } from '~/ui/page-title'
import { getZodConstraint, parseWithZod, readForm } from '~/forms/parse'

export const meta: MetaFunction<typeof loader> = (args) => {
  const { data } = args
  return pageTitle(args, (t) => [t('results.title', { contest: data?.contest.title ?? '' })])
}

/** /admin/contests/:contestId/results — computed results, overrides, decision, finalise, publish, downloads. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { contest } = await requireContestAdmin(request, params.contestId)
  const refusal = resultsRefusal(contest, 'contest.viewResults')
  if (refusal) throw data({ message: refusal }, { status: 409 })
  return resultsView(contest)
}

type Intent = (typeof RESULTS_INTENTS)[number]
const SCHEMAS = {
  override: overrideSchema,
  finalise: finaliseSchema,
  publish: publishSchema,
  decision: decisionSchema,
} as const

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { admin, contest } = await requireContestAdmin(request, params.contestId)
  const formData = await readForm(request)
  const intent = String(formData.get('intent') ?? '') as Intent
  if (!RESULTS_INTENTS.includes(intent)) {
    return data({ intent, result: null, message: 'validation.invalidChoice' as MessageKey }, 400)
  }
  const submission = parseWithZod(formData, { schema: SCHEMAS[intent] })
  if (submission.status !== 'success') {
    return data({ intent, result: submission.reply(), message: null }, { status: 400 })
  }
  const v = submission.value
  const ip = clientIp(context)
  const outcome =
    v.intent === 'override'
      ? await overrideTier(
          admin,
          contest,
          { entryId: v.entryId, tierId: v.tierId === 'none' ? null : v.tierId, reason: v.reason },
          ip,
        )
      : v.intent === 'decision'
        ? await recordDecision(admin, contest, v, ip)
        : v.intent === 'finalise'
          ? await finaliseResults(admin, contest, ip)
          : await publishResults(admin, contest, ip)
  if (!outcome.ok) {
    const field = 'field' in outcome ? outcome.field : undefined
    return data(
      {
        intent,
        // A refusal tied to a field shows next to it; the values typed stay in the form.
        result: submission.reply(field ? { fieldErrors: { [field]: [outcome.message] } } : {}),
        message: field ? null : outcome.message,
      },
      { status: outcome.status ?? 409 },
    )
  }
  const done: Record<Intent, MessageKey> = {
    override: 'results.done.override',
    decision: 'results.done.decision',
    finalise: 'results.done.finalise',
    publish: 'results.done.publish',
  }
  return { intent, result: submission.reply({ resetForm: true }), message: done[intent], ok: true }
}

type ActionData = {
  intent: string
  result: SubmissionResult<string[]> | null
  message: MessageKey | null
  ok?: boolean
}

const score = (locale: 'vi' | 'en', x: number | null) =>
  x === null ? '—' : formatNumber(locale, x, 2)

export default function ContestResults() {
  const d = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>() as ActionData | undefined
  const t = useT()
  const locale = useLocale()
  const c = d.contest
  const tooFew = d.rows.filter((r) => r.flags.includes('too_few_scores')).length
  const none = d.rows.filter((r) => r.flags.includes('no_scores')).length
  const flaggedJudges = d.judges.filter((j) => j.flagged)
  const files = `/admin/contests/${c.id}/files`
  return (
    <div className="space-y-8">
      <div className="space-y-2">
        <p>
          <Link to={`/admin/contests/${c.id}/progress`} className="text-brand-700 underline">
            {t('results.backToProgress')}
          </Link>
        </p>
        <h1 className="text-2xl font-bold">{t('results.title', { contest: c.title })}</h1>
        <p>
          {t('results.stage', {
            phase: t(
              c.stage === 'judging_closed' ? 'results.stage.judgingClosed' : `phase.${c.stage}`,
            ),
          })}
        </p>
        {c.stage === 'judging' ? (
          <FormMessage tone="error">{t('results.provisional')}</FormMessage>
        ) : null}
        <p>
          {t('results.method', {
            aggregation: t(`results.aggregation.${c.aggregation}`),
            basis: t(c.normalise ? 'results.basis.normalised' : 'results.basis.raw'),
          })}
        </p>
        {c.finalisedAt ? (
          <p>
            {t('results.finalisedBy', {
              name: c.finalisedBy ?? '',
              date: formatDateTime(locale, c.finalisedAt),
            })}
          </p>
        ) : null}
        {c.publishedAt ? (
          <p>
            {t('results.publishedBy', {
              name: c.publishedBy ?? '',
              date: formatDateTime(locale, c.publishedAt),
            })}{' '}
            <Link to={`/contests/${c.id}/results`} className="text-brand-700 underline">
              {t('results.publicLink')}
            </Link>
          </p>
        ) : null}
      </div>

      {actionData?.message ? (
        <FormMessage tone={actionData.ok ? 'success' : 'error'}>
          {t(actionData.message)}
        </FormMessage>
      ) : null}

      <section aria-labelledby="flags-title" className="space-y-2">
        <h2 id="flags-title" className="text-xl font-semibold">
          {t('results.flags')}
        </h2>
        <ul className="list-disc pl-6">
          <li>{t('results.flags.tooFew', { count: tooFew, k: c.k })}</li>
          <li>{t('results.flags.none', { count: none })}</li>
          <li>
            {flaggedJudges.length
              ? t('results.flags.judges', { names: flaggedJudges.map((j) => j.name).join(', ') })
              : t('results.flags.noJudges')}
          </li>
        </ul>
      </section>

      <section aria-labelledby="ranking-title">
        <h2 id="ranking-title" className="text-xl font-semibold">
          {t('results.ranking')}
        </h2>
        <p className="text-sm text-stone-700">{t('results.rankingHelp')}</p>
        <ScrollTable labelledBy="ranking-title">
          <thead className="bg-stone-100">
            <tr>
              <ColumnHeader label="results.col.rank" />
              <ColumnHeader label="results.col.entry" />
              <ColumnHeader label="results.col.raw" numeric />
              <ColumnHeader label="results.col.normalised" numeric />
              <CriterionHeaders criteria={d.criteria} />
              <ColumnHeader label="results.col.count" numeric />
              <ColumnHeader label="results.col.computedTier" />
              <ColumnHeader label="results.col.tier" />
            </tr>
          </thead>
          <tbody>
            {d.rows.map((r) => (
              <tr key={r.entryId} className="border-t border-stone-200 align-top">
                <td className="px-3 py-2 font-semibold">{r.rank ?? '—'}</td>
                <th scope="row" className="px-3 py-2 font-normal">
                  <Link to={`/admin/entries/${r.entryId}`} className="text-brand-700 underline">
                    {r.title}
                  </Link>
                  <div className="text-stone-700">{r.unitName}</div>
                  {r.flags.map((f) => (
                    <div key={f} className="font-semibold text-red-800">
                      {t(`results.flag.${f}`, { k: c.k })}
                    </div>
                  ))}
                  {r.trimmed ? (
                    <div className="text-stone-700">{t('results.trimmedNote')}</div>
                  ) : null}
                </th>
                <td className="px-3 py-2 text-right tabular-nums">{score(locale, r.raw)}</td>
                <td className="px-3 py-2 text-right tabular-nums">{score(locale, r.normalised)}</td>
                <CriterionCells criteria={d.criteria} means={r.criterionMeans} />
                <td className="px-3 py-2 text-right tabular-nums">{r.scoreCount}</td>
                <td className="px-3 py-2">{r.computedTier ?? t('results.noTier')}</td>
                <td className="px-3 py-2">
                  <span className="font-semibold">{r.tier ?? t('results.noTier')}</span>
                  {r.override ? (
                    <div className="mt-1 rounded bg-amber-50 p-1 text-amber-900">
                      {t('results.overridden', {
                        name: r.override.by,
                        date: formatDate(locale, r.override.at),
                      })}
                      <div>{r.override.reason}</div>
                    </div>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </ScrollTable>
        <CriterionLegend criteria={d.criteria} />
        <ul className="mt-2 text-sm">
          {d.tiers.map((tier) => (
            <li key={tier.id}>
              {t(tier.quota === null ? 'results.tierLegend' : 'results.tierLegendQuota', {
                name: tier.name,
                min: formatNumber(locale, tier.minScore),
                quota: tier.quota ?? 0,
                count: tier.count,
              })}
            </li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="judges-title">
        <h2 id="judges-title" className="text-xl font-semibold">
          {t('results.judges')}
        </h2>
        <p className="text-sm text-stone-700">{t('results.judgesHelp')}</p>
        <ScrollTable labelledBy="judges-title">
          <thead className="bg-stone-100">
            <tr>
              <ColumnHeader label="results.judge.name" />
              <ColumnHeader label="results.judge.entries" numeric />
              <ColumnHeader label="results.judge.mean" numeric />
              <ColumnHeader label="results.judge.sd" numeric />
              <ColumnHeader label="results.judge.leniency" numeric />
              <ColumnHeader label="results.judge.normalisation" />
            </tr>
          </thead>
          <tbody>
            {d.judges.map((j) => (
              <tr key={j.judgeId} className="border-t border-stone-200">
                <th scope="row" className="px-3 py-2 font-normal">
                  {j.name}
                  {j.flagged ? (
                    <div className="font-semibold text-red-800">{t('results.judge.flagged')}</div>
                  ) : null}
                </th>
                <td className="px-3 py-2 text-right tabular-nums">{j.entryCount}</td>
                <td className="px-3 py-2 text-right tabular-nums">{score(locale, j.mean)}</td>
                <td className="px-3 py-2 text-right tabular-nums">{score(locale, j.sd)}</td>
                <td className="px-3 py-2 text-right tabular-nums">
                  {j.leniency === null
                    ? '—'
                    : t('results.judge.leniencyValue', {
                        value: (j.leniency > 0 ? '+' : '') + formatNumber(locale, j.leniency, 2),
                        shared: j.sharedEntries,
                      })}
                </td>
                <td className="px-3 py-2">
                  {t(j.fallback ? `results.fallback.${j.fallback}` : 'results.fallback.none')}
                </td>
              </tr>
            ))}
          </tbody>
        </ScrollTable>
        <h3 className="mt-4 font-semibold">{t('results.agreement')}</h3>
        <ul className="list-disc pl-6">
          {d.panels.map((p) => (
            <li key={p.panelId ?? 'none'}>
              {t(p.kendallW === null ? 'results.agreement.none' : 'results.agreement.value', {
                panel: p.name ?? t('results.agreement.noPanel'),
                w: p.kendallW === null ? '' : formatNumber(locale, p.kendallW, 2),
                judges: p.judges,
                entries: p.entries,
              })}
            </li>
          ))}
        </ul>
      </section>

      {d.refusals.override === null ? (
        <OverrideForm rows={d.rows} tiers={d.tiers} actionData={actionData} />
      ) : null}
      {d.refusals.decision === null ? (
        <DecisionForm contest={c} actionData={actionData} />
      ) : c.decisionNumber ? (
        <section aria-labelledby="decision-title">
          <h2 id="decision-title" className="text-xl font-semibold">
            {t('results.decision')}
          </h2>
          <p>
            {t('results.decisionText', {
              number: c.decisionNumber,
              date: c.decisionDate ? formatDate(locale, c.decisionDate) : '',
              signer: c.signerTitle ?? '',
            })}
          </p>
        </section>
      ) : null}
      {d.refusals.finalise === null ? (
        <ConfirmForm intent="finalise" actionData={actionData} />
      ) : null}
      {d.refusals.publish === null ? (
        <ConfirmForm intent="publish" actionData={actionData} blocked={!c.decisionNumber} />
      ) : null}

      <section aria-labelledby="files-title" className="space-y-2">
        <h2 id="files-title" className="text-xl font-semibold">
          {t('results.files')}
        </h2>
        {d.refusals.export === null ? (
          <ul className="list-disc pl-6">
            <li>
              <a href={`${files}/results.xlsx`} className="text-brand-700 underline" download>
                {t('results.file.workbook')}
              </a>
            </li>
            {(['entries', 'scores', 'results'] as const).map((k) => (
              <li key={k}>
                <a href={`${files}/${k}.csv`} className="text-brand-700 underline" download>
                  {t(`results.file.${k}Csv`)}
                </a>
              </li>
            ))}
            {d.refusals.certificates === null && c.decisionNumber ? (
              <li>
                <a href={`${files}/certificates.pdf`} className="text-brand-700 underline" download>
                  {t('results.file.certificates')}
                </a>
              </li>
            ) : null}
          </ul>
        ) : (
          <p>{t(d.refusals.export)}</p>
        )}
        {d.refusals.certificates === null && c.decisionNumber ? (
          <ul className="list-disc pl-6">
            {d.rows
              .filter((r) => r.tierId !== null)
              .map((r) => (
                <li key={r.entryId}>
                  <a
                    href={`${files}/certificate-${r.entryId}.pdf`}
                    className="text-brand-700 underline"
                    download
                  >
                    {t('results.file.certificate', { title: r.title })}
                  </a>
                </li>
              ))}
          </ul>
        ) : null}
      </section>
    </div>
  )
}

type View = ReturnType<typeof useLoaderData<typeof loader>>

function OverrideForm({
  rows,
  tiers,
  actionData,
}: {
  rows: View['rows']
  tiers: View['tiers']
  actionData: ActionData | undefined
}) {
  const t = useT()
  const [form, fields] = useForm({
    id: 'override',
    lastResult: actionData?.intent === 'override' ? actionData.result : undefined,
    constraint: getZodConstraint(overrideSchema),
    onValidate: ({ formData }) => parseWithZod(formData, { schema: overrideSchema }),
    shouldRevalidate: 'onInput',
  })
  return (
    <section aria-labelledby="override-title" className="space-y-3">
      <h2 id="override-title" className="text-xl font-semibold">
        {t('results.override')}
      </h2>
      <p className="text-sm text-stone-700">{t('results.overrideHelp')}</p>
      <Form method="post" {...getFormProps(form)} className="max-w-xl space-y-3">
        <input type="hidden" name="intent" value="override" />
        <div>
          <label htmlFor={fields.entryId.id} className={labelClass}>
            {t('results.override.entry')}
          </label>
          <select {...getSelectProps(fields.entryId)} className={inputClass}>
            <option value="">{t('results.override.chooseEntry')}</option>
            {rows
              .filter((r) => r.rank !== null)
              .map((r) => (
                <option key={r.entryId} value={r.entryId}>
                  {t('results.override.entryOption', {
                    rank: r.rank ?? 0,
                    title: r.title,
                    tier: r.tier ?? t('results.noTier'),
                  })}
                </option>
              ))}
          </select>
          <FieldErrors id={fields.entryId.errorId} errors={fields.entryId.errors} />
        </div>
        <div>
          <label htmlFor={fields.tierId.id} className={labelClass}>
            {t('results.override.tier')}
          </label>
          <select {...getSelectProps(fields.tierId)} className={inputClass}>
            <option value="">{t('results.override.chooseTier')}</option>
            {tiers.map((tier) => (
              <option key={tier.id} value={tier.id}>
                {tier.name}
              </option>
            ))}
            <option value="none">{t('results.noTier')}</option>
          </select>
          <FieldErrors id={fields.tierId.errorId} errors={fields.tierId.errors} />
        </div>
        <TextArea field={fields.reason} label="results.override.reason" rows={3} />
        <button type="submit" className={buttonClass}>
          {t('results.override.submit')}
        </button>
      </Form>
    </section>
  )
}

function DecisionForm({
  contest,
  actionData,
}: {
  contest: View['contest']
  actionData: ActionData | undefined
}) {
  const t = useT()
  const [form, fields] = useForm({
    id: 'decision',
    lastResult: actionData?.intent === 'decision' ? actionData.result : undefined,
    constraint: getZodConstraint(decisionSchema),
    defaultValue: {
      decisionNumber: contest.decisionNumber ?? '',
      decisionDate: contest.decisionDate ?? '',
      signerTitle: contest.signerTitle ?? '',
    },
    onValidate: ({ formData }) => parseWithZod(formData, { schema: decisionSchema }),
    shouldRevalidate: 'onInput',
  })
  return (
    <section aria-labelledby="decision-title" className="space-y-3">
      <h2 id="decision-title" className="text-xl font-semibold">
        {t('results.decision')}
      </h2>
      <p className="text-sm text-stone-700">{t('results.decisionHelp')}</p>
      <Form method="post" {...getFormProps(form)} className="max-w-xl space-y-3">
        <input type="hidden" name="intent" value="decision" />
        <TextField
          field={fields.decisionNumber}
          label="results.decision.number"
          hint="results.decision.numberHint"
        />
        <TextField field={fields.decisionDate} label="results.decision.date" type="date" />
        <TextField
          field={fields.signerTitle}
          label="results.decision.signer"
          hint="results.decision.signerPlaceholder"
        />
        <button type="submit" className={buttonClass}>
          {t('results.decision.submit')}
        </button>
      </Form>
    </section>
  )
}

function ConfirmForm({
  intent,
  actionData,
  blocked = false,
}: {
  intent: 'finalise' | 'publish'
  actionData: ActionData | undefined
  blocked?: boolean
}) {
  const t = useT()
  const schema = intent === 'finalise' ? finaliseSchema : publishSchema
  const [form, fields] = useForm({
    id: intent,
    lastResult: actionData?.intent === intent ? actionData.result : undefined,
    constraint: getZodConstraint(schema),
    onValidate: ({ formData }) => parseWithZod(formData, { schema }),
  })
  return (
    <section aria-labelledby={`${intent}-title`} className="space-y-3">
      <h2 id={`${intent}-title`} className="text-xl font-semibold">
        {t(`results.${intent}`)}
      </h2>
      <p>{t(`results.${intent}Help`)}</p>
      {blocked ? <p className="font-semibold">{t('results.error.decisionMissing')}</p> : null}
      <Form method="post" {...getFormProps(form)} className="space-y-3">
        <input type="hidden" name="intent" value={intent} />
        <div className="flex items-start gap-2">
          <input
            {...getInputProps(fields.confirm, { type: 'checkbox', value: 'yes' })}
            className="mt-1 h-5 w-5"
          />
          <label htmlFor={fields.confirm.id}>{t(`results.${intent}Confirm`)}</label>
        </div>
        <FieldErrors id={fields.confirm.errorId} errors={fields.confirm.errors} />
        <button type="submit" className={buttonClass} disabled={blocked}>
          {t(`results.${intent}Submit`)}
        </button>
      </Form>
    </section>
  )
}
