import { z } from 'zod'

/** The organiser's return form: the unit will read the reason. */
export const returnEntrySchema = z.object({
  reason: z
    .string({ error: 'validation.reasonRequired' })
    .trim()
    .min(5, 'validation.reasonRequired')
    .max(2000, 'validation.tooLong'),
})
