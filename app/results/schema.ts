import { z } from 'zod'
import { line, text } from '~/forms/fields'
import { MAX_LENGTH } from '~/forms/limits'
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
  reason: text(MAX_LENGTH.reason, 'results.error.reasonRequired').min(
    10,
    'results.error.reasonRequired',
  ),
})

/** Finalising and publishing are confirmed by ticking a box that says what will happen. */
const confirmed = z.literal('yes', { error: 'results.error.confirmRequired' })

export const finaliseSchema = z.object({ intent: z.literal('finalise'), confirm: confirmed })
export const publishSchema = z.object({ intent: z.literal('publish'), confirm: confirmed })

export const decisionSchema = z.object({
  intent: z.literal('decision'),
  decisionNumber: line(MAX_LENGTH.code, 'results.error.decisionNumber').min(
    2,
    'results.error.decisionNumber',
  ),
  decisionDate: isoDate,
  signerTitle: line(MAX_LENGTH.line, 'results.error.signerTitle').min(
    3,
    'results.error.signerTitle',
  ),
})

export const RESULTS_INTENTS = ['override', 'finalise', 'publish', 'decision'] as const
