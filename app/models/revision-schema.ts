import { z } from 'zod'
import { reasonSchema } from '~/entries/schemas-admin'

/** The organiser approves a revision of a published model: nothing but the decision. */
export const approveRevisionSchema = z.object({ intent: z.literal('approve') })

/** Or does not, with a reason the unit will read. */
export const rejectRevisionSchema = z.object({ intent: z.literal('reject'), reason: reasonSchema })
