import { beforeAll, describe, expect, test } from 'vitest'
import * as login from '~/routes/login'
import * as unitEntry from '~/routes/unit/entry'
import * as entryMedia from '~/routes/unit/entry-media'
import { call } from '../support/remix'
import {
  cookieFor,
  createOrgTree,
  insertContest,
  insertEntry,
  insertModel,
  userWithRole,
} from '../support/fixtures'

/** Bodies that are not readable forms are the client's mistake: 400, never a 500. */
let unitCookie: string
let entryId: number

beforeAll(async () => {
  const org = await createOrgTree()
  const officer = await userWithRole('unit', org)
  unitCookie = await cookieFor(officer.id)
  const contest = await insertContest(org.organiser, {
    nomination_deadline: '2099-09-30T16:59:59.000Z',
    judging_opens_on: '2099-10-11',
    judging_closes_at: '2099-11-30T16:59:59.000Z',
    screening_ends_on: '2099-10-10',
    results_on: '2099-12-15',
  })
  const model = await insertModel(org.unit, { slug: 'mo-hinh-sai' })
  entryId = (await insertEntry(contest.id, { id: model.id, unitId: org.unit })).id
})

const BROKEN_MULTIPART = {
  headers: { 'Content-Type': 'multipart/form-data; boundary=----x' },
  body: '------x\r\nContent-Disposition: form-data; name="username"\r\n\r\nadmin\r\n------', // cut off
}

describe('malformed requests', () => {
  test('JSON and broken multipart sent to /login answer 400', async () => {
    const json = await call(login.action, {
      path: '/login',
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ username: 'admin', password: 'x' }),
    })
    expect(json.status).toBe(400)
    const multipart = await call(login.action, {
      path: '/login',
      method: 'POST',
      ...BROKEN_MULTIPART,
    })
    expect(multipart.status).toBe(400)
  })

  test('a broken multipart body to a signed-in form answers 400', async () => {
    const res = await call(unitEntry.action, {
      path: `/unit/entries/${entryId}`,
      method: 'POST',
      params: { entryId: String(entryId) },
      cookie: unitCookie,
      ...BROKEN_MULTIPART,
    })
    expect(res.status).toBe(400)
  })

  test('a broken multipart upload answers 400 (JSON for the uploader)', async () => {
    const res = await call(entryMedia.action, {
      path: `/unit/entries/${entryId}/media`,
      method: 'POST',
      params: { entryId: String(entryId) },
      cookie: unitCookie,
      headers: { ...BROKEN_MULTIPART.headers, Accept: 'application/json' },
      body: BROKEN_MULTIPART.body,
    })
    expect(res.status).toBe(400)
    expect(res.data).toEqual({ error: 'badRequest' })
  })
})
