import { getFormProps, useForm } from '@conform-to/react'
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { data, redirect } from '@remix-run/node'
import { Form, Link, useActionData, useFetcher, useLoaderData } from '@remix-run/react'
import { useEffect, useRef, useState } from 'react'
import { orgUnitsInScope, scopeRootFor } from '#db/repos/org-units'
import { now } from '~/clock.server'
import { entryEditRefusal, requireOwnEntry } from '~/entries/access.server'
import { draftFormValues } from '~/entries/content'
import { ContentFields, useContentSummaryLabels } from '~/entries/content-fields'
import { saveEntryDraft, submitEntry } from '~/entries/entries.server'
import { EntryView } from '~/entries/entry-view'
import { entryFormSchema } from '~/entries/schema'
import { parseSnapshot } from '~/entries/snapshot'
import { formatDateTime } from '~/i18n'
import { getLocale } from '~/i18n/locale.server'
import { useLocale, useT } from '~/i18n/use-t'
import { clientIp } from '~/load-context'
import { listEntryMedia } from '~/media/media.server'
import { mediaMessages } from '~/media/messages'
import { PhotoManager } from '~/media/photo-manager'
import { communeChoicesFor } from '~/models/models.server'
import { ErrorSummary, useFailedSubmit } from '~/ui/error-summary'
import { FormMessage, ImplicitSubmit, SaveBar, buttonClass, secondaryButtonClass } from '~/ui/form'
import { UnsavedCopyNotice, useUnsavedCopy } from '~/ui/unsaved-copy'
import { pageTitle } from '~/ui/page-title'
import { getZodConstraint, parseWithZod, readForm } from '~/forms/parse'

export const meta: MetaFunction<typeof loader> = (args) => {
  const { data } = args
  return pageTitle(args, () => [data?.entry.title, data?.entry.contestTitle])
}

/** /unit/entries/:entryId — the unit fills in, saves and submits its nomination. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { entry } = await requireOwnEntry(request, Number(params.entryId))
  const locale = await getLocale(request)
  const url = new URL(request.url)
  const [media, communes] = await Promise.all([
    listEntryMedia(entry.id),
    orgUnitsInScope(await scopeRootFor(await communeChoicesFor(entry.unit_id)), 'commune'),
  ])
  const refusal = entryEditRefusal(entry, now())
  return {
    entry: {
      id: entry.id,
      title: entry.title,
      state: entry.state,
      version: entry.version,
      // Changes with every save of the draft (autosave included): the browser's unsaved copy goes then.
      updatedAt: entry.updated_at,
      returnReason: entry.return_reason,
      rejectReason: entry.reject_reason,
      contestTitle: entry.contest_title,
      deadline: entry.nomination_deadline,
    },
    editable: refusal === null,
    refusal,
    defaultValue: draftFormValues(entry.draft, locale),
    snapshot: refusal ? parseSnapshot(entry.snapshot) : null,
    communes: communes.map((c) => ({ id: c.id, name: c.name })),
    photos: media.photos,
    documents: media.documents,
    mediaMessages: mediaMessages(url.searchParams),
    submittedVersion: url.searchParams.get('submitted'),
  }
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { user, entry } = await requireOwnEntry(request, Number(params.entryId))
  const formData = await readForm(request)
  const submission = parseWithZod(formData, { schema: entryFormSchema })
  const refusal = entryEditRefusal(entry, now())
  if (refusal) {
    return data(
      { result: submission.reply({ formErrors: [refusal] }), notice: null },
      { status: 409 },
    )
  }
  const intent = formData.get('intent')
  // Whatever happens next, what was typed is kept.
  await saveEntryDraft(entry.id, submission.payload)
  if (intent === 'autosave') return { result: null, notice: null, autosavedAt: now().toISOString() }
  if (submission.status !== 'success') {
    const notice =
      intent === 'submit'
        ? 'entry.incomplete'
        : submission.status === 'error'
          ? 'entry.savedWithErrors'
          : null
    return data(
      { result: submission.reply(), notice },
      { status: submission.status === 'error' ? 400 : 200 },
    )
  }
  if (submission.value.intent !== 'submit')
    return { result: submission.reply(), notice: 'entry.saved' as const }
  const outcome = await submitEntry(user, entry, submission.value, clientIp(context))
  if (!outcome.ok) {
    const reply = outcome.field
      ? submission.reply({
          fieldErrors: { [outcome.field]: [outcome.message] },
          formErrors: [outcome.message],
        })
      : submission.reply({ formErrors: [outcome.message] })
    return data({ result: reply, notice: 'entry.incomplete' as const }, { status: 400 })
  }
  return redirect(`/unit/entries/${entry.id}?submitted=${outcome.version}`)
}

const AUTOSAVE_MS = 5000

/** Saves the draft in the background every few seconds after a change (JavaScript only). */
function useAutosave(formRef: React.RefObject<HTMLFormElement | null>, enabled: boolean) {
  const fetcher = useFetcher<{ autosavedAt?: string }>()
  const dirty = useRef(false)
  useEffect(() => {
    const form = formRef.current
    if (!enabled || !form) return
    const mark = () => (dirty.current = true)
    form.addEventListener('input', mark)
    form.addEventListener('change', mark)
    const timer = setInterval(() => {
      if (!dirty.current || fetcher.state !== 'idle') return
      dirty.current = false
      const body = new FormData(form)
      body.set('intent', 'autosave')
      fetcher.submit(body, { method: 'post' })
    }, AUTOSAVE_MS)
    return () => {
      form.removeEventListener('input', mark)
      form.removeEventListener('change', mark)
      clearInterval(timer)
    }
  }, [enabled, fetcher, formRef])
  return { saving: fetcher.state !== 'idle', savedAt: fetcher.data?.autosavedAt }
}

