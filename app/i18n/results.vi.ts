/** Vietnamese UI strings of the results screens; merged into vi.ts. */
export const viResults = {} as const
