import { getDb, type Executor } from '../index'

/** The contest people are working on now: the newest one not yet published, else the newest. */
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
