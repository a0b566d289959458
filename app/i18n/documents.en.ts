import type { viDocuments } from './documents.vi'

/** English strings of the generated documents: every key of documents.vi.ts, enforced by the type. */
export const enDocuments: Record<keyof typeof viDocuments, string> = {}
