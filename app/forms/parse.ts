import { parseWithZod as conformParseWithZod } from '@conform-to/zod/v4'
import { cleanFormData } from './clean'

/**
 * The one door every submitted form passes through, in the browser (Conform's onValidate)
 * and on the server (actions): values are cleaned (NFC, no bidi or invisible controls,
 * file names too; see ./clean) before zod sees them, so what is validated is what is
 * stored. ESLint forbids `request.formData()` and Conform's own `parseWithZod` elsewhere in app/.
 */
export const parseWithZod = ((payload: FormData | URLSearchParams, options: never) =>
  conformParseWithZod(cleanFormData(payload), options)) as typeof conformParseWithZod

/** The request's form, cleaned. For actions that read fields without a schema. */
export async function readForm(request: Request): Promise<FormData> {
  return cleanFormData(await request.formData())
}
