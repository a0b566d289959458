import type { ContestPhase, EntryState } from '#db/domain'
import { can } from '~/contests/rules'

/**
 * The entry state machine of PRODUCT.md, pure. Each action lists the states it
 * may start from and the state it leads to; everything else is refused.
 */
export const ENTRY_TRANSITIONS = {
  submit: { from: ['draft', 'returned'], to: 'submitted' },
  return: { from: ['submitted'], to: 'returned' },
  accept: { from: ['submitted'], to: 'accepted' },
  reject: { from: ['submitted'], to: 'rejected' },
  score: { from: ['accepted'], to: 'scored' },
  award: { from: ['scored'], to: 'awarded' },
  notAward: { from: ['scored'], to: 'not_awarded' },
  publish: { from: ['awarded', 'not_awarded'], to: 'published' },
} as const satisfies Record<string, { from: readonly EntryState[]; to: EntryState }>

export type EntryAction = keyof typeof ENTRY_TRANSITIONS

export function transition(from: EntryState, action: EntryAction): EntryState | null {
  const t = ENTRY_TRANSITIONS[action]
  return (t.from as readonly EntryState[]).includes(from) ? t.to : null
}

/** The unit may change its entry only while it is a draft or returned to it. */
export function isEditableState(state: EntryState) {
  return state === 'draft' || state === 'returned'
}

/** Creating, editing and submitting entries happen only while nominations are open. */
export function nominationOpen(phase: ContestPhase) {
  return can('unit', 'entry.edit', phase)
}