export default function EntryPage() {
  const d = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const t = useT()
  const locale = useLocale()
  const formRef = useRef<HTMLFormElement>(null)
  const [hydrated, setHydrated] = useState(false)
  useEffect(() => setHydrated(true), [])
  const autosave = useAutosave(formRef, d.editable && hydrated)
  const [form, fields] = useForm({
    id: `entry-${d.entry.id}`,
    lastResult: actionData?.result,
    defaultValue: d.defaultValue,
    constraint: getZodConstraint(entryFormSchema),
    shouldValidate: 'onBlur',
    shouldRevalidate: 'onInput',
    onValidate: ({ formData }) => parseWithZod(formData, { schema: entryFormSchema }),
  })
  const failed = useFailedSubmit(form, actionData?.result)
  const summary = useContentSummaryLabels()
  const notice = actionData?.notice
  const unsaved = useUnsavedCopy({
    formId: form.id,
    storageKey: `entry-${d.entry.id}`,
    base: d.entry.updatedAt,
    enabled: d.editable,
  })
  return (
    <div className="mx-auto max-w-3xl space-y-4">
      <p>
        <Link to="/unit" className="text-brand-700 underline">
          {t('entry.back')}
        </Link>
      </p>
      <div>
        <h1 className="text-2xl font-bold">{d.entry.title}</h1>
        <p className="text-stone-700">{t('entry.contest', { contest: d.entry.contestTitle })}</p>
        <p>{t('entry.state', { state: t(`entryState.${d.entry.state}`) })}</p>
        <p className="text-sm text-stone-600">
          {t('entry.deadline', { date: formatDateTime(locale, d.entry.deadline) })}
        </p>
      </div>
      {d.submittedVersion && !d.editable ? (
        // The one message after a submit: what was done and what happens next.
        <FormMessage tone="success">
          {t('entry.submitted', { version: d.submittedVersion })}
        </FormMessage>
      ) : null}
      {d.entry.state === 'returned' && d.entry.returnReason ? (
        <FormMessage tone="error">
          {t('entry.returnedBanner', { reason: d.entry.returnReason })}
        </FormMessage>
      ) : null}
      {d.entry.state === 'rejected' && d.entry.rejectReason ? (
        <FormMessage tone="error">
          {t('entry.rejectedBanner', { reason: d.entry.rejectReason })}
        </FormMessage>
      ) : null}

      {d.editable ? (
        <PhotoManager
          entryId={d.entry.id}
          photos={d.photos}
          documents={d.documents}
          editable={d.editable}
          messages={d.mediaMessages}
        />
      ) : null}
      {d.editable ? (
        <>
          {notice === 'entry.saved' ? (
            <FormMessage tone="success">{t('entry.saved')}</FormMessage>
          ) : null}
          <UnsavedCopyNotice {...unsaved} />
          <Form
            ref={formRef}
            method="post"
            className="space-y-6"
            {...getFormProps(form)}
            onSubmit={failed.onSubmit}
          >
            {/* Enter saves the draft: the first visible submit button removes an indicator. */}
            <ImplicitSubmit name="intent" value="save">
              {t('entry.save')}
            </ImplicitSubmit>
            <ErrorSummary
              form={form}
              failed={failed}
              intro={t(
                failed.blockedIntent === null
                  ? notice === 'entry.savedWithErrors'
                    ? notice
                    : 'entry.incomplete'
                  : failed.blockedIntent === 'submit'
                    ? 'entry.incomplete'
                    : 'entry.notSaved',
              )}
              labels={summary.labels}
              rowLabels={summary.rowLabels}
              // The photos are added in their own section, above this form.
              targets={{
                photos: 'media-upload-photo',
                'entry.error.needPhoto': 'media-upload-photo',
              }}
            />
            <ContentFields form={form} fields={fields} communes={d.communes} withPeriod />
            <SaveBar className="flex flex-wrap items-center gap-3">
              <button type="submit" name="intent" value="save" className={secondaryButtonClass}>
                {t('entry.save')}
              </button>
              <button type="submit" name="intent" value="submit" className={buttonClass}>
                {t('entry.submit')}
              </button>
              <p className="text-sm text-stone-600" aria-live="polite">
                {autosave.saving
                  ? t('entry.autosaving')
                  : autosave.savedAt
                    ? t('entry.autosaved', { time: formatDateTime(locale, autosave.savedAt) })
                    : ''}
              </p>
            </SaveBar>
          </Form>
          <p className="text-sm text-stone-600">{t('entry.submitHint')}</p>
        </>
      ) : (
        <>
          {/* Just submitted: the success message above says it all. */}
          {d.submittedVersion ? null : (
            <FormMessage tone="error">
              {d.refusal === 'entry.error.deadlinePassed'
                ? t('entry.closed')
                : t('entry.readOnly', { state: t(`entryState.${d.entry.state}`) })}
            </FormMessage>
          )}
          {d.snapshot ? (
            <EntryView snapshot={d.snapshot} photos={d.photos} documents={d.documents} />
          ) : null}
        </>
      )}
    </div>
  )
}
