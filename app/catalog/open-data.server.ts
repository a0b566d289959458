import { csvText } from '~/http/csv'
import { openDataModels, openDataReplications } from '#db/repos/catalog'
import { ethnicGroupsOf } from './document'
import { publicOrigin } from '~/public-url.server'

/**
 * The open data files: published models and the replications of published models, as JSON
 * and as CSV (UTF-8 with a BOM, so spreadsheet programs read Vietnamese correctly). Rows are
 * streamed in batches by id, so the whole registry never sits in memory.
 *
 * What is left out on purpose: the contact person's name, phone and e-mail (the model page
 * shows them to a reader of one model; a bulk file would hand every officer's phone number to
 * anyone harvesting them), who created or reported what (user ids), and anything unpublished.
 */
const BATCH = 500
const CACHE = 'public, max-age=300'

type Format = 'json' | 'csv'

interface Source<Row> {
  batch: (afterId: number, limit: number) => Promise<Row[]>
  id: (row: Row) => number
  json: (row: Row) => unknown
  /** The CSV's columns, in order, and one row's values by column. */
  columns: readonly string[]
  csv: (row: Row) => Record<string, string | number | null>
}

function streamOf<Row>(source: Source<Row>, format: Format) {
  const encoder = new TextEncoder()
  let after = 0
  let first = true
  let done = false
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (done) return
      const rows = await source.batch(after, BATCH)
      let text = ''
      if (format === 'json') {
        if (first) text += '['
        text += rows
          .map((r, i) => `${first && i === 0 ? '\n' : ',\n'}${JSON.stringify(source.json(r))}`)
          .join('')
      } else {
        if (first) text += csvText([source.columns], { bom: true })
        if (rows.length) text += csvText(rows.map(source.csv), { columns: source.columns })
      }
      first = false
      if (rows.length < BATCH) {
        if (format === 'json') text += '\n]\n'
        done = true
      } else {
        after = source.id(rows[rows.length - 1]!)
      }
      if (text) controller.enqueue(encoder.encode(text))
      if (done) controller.close()
    },
  })
}

function respond<Row>(source: Source<Row>, format: Format, name: string) {
  return new Response(streamOf(source, format), {
    headers: {
      'Content-Type':
        format === 'json' ? 'application/json; charset=utf-8' : 'text/csv; charset=utf-8',
      'Cache-Control': CACHE,
      'Content-Disposition': `${format === 'json' ? 'inline' : 'attachment'}; filename="${name}.${format}"`,
      'X-Content-Type-Options': 'nosniff',
    },
  })
}

const MODEL_COLUMNS = [
  'id',
  'slug',
  'url',
  'title',
  'kind',
  'field',
  'unit',
  'unit_type',
  'places',
  'start_date',
  'summary',
  'context',
  'objectives',
  'method',
  'forces',
  'resources_vnd',
  'resources_workdays',
  'resident_contributions',
  'residents_involved',
  'ethnic_groups',
  'sustainability',
  'replication_conditions',
  'replication_steps',
  'replication_cost_vnd',
  'published_at',
  'replication_count',
  'awards',
  'indicators',
] as const

const REPLICATION_COLUMNS = [
  'id',
  'source_model_id',
  'source_model_slug',
  'source_model_title',
  'source_model_url',
  'commune_code',
  'commune',
  'responsible_unit',
  'status',
  'start_date',
  'adaptations',
  'stop_reason',
  'last_reported_at',
  'derived_model_url',
] as const

type ModelRow = Awaited<ReturnType<typeof openDataModels>>[number]
type ReplicationRow = Awaited<ReturnType<typeof openDataReplications>>[number]

export function modelsOpenData(format: Format) {
  const base = publicOrigin()
  const json = (m: ModelRow) => ({
    id: m.id,
    slug: m.slug,
    url: `${base}/models/${m.slug}`,
    title: m.title,
    kind: m.kind,
    field: m.field,
    unit: m.unit_name,
    unit_type: m.unit_type,
    places: m.places,
    start_date: m.start_date,
    summary: m.summary,
    context: m.context,
    objectives: m.objectives,
    method: m.method,
    forces: m.forces,
    resources_vnd: m.resources_vnd,
    resources_workdays: m.resources_workdays,
    resident_contributions: m.resident_contributions,
    residents_involved: m.residents_involved,
    ethnic_groups: ethnicGroupsOf(m.ethnic_groups),
    sustainability: m.sustainability,
    replication_conditions: m.replication_conditions,
    replication_steps: m.replication_steps,
    replication_cost_vnd: m.replication_cost_vnd,
    published_at: m.published_at,
    replication_count: Number(m.replication_count),
    awards: m.awards,
    indicators: m.indicators,
  })
  return respond<ModelRow>(
    {
      batch: (after, limit) => openDataModels(after, limit),
      id: (m) => m.id,
      json,
      columns: MODEL_COLUMNS,
      csv: (m) => {
        const j = json(m)
        return {
          ...j,
          ethnic_groups: j.ethnic_groups.join('; '),
          awards: j.awards.map((a) => `${a.year}: ${a.tier}`).join('; '),
          indicators: j.indicators
            .map((i) => `${i.label}: ${i.value} ${i.unit}${i.period ? ` (${i.period})` : ''}`)
            .join('; '),
        }
      },
    },
    format,
    'models',
  )
}

export function replicationsOpenData(format: Format) {
  const base = publicOrigin()
  const json = (r: ReplicationRow) => ({
    id: r.id,
    source_model_id: r.source_model_id,
    source_model_slug: r.source_model_slug,
    source_model_title: r.source_model_title,
    source_model_url: `${base}/models/${r.source_model_slug}`,
    commune_code: r.commune_code,
    commune: r.commune_name,
    responsible_unit: r.responsible_unit,
    status: r.status,
    start_date: r.start_date,
    adaptations: r.adaptations,
    stop_reason: r.stop_reason,
    last_reported_at: r.last_reported_at,
    derived_model_url: r.derived_model_slug ? `${base}/models/${r.derived_model_slug}` : null,
  })
  return respond<ReplicationRow>(
    {
      batch: (after, limit) => openDataReplications(after, limit),
      id: (r) => r.id,
      json,
      columns: REPLICATION_COLUMNS,
      csv: json,
    },
    format,
    'replications',
  )
}
