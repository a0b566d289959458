/**
 * The unsaved copy of a long form (pure rules). While someone types, the browser keeps what
 * the form holds, with the version of the record it started from (`base`). When the page
 * shows again (after a failed save, Back, a reload):
 * - the server now has another version than the copy's base → the save was confirmed (or
 *   someone saved since): the copy is dropped;
 * - the copy holds what the form already shows → dropped;
 * - otherwise the copy is put back into the form.
 */
export type FieldValues = [name: string, value: string][]

export interface UnsavedCopy {
  base: string
  /** When it was last written (ms since the epoch, the browser's clock). */
  at: number
  values: FieldValues
}

export const UNSAVED_PREFIX = 'dvk:unsaved:'
/** Copies older than this are dropped: nobody expects a month-old draft to come back. */
export const UNSAVED_MAX_AGE_MS = 30 * 24 * 3_600_000

export function parseUnsavedCopy(text: string | null): UnsavedCopy | null {
  if (!text) return null
  try {
    const v = JSON.parse(text) as Partial<UnsavedCopy>
    if (typeof v.base !== 'string' || typeof v.at !== 'number' || !Array.isArray(v.values))
      return null
    const values = v.values.filter(
      (p): p is [string, string] =>
        Array.isArray(p) && p.length === 2 && typeof p[0] === 'string' && typeof p[1] === 'string',
    )
    return { base: v.base, at: v.at, values }
  } catch {
    return null
  }
}

function same(a: FieldValues, b: FieldValues) {
  const m = new Map(b)
  return a.length === b.length && a.every(([k, v]) => m.get(k) === v)
}

export function unsavedCopyDecision(
  copy: UnsavedCopy | null,
  base: string,
  current: FieldValues,
  now: number,
): 'none' | 'drop' | 'restore' {
  if (!copy) return 'none'
  if (copy.base !== base) return 'drop'
  if (now - copy.at > UNSAVED_MAX_AGE_MS) return 'drop'
  if (same(copy.values, current)) return 'drop'
  return 'restore'
}
