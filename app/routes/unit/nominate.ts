import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node'
import { data, redirect } from '@remix-run/node'
import { requireRole } from '~/auth/guards.server'
import { nominateModel } from '~/entries/entries.server'
import { clientIp } from '~/load-context'
import { requireOwnModel } from '~/models/models.server'
import { readForm } from '~/forms/parse'

export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, 'unit')
  return redirect('/unit')
}

/** POST /unit/models/:modelId/nominate with contestId: opens (or creates) the model's entry in that contest. */
export async function action({ request, params, context }: ActionFunctionArgs) {
  const user = await requireRole(request, 'unit')
  const model = await requireOwnModel(user, Number(params.modelId))
  const contestId = Number((await readForm(request)).get('contestId'))
  const outcome = await nominateModel(user, model.id, contestId, clientIp(context))
  if (!outcome.ok) throw data({ message: outcome.message }, { status: 409 })
  return redirect(`/unit/entries/${outcome.entryId}`)
}
