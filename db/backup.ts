/**
 * npm run db:backup -- DIR   copies the database (online, consistent) and the upload folder
 *                            into the new directory DIR; the server may keep running.
 */
import { resolve } from 'node:path'
import { databasePath } from './index'
import { backupSite } from './ops/backup'

const dir = process.argv.slice(2).find((a) => !a.startsWith('-'))
if (!dir || process.argv.includes('--help') || process.argv.includes('-h')) {
  console.log('Usage: npm run db:backup -- DIR   (DIR must not exist yet)')
  process.exit(dir ? 0 : 1)
}

try {
  const { manifest, ms } = backupSite({
    databasePath: databasePath(),
    uploadDir: resolve(process.env.UPLOAD_DIR ?? 'data/uploads'),
    dir,
  })
  console.log(
    `Backed up ${databasePath()} (${manifest.databaseBytes} bytes, migration ${manifest.migration ?? 'none'}) and ${manifest.files.length} upload files into ${resolve(dir)} in ${ms} ms.`,
  )
  if (manifest.missing.length) {
    console.warn(
      `Warning: ${manifest.missing.length} files the database refers to were already missing from the upload folder: ${manifest.missing.slice(0, 5).join(', ')}${manifest.missing.length > 5 ? ' …' : ''}`,
    )
  }
} catch (error) {
  console.error(`Backup failed: ${error instanceof Error ? error.message : String(error)}`)
  process.exitCode = 1
}
