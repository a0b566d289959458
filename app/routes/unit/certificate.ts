import type { LoaderFunctionArgs } from '@remix-run/node'
import { notFound, requireOwnEntry } from '~/entries/access.server'
import { findContest } from '~/judging/assignment.server'
import { publicOrigin } from '~/public-url.server'
import { contestFile, fileResponse } from '~/results/documents.server'

/**
 * /unit/entries/:entryId/certificate.pdf — the unit's own certificate, once its entry is
 * awarded and the contest's results are published.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { entry } = await requireOwnEntry(request, Number(params.entryId))
  if (entry.state !== 'published') notFound()
  const contest = await findContest(entry.contest_id)
  if (!contest || contest.status !== 'published') notFound()
  const out = await contestFile(contest, { kind: 'certificate', entryId: entry.id }, publicOrigin())
  if (!out) notFound()
  return fileResponse(out)
}
