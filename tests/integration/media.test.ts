import { sql } from 'kysely'
import { PDFDocument, PDFName, PDFString } from 'pdf-lib'
import sharp from 'sharp'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { getDb } from '#db/index'
import { setClock } from '~/clock.server'
import { addEntryFiles, listEntryMedia, updateEntryMedia } from '~/media/media.server'
import { mediaMessages } from '~/media/messages'
import { MediaRefusal, processPhoto } from '~/media/process.server'
import { MAX_REQUEST_BYTES, MIB, type FileResult, type MediaItem } from '~/media/rules'
import * as mediaRoute from '~/routes/media'
import * as entryMedia from '~/routes/unit/entry-media'
import { getStorage, localDiskStorage } from '~/storage/storage.server'
import { call } from '../support/remix'
import {
  cookieFor,
  createOrgTree,
  createUser,
  type OrgTree,
  insertContest,
} from '../support/fixtures'

/**
 * Photos and documents of an entry, end to end through the route actions with real
 * files made here with sharp: type by content, size and count limits, corrupt files,
 * EXIF/GPS stripping, WebP variants, roles, the deadline, and serving with the right
 * headers to the right people only.
 */

const IN_NOMINATION = new Date('2025-07-01T03:00:00.000Z')
const AFTER_DEADLINE = new Date('2025-10-05T03:00:00.000Z')
const at = '2025-06-15T00:00:00.000Z'

let org: OrgTree
let contestId: number
const users = {} as Record<'officer' | 'otherOfficer' | 'judge' | 'organiser', number>
const cookies = {} as Record<keyof typeof users, string>

