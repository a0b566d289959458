import { z } from 'zod'
import { line, text } from '~/forms/fields'
import { MAX_LENGTH } from '~/forms/limits'
import { FIELDS } from '#db/domain'

/** Forms of the panels, assignment and progress pages; messages are translation keys. */
const id = z.coerce
  .number({ error: 'validation.invalidChoice' })
  .int()
  .positive('validation.invalidChoice')

export const createPanelSchema = z.object({
  intent: z.literal('createPanel'),
  name: line(MAX_LENGTH.name).min(2, 'validation.required'),
  field: z.enum(FIELDS, { error: 'validation.invalidChoice' }).optional(),
})

export const panelsFormSchema = z.discriminatedUnion('intent', [
  createPanelSchema,
  z.object({ intent: z.literal('createFieldPanels') }),
  z.object({ intent: z.literal('deletePanel'), panelId: id }),
  z.object({ intent: z.literal('addMember'), panelId: id, userId: id }),
  z.object({ intent: z.literal('removeMember'), panelId: id, userId: id }),
  z.object({ intent: z.literal('autoAssign') }),
  z.object({ intent: z.literal('addAssignment'), entryId: id, judgeId: id }),
  z.object({ intent: z.literal('removeAssignment'), assignmentId: id }),
])

export const reminderSchema = z.object({ judgeId: id.optional() })

export const conflictSchema = z.object({
  reason: text(MAX_LENGTH.reason, 'validation.reasonRequired').min(5, 'validation.reasonRequired'),
})
