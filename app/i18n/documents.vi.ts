/** Vietnamese strings of the generated documents (certificates, exports); merged into vi.ts. */
export const viDocuments = {} as const
