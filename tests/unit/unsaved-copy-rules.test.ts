import { describe, expect, it } from 'vitest'
import {
  UNSAVED_MAX_AGE_MS,
  parseUnsavedCopy,
  unsavedCopyDecision,
  type UnsavedCopy,
} from '~/ui/unsaved-copy-rules'

const NOW = Date.parse('2026-12-02T10:00:00Z')
const copy = (over: Partial<UnsavedCopy> = {}): UnsavedCopy => ({
  base: '2026-12-01T08:00:00.000Z',
  at: NOW - 60_000,
  values: [
    ['points-1#0', '14'],
    ['comment-1#0', 'Nhận xét dài'],
  ],
  ...over,
})
const saved: [string, string][] = [
  ['points-1#0', '12'],
  ['comment-1#0', ''],
]

describe('the unsaved copy of a long form', () => {
  it('is put back when the server still has the version it started from', () => {
    expect(unsavedCopyDecision(copy(), '2026-12-01T08:00:00.000Z', saved, NOW)).toBe('restore')
  })

  it('is dropped once the server has another version (the save was confirmed)', () => {
    expect(unsavedCopyDecision(copy(), '2026-12-02T09:59:00.000Z', saved, NOW)).toBe('drop')
  })

  it('is dropped when the form already holds it, or when it is a month old', () => {
    expect(unsavedCopyDecision(copy({ values: saved }), copy().base, saved, NOW)).toBe('drop')
    expect(
      unsavedCopyDecision(copy({ at: NOW - UNSAVED_MAX_AGE_MS - 1 }), copy().base, saved, NOW),
    ).toBe('drop')
    expect(unsavedCopyDecision(null, copy().base, saved, NOW)).toBe('none')
  })

  it('reads back what it wrote and ignores anything else', () => {
    expect(parseUnsavedCopy(JSON.stringify(copy()))).toEqual(copy())
    expect(parseUnsavedCopy(null)).toBeNull()
    expect(parseUnsavedCopy('{not json')).toBeNull()
    expect(parseUnsavedCopy(JSON.stringify({ base: 1, at: 2, values: [] }))).toBeNull()
    expect(
      parseUnsavedCopy(JSON.stringify({ ...copy(), values: [['a#0', 'x'], ['b#0', 3], 'junk'] })),
    ).toEqual(copy({ values: [['a#0', 'x']] }))
  })
})
