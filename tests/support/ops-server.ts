/**
 * A small HTTP server for the clean-stop test: the app's database handle (getDb, closeDb)
 * and the app's clean stop (installCleanStop), with one route, POST /write, that commits an
 * audit row and answers its id only after the commit. Prints `listening <port>`.
 */
import express from 'express'
import type { AddressInfo } from 'node:net'
import { setTimeout as sleep } from 'node:timers/promises'
import { closeDb, getDb } from '../../db/index'
import { installCleanStop } from '../../app/ops/clean-stop.server'

const app = express()
let n = 0
app.post('/write', async (_req, res) => {
  const i = n++
  // A request that takes a while, so that some are in flight when the signal comes.
  await sleep(30)
  const { id } = await getDb()
    .insertInto('audit_log')
    .values({
      action: 'ops.write',
      subject_type: 'request',
      subject_id: String(i),
      created_at: new Date().toISOString(),
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  res.json({ id })
})

const server = app.listen(0, '127.0.0.1', () => {
  process.stdout.write(`listening ${(server.address() as AddressInfo).port}\n`)
})
installCleanStop(server, { graceMs: 5_000, close: closeDb })
