import { modelsOpenData } from '~/catalog/open-data.server'

/** GET /open-data/models.json — public open data (published rows only; see app/catalog/open-data.server.ts). */
export function loader() {
  return modelsOpenData('json')
}
