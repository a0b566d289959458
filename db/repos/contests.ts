import { getDb, type Executor } from '../index'

/** Contests under way (open or finalised, not yet published), newest first, with their entry counts. */
export async function runningContests(db: Executor = getDb()) {
  return (await listContests(db)).filter((c) => c.status === 'open' || c.status === 'finalised')
}

/** The contest people are working on now: the newest one not yet published. */
export async function findCurrentContest(db: Executor = getDb()) {
  return db
    .selectFrom('contests')
    .selectAll('contests')
    .select((eb) =>
      eb
        .selectFrom('entries')
        .whereRef('entries.contest_id', '=', 'contests.id')
        .where('entries.state', '<>', 'draft')
        .select((e) => e.fn.countAll<number>().as('n'))
        .as('entry_count'),
    )
    .where('status', 'in', ['open', 'finalised'])
    .orderBy('year', 'desc')
    .orderBy('id', 'desc')
    .executeTakeFirst()
}

export async function listContests(db: Executor = getDb()) {
  return db
    .selectFrom('contests')
    .selectAll('contests')
    .select((eb) =>
      eb
        .selectFrom('entries')
        .whereRef('entries.contest_id', '=', 'contests.id')
        .where('entries.state', '<>', 'draft')
        .select((e) => e.fn.countAll<number>().as('n'))
        .as('entry_count'),
    )
    .orderBy('year', 'desc')
    .orderBy('id', 'desc')
    .execute()
}
