/** Vietnamese UI strings of the catalog screens; merged into vi.ts. */
export const viCatalog = {} as const
