import { writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { expect, test } from 'vitest'
import { getDb } from '#db/index'
import {
  cookieFor,
  createOrgTree,
  insertContest,
  insertEntry,
  insertModel,
  userWithRole,
} from '../support/fixtures'
import { spawnTsx } from '../support/processes'

test('two organisers finalising at once in two processes: one finalises, the other is told it already is', async () => {
  const org = await createOrgTree()
  const admin = await userWithRole('admin', org)
  const { id: contestId } = await insertContest(org.organiser)
  const cookie = await cookieFor(admin.id)
  // Enough accepted entries that a finalisation takes a while, so the two overlap.
  const at = '2025-06-01T00:00:00.000Z'
  for (let i = 0; i < 300; i++) {
    const model = await insertModel(org.unit, {
      slug: `mo-hinh-chot-${i}`,
      title: `Mô hình ${i}`,
      created_at: at,
      updated_at: at,
    })
    await insertEntry(
      contestId,
      { id: model.id, unitId: org.unit },
      {
        state: 'accepted',
        title: `Mô hình ${i}`,
        snapshot: '{}',
        version: 1,
        submitted_at: '2025-09-01T00:00:00.000Z',
        first_submitted_at: '2025-09-01T00:00:00.000Z',
        created_at: at,
        updated_at: at,
      },
    )
  }
  const go = join(dirname(process.env.DATABASE_PATH!), `go-${contestId}`)
  const env = { CONTEST_ID: String(contestId), COOKIE: cookie, GO: go }
  const children = [
    spawnTsx('tests/support/ops-finalise.ts', env),
    spawnTsx('tests/support/ops-finalise.ts', env),
  ]
  await Promise.all(children.map((c) => c.waitFor((lines) => lines.includes('ready'))))
  writeFileSync(go, '')
  expect(await Promise.all(children.map((c) => c.exited))).toEqual([0, 0])
  const outcomes = children
    .map((c) => c.lines.find((l) => l.startsWith('status '))!)
    .map((l) => l.split(' ').slice(1))
    .sort(([a], [b]) => Number(a) - Number(b))
  expect(outcomes.map(([status]) => status)).toEqual(['200', '409'])
  expect(outcomes[1]!.slice(1).join(' ')).toContain('contest.error.finaliseOutOfPhase')
  const contest = await getDb()
    .selectFrom('contests')
    .select('status')
    .where('id', '=', contestId)
    .executeTakeFirstOrThrow()
  expect(contest.status).toBe('finalised')
  const audits = await getDb()
    .selectFrom('audit_log')
    .select('id')
    .where('action', '=', 'contest.finalise')
    .where('subject_id', '=', String(contestId))
    .execute()
  expect(audits).toHaveLength(1)
})
