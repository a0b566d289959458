import express from 'express'
import type { Server } from 'node:http'
import { existsSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import sharp from 'sharp'
import { decode } from 'turbo-stream'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { getDb } from '#db/index'
import { setClock } from '~/clock.server'
import { bodyLimited } from '~/http/body-limit.server'
import { SMALL_BODY_BYTES, UPLOAD_BODY_BYTES } from '~/http/body-limits'
import * as login from '~/routes/login'
import * as entryPage from '~/routes/unit/entry'
import * as entryMedia from '~/routes/unit/entry-media'
import { readUploadForm } from '~/media/upload-stream.server'
import { uploadDir } from '~/storage/local.server'
import { rawPost } from '../support/raw-http'
import {
  cookieFor,
  createOrgTree,
  createUser,
  insertContest,
  type OrgTree,
} from '../support/fixtures'

/**
 * Issue 11's request-body attacks, repeated over real HTTP against the real route
 * actions behind the server's body limits (bodyLimited, as server.ts mounts it): a
 * 100 MB anonymous POST to /login, the same chunked, a chunked upload over the cap,
 * file names with `;` and `=`, malformed multipart, and a junk field in an autosave.
 */

const IN_NOMINATION = new Date('2025-07-01T03:00:00.000Z')
const MB = 1024 * 1024
const at = '2025-06-15T00:00:00.000Z'

let server: Server
let base: string
let org: OrgTree
let cookie: string
let entryId: number

type Action = (args: {
  request: Request
  params: Record<string, string>
  context: { clientIp: string }
}) => Promise<unknown>

function isDataWithInit(v: unknown): v is { data: unknown; init: ResponseInit | null } {
  return (
    typeof v === 'object' && v !== null && (v as { type?: string }).type === 'DataWithResponseInit'
  )
}

const toResponse = (v: unknown) =>
  v instanceof Response
    ? v
    : isDataWithInit(v)
      ? Response.json(v.data, v.init ?? {})
      : Response.json(v ?? null)

/** The few routes these attacks hit, dispatched as Remix would (actions only). */
const ROUTES: [RegExp, Action][] = [
  [/^\/login$/, login.action as Action],
  [/^\/unit\/entries\/(\d+)\/media$/, entryMedia.action as Action],
  [/^\/unit\/entries\/(\d+)$/, entryPage.action as Action],
]

async function handle(request: Request): Promise<Response> {
  const { pathname } = new URL(request.url)
  for (const [pattern, action] of ROUTES) {
    const m = pattern.exec(pathname)
    if (!m) continue
    try {
      const params = m[1] ? { entryId: m[1] } : ({} as Record<string, string>)
      return toResponse(await action({ request, params, context: { clientIp: '127.0.0.1' } }))
    } catch (thrown) {
      if (thrown instanceof Response || isDataWithInit(thrown)) return toResponse(thrown)
      return new Response(String(thrown), { status: 500 })
    }
  }
  return new Response('not found', { status: 404 })
}

beforeAll(async () => {
  setClock(IN_NOMINATION)
  org = await createOrgTree()
  const officer = await createUser([{ role: 'unit', orgUnitId: org.unit }])
  cookie = await cookieFor(officer.id)
  const contest = await insertContest(org.organiser)
  const db = getDb()
  const model = await db
    .insertInto('models')
    .values({
      slug: 'mo-hinh-gioi-han',
      unit_id: org.unit,
      title: 'Dân hiến đất làm đường',
      kind: 'model',
      field: 'economy',
      created_at: at,
      updated_at: at,
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  const entry = await db
    .insertInto('entries')
    .values({
      contest_id: contest.id,
      model_id: model.id,
      unit_id: org.unit,
      state: 'draft',
      title: 'Dân hiến đất làm đường',
      kind: 'model',
      field: 'economy',
      created_at: at,
      updated_at: at,
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  entryId = entry.id
  const app = express()
  app.all('*', bodyLimited(handle))
  await new Promise<void>((resolve) => {
    server = app.listen(0, '127.0.0.1', () => resolve())
  })
  const address = server.address()
  if (!address || typeof address === 'string') throw new Error('no address')
  base = `http://127.0.0.1:${address.port}`
})

beforeEach(() => setClock(IN_NOMINATION))
afterAll(async () => {
  setClock(null)
  server.closeAllConnections()
  await new Promise((resolve) => server.close(resolve))
})

const incoming = () => join(uploadDir(), '.incoming')
const leftovers = () => (existsSync(incoming()) ? readdirSync(incoming()) : [])

function multipart(parts: { name: string; filename?: string; type?: string; bytes: Uint8Array }[]) {
  const boundary = '----dvk-test-boundary-7f3a'
  const chunks: Buffer[] = []
  for (const p of parts) {
    const disposition =
      p.filename === undefined
        ? `form-data; name="${p.name}"`
        : `form-data; name="${p.name}"; filename="${p.filename}"`
    chunks.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: ${disposition}\r\n` +
          (p.type ? `Content-Type: ${p.type}\r\n` : '') +
          '\r\n',
      ),
      Buffer.from(p.bytes),
      Buffer.from('\r\n'),
    )
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`))
  return { body: Buffer.concat(chunks), type: `multipart/form-data; boundary=${boundary}` }
}

const jpeg = (width: number) =>
  sharp({ create: { width, height: 90, channels: 3, background: '#2f7d32' } })
    .jpeg()
    .toBuffer()

async function draftOf(id: number) {
  const row = await getDb()
    .selectFrom('entries')
    .select('draft')
    .where('id', '=', id)
    .executeTakeFirstOrThrow()
  return row.draft
}

describe('an anonymous 100 MB POST to /login', () => {
  it('is refused with 413 from its Content-Length, before the body is read', async () => {
    const res = await rawPost({
      url: `${base}/login`,
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      size: 100 * MB,
    })
    expect(res.error).toBeNull()
    expect(res.status).toBe(413)
    // The answer came while the client had sent a small part of the 100 MB.
    expect(res.sentAtResponse).toBeLessThan(20 * MB)
    expect(res.msToResponse).toBeLessThan(2000)
    expect(res.headers['content-type']).toMatch(/text\/html/)
    expect(res.body).toContain('Dữ liệu gửi lên quá lớn')
    expect(res.body).toContain('64 KB')
  })

  it('is refused with 413 when chunked, after counting just over the limit', async () => {
    const res = await rawPost({
      url: `${base}/login`,
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      size: 100 * MB,
      chunked: true,
      prefix: new TextEncoder().encode('username=admin&password='),
    })
    expect(res.error).toBeNull()
    expect(res.status).toBe(413)
    expect(res.sentAtResponse).toBeLessThan(20 * MB)
    expect(res.body).toContain('Dữ liệu gửi lên quá lớn')
  })

  it('still lets a sign-in of normal size through to the route', async () => {
    const res = await rawPost({
      url: `${base}/login`,
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      size: 'username=nobody&password=wrong'.length,
      prefix: new TextEncoder().encode('username=nobody&password=wrong'),
    })
    expect(res.status).toBe(401)
  })

  it('answers a Remix fetch submission with a turbo-stream 413 error and a JSON client with JSON', async () => {
    const data = await rawPost({
      url: `${base}/login.data`,
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      size: SMALL_BODY_BYTES + 1,
    })
    expect(data.status).toBe(413)
    const decoded = await decode(new Response(data.body).body!, {
      plugins: [
        (type: string, ...rest: unknown[]) =>
          type === 'ErrorResponse' ? { value: { status: rest[1], data: rest[0] } } : false,
      ],
    })
    expect(decoded.value).toEqual({
      error: { status: 413, data: { message: 'http.tooLarge.short' } },
    })
    const json = await rawPost({
      url: `${base}/login`,
      headers: { Accept: 'application/json', Cookie: 'dvk_lang=ImVuIg%3D%3D' },
      size: 2 * MB,
      chunked: true,
    })
    expect(json.status).toBe(413)
    expect(JSON.parse(json.body)).toEqual({ error: 'requestTooLarge', max: SMALL_BODY_BYTES })
  })
})

describe('uploads', () => {
  it('a chunked upload over the cap ends with the friendly 413, not a reset, and leaves no file', async () => {
    const { body, type } = multipart([
      { name: 'photos', filename: 'lon.jpg', bytes: new Uint8Array() },
    ])
    // The photo part's bytes run past the whole request's cap.
    const head = body.subarray(0, body.indexOf('\r\n--', 10))
    const res = await rawPost({
      url: `${base}/unit/entries/${entryId}/media`,
      headers: { 'Content-Type': type, Cookie: cookie, Accept: 'application/json' },
      size: UPLOAD_BODY_BYTES + 8 * MB,
      prefix: head,
      chunked: true,
      chunkBytes: 256 * 1024,
    })
    expect(res.error).toBeNull()
    expect(res.status).toBe(413)
    expect(JSON.parse(res.body)).toMatchObject({ error: 'requestTooLarge' })
    await expect.poll(leftovers).toEqual([])
    const count = await getDb()
      .selectFrom('media')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('entry_id', '=', entryId)
      .executeTakeFirstOrThrow()
    expect(Number(count.n)).toBe(0)
  }, 60_000)

  it('takes files whose names contain ; and = (each one stored, the batch not lost)', async () => {
    const { body, type } = multipart([
      { name: 'photos', filename: 'ảnh;1=a.jpg', type: 'image/jpeg', bytes: await jpeg(120) },
      { name: 'photos', filename: 'x=1; y=2.jpg', type: 'image/jpeg', bytes: await jpeg(130) },
      { name: 'photos', filename: 'thường.jpg', type: 'image/jpeg', bytes: await jpeg(140) },
    ])
    const res = await fetch(`${base}/unit/entries/${entryId}/media`, {
      method: 'POST',
      headers: { 'Content-Type': type, Cookie: cookie, Accept: 'application/json' },
      body,
    })
    expect(res.status).toBe(200)
    const { results } = (await res.json()) as { results: { name: string; ok: boolean }[] }
    expect(results.map((r) => [r.name, r.ok])).toEqual([
      ['ảnh;1=a.jpg', true],
      ['x=1; y=2.jpg', true],
      ['thường.jpg', true],
    ])
    const names = await getDb()
      .selectFrom('media')
      .select('original_name')
      .where('entry_id', '=', entryId)
      .orderBy('position')
      .execute()
    expect(names.map((n) => n.original_name)).toEqual(['ảnh;1=a.jpg', 'x=1; y=2.jpg', 'thường.jpg'])
    expect(leftovers()).toEqual([])
  })

  it('cleans every field and file name as the form door does (bidi, invisible, path)', async () => {
    const { body, type } = multipart([
      { name: 'intent', bytes: new TextEncoder().encode('caption') },
      { name: 'caption', bytes: new TextEncoder().encode('Ảnh\u202Egpj.exe\u200B họp dân') },
      {
        name: 'photos',
        filename: 'C:\\ảnh\u202Egpj.exe\u00AD.jpg',
        type: 'image/jpeg',
        bytes: await jpeg(120),
      },
    ])
    const request = new Request(`${base}/unit/entries/${entryId}/media`, {
      method: 'POST',
      headers: { 'Content-Type': type },
      body,
    })
    const upload = await readUploadForm(request)
    try {
      expect(upload.form.get('intent')).toBe('caption')
      expect(upload.form.get('caption')).toBe('Ảnhgpj.exe họp dân')
      expect(upload.files.map((f) => f.name)).toEqual(['ảnhgpj.exe.jpg'])
      // NFC, as the form door stores text: a decomposed "ả" is composed.
      const decomposed = multipart([{ name: 'caption', bytes: Buffer.from('a\u0309', 'utf8') }])
      const again = await readUploadForm(
        new Request(request.url, {
          method: 'POST',
          headers: { 'Content-Type': decomposed.type },
          body: decomposed.body,
        }),
      )
      expect(again.form.get('caption')).toBe('ả')
      await again.cleanup()
    } finally {
      await upload.cleanup()
    }
    expect(leftovers()).toEqual([])
  })

  it.each([
    [
      'a part without Content-Disposition',
      '--B\r\nContent-Type: image/jpeg\r\n\r\nxx\r\n--B--\r\n',
    ],
    [
      'a body that ends inside a part',
      '--B\r\nContent-Disposition: form-data; name="photos"; filename="a.jpg"\r\n\r\nxxxx',
    ],
    [
      'an unterminated quoted name',
      '--B\r\nContent-Disposition: form-data; name="photos\r\n\r\nx\r\n--B--\r\n',
    ],
    ['no boundary at all', 'just some bytes'],
  ])('answers malformed multipart (%s) with 400, not 500', async (_label, text) => {
    for (const accept of ['application/json', 'text/html']) {
      const res = await fetch(`${base}/unit/entries/${entryId}/media`, {
        method: 'POST',
        headers: {
          'Content-Type': 'multipart/form-data; boundary=B',
          Cookie: cookie,
          Accept: accept,
        },
        body: text,
      })
      expect(res.status).toBe(400)
    }
    expect(leftovers()).toEqual([])
  })
})

describe('draft autosave', () => {
  const form = (fields: Record<string, string>) => new URLSearchParams(fields).toString()

  it('keeps only the form’s own fields: a junk field is not stored', async () => {
    const body = form({
      intent: 'autosave',
      title: 'Dân hiến đất làm đường liên thôn',
      summary: 'Tóm tắt',
      junk: 'x'.repeat(600 * 1024),
      'indicators[0].label': 'Số hộ',
      'indicators[0].evil': 'y'.repeat(1000),
    })
    const res = await fetch(`${base}/unit/entries/${entryId}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', Cookie: cookie },
      body,
    })
    expect(res.status).toBe(200)
    const draft = await draftOf(entryId)
    expect(draft.length).toBeLessThan(1000)
    expect(JSON.parse(draft)).toEqual({
      __form: 1,
      title: 'Dân hiến đất làm đường liên thôn',
      summary: 'Tóm tắt',
      indicators: [{ label: 'Số hộ' }],
    })
  })

  it('refuses a 20 MB junk field with 413 and leaves the draft as it was', async () => {
    const before = await draftOf(entryId)
    const res = await rawPost({
      url: `${base}/unit/entries/${entryId}.data`,
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', Cookie: cookie },
      size: 20 * MB,
      prefix: new TextEncoder().encode('intent=autosave&title=abc&junk='),
    })
    expect(res.status).toBe(413)
    expect(await draftOf(entryId)).toBe(before)
  })

  it('bounds a known field at twice its maximum length', async () => {
    const res = await fetch(`${base}/unit/entries/${entryId}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', Cookie: cookie },
      body: form({ intent: 'autosave', title: 'Tên', summary: 's'.repeat(5000) }),
    })
    expect(res.status).toBe(200)
    const draft = JSON.parse(await draftOf(entryId)) as { summary: string }
    expect(draft.summary).toHaveLength(2000)
  })
})
