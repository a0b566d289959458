import { getFormProps, getTextareaProps, useForm } from '@conform-to/react'
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { data } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { contestScheduleOf, entryVersions, findEntryWithContest } from '#db/repos/entries'
import { isInScope } from '#db/repos/org-units'
import { forbidden, requireAdmin } from '~/auth/guards.server'
import type { SessionUser } from '~/auth/permissions'
import { now } from '~/clock.server'
import { contestStage } from '~/contests/phase'
import { refusalFor } from '~/contests/rules'
import { notFound } from '~/entries/access.server'
import { ChangesTable } from '~/entries/changes-table'
import { diffSnapshots } from '~/entries/diff'
import { screenEntry } from '~/entries/entries.server'
import { EntryView } from '~/entries/entry-view'
import {
  SCREENING_SCHEMAS,
  acceptEntrySchema,
  rejectEntrySchema,
  returnEntrySchema,
  screeningDecisionOf,
} from '~/entries/schemas-admin'
import { parseSnapshot } from '~/entries/snapshot'
import { formatDateTime } from '~/i18n'
import { useLocale, useT } from '~/i18n/use-t'
import { clientIp } from '~/load-context'
import { listEntryMedia } from '~/media/media.server'
import {
  FieldErrors,
  FormMessage,
  buttonClass,
  inputClass,
  labelClass,
  secondaryButtonClass,
} from '~/ui/form'
import { organiserScope } from '~/users/users.server'
import { pageTitle } from '~/ui/page-title'
import { getZodConstraint, parseWithZod, readForm } from '~/forms/parse'

async function loadEntry(admin: SessionUser, param: string | undefined) {
  const id = Number(param)
  const entry = Number.isInteger(id) && id > 0 ? await findEntryWithContest(id) : undefined
  if (!entry || entry.state === 'draft') notFound()
  if (!(await isInScope(await organiserScope(admin), entry.unit_id))) forbidden()
  return entry
}

export const meta: MetaFunction<typeof loader> = (args) => {
  const { data } = args
  return pageTitle(args, (t) => [
    t('adminEntry.pageTitle', { title: data?.entry.title ?? '' }),
    data?.entry.contestTitle,
  ])
}

/**
 * /admin/entries/:entryId — the organiser reads a submitted entry, its versions and what changed,
 * and accepts it, returns it or rejects it (with a reason) while the phase rules allow screening.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const admin = await requireAdmin(request)
  const entry = await loadEntry(admin, params.entryId)
  const [versions, media] = await Promise.all([entryVersions(entry.id), listEntryMedia(entry.id)])
  const parsed = versions.map((v) => ({ ...v, content: parseSnapshot(v.snapshot)! }))
  return {
    entry: {
      id: entry.id,
      title: entry.title,
      contestTitle: entry.contest_title,
      state: entry.state,
      returnReason: entry.return_reason,
      rejectReason: entry.reject_reason,
    },
    /** Why screening decisions are refused now (phase rules), or null. */
    screeningRefusal: refusalFor(
      'admin',
      'entry.screen',
      contestStage(contestScheduleOf(entry), now()),
    ),
    snapshot: parseSnapshot(entry.snapshot),
    photos: media.photos,
    documents: media.documents,
    versions: parsed.map((v, i) => ({
      version: v.version,
      submittedAt: v.submitted_at,
      by: v.submitted_by_name ?? '',
      changes: i > 0 ? diffSnapshots(parsed[i - 1]!.content, v.content) : null,
    })),
  }
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const admin = await requireAdmin(request)
  const entry = await loadEntry(admin, params.entryId)
  const formData = await readForm(request)
  const decision = screeningDecisionOf(formData.get('intent'))
  const submission = parseWithZod(formData, { schema: SCREENING_SCHEMAS[decision] })
  if (submission.status !== 'success') {
    return data({ decision, result: submission.reply(), done: false }, { status: 400 })
  }
  const reason = 'reason' in submission.value ? submission.value.reason : null
  const outcome = await screenEntry(admin, entry, decision, reason, clientIp(context))
  if (!outcome.ok) {
    return data(
      { decision, result: submission.reply({ formErrors: [outcome.message] }), done: false },
      { status: 409 },
    )
  }
  return { decision, result: submission.reply({ resetForm: true }), done: true }
}

