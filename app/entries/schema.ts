import { z } from 'zod'
import { ENTRY_KINDS, FIELDS } from '#db/domain'
import { isWholeNumber, parseDecimal } from '~/models/decimal'

/**
 * The nomination content form, shared by browser and server (Conform). Values
 * come in as typed in Vietnamese ("1.234,5"); decimals become exact canonical
 * text, money whole đồng. Saving a draft checks only what was typed; submitting
 * (intent "submit") also checks completeness. Messages are translation keys.
 */
export const INDICATOR_UNITS = ['hộ', 'người', 'm²', 'ha', 'km', 'đồng', 'ngày công', '%'] as const
export const MONEY_UNIT = 'đồng'
export const MAX_INDICATORS = 30

const optionalText = (max: number) => z.string().trim().max(max, 'validation.tooLong').optional()

const decimal = z.string().transform((s, ctx) => {
  const d = parseDecimal(s)
  if (d === null) {
    ctx.addIssue({ code: 'custom', message: 'validation.decimal' })
    return z.NEVER
  }
  return d
})

const wholeNumber = (message: string) =>
  z.string().transform((s, ctx) => {
    const d = parseDecimal(s)
    if (d === null || !isWholeNumber(d) || d.length > 15) {
      ctx.addIssue({ code: 'custom', message })
      return z.NEVER
    }
    return Number(d)
  })

const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'validation.date')
  .refine((s) => !Number.isNaN(Date.parse(s)), 'validation.date')

export const indicatorSchema = z.object({
  label: z
    .string({ error: 'validation.required' })
    .trim()
    .min(1, 'validation.required')
    .max(120, 'validation.tooLong'),
  value: z.string({ error: 'validation.required' }).pipe(decimal),
  unit: z
    .string({ error: 'validation.required' })
    .trim()
    .min(1, 'validation.required')
    .max(30, 'validation.tooLong'),
  baseline: decimal.optional(),
  period: optionalText(60),
})

/** Fields shared by the model form and the entry form. */
export const contentShape = {
  title: z
    .string({ error: 'validation.required' })
    .trim()
    .min(3, 'validation.required')
    .max(200, 'validation.tooLong'),
  kind: z.enum(ENTRY_KINDS, { error: 'validation.required' }),
  field: z.enum(FIELDS, { error: 'validation.required' }),
  commune_ids: z.array(z.coerce.number().int().positive()).max(20).optional(),
  start_date: isoDate.optional(),
  summary: optionalText(1000),
  context: optionalText(6000),
  objectives: optionalText(3000),
  method: optionalText(8000),
  forces: optionalText(3000),
  resources_vnd: wholeNumber('validation.wholeDong').optional(),
  resources_workdays: wholeNumber('validation.wholeNumber').optional(),
  resident_contributions: optionalText(2000),
  residents_involved: wholeNumber('validation.wholeNumber').optional(),
  ethnic_groups: optionalText(300),
  sustainability: optionalText(3000),
  replication_conditions: optionalText(3000),
  replication_steps: optionalText(5000),
  replication_cost_vnd: wholeNumber('validation.wholeDong').optional(),
  contact_name: optionalText(120),
  contact_phone: z
    .string()
    .trim()
    .regex(/^[0-9+().\s-]{8,20}$/, 'validation.phone')
    .optional(),
  contact_email: z.email('validation.email').max(200).optional(),
  indicators: z
    .array(indicatorSchema)
    .max(MAX_INDICATORS, 'validation.tooManyIndicators')
    .optional(),
}

/** Money indicators are whole đồng. */
function checkIndicators(
  v: { indicators?: { unit: string; value: string }[] },
  ctx: z.RefinementCtx,
) {
  v.indicators?.forEach((ind, i) => {
    if (ind.unit === MONEY_UNIT && !isWholeNumber(ind.value)) {
      ctx.addIssue({
        code: 'custom',
        message: 'validation.wholeDong',
        path: ['indicators', i, 'value'],
      })
    }
  })
}

/** Fields a nomination must have before it can be submitted. */
export const REQUIRED_ON_SUBMIT = [
  'start_date',
  'summary',
  'context',
  'objectives',
  'method',
  'forces',
  'sustainability',
  'replication_steps',
  'contact_name',
  'contact_phone',
] as const

export const modelFormSchema = z.object(contentShape).superRefine(checkIndicators)

export const entryFormSchema = z
  .object({
    intent: z.enum(['save', 'autosave', 'submit']).default('save'),
    ...contentShape,
    period_start: isoDate.optional(),
    period_end: isoDate.optional(),
  })
  .superRefine((v, ctx) => {
    checkIndicators(v, ctx)
    if (v.period_start && v.period_end && v.period_start > v.period_end) {
      ctx.addIssue({ code: 'custom', message: 'validation.periodOrder', path: ['period_end'] })
    }
    if (v.intent !== 'submit') return
    for (const key of REQUIRED_ON_SUBMIT) {
      if (v[key] === undefined)
        ctx.addIssue({ code: 'custom', message: 'validation.required', path: [key] })
    }
    if (!v.commune_ids?.length) {
      ctx.addIssue({ code: 'custom', message: 'validation.chooseCommune', path: ['commune_ids'] })
    }
    if (!v.indicators?.length) {
      ctx.addIssue({ code: 'custom', message: 'validation.needIndicator', path: ['indicators'] })
    }
    if (!v.period_start)
      ctx.addIssue({ code: 'custom', message: 'validation.required', path: ['period_start'] })
    if (!v.period_end)
      ctx.addIssue({ code: 'custom', message: 'validation.required', path: ['period_end'] })
  })

export type ModelForm = z.infer<typeof modelFormSchema>
export type EntryForm = z.infer<typeof entryFormSchema>

/** "Mông, Tày , Dao" → ["Mông", "Tày", "Dao"] */
export function splitList(s: string | undefined) {
  return (s ?? '')
    .split(/[,;]/)
    .map((x) => x.trim())
    .filter(Boolean)
}
