import type { Locale } from '#db/domain'
import { getDb } from '#db/index'
import { communesOfEntries, finalResults, judgesOfContest } from '#db/repos/results'
import { translator } from '~/i18n'
import type { ContestRow } from '~/judging/assignment.server'
import { certificatesPdf, type CertificateData } from './certificate.server'
import {
  contentDisposition,
  entriesCsv,
  exportFileName,
  resultsCsv,
  resultsWorkbook,
  scoresCsv,
  type ExportKind,
  type ResultsExport,
} from './exports.server'
import { computeContestResults } from './results.server'

/**
 * The downloads of the organiser's results page: the workbook and CSVs (entries, score
 * matrix, results with both methods) and the certificates, built from the same data the
 * page shows. Certificates carry the FINAL tiers (overrides included).
 */
export async function exportData(
  contest: ContestRow,
  locale: Locale = 'vi',
): Promise<ResultsExport> {
  const t = translator(locale)
  const db = getDb()
  const r = await computeContestResults(contest, db)
  const [judges, communes] = await Promise.all([
    judgesOfContest(contest.id, db),
    communesOfEntries([...r.entries.keys()], db),
  ])
  const tierName = new Map(r.tiers.map((x) => [x.id, x.name]))
  const name = (id: number | null) => (id === null ? null : (tierName.get(id) ?? null))
  return {
    contest: { title: contest.title, year: contest.year },
    criteria: r.criteria.map((c) => ({
      id: c.id,
      position: c.position,
      title: c.title,
      maxPoints: c.max_points,
    })),
    judges,
    entries: [...r.entries.values()].map((e) => ({
      id: e.id,
      title: e.title,
      unitName: e.unit_name,
      communeNames: communes.get(e.id) ?? [],
      field: t(`field.${e.field}`),
      kind: t(`kind.${e.kind}`),
      state: t(`entryState.${e.state}`),
      firstSubmittedAt: e.first_submitted_at,
    })),
    scores: r.scores.map((s) => ({
      entryId: s.entry_id,
      judgeId: s.judge_id,
      criterionId: s.criterion_id,
      points: s.points,
      comment: s.comment,
    })),
    results: r.output.entries.map((e) => {
      const stored = r.stored.get(e.entryId)
      const overridden = stored?.override_reason ? stored : null
      return {
        entryId: e.entryId,
        rank: e.rank,
        raw: e.raw,
        normalised: e.normalised,
        scoreCount: e.scoreCount,
        computedTier: name(e.tierId),
        tier: overridden ? name(overridden.tier_id) : name(e.tierId),
        overrideReason: overridden?.override_reason ?? null,
      }
    }),
    method: [
      t(`results.aggregation.${contest.aggregation}`),
      t(contest.normalise_scores === 1 ? 'results.basis.normalised' : 'results.basis.raw'),
    ].join('; '),
  }
}

/** Certificates of the awarded entries (final tiers), or of one of them. */
export async function certificateData(
  contest: ContestRow,
  origin: string,
  onlyEntryId?: number,
): Promise<CertificateData[]> {
  // Certificates exist once results are final: they print the stored final tiers, no recomputation.
  const db = getDb()
  const [results, organiser] = await Promise.all([
    finalResults(contest.id, db, onlyEntryId),
    db
      .selectFrom('org_units')
      .select(['name', 'unit_type'])
      .where('id', '=', contest.organiser_org_unit_id)
      .executeTakeFirstOrThrow(),
  ])
  const awarded = results.filter((r) => r.tier_name !== null)
  const communes = await communesOfEntries(
    awarded.map((r) => r.entry_id),
    db,
  )
  const isPartyOrgan =
    organiser.unit_type === 'party_committee' || organiser.unit_type === 'party_cell'
  return awarded.map((r) => ({
    organiserName: organiser.name,
    contestTitle: contest.title,
    year: contest.year,
    modelTitle: r.title,
    unitName: r.unit_name,
    communeNames: communes.get(r.entry_id) ?? [],
    tierName: r.tier_name!,
    decisionNumber: contest.decision_number ?? '',
    decisionDate: contest.decision_date ?? '',
    signerTitle: contest.decision_signer_title ?? '',
    modelUrl: `${origin}/models/${r.model_slug}`,
    // A Party organ (Ban Dân vận … ủy) heads its certificates with the Party's name.
    heading: isPartyOrgan ? ('party' as const) : ('state' as const),
  }))
}

export type ContestFile =
  | { kind: 'workbook' | 'entries' | 'scores' | 'results' }
  | { kind: 'certificates' }
  | { kind: 'certificate'; entryId: number }

/** The file a download path names, or null: results.xlsx, entries|scores|results.csv, certificates.pdf, certificate-<id>.pdf. */
export function parseContestFile(name: string): ContestFile | null {
  if (name === 'results.xlsx') return { kind: 'workbook' }
  const csv = /^(entries|scores|results)\.csv$/.exec(name)
  if (csv) return { kind: csv[1] as 'entries' | 'scores' | 'results' }
  if (name === 'certificates.pdf') return { kind: 'certificates' }
  const one = /^certificate-([1-9]\d{0,9})\.pdf$/.exec(name)
  return one ? { kind: 'certificate', entryId: Number(one[1]) } : null
}

const TYPES: Record<ExportKind, string> = {
  workbook: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  entries: 'text/csv; charset=utf-8',
  scores: 'text/csv; charset=utf-8',
  results: 'text/csv; charset=utf-8',
  certificate: 'application/pdf',
  certificates: 'application/pdf',
}

/** Builds a download; null when it names no awarded entry. */
export async function contestFile(
  contest: ContestRow,
  file: ContestFile,
  origin: string,
): Promise<{ body: Buffer | string; type: string; disposition: string } | null> {
  const meta = { title: contest.title, year: contest.year }
  const wrap = (kind: ExportKind, body: Buffer | string, extra?: string) => ({
    body,
    type: TYPES[kind],
    disposition: contentDisposition(exportFileName(kind, meta, extra)),
  })
  switch (file.kind) {
    case 'workbook':
      return wrap('workbook', await resultsWorkbook(await exportData(contest)))
    case 'entries':
      return wrap('entries', entriesCsv(await exportData(contest)))
    case 'scores':
      return wrap('scores', scoresCsv(await exportData(contest)))
    case 'results':
      return wrap('results', resultsCsv(await exportData(contest)))
    case 'certificates': {
      const certs = await certificateData(contest, origin)
      return certs.length ? wrap('certificates', await certificatesPdf(certs)) : null
    }
    case 'certificate': {
      const certs = await certificateData(contest, origin, file.entryId)
      return certs.length
        ? wrap('certificate', await certificatesPdf(certs), certs[0]!.modelTitle)
        : null
    }
  }
}

/** A built download as the HTTP response: never kept by shared caches (judges' names, scores). */
export function fileResponse(out: { body: Buffer | string; type: string; disposition: string }) {
  const body = typeof out.body === 'string' ? out.body : new Uint8Array(out.body)
  return new Response(body, {
    headers: {
      'Content-Type': out.type,
      'Content-Disposition': out.disposition,
      'Cache-Control': 'private, no-store',
      'X-Content-Type-Options': 'nosniff',
    },
  })
}
