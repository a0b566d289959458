/**
 * When `npm run db:seed` must refuse (pure): seeding replaces every row with the demo, so
 * it never runs with NODE_ENV=production, and it replaces a database that has data only
 * when told `--force`. `--if-empty` leaves a database with data alone (not a refusal).
 */
export interface SeedRequest {
  nodeEnv: string | undefined
  force: boolean
  ifEmpty: boolean
  /** Rows already there: users, org units, models. */
  rows: { users: number; orgUnits: number; models: number }
}

export type SeedDecision =
  { action: 'seed' } | { action: 'skip'; reason: string } | { action: 'refuse'; reason: string }

export function seedDecision(req: SeedRequest): SeedDecision {
  if (req.nodeEnv === 'production') {
    return {
      action: 'refuse',
      reason:
        'NODE_ENV is production: db:seed replaces every row with the demo and never runs on a production database',
    }
  }
  const { users, orgUnits, models } = req.rows
  const empty = users + orgUnits + models === 0
  if (req.ifEmpty) {
    return empty
      ? { action: 'seed' }
      : { action: 'skip', reason: 'the database is not empty: demo seed skipped' }
  }
  if (!empty && !req.force) {
    return {
      action: 'refuse',
      reason:
        `the database is not empty (${users} users, ${orgUnits} org units, ${models} models) and seeding would delete every row: ` +
        'run `npm run db:backup -- DIR` first, then `npm run db:seed -- --force` to replace it with the demo',
    }
  }
  return { action: 'seed' }
}
