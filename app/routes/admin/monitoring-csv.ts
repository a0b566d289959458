import type { LoaderFunctionArgs } from '@remix-run/node'
import { z } from 'zod'
import { requireAdmin } from '~/auth/guards.server'
import { notFound } from '~/entries/access.server'
import { getLocale } from '~/i18n/locale.server'
import { isChartKey, monitoringCsv, monitoringYears } from '~/monitoring/monitoring.server'

const yearSchema = z.coerce.number().int().min(2000).max(2100)

/** /admin/monitoring/csv/:chart?year= — one dashboard chart's numbers as a CSV file. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const admin = await requireAdmin(request)
  if (!isChartKey(params.chart)) notFound()
  const asked = yearSchema.safeParse(new URL(request.url).searchParams.get('year'))
  const year = asked.success ? asked.data : (await monitoringYears(admin)).defaultYear
  const csv = await monitoringCsv(admin, params.chart, year, await getLocale(request))
  return new Response(csv.body, {
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="${csv.asciiName}"; filename*=UTF-8''${encodeURIComponent(csv.name)}`,
      'Cache-Control': 'private, no-store',
    },
  })
}
