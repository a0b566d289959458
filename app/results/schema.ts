import { z } from 'zod'
import { isoDate } from '~/contests/schema'

/** The forms of the organiser's results page, one schema each; messages are translation keys. */
const id = z.coerce
  .number({ error: 'validation.invalidChoice' })
  .int()
  .positive('validation.invalidChoice')

export const overrideSchema = z.object({
  intent: z.literal('override'),
  entryId: id,
  /** A tier id, or "none" to withhold any award. */
  tierId: z.union([z.literal('none'), id], { error: 'validation.invalidChoice' }),
  reason: z
    .string({ error: 'results.error.reasonRequired' })
    .trim()
    .min(10, 'results.error.reasonRequired')
    .max(2000, 'validation.tooLong'),
})

/** Finalising and publishing are confirmed by ticking a box that says what will happen. */
const confirmed = z.literal('yes', { error: 'results.error.confirmRequired' })

export const finaliseSchema = z.object({ intent: z.literal('finalise'), confirm: confirmed })
export const publishSchema = z.object({ intent: z.literal('publish'), confirm: confirmed })

export const decisionSchema = z.object({
  intent: z.literal('decision'),
  decisionNumber: z
    .string({ error: 'results.error.decisionNumber' })
    .trim()
    .min(2, 'results.error.decisionNumber')
    .max(60, 'validation.tooLong'),
  decisionDate: isoDate,
  signerTitle: z
    .string({ error: 'results.error.signerTitle' })
    .trim()
    .min(3, 'results.error.signerTitle')
    .max(200, 'validation.tooLong'),
})

export const RESULTS_INTENTS = ['override', 'finalise', 'publish', 'decision'] as const
