/**
 * npm run db:restore -- DIR   restores a backup made by db:backup (or a bare .sqlite file)
 *                             over DATABASE_PATH and UPLOAD_DIR. Stop the server first.
 */
import { resolve } from 'node:path'
import { databasePath } from './index'
import { restoreSite } from './ops/backup'

const from = process.argv.slice(2).find((a) => !a.startsWith('-'))
if (!from || process.argv.includes('--help') || process.argv.includes('-h')) {
  console.log('Usage: npm run db:restore -- DIR   (a directory made by npm run db:backup)')
  process.exit(from ? 0 : 1)
}

try {
  const result = restoreSite({
    from,
    databasePath: databasePath(),
    uploadDir: resolve(process.env.UPLOAD_DIR ?? 'data/uploads'),
  })
  console.log(
    `Restored ${resolve(from)} into ${databasePath()} (migration ${result.migration ?? 'none'}, integrity ok, ${result.files} upload files copied) in ${result.ms} ms.`,
  )
  if (result.previous) console.log(`The database it replaced is kept as ${result.previous}.`)
  if (result.missing.length) {
    console.warn(
      `Warning: ${result.missing.length} files the database refers to are not in the upload folder: ${result.missing.slice(0, 5).join(', ')}${result.missing.length > 5 ? ' …' : ''}`,
    )
    process.exitCode = 2
  }
} catch (error) {
  console.error(`Restore refused: ${error instanceof Error ? error.message : String(error)}`)
  process.exitCode = 1
}