export default function AdminEntry() {
  const d = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const t = useT()
  const locale = useLocale()
  const resultFor = (decision: string) =>
    actionData?.decision === decision ? actionData.result : undefined
  const [acceptForm] = useForm({
    id: 'accept-entry',
    lastResult: resultFor('accept'),
    onValidate: ({ formData }) => parseWithZod(formData, { schema: acceptEntrySchema }),
  })
  const [form, fields] = useForm({
    id: 'return-entry',
    lastResult: resultFor('return'),
    constraint: getZodConstraint(returnEntrySchema),
    shouldValidate: 'onBlur',
    onValidate: ({ formData }) => parseWithZod(formData, { schema: returnEntrySchema }),
  })
  const [rejectForm, rejectFields] = useForm({
    id: 'reject-entry',
    lastResult: resultFor('reject'),
    constraint: getZodConstraint(rejectEntrySchema),
    shouldValidate: 'onBlur',
    onValidate: ({ formData }) => parseWithZod(formData, { schema: rejectEntrySchema }),
  })
  const done =
    actionData?.done === true
      ? t(
          actionData.decision === 'accept'
            ? 'adminEntry.accepted'
            : actionData.decision === 'reject'
              ? 'adminEntry.rejected'
              : 'adminEntry.returned',
        )
      : null
  const canDecide = d.entry.state === 'submitted' && !d.screeningRefusal
  return (
    <div className="mx-auto max-w-4xl space-y-6">
      <p>
        <Link to="/admin/entries" className="text-brand-700 underline">
          {t('adminEntry.listTitle')}
        </Link>
      </p>
      <h1 className="text-2xl font-bold">{t('adminEntry.pageTitle', { title: d.entry.title })}</h1>
      <p>{t('entry.state', { state: t(`entryState.${d.entry.state}`) })}</p>
      {done ? <FormMessage tone="success">{done}</FormMessage> : null}
      {d.entry.state === 'returned' && d.entry.returnReason ? (
        <FormMessage tone="error">
          {t('entry.returnedBanner', { reason: d.entry.returnReason })}
        </FormMessage>
      ) : null}
      {d.entry.state === 'rejected' && d.entry.rejectReason ? (
        <FormMessage tone="error">
          {t('adminEntry.rejectedBanner', { reason: d.entry.rejectReason })}
        </FormMessage>
      ) : null}
      {d.entry.state === 'submitted' && d.screeningRefusal ? (
        <FormMessage tone="error">{t(d.screeningRefusal)}</FormMessage>
      ) : null}

      {canDecide ? (
        <section
          aria-labelledby="decide-title"
          className="space-y-4 rounded-lg border border-stone-200 bg-white p-4"
        >
          <h2 id="decide-title" className="text-lg font-semibold">
            {t('adminEntry.decisions')}
          </h2>
          <Form method="post" className="space-y-2" {...getFormProps(acceptForm)}>
            {acceptForm.errors?.length ? (
              <div id={acceptForm.errorId}>
                <FormMessage tone="error">
                  {acceptForm.errors.map((e) => t(e)).join(' ')}
                </FormMessage>
              </div>
            ) : null}
            <input type="hidden" name="intent" value="accept" />
            <p className="text-sm">{t('adminEntry.acceptHint')}</p>
            <button type="submit" className={buttonClass}>
              {t('adminEntry.accept')}
            </button>
          </Form>

          <Form
            method="post"
            className="space-y-3 border-t border-stone-200 pt-4"
            {...getFormProps(form)}
          >
            <h3 className="font-semibold">{t('adminEntry.return')}</h3>
            {form.errors?.length ? (
              <div id={form.errorId}>
                <FormMessage tone="error">{form.errors.map((e) => t(e)).join(' ')}</FormMessage>
              </div>
            ) : null}
            <input type="hidden" name="intent" value="return" />
            <div>
              <label htmlFor={fields.reason.id} className={labelClass}>
                {t('adminEntry.reason')}
              </label>
              <textarea {...getTextareaProps(fields.reason)} rows={3} className={inputClass} />
              <FieldErrors id={fields.reason.errorId} errors={fields.reason.errors} />
            </div>
            <button type="submit" className={secondaryButtonClass}>
              {t('adminEntry.return')}
            </button>
          </Form>

          <Form
            method="post"
            className="space-y-3 border-t border-stone-200 pt-4"
            {...getFormProps(rejectForm)}
          >
            <h3 className="font-semibold">{t('adminEntry.reject')}</h3>
            {rejectForm.errors?.length ? (
              <div id={rejectForm.errorId}>
                <FormMessage tone="error">
                  {rejectForm.errors.map((e) => t(e)).join(' ')}
                </FormMessage>
              </div>
            ) : null}
            <input type="hidden" name="intent" value="reject" />
            <div>
              <label htmlFor={rejectFields.reason.id} className={labelClass}>
                {t('adminEntry.rejectReason')}
              </label>
              <textarea
                {...getTextareaProps(rejectFields.reason)}
                rows={3}
                className={inputClass}
              />
              <FieldErrors id={rejectFields.reason.errorId} errors={rejectFields.reason.errors} />
            </div>
            <button type="submit" className={secondaryButtonClass}>
              {t('adminEntry.reject')}
            </button>
          </Form>
        </section>
      ) : null}

      <section aria-labelledby="versions-title" className="space-y-3">
        <h2 id="versions-title" className="text-lg font-semibold">
          {t('adminEntry.versions')}
        </h2>
        <ol className="space-y-3">
          {d.versions.map((v, i) => (
            <li key={v.version} className="rounded-lg border border-stone-200 bg-white p-3">
              <p className="font-medium">
                {t('adminEntry.version', {
                  n: String(v.version),
                  date: formatDateTime(locale, v.submittedAt),
                  name: v.by,
                })}
              </p>
              {v.changes ? (
                v.changes.length ? (
                  <>
                    <h3 id={`changes-${v.version}`} className="mt-2 text-sm font-semibold">
                      {t('adminEntry.changes', {
                        n: String(v.version),
                        prev: String(d.versions[i - 1]!.version),
                      })}
                    </h3>
                    <ChangesTable labelledBy={`changes-${v.version}`} changes={v.changes} />
                  </>
                ) : (
                  <p className="mt-1 text-sm">{t('adminEntry.noChanges')}</p>
                )
              ) : null}
            </li>
          ))}
        </ol>
      </section>

      {d.snapshot ? (
        <EntryView snapshot={d.snapshot} photos={d.photos} documents={d.documents} />
      ) : null}
    </div>
  )
}
