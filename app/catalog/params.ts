import { z } from 'zod'
import { ENTRY_KINDS, FIELDS, UNIT_TYPES } from '#db/domain'
import { MAX_QUERY_LENGTH } from './fold'

/** Results per page of the catalog. */
export const PAGE_SIZE = 20
/** Totals above this are shown as "more than …" (counting every match would cost more than the page). */
export const COUNT_CAP = 10_000
/** The last page anyone can ask for (deeper pages would only be reached by robots). */
export const MAX_PAGE = 2_000

export const SORTS = ['relevance', 'newest', 'replicated', 'score'] as const
export type Sort = (typeof SORTS)[number]

/** A value that is ignored (unset) when it is not one of the allowed ones: a filter link never 400s. */
const optional = <T extends z.ZodType>(schema: T) => schema.optional().catch(undefined)
const id = optional(
  z.coerce
    .number()
    .int()
    .positive()
    .max(2 ** 31),
)

/**
 * The catalog's state, all in the URL (GET form, shareable links). Wrong values are dropped
 * rather than refused: a stale or hand-edited link still shows a catalog.
 */
export const catalogParamsSchema = z.object({
  q: z
    .string()
    .catch('')
    .transform((s) => s.trim().slice(0, MAX_QUERY_LENGTH)),
  field: optional(z.enum(FIELDS)),
  kind: optional(z.enum(ENTRY_KINDS)),
  province: id,
  commune: id,
  unit_type: optional(z.enum(UNIT_TYPES)),
  year: optional(z.coerce.number().int().min(2000).max(2100)),
  tier: optional(z.coerce.number().int().min(1).max(20)),
  ethnic: optional(
    z
      .string()
      .max(60)
      .regex(/^[\p{Ll}\p{N} ]+$/u),
  ),
  sort: optional(z.enum(SORTS)),
  page: z.coerce.number().int().min(1).max(MAX_PAGE).catch(1),
})

export type CatalogParams = z.infer<typeof catalogParamsSchema>

/** Parses the query string of /models (first value of each parameter; empty means unset). */
export function parseCatalogParams(search: URLSearchParams): CatalogParams {
  const raw: Record<string, string> = {}
  for (const key of Object.keys(catalogParamsSchema.shape)) {
    const v = search.get(key)
    if (v != null && v.trim() !== '') raw[key] = v.trim()
  }
  return catalogParamsSchema.parse(raw)
}

/** The sort that applies: relevance only with a query, newest by default. */
export function effectiveSort(params: Pick<CatalogParams, 'q' | 'sort'>, hasQuery: boolean): Sort {
  if (params.sort && (params.sort !== 'relevance' || hasQuery)) return params.sort
  return hasQuery ? 'relevance' : 'newest'
}

/** The URL of the catalog with these params, one changed (page links, filter removal). */
export function catalogHref(
  params: Partial<Record<keyof CatalogParams, string | number | undefined>>,
  change: Partial<Record<keyof CatalogParams, string | number | undefined>> = {},
) {
  const search = new URLSearchParams()
  for (const [k, v] of Object.entries({ ...params, ...change })) {
    if (v === undefined || v === '' || (k === 'page' && Number(v) === 1)) continue
    search.set(k, String(v))
  }
  const s = search.toString()
  return s ? `/models?${s}` : '/models'
}
