import { getFormProps, getInputProps, getSelectProps, useForm } from '@conform-to/react'
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { data } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { FIELDS } from '#db/domain'
import { acceptedEntries, listContestAssignments, listJudges, listPanels } from '#db/repos/panels'
import { shortfallText } from '~/judging/assignment-text'
import { createPanelSchema, panelsFormSchema } from '~/judging/assignment-schemas'
import {
  addManualAssignment,
  addPanelMember,
  assignmentRefusal,
  createFieldPanels,
  createPanel,
  deletePanel,
  panelRefusal,
  previewAssignment,
  removeAssignment,
  removePanelMember,
  requireContestAdmin,
  runAutoAssignment,
  stageOf,
} from '~/judging/assignment.server'
import type { MessageKey } from '~/i18n'
import { useT } from '~/i18n/use-t'
import { clientIp } from '~/load-context'
import { ColumnHeader, ScrollTable } from '~/ui/scroll-table'
import {
  FieldErrors,
  FormMessage,
  buttonClass,
  inputClass,
  labelClass,
  secondaryButtonClass,
} from '~/ui/form'
import { pageTitle } from '~/ui/page-title'
import { getZodConstraint, parseWithZod, readForm } from '~/forms/parse'

export const meta: MetaFunction<typeof loader> = (args) => {
  const { data } = args
  return pageTitle(args, (t) => [t('panels.title', { contest: data?.contest.title ?? '' })])
}

