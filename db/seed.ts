/**
 * npm run db:seed                 seeds the Yên Minh demo into an empty database
 * npm run db:seed -- --force      rebuilds the demo from scratch in a database with data (deletes every row first)
 * npm run db:seed -- --if-empty   seeds only an empty database (no users, org units or models)
 * Never with NODE_ENV=production (db/seed/refusal.ts).
 * npm run db:seed -- --country    also imports every province's administrative units
 */
import { parseArgs } from 'node:util'
import { closeDb, databasePath, getDb } from './index'
import { migrateToLatest } from './migrator'
import { DEMO_PASSWORD, USERS } from './seed/people'
import { seedDemo } from './seed/index'
import { seedDecision } from './seed/refusal'

const { values } = parseArgs({
  options: {
    'if-empty': { type: 'boolean' },
    force: { type: 'boolean' },
    country: { type: 'boolean' },
    help: { type: 'boolean', short: 'h' },
  },
})

class Refused extends Error {}

if (values.help) {
  console.log('Usage: npm run db:seed -- [--if-empty | --force] [--country]')
  process.exit(0)
}

try {
  // Refused before the database is even opened in production (it may not be created there).
  const early = seedDecision({
    nodeEnv: process.env.NODE_ENV,
    force: !!values.force,
    ifEmpty: !!values['if-empty'],
    rows: { users: 0, orgUnits: 0, models: 0 },
  })
  if (early.action === 'refuse') throw new Refused(early.reason)
  const db = getDb()
  await migrateToLatest(db)
  const count = async (table: 'users' | 'org_units' | 'models') =>
    Number(
      (
        await db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    )
  const decision = seedDecision({
    nodeEnv: process.env.NODE_ENV,
    force: !!values.force,
    ifEmpty: !!values['if-empty'],
    rows: {
      users: await count('users'),
      orgUnits: await count('org_units'),
      models: await count('models'),
    },
  })
  if (decision.action === 'refuse') throw new Refused(decision.reason)
  const result = decision.action === 'seed' ? await seedDemo(db, { country: values.country }) : null
  if (!result) {
    console.log(
      `Database ${databasePath()}: ${decision.action === 'skip' ? decision.reason : 'skipped'}.`,
    )
  } else {
    const rows = Object.entries(result.counts)
      .map(([name, n]) => `${name} ${n}`)
      .join(', ')
    console.log(
      `Seeded the Yên Minh demo into ${databasePath()} in ${result.ms} ms (${result.files} files).`,
    )
    console.log(`Rows: ${rows}`)
    console.log(
      `Sign in as ${USERS.slice(0, 9)
        .map((u) => u.username)
        .join(', ')} … with password ${DEMO_PASSWORD}`,
    )
  }
} catch (err) {
  if (err instanceof Refused) console.error(`db:seed refused: ${err.message}`)
  else console.error(err instanceof Error ? (err.stack ?? err.message) : err)
  process.exitCode = 1
} finally {
  await closeDb()
}
