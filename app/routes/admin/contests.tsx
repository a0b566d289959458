import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { data, redirect } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { requireAdmin } from '~/auth/guards.server'
import { now } from '~/clock.server'
import { contestOf, contestsOf, copyContest } from '~/contests/contests.server'
import { contestPhase } from '~/contests/phase'
import { useT } from '~/i18n/use-t'
import { clientIp } from '~/load-context'
import { FormMessage, buttonClass, inputClass, labelClass, secondaryButtonClass } from '~/ui/form'
import { ColumnHeader, ScrollTable } from '~/ui/scroll-table'
import { pageTitle } from '~/ui/page-title'
import { readForm } from '~/forms/parse'

export const meta: MetaFunction<typeof loader> = (args) =>
  pageTitle(args, (t) => [t('contests.title')])

/** /admin/contests — the contests of the organiser's area with their phase; copy one into next year. */
export async function loader({ request }: LoaderFunctionArgs) {
  const admin = await requireAdmin(request)
  const at = now()
  const contests = await contestsOf(admin)
  return {
    contests: contests.map((c) => ({
      id: c.id,
      title: c.title,
      year: c.year,
      organiser: c.organiser_name,
      phase: contestPhase(c, at),
      entries: Number(c.entry_count ?? 0),
    })),
  }
}

/** Copies a contest (by default the newest) into a new draft one year later. */
export async function action({ request, context }: ActionFunctionArgs) {
  const admin = await requireAdmin(request)
  const form = await readForm(request)
  if (form.get('intent') !== 'copy')
    return data({ message: 'validation.invalidChoice' }, { status: 400 })
  const source = await contestOf(admin, Number(form.get('source')))
  if (source === null) return data({ message: 'contest.error.noPrevious' }, { status: 403 })
  if (!source) return data({ message: 'contest.error.noPrevious' }, { status: 404 })
  const copied = await copyContest(admin, source, clientIp(context))
  if (!copied.ok) return data({ message: copied.message }, { status: 409 })
  return redirect(`/admin/contests/${copied.id}?copied=1`)
}

export default function AdminContests() {
  const { contests } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const t = useT()
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-2xl font-bold">{t('contests.title')}</h1>
        <Link to="/admin/contests/new" className={buttonClass}>
          {t('contests.new')}
        </Link>
      </div>
      {contests.length ? (
        <ScrollTable labelledBy="contests-table">
          <caption id="contests-table" className="sr-only">
            {t('contests.title')}
          </caption>
          <thead className="bg-stone-100">
            <tr>
              <ColumnHeader label="contests.field.year" />
              <ColumnHeader label="contests.field.title" />
              <ColumnHeader label="contests.organiser" />
              <ColumnHeader label="contests.status" />
              <ColumnHeader label="admin.contestEntries" />
            </tr>
          </thead>
          <tbody>
            {contests.map((c) => (
              <tr key={c.id} className="border-t border-stone-200">
                <td className="px-3 py-2">{c.year}</td>
                <td className="px-3 py-2">
                  <Link
                    to={`/admin/contests/${c.id}`}
                    className="font-semibold text-brand-700 underline"
                  >
                    {c.title}
                  </Link>
                </td>
                <td className="px-3 py-2">{c.organiser}</td>
                <td className="px-3 py-2">{t(`phase.${c.phase}`)}</td>
                <td className="px-3 py-2">{c.entries}</td>
              </tr>
            ))}
          </tbody>
        </ScrollTable>
      ) : (
        <p>{t('contests.empty')}</p>
      )}
      {contests.length ? (
        <section
          aria-labelledby="copy-title"
          className="rounded-lg border border-stone-200 bg-white p-4"
        >
          <h2 id="copy-title" className="text-lg font-semibold">
            {t('contests.copyTitle')}
          </h2>
          <p className="text-sm text-stone-700">{t('contests.copyHint')}</p>
          {actionData && 'message' in actionData ? (
            <FormMessage tone="error">{t(actionData.message)}</FormMessage>
          ) : null}
          <Form method="post" className="mt-3 flex flex-wrap items-end gap-2">
            <input type="hidden" name="intent" value="copy" />
            <div>
              <label htmlFor="copy-source" className={labelClass}>
                {t('contests.copySource')}
              </label>
              <select id="copy-source" name="source" className={inputClass}>
                {contests.map((c) => (
                  <option key={c.id} value={c.id}>
                    {c.year} — {c.title}
                  </option>
                ))}
              </select>
            </div>
            <button type="submit" className={secondaryButtonClass}>
              {t('contests.copy')}
            </button>
          </Form>
        </section>
      ) : null}
    </div>
  )
}
