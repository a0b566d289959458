/**
 * npm run bench:import — times a full import of the country into a fresh temporary database,
 * then a second (idempotent) run. Prints both times, and a third run where every commune was
 * renamed, to time the update path.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createDb } from '../../db/index'
import { migrateToLatest } from '../../db/migrator'
import { DEFAULT_ADMIN_UNITS_CSV, importAdminUnits } from '../../db/org-import'

const dir = mkdtempSync(join(tmpdir(), 'dvk-bench-'))
const db = createDb(join(dir, 'bench.sqlite'))
try {
  await migrateToLatest(db)
  // Every commune renamed: exercises the batched UPDATE path.
  const renamed = join(dir, 'renamed.csv')
  const lines = readFileSync(DEFAULT_ADMIN_UNITS_CSV, 'utf8').split(/\r?\n/)
  writeFileSync(
    renamed,
    lines
      .map((line, i) => {
        if (i === 0 || !line) return line
        const f = line.split(',')
        f[7] = `${f[7]} (mới)`
        return f.join(',')
      })
      .join('\n'),
  )
  const runs: [string, string | undefined][] = [
    ['first run (empty database)', undefined],
    ['second run (idempotent)', undefined],
    ['third run (every commune renamed)', renamed],
  ]
  for (const [label, csvPath] of runs) {
    const started = performance.now()
    const r = await importAdminUnits(db, { csvPath })
    const ms = performance.now() - started
    console.log(
      `${label}: ${ms.toFixed(0)} ms — ${r.provinces} provinces, ${r.districts} districts, ` +
        `${r.communes} communes; ${r.inserted} inserted, ${r.updated} updated, ${r.unchanged} unchanged`,
    )
  }
} finally {
  await db.destroy()
  rmSync(dir, { recursive: true, force: true })
}
