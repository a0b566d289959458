import type { ActionFunctionArgs } from '@remix-run/node'
import { createServer, type IncomingMessage, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import sharp from 'sharp'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { getDb } from '#db/index'
import { insertMedia } from '#db/repos/media'
import { createRouteHandler } from 'uploadthing/remix'
import { setClock } from '~/clock.server'
import { parseEnv } from '~/env.server'
import { uploadRouter, type UploadResult } from '~/media/upload-router.server'
import * as route from '~/routes/api.uploadthing'
import * as entryMedia from '~/routes/unit/entry-media'
import { storageFor } from '~/storage/storage.server'
import {
  createUploadThingStorage,
  customIdFor,
  uploadThingConfig,
} from '~/storage/uploadthing.server'
import {
  signUploadThing,
  startFakeUploadThing,
  type FakeUploadThing,
} from '../support/fake-uploadthing'
import {
  cookieFor,
  createOrgTree,
  createUser,
  userWithRole,
  type OrgTree,
  insertContest,
} from '../support/fixtures'

/**
 * The UploadThing path end to end with the real SDK: UTApi against the fake UploadThing, and the
 * file router behind a real HTTP server on 127.0.0.1 so the fake can call it back. The browser's
 * part of the protocol (asking for signed URLs, HEAD and PUT of the file) is driven with fetch,
 * exactly as @uploadthing/react does it.
 */

let fake: FakeUploadThing
let app: Server
let appUrl = ''
let org: OrgTree
let owner: { id: number; cookie: string }
let otherUnitCookie = ''
let entryId = 0

const at = '2025-06-01T00:00:00.000Z'

async function readBody(req: IncomingMessage) {
  const chunks: Buffer[] = []
  for await (const chunk of req) chunks.push(chunk as Buffer)
  return Buffer.concat(chunks)
}

type Handler = (args: ActionFunctionArgs) => Promise<Response>

/** A loader and action behind node:http on 127.0.0.1, as the Express adapter would call them. */
async function startApp(handle: { loader: Handler; action: Handler } = route) {
  let base = ''
  const server = createServer((req, res) => {
    void (async () => {
      const headers = new Headers()
      for (const [k, v] of Object.entries(req.headers)) {
        if (typeof v === 'string') headers.set(k, v)
        else if (Array.isArray(v)) for (const item of v) headers.append(k, item)
      }
      const method = req.method ?? 'GET'
      const body = method === 'GET' || method === 'HEAD' ? undefined : await readBody(req)
      const request = new Request(`${base}${req.url ?? '/'}`, { method, headers, body })
      const args = { request, params: {}, context: { clientIp: '127.0.0.1' } }
      let response: Response
      try {
        response = await (method === 'GET' ? handle.loader(args) : handle.action(args))
      } catch (thrown) {
        response =
          thrown instanceof Response ? thrown : new Response(String(thrown), { status: 500 })
      }
      res.writeHead(response.status, Object.fromEntries(response.headers))
      res.end(Buffer.from(await response.arrayBuffer()))
    })()
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()))
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  return { server, url: base }
}

async function createEntry(unitId: number) {
  const db = getDb()
  const contest = await insertContest(org.organiser)
  const model = await db
    .insertInto('models')
    .values({
      slug: `mo-hinh-${contest.id}`,
      unit_id: unitId,
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
      unit_id: unitId,
      title: 'Dân hiến đất làm đường',
      kind: 'model',
      field: 'economy',
      created_at: at,
      updated_at: at,
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  return entry.id
}

/** A real JPEG carrying camera and GPS EXIF (the GPS IFD pointer is tag 0x8825). */
async function jpegWithGps() {
  return sharp({ create: { width: 800, height: 600, channels: 3, background: '#3a7d44' } })
    .jpeg({ quality: 80 })
    .withExif({
      IFD0: { Make: 'DvkTestCam', Model: 'GPS-1' },
      IFD3: {
        GPSLatitudeRef: 'N',
        GPSLatitude: '22/1 58/1 30/1',
        GPSLongitudeRef: 'E',
        GPSLongitude: '105/1 8/1 0/1',
      },
    })
    .toBuffer()
}

const hasGpsIfd = (exif: Buffer | undefined) =>
  !!exif && (exif.includes(Buffer.from([0x25, 0x88])) || exif.includes(Buffer.from([0x88, 0x25])))

interface Presigned {
  url: string
  key: string
  name: string
  customId: string | null
}

/** Step 1, as the browser: ask the app for signed upload URLs. */
function requestUpload(
  slug: string,
  files: { name: string; size: number; type: string }[],
  input: unknown,
  cookie?: string,
  base = appUrl,
) {
  return fetch(`${base}/api/uploadthing?actionType=upload&slug=${slug}`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'x-uploadthing-package': '@uploadthing/react',
      'x-uploadthing-version': '7.7.4',
      ...(cookie ? { cookie } : {}),
    },
    body: JSON.stringify({
      files: files.map((f) => ({ ...f, lastModified: Date.now() })),
      input,
    }),
  })
}

/** Step 3, as the browser: HEAD for the resume offset, then PUT the file as multipart. */
async function putFile(presigned: Presigned, bytes: Uint8Array, type: string) {
  const head = await fetch(presigned.url, { method: 'HEAD' })
  expect(head.status).toBe(200)
  const start = Number(head.headers.get('x-ut-range-start') ?? 0)
  const form = new FormData()
  form.append('file', new Blob([bytes.slice(start)], { type }), presigned.name)
  const res = await fetch(presigned.url, {
    method: 'PUT',
    headers: { range: `bytes=${start}-`, 'x-uploadthing-version': '7.7.4' },
    body: form,
  })
  return { status: res.status, json: (await res.json()) as { serverData: UploadResult | null } }
}

/** The whole browser side for one file: returns what the browser would see as serverData. */
async function uploadOne(name: string, bytes: Uint8Array, type: string, base = appUrl) {
  const res = await requestUpload(
    'entryPhotos',
    [{ name, size: bytes.length, type }],
    { entryId },
    owner.cookie,
    base,
  )
  expect(res.status).toBe(200)
  const [presigned] = (await res.json()) as Presigned[]
  const put = await putFile(presigned!, bytes, type)
  expect(put.status).toBe(200)
  return { presigned: presigned!, serverData: put.json.serverData }
}

beforeAll(async () => {
  fake = await startFakeUploadThing()
  // Read by app/env.server.ts on first use, which is after this point.
  process.env.UPLOADTHING_TOKEN = fake.token
  process.env.UPLOADTHING_API_URL = fake.url
  process.env.UPLOADTHING_INGEST_URL = fake.url
  // The bad-signature test makes the SDK log errors on purpose; the assertions say what matters.
  process.env.UPLOADTHING_LOG_LEVEL = 'None'
  ;({ server: app, url: appUrl } = await startApp())

  org = await createOrgTree()
  const user = await userWithRole('unit', org)
  owner = { id: user.id, cookie: await cookieFor(user.id) }
  const other = await createUser([{ role: 'unit', orgUnitId: org.otherUnit }])
  otherUnitCookie = await cookieFor(other.id)
  entryId = await createEntry(org.unit)
  setClock(new Date('2025-07-01T03:00:00.000Z')) // nominations are open
})

afterAll(async () => {
  setClock(null)
  await new Promise((resolve) => app.close(resolve))
  await fake.stop()
})

beforeEach(() => {
  fake.reset()
})

describe('UploadThing storage (UTApi)', () => {
  it('puts, gets and deletes by our own key, with the key as customId', async () => {
    const storage = createUploadThingStorage()
    const key = 'media/0123456789abcdef0123456789abcdef.jpg'
    const bytes = new Uint8Array([0xff, 0xd8, 0xff, 1, 2, 3])
    await storage.put(key, bytes, 'image/jpeg')

    const stored = fake.findFile(customIdFor(key))
    expect(stored).toMatchObject({ customId: customIdFor(key), type: 'image/jpeg', size: 6 })
    // The fake checked the signed URL and the API key; nothing was refused.
    expect(fake.requests.filter((r) => r.refused)).toEqual([])
    expect(fake.requests.map((r) => r.method)).toContain('PUT')

    expect(await storage.get(key)).toEqual(bytes)
    expect(await storage.get('media/ffffffffffffffffffffffffffffffff.jpg')).toBeNull()

    await storage.delete(key)
    expect(fake.findFile(customIdFor(key))).toBeUndefined()
    expect(await storage.get(key)).toBeNull()
  })

  it('refuses keys that are not ours', () => {
    expect(() => customIdFor('../etc/passwd')).toThrow(/Invalid storage key/)
    expect(() => customIdFor('Media/x.jpg')).toThrow(/Invalid storage key/)
  })

  it('stops the server at start-up when the token is not an UploadThing token', () => {
    expect(() => parseEnv({ UPLOADTHING_TOKEN: 'sk_live_pasted_the_api_key' })).toThrow(
      /UPLOADTHING_TOKEN: must be the token from the UploadThing dashboard/,
    )
    expect(parseEnv({ UPLOADTHING_TOKEN: fake.token }).UPLOADTHING_TOKEN).toBe(fake.token)
  })

  it('is what getStorage() hands out when UPLOADTHING_TOKEN is set', () => {
    expect(storageFor('uploadthing').backend).toBe('uploadthing')
  })
})

describe('the fake UploadThing', () => {
  it('refuses tampered upload URLs and calls without the API key', async () => {
    const res = await requestUpload(
      'entryPhotos',
      [{ name: 'a.jpg', size: 3, type: 'image/jpeg' }],
      { entryId },
      owner.cookie,
    )
    const [presigned] = (await res.json()) as Presigned[]
    const tampered = presigned!.url.replace('x-ut-file-size=3', 'x-ut-file-size=30000000')
    expect(tampered).not.toBe(presigned!.url)
    const form = new FormData()
    form.append('file', new Blob([new Uint8Array(3)]), 'a.jpg')
    const put = await fetch(tampered, { method: 'PUT', body: form })
    expect(put.status).toBe(403)
    expect(await put.json()).toEqual({ error: 'Invalid signature' })

    const api = await fetch(`${fake.url}/v6/deleteFiles`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-uploadthing-api-key': 'sk_wrong' },
      body: JSON.stringify({ fileKeys: ['x'] }),
    })
    expect(api.status).toBe(401)

    const preflight = await fetch(presigned!.url, {
      method: 'OPTIONS',
      headers: { origin: appUrl, 'access-control-request-method': 'PUT' },
    })
    expect(preflight.status).toBe(204)
    expect(preflight.headers.get('access-control-allow-headers')).toContain('range')
    expect(preflight.headers.get('access-control-expose-headers')).toBe('x-ut-range-start')
  })
})