async function newEntry(unitId = org.unit, state: 'draft' | 'submitted' = 'draft') {
  const db = getDb()
  const model = await db
    .insertInto('models')
    .values({
      slug: `mo-hinh-${Math.random().toString(36).slice(2)}`,
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
      contest_id: contestId,
      model_id: model.id,
      unit_id: unitId,
      state,
      ...(state === 'submitted' ? { snapshot: '{}', submitted_at: at, version: 1 } : {}),
      title: 'Dân hiến đất làm đường',
      kind: 'model',
      field: 'economy',
      created_at: at,
      updated_at: at,
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  return { entryId: entry.id, modelId: model.id }
}

async function signIn() {
  for (const [role, id] of Object.entries(users)) {
    cookies[role as keyof typeof users] = await cookieFor(id)
  }
}

beforeAll(async () => {
  setClock(IN_NOMINATION)
  org = await createOrgTree()
  users.officer = (await createUser([{ role: 'unit', orgUnitId: org.unit }])).id
  users.otherOfficer = (await createUser([{ role: 'unit', orgUnitId: org.otherUnit }])).id
  users.judge = (await createUser([{ role: 'judge', orgUnitId: null }])).id
  users.organiser = (await createUser([{ role: 'admin', orgUnitId: org.organiser }])).id
  await signIn()
  const contest = await insertContest(org.organiser)
  contestId = contest.id
})

beforeEach(() => setClock(IN_NOMINATION))
afterAll(() => setClock(null))

// ── Files made for the tests ─────────────────────────────────────────────────

/** A photo-like picture (smooth gradients and noise, so encoders have work to do). */
function picture(width: number, height: number) {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">
    <defs><linearGradient id="g" x1="0" y1="0" x2="1" y2="1">
      <stop offset="0" stop-color="#2f7d32"/><stop offset="1" stop-color="#f3a46b"/></linearGradient></defs>
    <rect width="100%" height="100%" fill="url(#g)"/>
    <circle cx="${width / 3}" cy="${height / 3}" r="${height / 5}" fill="#fff6c9"/></svg>`
  return sharp(Buffer.from(svg))
}

/** A phone photo: 1600 × 1200 pixels stored sideways (EXIF orientation 6), with GPS position. */
function gpsJpeg() {
  return picture(1600, 1200)
    .jpeg({ quality: 90 })
    .withExif({
      IFD0: { Make: 'DVK Test Camera', Model: 'Phone 1' },
      IFD3: {
        GPSLatitudeRef: 'N',
        GPSLatitude: '23/1 7/1 30/1',
        GPSLongitudeRef: 'E',
        GPSLongitude: '105/1 8/1 0/1',
        GPSMapDatum: 'WGS-84',
      },
    })
    .withMetadata({ orientation: 6 })
    .toBuffer()
}

const smallJpeg = (n = 0) =>
  picture(200 + n, 150)
    .jpeg()
    .toBuffer()
const file = (bytes: Uint8Array | string, name: string, type = 'image/jpeg') =>
  new File([bytes as BlobPart], name, { type })
// A one-page PDF, as small as a real one can be.
const pdfBytes = () =>
  new TextEncoder().encode(
    '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n',
  )

/** The GPS sub-directory pointer of EXIF (tag 0x8825), in either byte order. */
const hasGpsTag = (exif: Buffer | undefined) =>
  !!exif && (exif.includes(Buffer.from([0x88, 0x25])) || exif.includes(Buffer.from([0x25, 0x88])))

// ── Calling the routes ──────────────────────────────────────────────────────

type Json = { results?: FileResult[]; error?: string; ok?: boolean; done?: string }

function post(
  entryId: number,
  form: Record<string, string | Blob | (string | Blob)[]>,
  opts: { cookie?: string; json?: boolean } = {},
) {
  return call(entryMedia.action, {
    path: `/unit/entries/${entryId}/media`,
    params: { entryId: String(entryId) },
    cookie: opts.cookie ?? cookies.officer,
    headers: opts.json === false ? {} : { Accept: 'application/json' },
    form,
  })
}

async function upload(entryId: number, photos: File[], documents: File[] = []) {
  const res = await post(entryId, { photos, documents })
  expect(res.status).toBe(200)
  return (res.data as Json).results!
}

const accepted = (r: FileResult | undefined) => {
  if (!r?.ok) throw new Error(`expected acceptance, got ${JSON.stringify(r)}`)
  return r.media
}

async function stored(url: string) {
  const bytes = await localDiskStorage.get(url.replace(/^\/media\//, ''))
  if (!bytes) throw new Error(`no stored file for ${url}`)
  return Buffer.from(bytes)
}

function serve(url: string, cookie?: string, headers: Record<string, string> = {}) {
  return call(mediaRoute.loader, {
    path: url,
    params: { '*': url.replace(/^\/media\//, '') },
    cookie,
    headers,
  })
}

// ── Uploads ─────────────────────────────────────────────────────────────────

describe('uploading photos', () => {
  it('strips EXIF and GPS, turns the photo upright and makes WebP variants', async () => {
    const { entryId } = await newEntry()
    const input = await gpsJpeg()
    const meta = await sharp(input).metadata()
    expect(hasGpsTag(meta.exif)).toBe(true)
    expect(input.includes(Buffer.from('WGS-84'))).toBe(true)
    expect(meta.orientation).toBe(6)

    const [result] = await upload(entryId, [file(input, 'IMG_20250701_0930.jpg')])
    const photo = accepted(result)
    expect(photo).toMatchObject({
      kind: 'photo',
      mimeType: 'image/jpeg',
      width: 1200, // upright: the sideways 1600 × 1200 becomes 1200 × 1600
      height: 1600,
      isCover: true,
      position: 1,
      originalName: 'IMG_20250701_0930.jpg',
    })
    expect(photo.url).toMatch(/^\/media\/media\/[0-9a-f]{32}\.jpg$/)

    const original = await stored(photo.url)
    const out = await sharp(original).metadata()
    expect(out.exif).toBeUndefined()
    expect(out.orientation).toBeUndefined()
    expect([out.format, out.width, out.height]).toEqual(['jpeg', 1200, 1600])
    for (const text of ['WGS-84', 'DVK Test Camera']) {
      expect(original.includes(Buffer.from(text))).toBe(false)
    }

    expect(photo.variants.map((v) => [v.width, v.height])).toEqual([
      [320, 427],
      [640, 853],
    ])
    const rows = await getDb()
      .selectFrom('media_variants')
      .selectAll()
      .where('media_id', '=', photo.id)
      .orderBy('width')
      .execute()
    expect(rows.map((r) => [r.width, r.mime_type])).toEqual([
      [320, 'image/webp'],
      [640, 'image/webp'],
    ])
    for (const v of photo.variants) {
      const bytes = await stored(v.url)
      const m = await sharp(bytes).metadata()
      expect([m.format, m.width, m.height, m.exif]).toEqual(['webp', v.width, v.height, undefined])
      expect(bytes.includes(Buffer.from('WGS-84'))).toBe(false)
    }

    const audit = await getDb()
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'media.add')
      .where('subject_id', '=', String(photo.id))
      .executeTakeFirstOrThrow()
    expect(audit.actor_id).toBe(users.officer)
  })

  it('caps the original at 2560 px and makes all three variants', async () => {
    const { entryId } = await newEntry()
    const big = await picture(4000, 3000).jpeg({ quality: 90 }).toBuffer()
    const photo = accepted((await upload(entryId, [file(big, 'big.jpg')]))[0])
    expect([photo.width, photo.height]).toEqual([2560, 1920])
    expect(photo.variants.map((v) => v.width)).toEqual([320, 640, 1280])
  })

  it('decides the type by content: a PNG named .jpg is a PNG, text named .jpg is refused', async () => {
    const { entryId } = await newEntry()
    const png = await picture(300, 200).png().toBuffer()
    const results = await upload(entryId, [
      file(png, 'renamed.jpg', 'image/jpeg'),
      file('Đây là một tệp văn bản, không phải ảnh.', 'notes.jpg', 'image/jpeg'),
    ])
    const pngPhoto = accepted(results[0])
    expect(pngPhoto.mimeType).toBe('image/png')
    expect(pngPhoto.url).toMatch(/\.png$/)
    expect((await sharp(await stored(pngPhoto.url)).metadata()).format).toBe('png')
    expect(results[1]).toEqual({ name: 'notes.jpg', ok: false, error: 'notPhoto' })
  })

  it('stores a file name without its bidi controls: "anh\\u202Egpj.exe" does not pose as a .jpg', async () => {
    const { entryId } = await newEntry()
    const results = await upload(entryId, [
      file(await smallJpeg(), 'anh\u202Egpj.exe'),
      file('không phải ảnh', 'ghi\u202Echu\u200B.jpg'),
    ])
    const photo = accepted(results[0])
    expect(photo.originalName).toBe('anhgpj.exe')
    expect(photo.mimeType).toBe('image/jpeg')
    // A refused file is named in the message without its controls either.
    expect(results[1]).toEqual({ name: 'ghichu.jpg', ok: false, error: 'notPhoto' })
    const names = await getDb()
      .selectFrom('media')
      .select('original_name')
      .where('entry_id', '=', entryId)
      .execute()
    expect(names).toEqual([{ original_name: 'anhgpj.exe' }])
  })

  it('refuses an empty file, a truncated JPEG and an oversized file, and keeps the rest', async () => {
    const { entryId } = await newEntry()
    const jpeg = await picture(800, 600).jpeg().toBuffer()
    const truncated = jpeg.subarray(0, Math.floor(jpeg.length * 0.6))
    // A valid JPEG start and 16 MB of padding: refused on size before anything is decoded.
    const oversized = Buffer.concat([jpeg.subarray(0, 20), Buffer.alloc(16 * MIB)])
    const results = await upload(entryId, [
      file(new Uint8Array(), 'empty.jpg'),
      file(truncated, 'cut.jpg'),
      file(oversized, 'huge.jpg'),
      file(jpeg, 'good.jpg'),
    ])
    expect(results.map((r) => (r.ok ? 'ok' : r.error))).toEqual([
      'empty',
      'corrupt',
      'photoTooLarge',
      'ok',
    ])
    expect(results.map((r) => r.name)).toEqual(['empty.jpg', 'cut.jpg', 'huge.jpg', 'good.jpg'])
    const { photos } = await listEntryMedia(entryId)
    expect(photos.map((p) => p.originalName)).toEqual(['good.jpg'])
  })

  it('checks the size first when called directly, too', async () => {
    const { entryId } = await newEntry()
    const jpegStart = (await smallJpeg()).subarray(0, 20)
    const [r] = await addEntryFiles(entryId, users.officer, [
      { name: 'x.jpg', kind: 'photo', bytes: Buffer.concat([jpegStart, Buffer.alloc(15 * MIB)]) },
    ])
    expect(r).toEqual({ name: 'x.jpg', ok: false, error: 'photoTooLarge' })
  })

  it('takes 12 photos and refuses the 13th, keeping the 12', async () => {
    const { entryId } = await newEntry()
    const files = await Promise.all(
      Array.from({ length: 13 }, async (_, i) => file(await smallJpeg(i), `anh-${i + 1}.jpg`)),
    )
    // Without JavaScript: one multipart post, answered by a redirect carrying the outcome.
    const res = await post(entryId, { photos: files }, { json: false })
    expect(res.status).toBe(303)
    const location = new URL(res.location!, 'http://localhost')
    expect(location.pathname).toBe(`/unit/entries/${entryId}`)
    const messages = mediaMessages(location.searchParams)
    expect(messages.map((m) => [m.tone, m.key, m.params])).toEqual([
      ['success', 'media.done.added', { count: 12 }],
      ['error', 'media.error.tooManyPhotos', { name: 'anh-13.jpg', max: 12 }],
    ])
    const { photos } = await listEntryMedia(entryId)
    expect(photos.map((p) => p.position)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12])
    expect(photos.filter((p) => p.isCover).map((p) => p.position)).toEqual([1])
    const more = await upload(entryId, [file(await smallJpeg(), 'anh-14.jpg')])
    expect(more[0]).toMatchObject({ ok: false, error: 'tooManyPhotos' })
  })

  it('refuses a post with no file', async () => {
    const { entryId } = await newEntry()
    const res = await post(entryId, { photos: file(new Uint8Array(), '') })
    expect(res.status).toBe(400)
    expect(res.data).toEqual({ error: 'noFiles' })
  })

  it('refuses a request body over the limit with 413, before reading it', async () => {
    const { entryId } = await newEntry()
    const res = await call(entryMedia.action, {
      path: `/unit/entries/${entryId}/media`,
      params: { entryId: String(entryId) },
      cookie: cookies.officer,
      headers: {
        Accept: 'application/json',
        'Content-Type': 'multipart/form-data; boundary=x',
        'Content-Length': String(MAX_REQUEST_BYTES + 1),
      },
      body: '--x--',
    })
    expect(res.status).toBe(413)
    expect(res.data).toEqual({ error: 'requestTooLarge' })
  })

  it('stops reading a streamed body once it passes the limit', async () => {
    const { entryId } = await newEntry()
    const chunk = new Uint8Array(4 * MIB)
    const head = new TextEncoder().encode(
      '--x\r\nContent-Disposition: form-data; name="photos"; filename="endless.jpg"\r\nContent-Type: image/jpeg\r\n\r\n',
    )
    let sent = 0
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent === 0) controller.enqueue(head)
        sent += chunk.byteLength
        if (sent > MAX_REQUEST_BYTES + 8 * MIB) controller.close()
        else controller.enqueue(chunk)
      },
    })
    const res = await call(entryMedia.action, {
      path: `/unit/entries/${entryId}/media`,
      params: { entryId: String(entryId) },
      cookie: cookies.officer,
      headers: { Accept: 'application/json', 'Content-Type': 'multipart/form-data; boundary=x' },
      body,
    })
    expect(res.status).toBe(413)
    expect(sent).toBeLessThan(MAX_REQUEST_BYTES + 8 * MIB)
  })

  it('deletes the files it wrote when the database refuses the row', async () => {
    const { entryId } = await newEntry()
    const before = await getDb().selectFrom('media').select('id').execute()
    await sql`CREATE TRIGGER media_test_fail BEFORE INSERT ON media
      BEGIN SELECT RAISE(ABORT, 'simulated failure'); END`.execute(getDb())
    const written: string[] = []
    const storage = getStorage()
    const put = storage.put
    storage.put = async (key, bytes, type) => {
      written.push(key)
      await put.call(storage, key, bytes, type)
    }
    try {
      const [r] = await addEntryFiles(entryId, users.officer, [
        { name: 'a.jpg', kind: 'photo', bytes: await smallJpeg() },
      ])
      expect(r).toEqual({ name: 'a.jpg', ok: false, error: 'saveFailed' })
    } finally {
      storage.put = put
      await sql`DROP TRIGGER media_test_fail`.execute(getDb())
    }
    expect(written).toHaveLength(2) // the original and its one variant
    for (const key of written) expect(await localDiskStorage.get(key)).toBeNull()
    expect(await getDb().selectFrom('media').select('id').execute()).toEqual(before)
  })
})

describe('uploading documents', () => {
  it('accepts a PDF and refuses a fake one, a photo and a cut-off PDF', async () => {
    const { entryId } = await newEntry()
    const pdf = pdfBytes()
    const results = await upload(
      entryId,
      [],
      [
        file(pdf, 'Quyết định.pdf', 'application/pdf'),
        file('%PDX-1.4 not really', 'fake.pdf', 'application/pdf'),
        file(await smallJpeg(), 'photo.pdf', 'application/pdf'),
        file(pdf.subarray(0, 40), 'cut.pdf', 'application/pdf'),
      ],
    )
    expect(results.map((r) => (r.ok ? r.media.mimeType : r.error))).toEqual([
      'application/pdf',
      'notPdf',
      'notPdf',
      'corruptPdf',
    ])
    const doc = accepted(results[0])
    expect(doc).toMatchObject({ kind: 'document', width: null, variants: [], isCover: false })
    expect(Buffer.compare(await stored(doc.url), Buffer.from(pdf))).toBe(0)
  })

  it('refuses PDFs that run scripts, launch programs, carry files or are encrypted', async () => {
    const { entryId } = await newEntry()
    const active = async (arrange: (doc: PDFDocument) => void) => {
      const doc = await PDFDocument.create()
      doc.addPage()
      arrange(doc)
      return doc.save({ useObjectStreams: false })
    }
    const script = await active((doc) => {
      const js = doc.context.obj({ S: 'JavaScript', JS: PDFString.of('app.launchURL("x")') })
      doc.catalog.set(PDFName.of('OpenAction'), doc.context.register(js))
    })
    const launch = await active((doc) => {
      const run = doc.context.obj({ S: 'Launch', F: PDFString.of('cmd.exe') })
      doc.catalog.set(PDFName.of('OpenAction'), doc.context.register(run))
    })
    const attachment = await active(
      (doc) =>
        void doc.attach(new Uint8Array([0x50, 0x4b, 3, 4]), 'a.zip', {
          mimeType: 'application/zip',
        }),
    )
    const encrypted = await active((doc) => {
      doc.context.trailerInfo.Encrypt = doc.context.register(
        doc.context.obj({
          Filter: 'Standard',
          V: 1,
          R: 2,
          O: PDFString.of('o'),
          U: PDFString.of('u'),
          P: -4,
        }),
      )
    })
    const results = await upload(
      entryId,
      [],
      [
        file(script, 'Quyết định.pdf', 'application/pdf'),
        file(launch, 'Biên bản.pdf', 'application/pdf'),
        file(attachment, 'Hồ sơ.pdf', 'application/pdf'),
        file(encrypted, 'Mật.pdf', 'application/pdf'),
      ],
    )
    expect(results.map((r) => (r.ok ? 'accepted' : r.error))).toEqual([
      'activePdf',
      'activePdf',
      'activePdf',
      'encryptedPdf',
    ])
    expect((await listEntryMedia(entryId)).documents).toEqual([])
  })

  it('refuses a document over 20 MB', async () => {
    const { entryId } = await newEntry()
    const big = Buffer.concat([Buffer.from(pdfBytes()), Buffer.alloc(20 * MIB)])
    const results = await upload(entryId, [], [file(big, 'big.pdf', 'application/pdf')])
    expect(results[0]).toMatchObject({ ok: false, error: 'documentTooLarge' })
  })
})

// ── Who may upload ──────────────────────────────────────────────────────────

describe('who may add files', () => {
  it('refuses another unit’s officer and a judge with 403, and signs anonymous visitors in', async () => {
    const { entryId } = await newEntry()
    const photos = [file(await smallJpeg(), 'a.jpg')]
    for (const role of ['otherOfficer', 'judge'] as const) {
      expect((await post(entryId, { photos }, { cookie: cookies[role], json: false })).status).toBe(
        403,
      )
      const json = await post(entryId, { photos }, { cookie: cookies[role] })
      expect([json.status, json.data]).toEqual([403, { error: 'forbidden' }])
    }
    const anonymous = await call(entryMedia.action, {
      path: `/unit/entries/${entryId}/media`,
      params: { entryId: String(entryId) },
      form: { photos },
    })
    expect(anonymous.status).toBe(302)
    expect(anonymous.location).toBe(
      `/login?redirectTo=${encodeURIComponent(`/unit/entries/${entryId}/media`)}`,
    )
    const anonymousJson = await post(entryId, { photos }, { cookie: '' })
    expect([anonymousJson.status, anonymousJson.data]).toEqual([401, { error: 'signedOut' }])
    expect((await listEntryMedia(entryId)).all).toEqual([])
  })

  it('refuses changes after the nomination deadline with 409', async () => {
    const { entryId } = await newEntry()
    const photo = accepted((await upload(entryId, [file(await smallJpeg(), 'a.jpg')]))[0])
    setClock(AFTER_DEADLINE)
    await signIn() // sessions are dated by the clock too
    const photos = [file(await smallJpeg(), 'late.jpg')]
    const json = await post(entryId, { photos })
    expect([json.status, json.data]).toEqual([409, { error: 'deadlinePassed' }])
    const noJs = await post(entryId, { photos }, { json: false })
    expect(noJs.status).toBe(303)
    expect(mediaMessages(new URL(noJs.location!, 'http://x').searchParams)[0]?.key).toBe(
      'entry.error.deadlinePassed',
    )
    const remove = await post(entryId, { intent: 'remove', mediaId: String(photo.id) })
    expect(remove.status).toBe(409)
    await expect(
      updateEntryMedia(entryId, users.officer, [{ op: 'remove', mediaId: photo.id }]),
    ).rejects.toThrow(MediaRefusal)
    expect((await listEntryMedia(entryId)).photos).toHaveLength(1)
    setClock(IN_NOMINATION)
    await signIn()
  })

  it('refuses changes to a submitted entry with 409', async () => {
    const { entryId } = await newEntry(org.unit, 'submitted')
    const json = await post(entryId, { photos: [file(await smallJpeg(), 'a.jpg')] })
    expect([json.status, json.data]).toEqual([409, { error: 'notEditable' }])
  })

  it('redirects the loader to the entry page for the owner only', async () => {
    const { entryId } = await newEntry()
    const load = (cookie?: string) =>
      call(entryMedia.loader, {
        path: `/unit/entries/${entryId}/media`,
        params: { entryId: String(entryId) },
        cookie,
      })
    expect((await load(cookies.officer)).location).toBe(`/unit/entries/${entryId}`)
    expect((await load(cookies.otherOfficer)).status).toBe(403)
  })
})

// ── Captions, order, cover, removal ─────────────────────────────────────────

describe('editing photos', () => {
  let entryId: number
  let photos: MediaItem[]

  beforeAll(async () => {
    setClock(IN_NOMINATION)
    ;({ entryId } = await newEntry())
    const files = await Promise.all(
      [0, 1, 2].map(async (i) => file(await smallJpeg(i), `p${i}.jpg`)),
    )
    photos = (await upload(entryId, files)).map(accepted)
  })

  const order = async () =>
    (await listEntryMedia(entryId)).photos.map((p) => [p.originalName, p.position, p.isCover])

  it('saves captions up to 300 characters', async () => {
    const res = await post(entryId, {
      intent: 'caption',
      mediaId: String(photos[1]!.id),
      caption: '  Bà con hiến đất\nmở đường  ',
    })
    expect(res.data).toEqual({ ok: true, done: 'caption' })
    expect((await listEntryMedia(entryId)).photos[1]?.caption).toBe('Bà con hiến đất mở đường')
    const long = await post(entryId, {
      intent: 'caption',
      mediaId: String(photos[1]!.id),
      caption: 'ả'.repeat(301),
    })
    expect([long.status, long.data]).toEqual([400, { error: 'captionTooLong' }])
  })

  it('moves photos up and down, keeping positions 1..n', async () => {
    await post(entryId, { intent: 'move-down', mediaId: String(photos[0]!.id) })
    expect(await order()).toEqual([
      ['p1.jpg', 1, false],
      ['p0.jpg', 2, true],
      ['p2.jpg', 3, false],
    ])
    const res = await post(
      entryId,
      { intent: 'move-up', mediaId: String(photos[2]!.id) },
      { json: false },
    )
    expect(res.status).toBe(303)
    expect(res.location).toBe(`/unit/entries/${entryId}?media=moved#media`)
    expect(await order()).toEqual([
      ['p1.jpg', 1, false],
      ['p2.jpg', 2, false],
      ['p0.jpg', 3, true],
    ])
    // Moving the last one down changes nothing.
    await post(entryId, { intent: 'move-down', mediaId: String(photos[0]!.id) })
    expect((await order()).map((o) => o[1])).toEqual([1, 2, 3])
    await updateEntryMedia(entryId, users.officer, [
      { op: 'order', kind: 'photo', mediaIds: [photos[0]!.id, photos[1]!.id, photos[2]!.id] },
    ])
    expect((await order()).map((o) => o[0])).toEqual(['p0.jpg', 'p1.jpg', 'p2.jpg'])
  })

  it('keeps exactly one cover', async () => {
    await post(entryId, { intent: 'cover', mediaId: String(photos[2]!.id) })
    expect((await order()).filter((o) => o[2])).toEqual([['p2.jpg', 3, true]])
  })

  it('removes a photo with its files, renumbers, and passes the cover on', async () => {
    const victim = photos[2]!
    const res = await post(entryId, { intent: 'remove', mediaId: String(victim.id) })
    expect(res.data).toEqual({ ok: true, done: 'removed' })
    expect(await order()).toEqual([
      ['p0.jpg', 1, true],
      ['p1.jpg', 2, false],
    ])
    for (const url of [victim.url, ...victim.variants.map((v) => v.url)]) {
      expect(await localDiskStorage.get(url.replace(/^\/media\//, ''))).toBeNull()
    }
    const audit = await getDb()
      .selectFrom('audit_log')
      .select(['actor_id', 'before'])
      .where('action', '=', 'media.remove')
      .where('subject_id', '=', String(victim.id))
      .executeTakeFirstOrThrow()
    expect(audit.actor_id).toBe(users.officer)
    expect(JSON.parse(audit.before!)).toMatchObject({ entryId, name: 'p2.jpg' })
  })

  it('refuses media of another entry, and unknown intents', async () => {
    const other = await newEntry()
    const [foreign] = await upload(other.entryId, [file(await smallJpeg(), 'x.jpg')])
    const res = await post(entryId, { intent: 'remove', mediaId: String(accepted(foreign).id) })
    expect([res.status, res.data]).toEqual([404, { error: 'notFound' }])
    const bad = await post(entryId, { intent: 'explode', mediaId: String(photos[0]!.id) })
    expect([bad.status, bad.data]).toEqual([400, { error: 'badRequest' }])
  })
})

// ── Serving ─────────────────────────────────────────────────────────────────

describe('serving stored files', () => {
  let photo: MediaItem
  let doc: MediaItem

  beforeAll(async () => {
    setClock(IN_NOMINATION)
    const { entryId } = await newEntry()
    const results = await upload(
      entryId,
      [file(await picture(700, 500).jpeg().toBuffer(), 'a.jpg')],
      [file(pdfBytes(), 'Biên bản "họp" dân.pdf', 'application/pdf')],
    )
    photo = accepted(results[0])
    doc = accepted(results[1])
  })

  it('gives the owner the photo with its type, validator and private cache headers', async () => {
    const res = await serve(photo.url, cookies.officer)
    expect(res.status).toBe(200)
    expect(res.headers.get('Content-Type')).toBe('image/jpeg')
    expect(res.headers.get('X-Content-Type-Options')).toBe('nosniff')
    expect(res.headers.get('Cache-Control')).toBe('private, max-age=31536000, immutable')
    const etag = res.headers.get('ETag')!
    expect(etag).toMatch(/^"[0-9a-f]{64}"$/)
    const again = await serve(photo.url, cookies.officer, { 'If-None-Match': etag })
    expect(again.status).toBe(304)

    const variant = await serve(photo.variants[0]!.url, cookies.officer)
    expect(variant.status).toBe(200)
    expect(variant.headers.get('Content-Type')).toBe('image/webp')
  })

  it('serves PDFs as downloads under a sanitised name, sandboxed', async () => {
    const res = await serve(doc.url, cookies.officer)
    expect(res.status).toBe(200)
    expect(res.headers.get('Content-Type')).toBe('application/pdf')
    expect(res.headers.get('Content-Disposition')).toMatch(
      /^attachment; filename="Bien ban _hop_ dan\.pdf"; filename\*=UTF-8''Bi%C3%AAn/,
    )
    expect(res.headers.get('Content-Security-Policy')).toBe('sandbox')
  })

  it('lets the organiser of the area see it, and nobody else', async () => {
    expect((await serve(photo.url, cookies.organiser)).status).toBe(200)
    expect((await serve(photo.url, cookies.otherOfficer)).status).toBe(403)
    expect((await serve(photo.url, cookies.judge)).status).toBe(403)
    expect((await serve(photo.variants[0]!.url)).status).toBe(403)
    expect((await serve(doc.url)).status).toBe(403)
  })

  it('answers 404 for an unknown key', async () => {
    expect((await serve('/media/media/0123456789abcdef0123456789abcdef.jpg')).status).toBe(404)
  })

  it('serves a published model’s photo to anyone, publicly cacheable', async () => {
    const { modelId } = await newEntry()
    const db = getDb()
    const processed = await processPhoto(await picture(640, 480).jpeg().toBuffer())
    const key = 'media/feedfacefeedfacefeedfacefeedface.jpg'
    await getStorage().put(key, processed.bytes, processed.mimeType)
    await db
      .insertInto('media')
      .values({
        kind: 'photo',
        storage_key: key,
        model_id: modelId,
        position: 1,
        is_cover: 1,
        mime_type: processed.mimeType,
        byte_size: processed.bytes.byteLength,
        width: processed.width,
        height: processed.height,
        sha256: processed.sha256,
        created_at: at,
      })
      .execute()
    expect((await serve(`/media/${key}`)).status).toBe(403)
    expect((await serve(`/media/${key}`, cookies.officer)).status).toBe(200)
    expect((await serve(`/media/${key}`, cookies.otherOfficer)).status).toBe(403)
    await db.updateTable('models').set({ published_at: at }).where('id', '=', modelId).execute()
    const res = await serve(`/media/${key}`)
    expect(res.status).toBe(200)
    expect(res.headers.get('Cache-Control')).toBe('public, max-age=31536000, immutable')
  })
})
