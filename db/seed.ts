/**
 * npm run db:seed                 rebuilds the Yên Minh demo from scratch (deletes every row first)
 * npm run db:seed -- --if-empty   seeds only when the database has no users
 * npm run db:seed -- --country    also imports every province's administrative units
 */
import { parseArgs } from 'node:util'
import { closeDb, databasePath, getDb } from './index'
import { migrateToLatest } from './migrator'
import { DEMO_PASSWORD, USERS } from './seed/people'
import { seedDemo, seedDemoIfEmpty } from './seed/index'

const { values } = parseArgs({
  options: {
    'if-empty': { type: 'boolean' },
    country: { type: 'boolean' },
    help: { type: 'boolean', short: 'h' },
  },
})

if (values.help) {
  console.log('Usage: npm run db:seed -- [--if-empty] [--country]')
  process.exit(0)
}

try {
  const db = getDb()
  await migrateToLatest(db)
  const opts = { country: values.country }
  const result = values['if-empty'] ? await seedDemoIfEmpty(db, opts) : await seedDemo(db, opts)
  if (!result) {
    console.log(`Database ${databasePath()} already has users: demo seed skipped.`)
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
  console.error(err instanceof Error ? (err.stack ?? err.message) : err)
  process.exitCode = 1
} finally {
  await closeDb()
}
