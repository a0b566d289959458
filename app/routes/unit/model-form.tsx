import { getFormProps, useForm } from '@conform-to/react'
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { data, redirect } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { orgUnitsInScope, scopeRootFor } from '#db/repos/org-units'
import { requireRole } from '~/auth/guards.server'
import { formValuesFromSnapshot } from '~/entries/content'
import { ContentFields, useContentSummaryLabels } from '~/entries/content-fields'
import { modelFormSchema } from '~/entries/schema'
import { getLocale } from '~/i18n/locale.server'
import { formatDateTime } from '~/i18n'
import { useLocale, useT } from '~/i18n/use-t'
import { clientIp } from '~/load-context'
import {
  communeChoicesFor,
  modelContentForUnit,
  requireOwnModel,
  saveModel,
  unitOf,
} from '~/models/models.server'
import { ErrorSummary, useFailedSubmit } from '~/ui/error-summary'
import { FormMessage, ImplicitSubmit, SaveBar, buttonClass } from '~/ui/form'
import { UnsavedCopyNotice, useUnsavedCopy } from '~/ui/unsaved-copy'
import { pageTitle } from '~/ui/page-title'
import { getZodConstraint, parseWithZod, readForm } from '~/forms/parse'

/** /unit/models/new and /unit/models/:modelId: a unit registers or edits one of its models. */
function modelIdOf(params: { modelId?: string }) {
  return params.modelId === undefined ? null : Number(params.modelId)
}

export const meta: MetaFunction<typeof loader> = (args) => {
  const { data } = args
  return pageTitle(args, (t) =>
    data?.modelId == null
      ? [t('model.newTitle')]
      : [t('model.editTitle'), String(data.defaultValue.title ?? '')],
  )
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireRole(request, 'unit')
  const unit = unitOf(user)
  const modelId = modelIdOf(params)
  const model = modelId !== null ? await requireOwnModel(user, modelId) : null
  // A published model's form shows the unit's pending change, if any (the public sees the approved one).
  const { content, pendingSince } =
    modelId !== null ? await modelContentForUnit(modelId) : { content: null, pendingSince: null }
  const communes = await orgUnitsInScope(
    await scopeRootFor(await communeChoicesFor(unit.id)),
    'commune',
  )
  return {
    modelId,
    unitName: unit.name,
    communes: communes.map((c) => ({ id: c.id, name: c.name })),
    defaultValue: content
      ? formValuesFromSnapshot(content, await getLocale(request))
      : { indicators: [] },
    saved: new URL(request.url).searchParams.has('saved'),
    sentForReview: new URL(request.url).searchParams.has('sent'),
    published: !!model?.published_at,
    pendingSince,
    // Changes with every confirmed save (of the model or of its pending revision).
    savedVersion: `${model?.updated_at ?? 'new'}|${pendingSince ?? ''}`,
  }
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const user = await requireRole(request, 'unit')
  const modelId = modelIdOf(params)
  if (modelId !== null) await requireOwnModel(user, modelId)
  const submission = parseWithZod(await readForm(request), { schema: modelFormSchema })
  if (submission.status !== 'success') {
    // List edits (add/remove an indicator without JavaScript) come back here too, with no error.
    return data(
      { result: submission.reply() },
      { status: submission.status === 'error' ? 400 : 200 },
    )
  }
  const saved = await saveModel(user, submission.value, modelId, clientIp(context))
  if (!saved.ok) {
    return data(
      { result: submission.reply({ fieldErrors: { [saved.field]: [saved.message] } }) },
      { status: 400 },
    )
  }
  return redirect(`/unit/models/${saved.id}?${saved.pendingReview ? 'sent' : 'saved'}=1`)
}

export default function ModelForm() {
  const {
    modelId,
    unitName,
    communes,
    defaultValue,
    saved,
    sentForReview,
    published,
    pendingSince,
    savedVersion,
  } = useLoaderData<typeof loader>()
  const locale = useLocale()
  const actionData = useActionData<typeof action>()
  const t = useT()
  const [form, fields] = useForm({
    id: `model-${modelId ?? 'new'}`,
    lastResult: actionData?.result,
    defaultValue,
    constraint: getZodConstraint(modelFormSchema),
    shouldValidate: 'onBlur',
    shouldRevalidate: 'onInput',
    onValidate: ({ formData }) => parseWithZod(formData, { schema: modelFormSchema }),
  })
  const failed = useFailedSubmit(form, actionData?.result)
  const summary = useContentSummaryLabels()
  const unsaved = useUnsavedCopy({
    formId: form.id,
    storageKey: form.id,
    base: savedVersion,
    // A new model saved: its copy (kept under model-new) is confirmed too.
    confirmed: (saved || sentForReview) && !actionData ? ['model-new'] : [],
  })
  return (
    <div className="mx-auto max-w-3xl space-y-4">
      <p>
        <Link to="/unit" className="text-brand-700 underline">
          {t('entry.back')}
        </Link>
      </p>
      <h1 className="text-2xl font-bold">
        {t(modelId === null ? 'model.newTitle' : 'model.editTitle')}
      </h1>
      <p className="text-stone-700">{t('unit.unitName', { name: unitName })}</p>
      <p className="text-sm text-stone-600">{t('model.intro')}</p>
      {saved && !actionData ? <FormMessage tone="success">{t('model.saved')}</FormMessage> : null}
      {sentForReview && !actionData ? (
        <FormMessage tone="success">{t('model.pendingReview')}</FormMessage>
      ) : null}
      {published && !sentForReview ? (
        <p className="rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm">
          {pendingSince
            ? t('model.pendingSince', { date: formatDateTime(locale, pendingSince) })
            : t('model.publishedHint')}
        </p>
      ) : null}
      <UnsavedCopyNotice {...unsaved} />
      <Form method="post" className="space-y-6" {...getFormProps(form)} onSubmit={failed.onSubmit}>
        {/* Enter saves: the first visible submit button removes an indicator. */}
        <ImplicitSubmit>{t('model.save')}</ImplicitSubmit>
        <ErrorSummary
          form={form}
          failed={failed}
          intro={t('model.fixErrors')}
          labels={summary.labels}
          rowLabels={summary.rowLabels}
        />
        <ContentFields form={form} fields={fields} communes={communes} />
        <SaveBar>
          <button type="submit" className={buttonClass}>
            {t('model.save')}
          </button>
        </SaveBar>
      </Form>
    </div>
  )
}
