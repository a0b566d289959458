import { getFormProps, getTextareaProps, useForm } from '@conform-to/react'
import { getZodConstraint, parseWithZod } from '@conform-to/zod/v4'
import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node'
import { data } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { entryVersions, findEntryWithContest } from '#db/repos/entries'
import { isInScope } from '#db/repos/org-units'
import { forbidden, requireAdmin } from '~/auth/guards.server'
import type { SessionUser } from '~/auth/permissions'
import { notFound } from '~/entries/access.server'
import { diffSnapshots } from '~/entries/diff'
import { returnEntry } from '~/entries/entries.server'
import { EntryView } from '~/entries/entry-view'
import { returnEntrySchema } from '~/entries/schemas-admin'
import { parseSnapshot } from '~/entries/snapshot'
import { formatDateTime } from '~/i18n'
import { useLocale, useT } from '~/i18n/use-t'
import { clientIp } from '~/load-context'
import { listEntryMedia } from '~/media/media.server'
import { FieldErrors, FormMessage, buttonClass, inputClass, labelClass } from '~/ui/form'
import { ScrollTable } from '~/ui/scroll-table'
import { organiserScope } from '~/users/users.server'

async function loadEntry(admin: SessionUser, param: string | undefined) {
  const id = Number(param)
  const entry = Number.isInteger(id) && id > 0 ? await findEntryWithContest(id) : undefined
  if (!entry || entry.state === 'draft') notFound()
  if (!(await isInScope(await organiserScope(admin), entry.unit_id))) forbidden()
  return entry
}

/** /admin/entries/:entryId — the organiser reads a submitted entry, its versions and what changed, and may return it. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const admin = await requireAdmin(request)
  const entry = await loadEntry(admin, params.entryId)
  const [versions, media] = await Promise.all([entryVersions(entry.id), listEntryMedia(entry.id)])
  const parsed = versions.map((v) => ({ ...v, content: parseSnapshot(v.snapshot)! }))
  return {
    entry: {
      id: entry.id,
      title: entry.title,
      state: entry.state,
      returnReason: entry.return_reason,
    },
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
  const submission = parseWithZod(await request.formData(), { schema: returnEntrySchema })
  if (submission.status !== 'success') {
    return data({ result: submission.reply(), done: false }, { status: 400 })
  }
  const outcome = await returnEntry(admin, entry, submission.value.reason, clientIp(context))
  if (!outcome.ok) {
    return data(
      { result: submission.reply({ formErrors: [outcome.message] }), done: false },
      { status: 409 },
    )
  }
  return { result: submission.reply({ resetForm: true }), done: true }
}

export default function AdminEntry() {
  const d = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const t = useT()
  const locale = useLocale()
  const [form, fields] = useForm({
    id: 'return-entry',
    lastResult: actionData?.result,
    constraint: getZodConstraint(returnEntrySchema),
    shouldValidate: 'onBlur',
    onValidate: ({ formData }) => parseWithZod(formData, { schema: returnEntrySchema }),
  })
  return (
    <div className="mx-auto max-w-4xl space-y-6">
      <p>
        <Link to="/admin/entries" className="text-brand-700 underline">
          {t('adminEntry.listTitle')}
        </Link>
      </p>
      <h1 className="text-2xl font-bold">{t('adminEntry.pageTitle', { title: d.entry.title })}</h1>
      <p>{t('entry.state', { state: t(`entryState.${d.entry.state}`) })}</p>
      {actionData?.done ? (
        <FormMessage tone="success">{t('adminEntry.returned')}</FormMessage>
      ) : null}
      {d.entry.state === 'returned' && d.entry.returnReason ? (
        <FormMessage tone="error">
          {t('entry.returnedBanner', { reason: d.entry.returnReason })}
        </FormMessage>
      ) : null}

      {d.entry.state === 'submitted' ? (
        <section
          aria-labelledby="return-title"
          className="rounded-lg border border-stone-200 bg-white p-4"
        >
          <h2 id="return-title" className="text-lg font-semibold">
            {t('adminEntry.return')}
          </h2>
          <Form method="post" className="mt-3 space-y-3" {...getFormProps(form)}>
            {form.errors?.length ? (
              <div id={form.errorId}>
                <FormMessage tone="error">{form.errors.map((e) => t(e)).join(' ')}</FormMessage>
              </div>
            ) : null}
            <div>
              <label htmlFor={fields.reason.id} className={labelClass}>
                {t('adminEntry.reason')}
              </label>
              <textarea {...getTextareaProps(fields.reason)} rows={3} className={inputClass} />
              <FieldErrors id={fields.reason.errorId} errors={fields.reason.errors} />
            </div>
            <button type="submit" className={buttonClass}>
              {t('adminEntry.return')}
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
                    <ScrollTable labelledBy={`changes-${v.version}`}>
                      <thead className="bg-stone-100">
                        <tr>
                          <th scope="col" className="px-3 py-2">
                            {t('adminEntry.field')}
                          </th>
                          <th scope="col" className="px-3 py-2">
                            {t('adminEntry.before')}
                          </th>
                          <th scope="col" className="px-3 py-2">
                            {t('adminEntry.after')}
                          </th>
                        </tr>
                      </thead>
                      <tbody>
                        {v.changes.map((c) => (
                          <tr key={c.field} className="border-t border-stone-200 align-top">
                            <th scope="row" className="px-3 py-2 font-medium">
                              {t(`content.${c.field}`)}
                            </th>
                            <td className="whitespace-pre-line px-3 py-2 text-red-900">
                              {c.before}
                            </td>
                            <td className="whitespace-pre-line px-3 py-2 text-green-900">
                              {c.after}
                            </td>
                          </tr>
                        ))}
                      </tbody>
                    </ScrollTable>
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
