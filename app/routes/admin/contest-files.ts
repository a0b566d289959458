import type { LoaderFunctionArgs } from '@remix-run/node'
import { data } from '@remix-run/node'
import { notFound } from '~/entries/access.server'
import { requireContestAdmin } from '~/judging/assignment.server'
import { publicOrigin } from '~/public-url.server'
import { contestFile, fileResponse, parseContestFile } from '~/results/documents.server'
import { resultsRefusal } from '~/results/results.server'

/**
 * /admin/contests/:contestId/files/:file — the organiser's downloads: results.xlsx,
 * entries.csv, scores.csv, results.csv (after judging closes), certificates.pdf and
 * certificate-<entryId>.pdf (once finalised, with the decision recorded).
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { contest } = await requireContestAdmin(request, params.contestId)
  const file = parseContestFile(params.file ?? '')
  if (!file) notFound()
  const certificate = file.kind === 'certificate' || file.kind === 'certificates'
  const refusal = resultsRefusal(contest, certificate ? 'contest.certificates' : 'contest.export')
  if (refusal) throw data({ message: refusal }, { status: 409 })
  if (certificate && !(contest.decision_number && contest.decision_date)) {
    throw data({ message: 'results.error.decisionMissing' }, { status: 409 })
  }
  const out = await contestFile(contest, file, publicOrigin())
  if (!out) notFound()
  return fileResponse(out)
}
