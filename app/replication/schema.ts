import { z } from 'zod'
import { REPLICATION_STATUSES } from '#db/domain'
import { indicatorShape, readIndicator } from '~/entries/schema'
import { text } from '~/forms/fields'
import { MAX_LENGTH } from '~/forms/limits'
import { parseDateInput } from './rules'

/**
 * The replication forms, shared by browser and server (Conform). Messages are
 * translation keys. Dates are typed dd/mm/yyyy or come from a date input.
 */
const dateField = z
  .string({ error: 'validation.required' })
  .trim()
  .min(1, 'validation.required')
  .transform((s, ctx) => {
    const d = parseDateInput(s)
    if (!d) {
      ctx.addIssue({ code: 'custom', message: 'validation.date' })
      return z.NEVER
    }
    return d
  })

const optionalText = (max: number) => text(max).optional()
const id = z.coerce.number({ error: 'validation.required' }).int().positive('validation.required')

export const newReplicationSchema = z.object({
  model_id: id,
  start_date: dateField,
  adaptations: optionalText(MAX_LENGTH.text),
  responsible_unit_id: id.optional(),
})
export type NewReplicationForm = z.infer<typeof newReplicationSchema>

export const statusSchema = z
  .object({
    intent: z.literal('status'),
    status: z.enum(REPLICATION_STATUSES, { error: 'validation.invalidChoice' }),
    stop_reason: optionalText(MAX_LENGTH.reason),
  })
  .superRefine((v, ctx) => {
    if (v.status === 'stopped' && !v.stop_reason) {
      ctx.addIssue({
        code: 'custom',
        message: 'replication.error.stopReasonRequired',
        path: ['stop_reason'],
      })
    }
  })
export type StatusForm = z.infer<typeof statusSchema>

export const MAX_REPORT_INDICATORS = 20

/**
 * The report form starts with one blank indicator row; a report of a note only leaves
 * it (or any blank rows at the end) untouched, and those are not indicators. Only
 * trailing rows are dropped, so errors keep pointing at the rows they belong to.
 */
function dropTrailingEmptyRows(rows: unknown) {
  if (!Array.isArray(rows)) return rows
  const blank = (row: unknown) =>
    row == null ||
    (typeof row === 'object' && Object.values(row).every((v) => v == null || v === ''))
  let end = rows.length
  while (end > 0 && blank(rows[end - 1])) end--
  return end ? rows.slice(0, end) : undefined
}

export const reportSchema = z
  .object({
    intent: z.literal('report'),
    reported_on: dateField,
    note: optionalText(MAX_LENGTH.text),
    indicators: z.preprocess(
      dropTrailingEmptyRows,
      z
        .array(
          z
            .object({
              label: indicatorShape.label,
              value: indicatorShape.value,
              unit: indicatorShape.unit,
            })
            .transform(readIndicator),
        )
        .max(MAX_REPORT_INDICATORS, 'replication.error.tooManyIndicators')
        .optional(),
    ),
  })
  .superRefine((v, ctx) => {
    if (!v.note && !v.indicators?.length) {
      ctx.addIssue({ code: 'custom', message: 'replication.error.emptyReport', path: ['note'] })
    }
  })
export type ReportForm = z.infer<typeof reportSchema>

export const registerModelSchema = z.object({
  intent: z.literal('register'),
  unit_id: id,
})
export type RegisterModelForm = z.infer<typeof registerModelSchema>
