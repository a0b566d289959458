import type { z } from 'zod'

/**
 * What a draft may keep: the form's own fields, each bounded (issue 11: an autosave
 * once stored a 20 MB junk field, and the entry page then served it back). The allowed
 * names, nesting and list lengths come from the form's zod schema, so the draft follows
 * the form: unknown fields are dropped, lists are cut at the schema's maximum, and text
 * at twice the field's maximum length (or TEXT_WITHOUT_MAX for fields with none, such as
 * numbers and dates), so a value a little too long is kept for the unit to shorten
 * while junk is not. Everything else (files, objects where text belongs) is dropped. A
 * payload within the limits comes back exactly as it went in.
 */
export const TEXT_WITHOUT_MAX = 200
const LIST_WITHOUT_MAX = 100

type Schema = z.core.$ZodType

function unwrap(schema: Schema): Schema {
  let s = schema
  for (;;) {
    const def = s._zod.def as { type: string; innerType?: Schema; in?: Schema }
    if (
      (def.type === 'optional' || def.type === 'default' || def.type === 'nullable') &&
      def.innerType
    ) {
      s = def.innerType
    } else if (def.type === 'pipe' && def.in) s = def.in
    else return s
  }
}

/** The schema's max_length check (z.string().max(n), z.array(…).max(n)), if any. */
function maxOf(schema: Schema): number | undefined {
  const checks = (schema._zod.def as { checks?: z.core.$ZodCheck[] }).checks ?? []
  const limits = checks
    .map((c) => c._zod.def as { check: string; maximum?: number })
    .filter((d) => d.check === 'max_length' && typeof d.maximum === 'number')
    .map((d) => d.maximum!)
  return limits.length ? Math.min(...limits) : undefined
}

function keep(value: unknown, schema: Schema): unknown {
  const s = unwrap(schema)
  const def = s._zod.def as { type: string; element?: Schema; shape?: Record<string, Schema> }
  if (def.type === 'object' && def.shape) {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined
    const out: Record<string, unknown> = {}
    for (const [key, field] of Object.entries(def.shape)) {
      if (!Object.hasOwn(value, key)) continue
      const kept = keep((value as Record<string, unknown>)[key], field)
      if (kept !== undefined) out[key] = kept
    }
    return out
  }
  if (def.type === 'array' && def.element) {
    // One value for a list (one checkbox ticked) stays one value, as the form sent it.
    if (!Array.isArray(value)) return keep(value, def.element)
    const items = value
    const max = maxOf(s) ?? LIST_WITHOUT_MAX
    const out = items
      .slice(0, max)
      .map((item) => keep(item, def.element!))
      .filter((item) => item !== undefined)
    return out
  }
  if (typeof value !== 'string') return undefined
  const max = maxOf(s)
  return value.slice(0, max === undefined ? TEXT_WITHOUT_MAX : 2 * max)
}

/** The form values a draft stores: only the schema's fields, bounded. */
export function draftFields(
  payload: Record<string, unknown>,
  schema: z.ZodObject,
): Record<string, unknown> {
  return (keep(payload, schema) as Record<string, unknown> | undefined) ?? {}
}
