import { getFormProps, getTextareaProps, useForm } from '@conform-to/react'
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { data } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { findUserById } from '#db/repos/users'
import { requireAdmin } from '~/auth/guards.server'
import { ChangesTable } from '~/entries/changes-table'
import { formatDateTime } from '~/i18n'
import { useLocale, useT } from '~/i18n/use-t'
import { clientIp } from '~/load-context'
import { approveRevisionSchema, rejectRevisionSchema } from '~/models/revision-schema'
import {
  approveRevision,
  rejectRevision,
  requireRevision,
  revisionView,
} from '~/models/revisions.server'
import { FieldErrors, FormMessage, buttonClass, inputClass, labelClass } from '~/ui/form'
import { pageTitle } from '~/ui/page-title'
import { getZodConstraint, parseWithZod, readForm } from '~/forms/parse'

export const meta: MetaFunction<typeof loader> = (args) =>
  pageTitle(args, (t) => [
    t('revision.page.title', { title: args.data?.revision.modelTitle ?? '' }),
  ])

/**
 * /admin/revisions/:revisionId — a unit's change to a published model beside the published
 * version; the organiser approves it (the public sees it at once) or rejects it with a reason.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const admin = await requireAdmin(request)
  const revision = await requireRevision(admin, params.revisionId)
  const [view, by] = await Promise.all([
    revisionView(revision),
    revision.submitted_by ? findUserById(revision.submitted_by) : undefined,
  ])
  return {
    revision: {
      id: revision.id,
      status: revision.status,
      modelTitle: revision.model_title,
      modelSlug: revision.model_slug,
      unitName: revision.unit_name,
      submittedAt: revision.submitted_at,
      submittedBy: by?.display_name ?? '',
      rejectReason: revision.reject_reason,
    },
    changes: view.changes,
  }
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const admin = await requireAdmin(request)
  const revision = await requireRevision(admin, params.revisionId)
  const formData = await readForm(request)
  const decision = formData.get('intent') === 'approve' ? 'approve' : 'reject'
  const schema = decision === 'approve' ? approveRevisionSchema : rejectRevisionSchema
  const submission = parseWithZod(formData, { schema })
  if (submission.status !== 'success') {
    return data({ decision, result: submission.reply(), done: false }, { status: 400 })
  }
  const outcome =
    submission.value.intent === 'approve'
      ? await approveRevision(admin, revision.id, clientIp(context))
      : await rejectRevision(admin, revision.id, submission.value.reason, clientIp(context))
  if (!outcome.ok) {
    return data(
      { decision, result: submission.reply({ formErrors: [outcome.message] }), done: false },
      { status: outcome.status },
    )
  }
  return { decision, result: submission.reply({ resetForm: true }), done: true }
}

export default function AdminRevision() {
  const { revision: r, changes } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const t = useT()
  const locale = useLocale()
  const resultFor = (decision: string) =>
    actionData?.decision === decision ? actionData.result : undefined
  const [approveForm] = useForm({ id: 'approve-revision', lastResult: resultFor('approve') })
  const [rejectForm, rejectFields] = useForm({
    id: 'reject-revision',
    lastResult: resultFor('reject'),
    constraint: getZodConstraint(rejectRevisionSchema),
    shouldValidate: 'onBlur',
    onValidate: ({ formData }) => parseWithZod(formData, { schema: rejectRevisionSchema }),
  })
  const formError = actionData?.done === false ? actionData.result.error?.[''] : undefined
  return (
    <div className="mx-auto max-w-4xl space-y-4">
      <p>
        <Link to="/admin/revisions" className="text-brand-700 underline">
          {t('revision.back')}
        </Link>
      </p>
      <h1 className="text-2xl font-bold">{t('revision.page.title', { title: r.modelTitle })}</h1>
      <p className="text-stone-700">
        {t('revision.page.meta', {
          unit: r.unitName,
          date: formatDateTime(locale, r.submittedAt),
          name: r.submittedBy,
        })}
      </p>
      <p>
        <Link to={`/models/${r.modelSlug}`} className="text-brand-700 underline">
          {t('revision.page.public')}
        </Link>
      </p>
      {actionData?.done ? (
        <FormMessage tone="success">
          {t(actionData.decision === 'approve' ? 'revision.approved' : 'revision.rejected')}
        </FormMessage>
      ) : null}
      {formError?.length ? (
        <FormMessage tone="error">{formError.map((e) => t(e)).join(' ')}</FormMessage>
      ) : null}
      <section aria-labelledby="revision-changes" className="space-y-2">
        <h2 id="revision-changes" className="text-xl font-semibold">
          {t('revision.page.changes')}
        </h2>
        {changes.length ? (
          <ChangesTable labelledBy="revision-changes" changes={changes} />
        ) : (
          <p>{t('revision.page.noChanges')}</p>
        )}
      </section>
      {r.status === 'pending' && !actionData?.done ? (
        <div className="grid gap-4 sm:grid-cols-2">
          <Form method="post" {...getFormProps(approveForm)}>
            <button type="submit" name="intent" value="approve" className={buttonClass}>
              {t('revision.approve')}
            </button>
          </Form>
          <Form method="post" className="space-y-2" {...getFormProps(rejectForm)}>
            <label htmlFor={rejectFields.reason.id} className={labelClass}>
              {t('revision.rejectReason')}
            </label>
            <textarea {...getTextareaProps(rejectFields.reason)} rows={3} className={inputClass} />
            <FieldErrors id={rejectFields.reason.errorId} errors={rejectFields.reason.errors} />
            <button type="submit" name="intent" value="reject" className={buttonClass}>
              {t('revision.reject')}
            </button>
          </Form>
        </div>
      ) : null}
    </div>
  )
}
