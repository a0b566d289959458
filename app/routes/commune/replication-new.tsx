import { getFormProps, getInputProps, useForm } from '@conform-to/react'
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { data, redirect } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { findPublishedModel, publishedModelChoices } from '#db/repos/replications'
import { requireRole } from '~/auth/guards.server'
import { TextArea, TextField } from '~/entries/content-fields'
import { useT } from '~/i18n/use-t'
import { clientIp } from '~/load-context'
import { SelectField } from '~/replication/fields'
import { createReplication, newReplicationChoices } from '~/replication/replications.server'
import { newReplicationSchema } from '~/replication/schema'
import { FormMessage, buttonClass } from '~/ui/form'
import { pageTitle } from '~/ui/page-title'
import { getZodConstraint, parseWithZod, readForm } from '~/forms/parse'

/** How many published models the picker lists when the form was not opened from a model page. */
const MODEL_CHOICES = 300

export const meta: MetaFunction<typeof loader> = (args) =>
  pageTitle(args, (t) => [t('replication.new.title')])

/**
 * /commune/replications/new?model=<slug or id>: "we are replicating this model".
 * The commune is the officer's own (shown, never posted); the model is prefilled
 * from the model page's link, or picked among published models.
 */
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireRole(request, 'commune')
  const { commune, units } = await newReplicationChoices(user)
  const param = new URL(request.url).searchParams.get('model')?.trim() ?? ''
  const model = param ? await findPublishedModel(param) : undefined
  return {
    commune,
    units,
    model: model ? { id: model.id, title: model.title, slug: model.slug } : null,
    modelNotFound: !!param && !model,
    choices: model ? [] : await publishedModelChoices(MODEL_CHOICES),
  }
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireRole(request, 'commune')
  const submission = parseWithZod(await readForm(request), { schema: newReplicationSchema })
  if (submission.status !== 'success') {
    return data({ result: submission.reply() }, { status: 400 })
  }
  const created = await createReplication(user, submission.value, clientIp(context))
  if (!created.ok) {
    return data(
      {
        result: submission.reply(
          created.field
            ? { fieldErrors: { [created.field]: [created.message] } }
            : { formErrors: [created.message] },
        ),
      },
      { status: created.status },
    )
  }
  return redirect(`/commune/replications/${created.id}?created=1`)
}

export default function NewReplication() {
  const { commune, units, model, modelNotFound, choices } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const t = useT()
  const [form, fields] = useForm({
    id: 'replication-new',
    lastResult: actionData?.result,
    defaultValue: { model_id: model ? String(model.id) : '' },
    constraint: getZodConstraint(newReplicationSchema),
    shouldValidate: 'onBlur',
    shouldRevalidate: 'onInput',
    onValidate: ({ formData }) => parseWithZod(formData, { schema: newReplicationSchema }),
  })
  return (
    <div className="mx-auto max-w-2xl space-y-4">
      <p>
        <Link to="/commune" className="text-brand-700 underline">
          {t('replication.backToCommune')}
        </Link>
      </p>
      <h1 className="text-2xl font-bold">{t('replication.new.title')}</h1>
      <p className="text-stone-700">{t('replication.new.intro')}</p>
      {modelNotFound ? (
        <FormMessage tone="error">{t('replication.error.modelNotPublished')}</FormMessage>
      ) : null}
      {form.errors?.length ? (
        <FormMessage tone="error">{form.errors.map((e) => t(e)).join(' ')}</FormMessage>
      ) : actionData?.result.status === 'error' ? (
        <FormMessage tone="error">{t('replication.fixErrors')}</FormMessage>
      ) : null}
      <Form
        method="post"
        className="space-y-4 rounded-lg border border-stone-200 bg-white p-4"
        {...getFormProps(form)}
      >
        {model ? (
          <div>
            <p className="text-sm font-semibold text-stone-800">{t('replication.field.model')}</p>
            <p className="mt-1 text-lg font-medium">
              <Link to={`/models/${model.slug}`} className="text-brand-700 underline">
                {model.title}
              </Link>
            </p>
            <input
              {...getInputProps(fields.model_id, { type: 'hidden' })}
              key={fields.model_id.key}
            />
            {fields.model_id.errors?.length ? (
              <p id={fields.model_id.errorId} className="mt-1 text-sm font-medium text-red-700">
                {fields.model_id.errors.map((e) => t(e)).join(' ')}
              </p>
            ) : null}
          </div>
        ) : (
          <SelectField
            field={fields.model_id}
            label="replication.field.model"
            empty="replication.field.chooseModel"
            options={choices.map((c) => ({ value: c.id, label: c.title }))}
            hint="replication.hint.model"
          />
        )}
        <div>
          <p className="text-sm font-semibold text-stone-800">{t('replication.field.commune')}</p>
          <p className="mt-1">{commune.name}</p>
        </div>
        <TextField
          field={fields.start_date}
          label="replication.field.startDate"
          type="date"
          hint="replication.hint.startDate"
        />
        <TextArea
          field={fields.adaptations}
          label="replication.field.adaptations"
          hint="replication.hint.adaptations"
        />
        <SelectField
          field={fields.responsible_unit_id}
          label="replication.field.responsibleUnit"
          empty="replication.field.noUnit"
          options={units.map((u) => ({ value: u.id, label: u.name }))}
        />
        <button type="submit" className={buttonClass}>
          {t('replication.new.submit')}
        </button>
      </Form>
    </div>
  )
}
