import type { viResults } from './results.vi'

/** English UI strings of the results screens: every key of results.vi.ts, enforced by the type. */
export const enResults: Record<keyof typeof viResults, string> = {}
