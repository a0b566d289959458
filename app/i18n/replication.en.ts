import type { viReplication } from './replication.vi'

/** English UI strings of the replication screens: every key of replication.vi.ts, enforced by the type. */
export const enReplication: Record<keyof typeof viReplication, string> = {}
