/** Vietnamese UI strings of the replication screens; merged into vi.ts. */
export const viReplication = {} as const