describe('UploadThing file router', () => {
  it('serves the route config', async () => {
    const res = await fetch(`${appUrl}/api/uploadthing`)
    expect(res.status).toBe(200)
    const config = (await res.json()) as { slug: string; config: Record<string, unknown> }[]
    expect(config.map((c) => c.slug).sort()).toEqual(['entryDocuments', 'entryPhotos'])
  })

  it('takes a JPEG with GPS EXIF through the real protocol and keeps it without EXIF', async () => {
    const original = await jpegWithGps()
    expect(hasGpsIfd((await sharp(original).metadata()).exif)).toBe(true)

    const { presigned, serverData } = await uploadOne('IMG_0001.jpg', original, 'image/jpeg')

    // Step 2: the app registered the key and its metadata with the fake, with the API key.
    const registration = fake.requests.find((r) => r.path === '/route-metadata')
    expect(registration?.refused).toBeUndefined()
    expect(registration?.json).toMatchObject({
      fileKeys: [presigned.key],
      metadata: { entryId, userId: owner.id, kind: 'photo', ip: '127.0.0.1' },
      callbackSlug: 'entryPhotos',
      isDev: false,
    })
    // Step 4: the signed callback reached the app; step 5: its result came back.
    expect(fake.callbacks).toEqual([
      expect.objectContaining({ fileKey: presigned.key, status: 200 }),
    ])
    expect(fake.callbackResults.map((r) => r.fileKey)).toEqual([presigned.key])

    expect(serverData).toMatchObject({ ok: true, name: 'IMG_0001.jpg' })
    if (!serverData?.ok) throw new Error('upload refused')

    // The raw upload (with its GPS position) was deleted; the processed files are stored.
    expect(fake.deleted).toContain(presigned.key)
    expect(fake.files.has(presigned.key)).toBe(false)

    const rows = await getDb()
      .selectFrom('media')
      .selectAll()
      .where('entry_id', '=', entryId)
      .execute()
    expect(rows).toHaveLength(1)
    const row = rows[0]!
    expect(row).toMatchObject({
      id: serverData.media.id,
      kind: 'photo',
      storage: 'uploadthing',
      mime_type: 'image/jpeg',
      original_name: 'IMG_0001.jpg',
      uploaded_by: owner.id,
      is_cover: 1,
    })
    // Audited like the local path, with the uploader's address (not UploadThing's).
    const audit = await getDb()
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'media.add')
      .where('subject_id', '=', String(row.id))
      .executeTakeFirstOrThrow()
    expect(audit).toMatchObject({ actor_id: owner.id, ip: '127.0.0.1' })

    const storage = storageFor('uploadthing')
    const stored = await storage.get(row.storage_key)
    expect(stored).not.toBeNull()
    const meta = await sharp(stored!).metadata()
    expect(meta.format).toBe('jpeg')
    expect(meta.exif).toBeUndefined()
    expect(Buffer.from(stored!).includes(Buffer.from('DvkTestCam'))).toBe(false)

    const variants = await getDb()
      .selectFrom('media_variants')
      .selectAll()
      .where('media_id', '=', row.id)
      .execute()
    expect(variants.length).toBeGreaterThan(0)
    for (const v of variants) {
      const bytes = await storage.get(v.storage_key)
      expect((await sharp(bytes!).metadata()).format).toBe('webp')
      expect(fake.findFile(customIdFor(v.storage_key))?.type).toBe('image/webp')
    }
  })

  it('refuses a text file renamed .jpg with a clear message and keeps nothing', async () => {
    const before = await getDb()
      .selectFrom('media')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow()
    const text = new TextEncoder().encode('Đây không phải là ảnh, chỉ là một tệp văn bản.\n')
    const { presigned, serverData } = await uploadOne('not-a-photo.jpg', text, 'image/jpeg')
    expect(serverData).toEqual({ name: 'not-a-photo.jpg', ok: false, error: 'notPhoto' })
    expect(fake.deleted).toContain(presigned.key)
    const after = await getDb()
      .selectFrom('media')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow()
    expect(Number(after.n)).toBe(Number(before.n))
  })

  it('refuses a callback with a bad signature (400) and runs nothing', async () => {
    const payload = JSON.stringify({
      status: 'uploaded',
      file: {
        name: 'x.jpg',
        size: 3,
        type: 'image/jpeg',
        customId: null,
        key: 'forged-key',
        url: `${fake.url}/f/forged-key`,
        appUrl: `${fake.url}/f/forged-key`,
        ufsUrl: `${fake.url}/f/forged-key`,
        fileHash: 'x',
      },
      origin: fake.url,
      metadata: { entryId, userId: owner.id, kind: 'photo' },
    })
    const send = (signature: string) =>
      fetch(`${appUrl}/api/uploadthing?slug=entryPhotos`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'uploadthing-hook': 'callback',
          'x-uploadthing-signature': signature,
        },
        body: payload,
      })
    expect((await send(signUploadThing(payload, 'sk_wrong_key'))).status).toBe(400)
    expect((await send('hmac-sha256=00')).status).toBe(400)
    expect((await send('')).status).toBe(400)
    // Nothing reached onUploadComplete: it would have fetched the file and reported back.
    expect(fake.requests).toEqual([])
  })

  it('lets the middleware refuse other units and anonymous visitors', async () => {
    const file = [{ name: 'a.jpg', size: 1000, type: 'image/jpeg' }]
    const other = await requestUpload('entryPhotos', file, { entryId }, otherUnitCookie)
    expect(other.status).toBe(403)
    expect(await other.json()).toMatchObject({ code: 'forbidden' })

    const anonymous = await requestUpload('entryPhotos', file, { entryId })
    expect(anonymous.status).toBe(403)
    expect(await anonymous.json()).toMatchObject({ code: 'signedOut' })

    const missing = await requestUpload('entryPhotos', file, { entryId: 999_999 }, owner.cookie)
    expect(missing.status).toBe(404)

    const bad = await requestUpload('entryPhotos', file, { entryId: 'x' }, owner.cookie)
    expect(bad.status).toBe(400)
    // No URL was signed, so nothing was registered with UploadThing.
    expect(fake.requests.filter((r) => r.path === '/route-metadata')).toEqual([])
  })

  it('refuses uploads once the nomination deadline has passed', async () => {
    setClock(new Date('2025-10-05T00:00:00.000Z'))
    try {
      const res = await requestUpload(
        'entryPhotos',
        [{ name: 'a.jpg', size: 1000, type: 'image/jpeg' }],
        { entryId },
        owner.cookie,
      )
      expect(res.status).toBe(400)
      expect(await res.json()).toMatchObject({ code: 'deadlinePassed' })
    } finally {
      setClock(new Date('2025-07-01T03:00:00.000Z'))
    }
  })

  it('works in dev mode too: the callback comes back on the NDJSON stream', async () => {
    // `npm run dev` runs the SDK in dev mode: UploadThing streams the signed callback back on
    // the /route-metadata response and the SDK forwards it to the app itself.
    const dev = await startApp(
      createRouteHandler({
        router: uploadRouter,
        config: { ...uploadThingConfig()!, isDev: true },
      }),
    )
    try {
      const { presigned, serverData } = await uploadOne(
        'dev.jpg',
        await jpegWithGps(),
        'image/jpeg',
        dev.url,
      )
      expect(fake.requests.find((r) => r.path === '/route-metadata')?.json).toMatchObject({
        isDev: true,
      })
      // The fake did not call the app: the SDK forwarded the streamed callback.
      expect(fake.callbacks).toEqual([])
      expect(serverData).toMatchObject({ ok: true, name: 'dev.jpg' })
      expect(fake.deleted).toContain(presigned.key)
    } finally {
      await new Promise((resolve) => dev.server.close(resolve))
    }
  })

  it('without JavaScript, the ordinary form post also stores on UploadThing', async () => {
    const body = new FormData()
    body.append('photos', new Blob([await jpegWithGps()], { type: 'image/jpeg' }), 'no-js.jpg')
    const request = new Request(`http://localhost/unit/entries/${entryId}/media`, {
      method: 'POST',
      headers: { cookie: owner.cookie },
      body,
    })
    const res = (await entryMedia.action({
      request,
      params: { entryId: String(entryId) },
      context: { clientIp: '127.0.0.1' },
    })) as Response
    expect(res.status).toBe(303)
    expect(res.headers.get('Location')).toContain('media=added')
    const row = await getDb()
      .selectFrom('media')
      .selectAll()
      .where('entry_id', '=', entryId)
      .where('original_name', '=', 'no-js.jpg')
      .executeTakeFirstOrThrow()
    expect(row.storage).toBe('uploadthing')
    const stored = await storageFor('uploadthing').get(row.storage_key)
    expect((await sharp(stored!).metadata()).exif).toBeUndefined()
    // No raw upload here: the server received the bytes itself and stored only processed files.
    expect(fake.requests.filter((r) => r.path === '/route-metadata')).toEqual([])
  })

  it('refuses more photos than 12 in all, and files over the size limit, before signing', async () => {
    const existing = (
      await getDb()
        .selectFrom('media')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('entry_id', '=', entryId)
        .where('kind', '=', 'photo')
        .executeTakeFirstOrThrow()
    ).n
    for (let i = Number(existing); i < 12; i++) {
      await insertMedia(
        {
          kind: 'photo',
          storage_key: `media/${String(i).padStart(32, '0')}.jpg`,
          entry_id: entryId,
          position: i + 1,
          mime_type: 'image/jpeg',
          byte_size: 1,
          width: 1,
          height: 1,
          sha256: 'x',
          created_at: at,
        },
        [],
      )
    }
    const thirteenth = await requestUpload(
      'entryPhotos',
      [{ name: '13.jpg', size: 1000, type: 'image/jpeg' }],
      { entryId },
      owner.cookie,
    )
    expect(thirteenth.status).toBe(400)
    expect(await thirteenth.json()).toMatchObject({ code: 'tooManyPhotos' })

    const huge = await requestUpload(
      'entryDocuments',
      [{ name: 'big.pdf', size: 40 * 1024 * 1024, type: 'application/pdf' }],
      { entryId },
      owner.cookie,
    )
    expect(huge.status).toBe(400)
    expect(await huge.json()).toMatchObject({ code: 'documentTooLarge' })
    expect(fake.requests.filter((r) => r.path === '/route-metadata')).toEqual([])
  })
})
