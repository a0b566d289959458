import { z } from 'zod'
import { text } from '~/forms/fields'
import { MAX_LENGTH } from '~/forms/limits'

export const reasonSchema = text(MAX_LENGTH.reason, 'validation.reasonRequired').min(
  5,
  'validation.reasonRequired',
)

/** The organiser's return form: the unit will read the reason. */
export const returnEntrySchema = z.object({
  intent: z.literal('return').optional(),
  reason: reasonSchema,
})

/** Accepting needs nothing but the decision. */
export const acceptEntrySchema = z.object({ intent: z.literal('accept') })

/** Rejecting needs a reason the unit will read. */
export const rejectEntrySchema = z.object({ intent: z.literal('reject'), reason: reasonSchema })

export const SCREENING_SCHEMAS = {
  return: returnEntrySchema,
  accept: acceptEntrySchema,
  reject: rejectEntrySchema,
} as const

/** The decision a screening form posts (a form without `intent` is the return form). */
export function screeningDecisionOf(intent: FormDataEntryValue | null) {
  return intent === 'accept' ? 'accept' : intent === 'reject' ? 'reject' : 'return'
}