/** /admin/contests/:contestId/panels — panels, their judges, automatic and manual assignment. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { contest } = await requireContestAdmin(request, params.contestId)
  const [panels, judges, entries, assignments, preview] = await Promise.all([
    listPanels(contest.id),
    listJudges(),
    acceptedEntries(contest.id),
    listContestAssignments(contest.id),
    previewAssignment(contest),
  ])
  const short = new Map(preview.shortfalls.map((s) => [s.entryId, s]))
  return {
    contest: {
      id: contest.id,
      title: contest.title,
      k: contest.judges_per_entry,
      stage: stageOf(contest),
    },
    assignRefusal: assignmentRefusal(contest),
    panelRefusal: panelRefusal(contest),
    panels: panels.map((p) => ({
      id: p.id,
      name: p.name,
      field: p.field,
      members: p.members.map((m) => ({ id: m.id, name: m.display_name })),
    })),
    judges: judges.map((j) => ({ id: j.id, name: j.display_name, username: j.username })),
    wouldCreate: preview.wouldCreate,
    entries: entries.map((e) => {
      const mine = assignments.filter((a) => a.entry_id === e.id && a.status === 'active')
      return {
        id: e.id,
        title: e.title,
        unitName: e.unit_name,
        field: e.field,
        judges: mine.map((a) => ({
          assignmentId: a.id,
          id: a.judge_id,
          name: a.judge_name,
          source: a.source,
        })),
        shortfall: short.get(e.id) ?? null,
      }
    }),
  }
}

type Outcome = { ok: boolean; message: MessageKey; params?: Record<string, number> }

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { admin, contest } = await requireContestAdmin(request, params.contestId)
  const formData = await readForm(request)
  const submission = parseWithZod(formData, { schema: panelsFormSchema })
  if (submission.status !== 'success') {
    return data(
      {
        intent: String(formData.get('intent') ?? ''),
        result: submission.reply(),
        // The create-panel form shows its own field errors; other forms only have hidden fields.
        outcome:
          formData.get('intent') === 'createPanel'
            ? null
            : ({ ok: false, message: 'validation.invalidChoice' } as Outcome),
      },
      { status: 400 },
    )
  }
  const v = submission.value
  const ip = clientIp(context)
  let outcome: Outcome
  switch (v.intent) {
    case 'createPanel': {
      const r = await createPanel(admin, contest, { name: v.name, field: v.field ?? null }, ip)
      outcome = r.ok ? { ok: true, message: 'panels.created' } : r
      break
    }
    case 'createFieldPanels': {
      const r = await createFieldPanels(admin, contest, ip)
      outcome = r.ok
        ? { ok: true, message: 'panels.fieldPanelsCreated', params: { count: r.created } }
        : r
      break
    }
    case 'deletePanel': {
      const r = await deletePanel(admin, contest, v.panelId, ip)
      outcome = r.ok ? { ok: true, message: 'panels.deleted' } : r
      break
    }
    case 'addMember': {
      const r = await addPanelMember(admin, contest, v.panelId, v.userId, ip)
      outcome = r.ok ? { ok: true, message: 'panels.memberAdded' } : r
      break
    }
    case 'removeMember': {
      const r = await removePanelMember(admin, contest, v.panelId, v.userId, ip)
      outcome = r.ok ? { ok: true, message: 'panels.memberRemoved' } : r
      break
    }
    case 'autoAssign': {
      const r = await runAutoAssignment(admin, contest, ip)
      outcome = r.ok
        ? {
            ok: true,
            message: 'assign.autoDone',
            params: { created: r.created, short: r.shortfalls.length },
          }
        : r
      break
    }
    case 'addAssignment': {
      const r = await addManualAssignment(admin, contest, v.entryId, v.judgeId, ip)
      outcome = r.ok ? { ok: true, message: 'assign.added' } : r
      break
    }
    case 'removeAssignment': {
      const r = await removeAssignment(admin, contest, v.assignmentId, ip)
      outcome = r.ok ? { ok: true, message: 'assign.removed' } : r
      break
    }
  }
  const reply = submission.reply(outcome.ok ? { resetForm: true } : undefined)
  const body = {
    intent: v.intent,
    result: reply,
    outcome: { ok: outcome.ok, message: outcome.message, params: outcome.params },
  }
  if (outcome.ok) return body
  return data(body, {
    status: 'status' in outcome && typeof outcome.status === 'number' ? outcome.status : 409,
  })
}

export default function ContestPanels() {
  const d = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const t = useT()
  const [form, fields] = useForm({
    id: 'create-panel',
    // Only the create-panel form shows field errors; the other forms answer in the banner.
    lastResult: actionData?.intent === 'createPanel' ? actionData.result : undefined,
    constraint: getZodConstraint(createPanelSchema),
    shouldValidate: 'onBlur',
    onValidate: ({ formData }) => parseWithZod(formData, { schema: createPanelSchema }),
  })
  const lacking = d.entries.filter((e) => e.judges.length < d.contest.k)
  const judgeChoices = (taken: number[]) => d.judges.filter((j) => !taken.includes(j.id))
  return (
    <div className="space-y-8">
      <div>
        <p>
          <Link to="/admin" className="text-brand-700 underline">
            {t('nav.admin')}
          </Link>
        </p>
        <h1 className="text-2xl font-bold">{t('panels.title', { contest: d.contest.title })}</h1>
        <p className="mt-1">
          {t('panels.stage', {
            phase: t(`phase.${d.contest.stage === 'judging_closed' ? 'judging' : d.contest.stage}`),
          })}{' '}
          <Link
            to={`/admin/contests/${d.contest.id}/progress`}
            className="text-brand-700 underline"
          >
            {t('progress.link')}
          </Link>
        </p>
      </div>

      {actionData?.outcome ? (
        <FormMessage tone={actionData.outcome.ok ? 'success' : 'error'}>
          {t(actionData.outcome.message, actionData.outcome.params)}
        </FormMessage>
      ) : null}

      <section aria-labelledby="panels-title" className="space-y-4">
        <h2 id="panels-title" className="text-xl font-semibold">
          {t('panels.list')}
        </h2>
        {d.panelRefusal ? <p>{t(d.panelRefusal)}</p> : null}
        {d.panels.length ? null : <p>{t('panels.none')}</p>}
        <ul className="grid gap-4 md:grid-cols-2">
          {d.panels.map((p) => (
            <li key={p.id} className="rounded-lg border border-stone-200 bg-white p-4">
              <h3 className="text-lg font-semibold">{p.name}</h3>
              <p className="text-sm text-stone-600">
                {p.field ? t(`field.${p.field}`) : t('panels.allFields')} ·{' '}
                {t('panels.memberCount', { count: p.members.length })}
              </p>
              {p.members.length ? (
                <ul className="mt-2 space-y-1">
                  {p.members.map((m) => (
                    <li key={m.id} className="flex flex-wrap items-center justify-between gap-2">
                      <span>{m.name}</span>
                      {d.panelRefusal ? null : (
                        <Form method="post">
                          <input type="hidden" name="intent" value="removeMember" />
                          <input type="hidden" name="panelId" value={p.id} />
                          <input type="hidden" name="userId" value={m.id} />
                          <button
                            type="submit"
                            className="text-sm text-red-800 underline"
                            aria-label={t('panels.removeMemberOf', { name: m.name, panel: p.name })}
                          >
                            {t('panels.removeMember')}
                          </button>
                        </Form>
                      )}
                    </li>
                  ))}
                </ul>
              ) : null}
              {d.panelRefusal ? null : (
                <div className="mt-3 space-y-2">
                  <Form method="post" className="flex flex-wrap items-end gap-2">
                    <input type="hidden" name="intent" value="addMember" />
                    <input type="hidden" name="panelId" value={p.id} />
                    <div className="grow">
                      <label htmlFor={`add-member-${p.id}`} className={labelClass}>
                        {t('panels.addMember')}
                      </label>
                      <select
                        id={`add-member-${p.id}`}
                        name="userId"
                        required
                        className={inputClass}
                      >
                        <option value="">{t('panels.chooseJudge')}</option>
                        {judgeChoices(p.members.map((m) => m.id)).map((j) => (
                          <option key={j.id} value={j.id}>
                            {j.name} ({j.username})
                          </option>
                        ))}
                      </select>
                    </div>
                    <button type="submit" className={secondaryButtonClass}>
                      {t('panels.add')}
                    </button>
                  </Form>
                  <Form method="post">
                    <input type="hidden" name="intent" value="deletePanel" />
                    <input type="hidden" name="panelId" value={p.id} />
                    <button
                      type="submit"
                      className="text-sm text-red-800 underline"
                      aria-label={t('panels.deleteNamed', { panel: p.name })}
                    >
                      {t('panels.delete')}
                    </button>
                  </Form>
                </div>
              )}
            </li>
          ))}
        </ul>

        {d.panelRefusal ? null : (
          <div className="grid gap-4 md:grid-cols-2">
            <Form
              method="post"
              className="space-y-3 rounded-lg border border-stone-200 bg-white p-4"
              {...getFormProps(form)}
            >
              <h3 className="font-semibold">{t('panels.create')}</h3>
              <input type="hidden" name="intent" value="createPanel" />
              <div>
                <label htmlFor={fields.name.id} className={labelClass}>
                  {t('panels.name')}
                </label>
                <input {...getInputProps(fields.name, { type: 'text' })} className={inputClass} />
                <FieldErrors id={fields.name.errorId} errors={fields.name.errors} />
              </div>
              <div>
                <label htmlFor={fields.field.id} className={labelClass}>
                  {t('panels.field')}
                </label>
                <select {...getSelectProps(fields.field)} className={inputClass}>
                  <option value="">{t('panels.allFields')}</option>
                  {FIELDS.map((f) => (
                    <option key={f} value={f}>
                      {t(`field.${f}`)}
                    </option>
                  ))}
                </select>
                <FieldErrors id={fields.field.errorId} errors={fields.field.errors} />
              </div>
              <button type="submit" className={buttonClass}>
                {t('panels.create')}
              </button>
            </Form>
            <Form
              method="post"
              className="space-y-3 rounded-lg border border-stone-200 bg-white p-4"
            >
              <h3 className="font-semibold">{t('panels.perField')}</h3>
              <p className="text-sm text-stone-700">{t('panels.perFieldHint')}</p>
              <input type="hidden" name="intent" value="createFieldPanels" />
              <button type="submit" className={secondaryButtonClass}>
                {t('panels.perFieldSubmit')}
              </button>
            </Form>
          </div>
        )}
      </section>

      <section aria-labelledby="auto-title" className="space-y-3">
        <h2 id="auto-title" className="text-xl font-semibold">
          {t('assign.autoTitle')}
        </h2>
        <p>
          {t('assign.autoIntro', {
            k: d.contest.k,
            entries: d.entries.length,
            pending: d.wouldCreate,
          })}
        </p>
        {d.assignRefusal ? (
          <p className="font-medium">{t(d.assignRefusal)}</p>
        ) : (
          <Form method="post">
            <input type="hidden" name="intent" value="autoAssign" />
            <button type="submit" className={buttonClass}>
              {t('assign.run')}
            </button>
          </Form>
        )}
      </section>

      <section aria-labelledby="lacking-title" className="space-y-3">
        <h2 id="lacking-title" className="text-xl font-semibold">
          {t('assign.lackingTitle', { count: lacking.length })}
        </h2>
        {lacking.length ? (
          <ul className="space-y-2">
            {lacking.map((e) => (
              <li key={e.id} className="rounded-md border border-amber-300 bg-amber-50 p-3">
                <p className="font-semibold">{e.title}</p>
                <p className="text-sm">
                  {e.shortfall
                    ? shortfallText(t, e.shortfall)
                    : t('assign.notYetRun', { assigned: e.judges.length, required: d.contest.k })}
                </p>
              </li>
            ))}
          </ul>
        ) : (
          <p>{t('assign.noneLacking')}</p>
        )}
      </section>

      <section aria-labelledby="by-entry-title" className="space-y-3">
        <h2 id="by-entry-title" className="text-xl font-semibold">
          {t('assign.byEntry')}
        </h2>
        {d.entries.length ? (
          <ScrollTable labelledBy="by-entry-title">
            <thead className="bg-stone-100">
              <tr>
                <ColumnHeader label="judge.entry" />
                <ColumnHeader label="assign.judges" />
                {d.assignRefusal ? null : <ColumnHeader label="assign.addByHand" />}
              </tr>
            </thead>
            <tbody>
              {d.entries.map((e) => (
                <tr key={e.id} className="border-t border-stone-200 align-top">
                  <th scope="row" className="px-3 py-2 font-medium">
                    {e.title}
                    <span className="block text-sm font-normal text-stone-600">
                      {e.unitName} · {t(`field.${e.field}`)}
                    </span>
                  </th>
                  <td className="px-3 py-2">
                    <p className="text-sm">
                      {t('assign.count', { assigned: e.judges.length, required: d.contest.k })}
                    </p>
                    <ul className="space-y-1">
                      {e.judges.map((j) => (
                        <li key={j.id} className="flex flex-wrap items-center gap-2">
                          <span>
                            {j.name}
                            {j.source === 'manual' ? ` (${t('assign.manual')})` : ''}
                          </span>
                          {d.assignRefusal ? null : (
                            <Form method="post">
                              <input type="hidden" name="intent" value="removeAssignment" />
                              <input type="hidden" name="assignmentId" value={j.assignmentId} />
                              <button
                                type="submit"
                                className="text-sm text-red-800 underline"
                                aria-label={t('assign.removeNamed', {
                                  name: j.name,
                                  title: e.title,
                                })}
                              >
                                {t('assign.remove')}
                              </button>
                            </Form>
                          )}
                        </li>
                      ))}
                    </ul>
                  </td>
                  {d.assignRefusal ? null : (
                    <td className="px-3 py-2">
                      <Form method="post" className="flex flex-wrap items-end gap-2">
                        <input type="hidden" name="intent" value="addAssignment" />
                        <input type="hidden" name="entryId" value={e.id} />
                        <label htmlFor={`assign-${e.id}`} className="sr-only">
                          {t('assign.addFor', { title: e.title })}
                        </label>
                        <select
                          id={`assign-${e.id}`}
                          name="judgeId"
                          required
                          className={inputClass}
                        >
                          <option value="">{t('panels.chooseJudge')}</option>
                          {judgeChoices(e.judges.map((j) => j.id)).map((j) => (
                            <option key={j.id} value={j.id}>
                              {j.name}
                            </option>
                          ))}
                        </select>
                        <button type="submit" className={secondaryButtonClass}>
                          {t('panels.add')}
                        </button>
                      </Form>
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </ScrollTable>
        ) : (
          <p>{t('assign.noEntries')}</p>
        )}
      </section>
    </div>
  )
}
