/**
 * A writer process for the operations tests (backup drill, two processes on one file):
 * opens DATABASE_PATH through the app's own driver (createDb: BEGIN IMMEDIATE, busy_timeout)
 * and, until it has made WRITES writes or gets SIGTERM, runs transactions that read and then
 * write: each one writes a file under UPLOAD_DIR, then inserts a media row for model MODEL_ID
 * and an audit row. It prints `ack <audit id> <storage key>` after each commit and
 * `err <code> <message>` for each failure, then `done <acks> <errors>`.
 */
import { randomBytes } from 'node:crypto'
import { mkdirSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { sql } from 'kysely'
import { createDb } from '../../db/index'

const db = createDb(process.env.DATABASE_PATH!)
const uploadDir = process.env.UPLOAD_DIR!
const writes = Number(process.env.WRITES ?? 1_000_000)
const modelId = Number(process.env.MODEL_ID ?? 1)
const tag = process.env.WRITER_TAG ?? String(process.pid)
let stop = false
process.on('SIGTERM', () => (stop = true))

let acks = 0
let errors = 0
for (let i = 0; i < writes && !stop; i++) {
  try {
    const key = `media/${randomBytes(16).toString('hex')}.jpg`
    const id = await db.transaction().execute(async (tx) => {
      const { n } = await sql<{ n: number }>`SELECT count(*) AS n FROM media`
        .execute(tx)
        .then((r) => r.rows[0]!)
      const path = join(uploadDir, key)
      mkdirSync(dirname(path), { recursive: true })
      writeFileSync(path, randomBytes(64 + (i % 7)))
      await tx
        .insertInto('media')
        .values({
          kind: 'photo',
          storage_key: key,
          model_id: modelId,
          position: n,
          mime_type: 'image/jpeg',
          byte_size: 64 + (i % 7),
          width: 10,
          height: 10,
          sha256: 'x'.repeat(64),
          created_at: new Date().toISOString(),
        })
        .execute()
      const row = await tx
        .insertInto('audit_log')
        .values({
          action: 'ops.write',
          subject_type: 'writer',
          subject_id: `${tag}:${i}`,
          created_at: new Date().toISOString(),
        })
        .returning('id')
        .executeTakeFirstOrThrow()
      return row.id
    })
    acks++
    process.stdout.write(`ack ${id} ${key}\n`)
  } catch (error) {
    errors++
    const e = error as { code?: string; message?: string }
    process.stdout.write(`err ${e.code ?? 'unknown'} ${e.message ?? String(error)}\n`)
  }
  // Let the event loop see SIGTERM between writes.
  if (i % 10 === 0) await new Promise((r) => setImmediate(r))
}
await db.destroy()
process.stdout.write(`done ${acks} ${errors}\n`)
