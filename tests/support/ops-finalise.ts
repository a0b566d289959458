/**
 * One organiser's "finalise" through the results route's action, in a process of its own
 * (the two-finalisations test). Prints `ready`, waits for the file GO to exist so that
 * two such processes act at the same moment, then prints `status <code> <json body>`.
 */
import { existsSync } from 'node:fs'
import { setTimeout as sleep } from 'node:timers/promises'
import * as adminResults from '../../app/routes/admin/contest-results'
import { call } from './remix'

const contestId = process.env.CONTEST_ID!
process.stdout.write('ready\n')
while (!existsSync(process.env.GO!)) await sleep(2)
const res = await call(adminResults.action, {
  path: `/admin/contests/${contestId}/results`,
  method: 'POST',
  params: { contestId },
  cookie: process.env.COOKIE!,
  form: { intent: 'finalise', confirm: 'yes' },
})
process.stdout.write(`status ${res.status} ${JSON.stringify(res.data)}\n`)
