import { csvText } from '~/http/csv'
import { FIELDS, UNIT_TYPES, type Field, type Locale } from '#db/domain'
import {
  contestOfYear,
  contestYears,
  coverage,
  entriesByCommune,
  entriesByField,
  entriesByUnitType,
  trends,
} from '#db/repos/monitoring'
import { judgeProgress } from '#db/repos/panels'
import type { SessionUser } from '~/auth/permissions'
import { now } from '~/clock.server'
import { formatNumber, translator, type MessageKey } from '~/i18n'
import { slugify } from '~/models/slug'
import { organiserScope } from '~/users/users.server'
import { vnDate } from '~/replication/rules'
import type { BarInput } from './charts'

/**
 * The organiser's monitoring dashboard: each chart's figures as one table (the same
 * table feeds the SVG bars, the screen-reader table and the CSV download), scoped to
 * the organiser's area.
 */
export const CHARTS = ['fields', 'unit-types', 'communes', 'judging', 'coverage', 'trends'] as const
export type ChartKey = (typeof CHARTS)[number]

export function isChartKey(value: unknown): value is ChartKey {
  return typeof value === 'string' && (CHARTS as readonly string[]).includes(value)
}

export interface ChartTable {
  key: ChartKey
  title: string
  columns: string[]
  rows: (string | number)[][]
  bars: BarInput[]
  /** Fixed scale top (percentages). */
  max?: number
  note?: string
}

export interface CoverageMatrix {
  fields: { key: Field; label: string }[]
  rows: { commune: string; counts: number[]; total: number; missing: string[] }[]
  max: number
}

/** The year shown when none is asked for: this year if it has a contest, else the newest. */
export function defaultYear(years: number[], at: Date) {
  const current = Number(vnDate(at).slice(0, 4))
  return years.includes(current) || !years.length ? current : years[0]!
}

export async function monitoringYears(admin: SessionUser) {
  const scope = await organiserScope(admin)
  const years = await contestYears(scope)
  return { years, defaultYear: defaultYear(years, now()) }
}

function countTable(
  key: ChartKey,
  title: string,
  header: [string, string],
  rows: { label: string; count: number }[],
  locale: Locale,
): ChartTable {
  return {
    key,
    title,
    columns: header,
    rows: rows.map((r) => [r.label, r.count]),
    bars: rows.map((r) => ({
      label: r.label,
      value: r.count,
      display: formatNumber(locale, r.count),
    })),
  }
}

/** Every chart of the dashboard for one year, in the visitor's language. */
export async function monitoringData(admin: SessionUser, year: number, locale: Locale) {
  const t = translator(locale)
  const scope = await organiserScope(admin)
  const [byField, byUnitType, byCommune, contest, cover, years] = await Promise.all([
    entriesByField(scope, year),
    entriesByUnitType(scope, year),
    entriesByCommune(scope, year),
    contestOfYear(scope, year),
    coverage(scope, year),
    trends(scope),
  ])
  const countOf = (rows: { key: string; count: number }[], key: string) =>
    rows.find((r) => r.key === key)?.count ?? 0
  const entriesHeader: [string, string] = [t('monitoring.col.entries'), t('monitoring.col.count')]

  const fields = countTable(
    'fields',
    t('monitoring.chart.fields', { year: String(year) }),
    [t('monitoring.col.field'), entriesHeader[0]],
    FIELDS.map((f) => ({ label: t(`field.${f}`), count: countOf(byField, f) })),
    locale,
  )
  const unitTypes = countTable(
    'unit-types',
    t('monitoring.chart.unitTypes', { year: String(year) }),
    [t('monitoring.col.unitType'), entriesHeader[0]],
    UNIT_TYPES.map((u) => ({ label: t(`unitType.${u}`), count: countOf(byUnitType, u) })).filter(
      (r) => r.count > 0,
    ),
    locale,
  )
  const communes = countTable(
    'communes',
    t('monitoring.chart.communes', { year: String(year) }),
    [t('monitoring.col.commune'), entriesHeader[0]],
    byCommune.map((r) => ({ label: r.key, count: r.count })),
    locale,
  )

  const progress = contest ? await judgeProgress(contest.id) : []
  const judging: ChartTable = {
    key: 'judging',
    title: t('monitoring.chart.judging', { year: String(year) }),
    note: contest?.title,
    columns: [
      t('monitoring.col.judge'),
      t('monitoring.col.submitted'),
      t('monitoring.col.expected'),
      t('monitoring.col.percent'),
    ],
    rows: progress.map((p) => [p.name, p.submitted, p.assigned, percent(p.submitted, p.assigned)]),
    bars: progress.map((p) => ({
      label: p.name,
      value: percent(p.submitted, p.assigned),
      display: t('monitoring.judgingValue', {
        submitted: p.submitted,
        expected: p.assigned,
        percent: percent(p.submitted, p.assigned),
      }),
    })),
    max: 100,
  }

  const matrix: CoverageMatrix = {
    fields: FIELDS.map((f) => ({ key: f, label: t(`field.${f}`) })),
    rows: cover.communes.map((c) => {
      const counts = FIELDS.map(
        (f) => cover.counts.find((x) => x.communeId === c.id && x.field === f)?.count ?? 0,
      )
      return {
        commune: c.name,
        counts,
        total: counts.reduce((a, b) => a + b, 0),
        missing: FIELDS.filter((_, i) => counts[i] === 0).map((f) => t(`field.${f}`)),
      }
    }),
    max: Math.max(0, ...cover.counts.map((c) => c.count)),
  }
  const coverageTable: ChartTable = {
    key: 'coverage',
    title: t('monitoring.chart.coverage', { year: String(year) }),
    columns: [
      t('monitoring.col.commune'),
      ...matrix.fields.map((f) => f.label),
      t('monitoring.col.total'),
      t('monitoring.col.missing'),
    ],
    rows: matrix.rows.map((r) => [r.commune, ...r.counts, r.total, r.missing.join('; ')]),
    bars: [],
  }

  const series: [MessageKey, 'entries' | 'awarded' | 'replications'][] = [
    ['monitoring.series.entries', 'entries'],
    ['monitoring.series.awarded', 'awarded'],
    ['monitoring.series.replications', 'replications'],
  ]
  const trendTable: ChartTable = {
    key: 'trends',
    title: t('monitoring.chart.trends'),
    columns: [t('monitoring.col.year'), ...series.map(([label]) => t(label))],
    rows: years.map((y) => [y.year, y.entries, y.awarded, y.replications]),
    bars: years.flatMap((y) =>
      series.map(([label, k], i) => ({
        group: String(y.year),
        label: t(label),
        value: y[k],
        series: i,
        display: formatNumber(locale, y[k]),
      })),
    ),
  }

  return {
    fields,
    unitTypes,
    communes,
    judging,
    matrix,
    coverage: coverageTable,
    trends: trendTable,
  }
}

function percent(part: number, whole: number) {
  return whole > 0 ? Math.round((part / whole) * 100) : 0
}

/** One chart's table as a CSV file (UTF-8 with a BOM so spreadsheet programs read Vietnamese). */
export async function monitoringCsv(
  admin: SessionUser,
  chart: ChartKey,
  year: number,
  locale: Locale,
) {
  const data = await monitoringData(admin, year, locale)
  const table = {
    fields: data.fields,
    'unit-types': data.unitTypes,
    communes: data.communes,
    judging: data.judging,
    coverage: data.coverage,
    trends: data.trends,
  }[chart]
  const body = csvText([table.columns, ...table.rows], { bom: true })
  const name = `${table.title}.csv`
  return { body, name, asciiName: `${slugify(table.title)}.csv` }
}
