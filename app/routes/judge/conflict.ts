import type { ActionFunctionArgs } from '@remix-run/node'
import { redirect } from '@remix-run/node'
import { requireRole } from '~/auth/guards.server'
import { conflictSchema } from '~/judging/assignment-schemas'
import { declareConflict } from '~/judging/assignment.server'
import { clientIp } from '~/load-context'
import { parseWithZod, readForm } from '~/forms/parse'

/**
 * POST /judge/entries/:entryId/conflict — a judge declares a conflict of interest on
 * an entry assigned to them, with a reason. The entry goes to another eligible judge
 * when one is free; the judge returns to their queue. Refusals come back as
 * `{ message }` (a translation key) with 400/403/404/409 — as a real Response: this module
 * has no page, and Remix answers a resource route's `data()` with 200 (the status lost).
 */
export async function action({ request, params, context }: ActionFunctionArgs) {
  const judge = await requireRole(request, 'judge')
  const submission = parseWithZod(await readForm(request), { schema: conflictSchema })
  if (submission.status !== 'success') {
    return Response.json(
      { result: submission.reply(), message: 'validation.reasonRequired' },
      { status: 400 },
    )
  }
  const outcome = await declareConflict(
    judge,
    Number(params.entryId),
    submission.value.reason,
    clientIp(context),
  )
  if (!outcome.ok) {
    return Response.json(
      { result: submission.reply({ formErrors: [outcome.message] }), message: outcome.message },
      { status: outcome.status ?? 409 },
    )
  }
  return redirect(`/judge?conflict=${outcome.reassigned ? 'reassigned' : 'declared'}`)
}
