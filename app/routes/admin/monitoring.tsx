import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Form, Link, useLoaderData } from '@remix-run/react'
import { z } from 'zod'
import { requireAdmin } from '~/auth/guards.server'
import { getLocale } from '~/i18n/locale.server'
import { useT } from '~/i18n/use-t'
import { heatLevel } from '~/monitoring/charts'
import {
  monitoringData,
  monitoringYears,
  type ChartTable,
  type CoverageMatrix,
} from '~/monitoring/monitoring.server'
import { BarChart } from '~/ui/bar-chart'
import { buttonClass, inputClass, labelClass } from '~/ui/form'
import { ColumnHeader, ScrollTable } from '~/ui/scroll-table'
import { pageTitle } from '~/ui/page-title'

const yearSchema = z.coerce.number().int().min(2000).max(2100)

export const meta: MetaFunction<typeof loader> = (args) =>
  pageTitle(args, (t) => [t('monitoring.title')])

/**
 * /admin/monitoring?year= — the organiser's dashboard: entries by field, unit type and
 * commune, judging progress, replication coverage (communes × fields) and trends.
 * Every chart is server-rendered SVG followed by its table and a CSV download.
 */
export async function loader({ request }: LoaderFunctionArgs) {
  const admin = await requireAdmin(request)
  const { years, defaultYear } = await monitoringYears(admin)
  const asked = yearSchema.safeParse(new URL(request.url).searchParams.get('year'))
  const year = asked.success ? asked.data : defaultYear
  const charts = await monitoringData(admin, year, await getLocale(request))
  return { year, years: years.includes(year) ? years : [year, ...years], charts }
}

function CsvLink({ chart, year }: { chart: string; year: number }) {
  const t = useT()
  return (
    <p>
      <a
        href={`/admin/monitoring/csv/${chart}?year=${year}`}
        className="font-semibold text-brand-700 underline"
        download
      >
        {t('monitoring.downloadCsv')}
      </a>
    </p>
  )
}

function DataTable({ table }: { table: ChartTable }) {
  return (
    <ScrollTable labelledBy={`${table.key}-heading`}>
      <thead className="bg-stone-100">
        <tr>
          {table.columns.map((c, i) => (
            <th key={c} scope="col" className={`px-3 py-2 ${i ? 'text-right' : ''}`}>
              {c}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {table.rows.map((row, r) => (
          <tr key={r} className="border-t border-stone-200">
            {row.map((cell, i) =>
              i === 0 ? (
                <th key={i} scope="row" className="px-3 py-2 font-medium">
                  {cell}
                </th>
              ) : (
                <td key={i} className="px-3 py-2 text-right">
                  {cell}
                </td>
              ),
            )}
          </tr>
        ))}
      </tbody>
    </ScrollTable>
  )
}

function ChartSection({ table, year }: { table: ChartTable; year: number }) {
  const t = useT()
  const empty = table.rows.length === 0
  return (
    <section
      aria-labelledby={`${table.key}-heading`}
      className="space-y-3 rounded-lg border border-stone-200 bg-white p-4"
    >
      <h2 id={`${table.key}-heading`} className="text-xl font-semibold text-brand-800">
        {table.title}
      </h2>
      {table.note ? <p className="text-stone-700">{table.note}</p> : null}
      {empty ? (
        <p>{t('monitoring.noData')}</p>
      ) : (
        <>
          <BarChart
            id={`${table.key}-chart`}
            title={table.title}
            description={t('monitoring.chartDescription')}
            bars={table.bars}
            max={table.max}
          />
          <details>
            <summary className="min-h-6 cursor-pointer py-1 font-semibold text-brand-700">
              {t('monitoring.showTable')}
            </summary>
            <DataTable table={table} />
          </details>
        </>
      )}
      <CsvLink chart={table.key} year={year} />
    </section>
  )
}

const HEAT = [
  'bg-stone-100 text-stone-800',
  'bg-blue-100 text-stone-900',
  'bg-blue-300 text-stone-950',
  'bg-blue-700 text-white',
] as const

function Coverage({
  matrix,
  table,
  year,
}: {
  matrix: CoverageMatrix
  table: ChartTable
  year: number
}) {
  const t = useT()
  return (
    <section
      aria-labelledby="coverage-heading"
      className="space-y-3 rounded-lg border border-stone-200 bg-white p-4"
    >
      <h2 id="coverage-heading" className="text-xl font-semibold text-brand-800">
        {table.title}
      </h2>
      <p className="text-sm text-stone-700">{t('monitoring.coverage.legend')}</p>
      <ScrollTable labelledBy="coverage-heading">
        <thead className="bg-stone-100">
          <tr>
            <ColumnHeader label="monitoring.col.commune" />
            {matrix.fields.map((f) => (
              <th key={f.key} scope="col" className="min-w-24 px-3 py-2 text-center">
                {f.label}
              </th>
            ))}
            <th scope="col" className="min-w-48 px-3 py-2">
              {t('monitoring.col.missing')}
            </th>
          </tr>
        </thead>
        <tbody>
          {matrix.rows.map((row) => (
            <tr key={row.commune} className="border-t border-stone-200">
              <th scope="row" className="px-3 py-2 font-medium whitespace-nowrap">
                {row.commune}
              </th>
              {row.counts.map((count, i) => (
                <td
                  key={matrix.fields[i]!.key}
                  className={`px-3 py-2 text-center text-base font-semibold ${HEAT[heatLevel(count, matrix.max)]}`}
                >
                  {count}
                </td>
              ))}
              <td className="px-3 py-2 text-sm">
                {row.missing.length ? row.missing.join(', ') : t('monitoring.coverage.allFields')}
              </td>
            </tr>
          ))}
        </tbody>
      </ScrollTable>
      <CsvLink chart="coverage" year={year} />
    </section>
  )
}

export default function Monitoring() {
  const { year, years, charts } = useLoaderData<typeof loader>()
  const t = useT()
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold">{t('monitoring.title')}</h1>
      <p>
        <Link to="/admin/replications" className="font-semibold text-brand-700 underline">
          {t('admin.replicationsLink')}
        </Link>
      </p>
      <Form method="get" className="flex flex-wrap items-end gap-3">
        <div>
          <label htmlFor="monitoring-year" className={labelClass}>
            {t('monitoring.year')}
          </label>
          <select id="monitoring-year" name="year" defaultValue={year} className={inputClass}>
            {years.map((y) => (
              <option key={y} value={y}>
                {y}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className={buttonClass}>
          {t('monitoring.show')}
        </button>
      </Form>
      <ChartSection table={charts.fields} year={year} />
      <ChartSection table={charts.unitTypes} year={year} />
      <ChartSection table={charts.communes} year={year} />
      <ChartSection table={charts.judging} year={year} />
      <Coverage matrix={charts.matrix} table={charts.coverage} year={year} />
      <ChartSection table={charts.trends} year={year} />
    </div>
  )
}
