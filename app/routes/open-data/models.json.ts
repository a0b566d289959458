import type { LoaderFunctionArgs } from '@remix-run/node'
import { modelsOpenData } from '~/catalog/open-data.server'

/** GET /open-data/models.json — public open data (published rows only; see app/catalog/open-data.server.ts). */
export function loader({ request }: LoaderFunctionArgs) {
  return modelsOpenData(request, 'json')
}
