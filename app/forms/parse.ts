import {
  getZodConstraint as conformGetZodConstraint,
  parseWithZod as conformParseWithZod,
} from '@conform-to/zod/v4'
import { cleanFormData } from './clean'

/**
 * The one door every submitted form passes through, in the browser (Conform's onValidate)
 * and on the server (actions): values are cleaned (NFC, no bidi or invisible controls,
 * file names too; see ./clean) before zod sees them, so what is validated is what is
 * stored. ESLint forbids `request.formData()` and Conform's own `parseWithZod` and
 * `getZodConstraint` elsewhere in app/.
 */
export const parseWithZod = ((payload: FormData | URLSearchParams, options: never) =>
  conformParseWithZod(cleanFormData(payload), options)) as typeof conformParseWithZod

/**
 * The request's form, cleaned. A body that is not a readable form (JSON sent to /login, a
 * truncated or malformed multipart body) is the client's mistake: 400, not a 500 that would
 * be logged as our error.
 */
export async function readForm(request: Request): Promise<FormData> {
  let form: FormData
  try {
    form = await request.formData()
  } catch (error) {
    if (request.signal.aborted) throw error
    throw new Response('Bad request: the body is not a readable form.', {
      status: 400,
      headers: { 'Content-Type': 'text/plain; charset=utf-8' },
    })
  }
  return cleanFormData(form)
}

interface ZodNode {
  _zod?: { def: Record<string, unknown> & { type: string }; bag: Record<string, unknown> }
  maxLength?: number | null
}

/**
 * Conform 1.21 reads a string's maximum length from zod's `_zod.bag`, which zod 4.6 no longer
 * fills for `.max()` (it folds the checks on demand), so no input got its `maxLength`. This
 * fills the bag from the schema's own `maxLength` before Conform reads it. Only the maximum:
 * a native minLength or pattern would show the browser's own message, in its own language.
 */
function fillMaxLengths(node: unknown, seen: Set<unknown>) {
  if (!node || typeof node !== 'object' || seen.has(node)) return
  seen.add(node)
  const zod = (node as ZodNode)._zod
  if (!zod) return
  const def = zod.def
  const max = (node as ZodNode).maxLength
  if (def.type === 'string' && typeof max === 'number' && zod.bag.maximum === undefined) {
    zod.bag.maximum = max
  }
  const shape = def.type === 'object' ? Object.values(def.shape as object) : []
  const options = Array.isArray(def.options) ? def.options : []
  for (const child of [def.innerType, def.in, def.out, def.element, def.left, def.right])
    fillMaxLengths(child, seen)
  for (const child of [...shape, ...options]) fillMaxLengths(child, seen)
}

/** Conform's constraint (required, maxLength…) for the inputs, with the maximum lengths the schema sets. */
export const getZodConstraint = ((schema: Parameters<typeof conformGetZodConstraint>[0]) => {
  fillMaxLengths(schema, new Set())
  return conformGetZodConstraint(schema)
}) as typeof conformGetZodConstraint
