import { z } from 'zod'
import { ENTRY_KINDS, FIELDS } from '#db/domain'
import { numberField, numberRefusalMessage, line, text, tooLong } from '~/forms/fields'
import { MAX_LENGTH } from '~/forms/limits'
import { readNumber, type NumberKind } from '~/forms/number'
import type { MessageKey } from '~/i18n'

/**
 * The nomination content form, shared by browser and server (Conform). Values
 * come in as typed in Vietnamese ("1.234,5"); decimals become exact canonical
 * text, money whole đồng. Saving a draft checks only what was typed; submitting
 * (intent "submit") also checks completeness. Messages are translation keys.
 */
export const INDICATOR_UNITS = ['hộ', 'người', 'm²', 'ha', 'km', 'đồng', 'ngày công', '%'] as const
export const MONEY_UNIT = 'đồng'
export const MAX_INDICATORS = 30

const optionalText = (max: number) => text(max).optional()

/** A whole amount or count; grouped thousands ("450.000.000") read as typed. */
const whole = (message: MessageKey) => numberField({ kind: 'integer', invalid: message })

const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'validation.date')
  .refine((s) => !Number.isNaN(Date.parse(s)), 'validation.date')

/** An indicator row as typed: the value is read once its unit is known (money is whole đồng). */
export const indicatorShape = {
  label: line(MAX_LENGTH.name).min(1, 'validation.required'),
  value: z.string({ error: 'validation.required' }),
  unit: line(MAX_LENGTH.unit).min(1, 'validation.required'),
  baseline: z.string().optional(),
  period: line(MAX_LENGTH.code).optional(),
}

/** Money is whole đồng; every other unit takes decimals. */
export const indicatorKind = (unit: string): NumberKind =>
  unit === MONEY_UNIT ? 'integer' : 'decimal'

/**
 * Reads an indicator's numbers by its unit: money is a whole number of đồng ("450.000" is
 * 450 000), anything else a decimal ("7,5"; a lone "1.234" is ambiguous and refused).
 */
export function readIndicator<T extends { unit: string; value: string; baseline?: string }>(
  row: T,
  ctx: z.RefinementCtx,
): T {
  const options =
    indicatorKind(row.unit) === 'integer'
      ? ({ kind: 'integer', invalid: 'validation.wholeDong' } as const)
      : ({ kind: 'decimal' } as const)
  const read = (key: 'value' | 'baseline') => {
    const typed = row[key]
    if (typed === undefined) return undefined
    const reading = readNumber(typed, options)
    if (reading.ok) return reading.value
    ctx.addIssue({
      code: 'custom',
      path: [key],
      message: numberRefusalMessage(reading, typed, options),
    })
    return typed
  }
  return { ...row, value: read('value')!, baseline: read('baseline') }
}

export const indicatorSchema = z.object(indicatorShape).transform(readIndicator)

/** Fields shared by the model form and the entry form. */
export const contentShape = {
  title: line(MAX_LENGTH.title).min(3, 'validation.required'),
  kind: z.enum(ENTRY_KINDS, { error: 'validation.required' }),
  field: z.enum(FIELDS, { error: 'validation.required' }),
  commune_ids: z.array(z.coerce.number().int().positive()).max(20).optional(),
  start_date: isoDate.optional(),
  summary: optionalText(MAX_LENGTH.summary),
  context: optionalText(MAX_LENGTH.long),
  objectives: optionalText(MAX_LENGTH.text),
  method: optionalText(MAX_LENGTH.long),
  forces: optionalText(MAX_LENGTH.text),
  resources_vnd: whole('validation.wholeDong').optional(),
  resources_workdays: whole('validation.wholeNumber').optional(),
  resident_contributions: optionalText(MAX_LENGTH.text),
  residents_involved: whole('validation.wholeNumber').optional(),
  ethnic_groups: line(MAX_LENGTH.line).optional(),
  sustainability: optionalText(MAX_LENGTH.text),
  replication_conditions: optionalText(MAX_LENGTH.text),
  replication_steps: optionalText(MAX_LENGTH.long),
  replication_cost_vnd: whole('validation.wholeDong').optional(),
  contact_name: line(MAX_LENGTH.name).optional(),
  contact_phone: z
    .string()
    .trim()
    .regex(/^[0-9+().\s-]{8,20}$/, 'validation.phone')
    .optional(),
  contact_email: z
    .email('validation.email')
    .max(MAX_LENGTH.email, tooLong(MAX_LENGTH.email))
    .optional(),
  indicators: z
    .array(indicatorSchema)
    .max(MAX_INDICATORS, 'validation.tooManyIndicators')
    .optional(),
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

export const modelFormSchema = z.object(contentShape)

export const entryFormSchema = z
  .object({
    intent: z.enum(['save', 'autosave', 'submit']).default('save'),
    ...contentShape,
    period_start: isoDate.optional(),
    period_end: isoDate.optional(),
  })
  .superRefine((v, ctx) => {
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
