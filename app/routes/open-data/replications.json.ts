import { replicationsOpenData } from '~/catalog/open-data.server'

/** GET /open-data/replications.json — public open data (published rows only; see app/catalog/open-data.server.ts). */
export function loader() {
  return replicationsOpenData('json')
}
