import { describe, expect, it } from 'vitest'
import { ENTRY_STATES } from '#db/domain'
import { isEditableState, nominationOpen, transition } from '~/entries/rules'

describe('entry state machine', () => {
  it('follows the lifecycle of PRODUCT.md', () => {
    expect(transition('draft', 'submit')).toBe('submitted')
    expect(transition('submitted', 'return')).toBe('returned')
    expect(transition('returned', 'submit')).toBe('submitted')
    expect(transition('submitted', 'accept')).toBe('accepted')
    expect(transition('submitted', 'reject')).toBe('rejected')
    expect(transition('accepted', 'score')).toBe('scored')
    expect(transition('scored', 'award')).toBe('awarded')
    expect(transition('scored', 'notAward')).toBe('not_awarded')
    expect(transition('awarded', 'publish')).toBe('published')
  })

  it('refuses every other move', () => {
    expect(transition('draft', 'return')).toBeNull()
    expect(transition('accepted', 'submit')).toBeNull()
    expect(transition('rejected', 'accept')).toBeNull()
    expect(transition('published', 'return')).toBeNull()
  })

  it('lets the unit edit only drafts and returned entries', () => {
    expect(ENTRY_STATES.filter(isEditableState)).toEqual(['draft', 'returned'])
  })

  it('opens nominations only in the nomination phase', () => {
    expect(nominationOpen('nomination')).toBe(true)
    expect(nominationOpen('screening')).toBe(false)
    expect(nominationOpen('registration')).toBe(false)
  })
})
