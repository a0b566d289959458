/**
 * npm run db:import-units -- [--province CODE] [--csv PATH]
 * Imports the official list of administrative units into org_units (idempotent).
 */
import { parseArgs } from 'node:util'
import { closeDb, databasePath, getDb } from './index'
import { migrateToLatest } from './migrator'
import { DEFAULT_ADMIN_UNITS_CSV, importAdminUnits } from './org-import'

const { values } = parseArgs({
  options: {
    province: { type: 'string' },
    csv: { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  },
})

if (values.help) {
  console.log('Usage: npm run db:import-units -- [--province CODE] [--csv PATH]')
  console.log(`Default CSV: ${DEFAULT_ADMIN_UNITS_CSV}`)
  process.exit(0)
}

try {
  const db = getDb()
  await migrateToLatest(db)
  const started = performance.now()
  const r = await importAdminUnits(db, { csvPath: values.csv, province: values.province })
  const ms = Math.round(performance.now() - started)
  console.log(
    `Imported into ${databasePath()}${values.province ? ` (province ${values.province})` : ''}: ` +
      `${r.provinces} provinces, ${r.districts} districts, ${r.communes} communes — ` +
      `${r.inserted} inserted, ${r.updated} updated, ${r.unchanged} unchanged in ${ms} ms`,
  )
} catch (err) {
  console.error(err instanceof Error ? err.message : err)
  process.exitCode = 1
} finally {
  await closeDb()
}
