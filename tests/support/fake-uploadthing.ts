/**
 * A fake UploadThing on 127.0.0.1, so the real `uploadthing` SDK (server and browser halves) runs
 * end to end without the internet. It implements what the SDK 7.7.x talks to:
 *
 * - ingest: `POST /route-metadata` (a file route registers the keys it signed, with its metadata
 *   and callback URL), `HEAD /:key` and `PUT /:key` (the upload itself, to a URL the app signed
 *   with its API key; multipart field `file`, `Range: bytes=N-`), `POST /callback-result`
 *   (the app's `onUploadComplete` result, returned to the uploader as `serverData`);
 * - the signed callback to the app: `POST {callbackUrl}?slug=…` with `uploadthing-hook: callback`
 *   and `x-uploadthing-signature` (in dev mode streamed back as NDJSON instead, as the real
 *   service does, and forwarded by the SDK itself);
 * - the REST API UTApi uses: `/v6/deleteFiles`, `/v6/requestFileAccess`, `/v6/getFileUrl`,
 *   `/v6/listFiles`;
 * - file URLs: `GET /f/:keyOrCustomId` (and `/a/:appId/:key`), signed when the file is private;
 * - CORS for the browser's HEAD/PUT, and `GET /healthz` for Playwright's webServer.
 *
 * Every signature (URL and callback) and the `x-uploadthing-api-key` header are checked; what
 * was refused is recorded with why, so tests can assert on it.
 *
 * Use it from a test with `startFakeUploadThing()`, or run it as a script (Playwright's
 * webServer): `tsx tests/support/fake-uploadthing.ts` with FAKE_UPLOADTHING_PORT (default 3212).
 */
import { createHash, createHmac, timingSafeEqual } from 'node:crypto'
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { pathToFileURL } from 'node:url'

/** The fake app's credentials; tests give the app `fakeUploadThingToken()`. */
export const FAKE_UT_API_KEY = 'sk_test_fake_uploadthing_0123456789abcdef'
export const FAKE_UT_APP_ID = 'dvkfakeapp'

/** A token in UploadThing's format (base64 JSON) for these credentials. */
export function fakeUploadThingToken(apiKey = FAKE_UT_API_KEY, appId = FAKE_UT_APP_ID) {
  return Buffer.from(JSON.stringify({ apiKey, appId, regions: ['fake-local'] })).toString('base64')
}

/** `hmac-sha256=<hex>` of `payload`, as UploadThing signs callbacks and URLs. */
export function signUploadThing(payload: string, apiKey = FAKE_UT_API_KEY) {
  return `hmac-sha256=${createHmac('sha256', apiKey).update(payload).digest('hex')}`
}

export interface StoredFile {
  key: string
  customId: string | null
  name: string
  size: number
  type: string
  acl: 'public-read' | 'private'
  bytes: Buffer
  fileHash: string
  /** The file route slug, for uploads from a file route (absent for UTApi uploads). */
  slug: string | null
  uploadedAt: number
}

export interface RecordedRequest {
  method: string
  path: string
  headers: Record<string, string | string[] | undefined>
  /** Parsed JSON body, when the body was JSON. */
  json?: unknown
  /** Set when the fake refused the request: why. */
  refused?: string
}

export interface CallbackAttempt {
  fileKey: string
  url: string
  status: number
  body: string
}

interface Registration {
  metadata: unknown
  callbackUrl: string
  callbackSlug: string
  isDev: boolean
  awaitServerData: boolean
  /** Dev mode: the open NDJSON response the callbacks are written to. */
  stream?: ServerResponse
  pending: Set<string>
}

export interface FakeUploadThing {
  /** Base URL, e.g. http://127.0.0.1:3212: the app's UPLOADTHING_INGEST_URL and _API_URL. */
  url: string
  token: string
  apiKey: string
  appId: string
  /** Everything received, in order. */
  requests: RecordedRequest[]
  /** Stored files by key. */
  files: Map<string, StoredFile>
  /** Callbacks sent to the app and how it answered. */
  callbacks: CallbackAttempt[]
  /** The app's onUploadComplete results (`POST /callback-result`). */
  callbackResults: { fileKey: string; callbackData: unknown }[]
  /** Keys removed through deleteFiles. */
  deleted: string[]
  /** Waits until the app has sent a callback result for this file key. */
  waitForCallbackResult(fileKey: string, timeoutMs?: number): Promise<unknown>
  findFile(keyOrCustomId: string): StoredFile | undefined
  reset(): void
  stop(): Promise<void>
}

export interface FakeOptions {
  port?: number
  host?: string
  apiKey?: string
  appId?: string
  /** Store files private unless the upload says otherwise (file URLs then need a signature). */
  privateByDefault?: boolean
  /** How long a PUT waits for the app's callback result before answering without serverData. */
  callbackTimeoutMs?: number
  log?: (line: string) => void
}

const CORS_HEADERS = {
  'Access-Control-Allow-Origin': '*',
  'Access-Control-Allow-Methods': 'GET, HEAD, PUT, POST, OPTIONS',
  'Access-Control-Allow-Headers':
    'range, x-uploadthing-version, b3, traceparent, content-type, x-uploadthing-api-key',
  'Access-Control-Expose-Headers': 'x-ut-range-start',
  'Access-Control-Max-Age': '600',
}

class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message)
  }
}

function sameSignature(expected: string, given: string | null | undefined) {
  if (!given) return false
  const a = Buffer.from(expected)
  const b = Buffer.from(given)
  return a.length === b.length && timingSafeEqual(a, b)
}

async function readBody(req: IncomingMessage) {
  const chunks: Buffer[] = []
  for await (const chunk of req) chunks.push(chunk as Buffer)
  return Buffer.concat(chunks)
}

function sendJson(res: ServerResponse, status: number, body: unknown) {
  res.writeHead(status, { ...CORS_HEADERS, 'Content-Type': 'application/json' })
  res.end(JSON.stringify(body))
}

export async function startFakeUploadThing(options: FakeOptions = {}): Promise<FakeUploadThing> {
  const apiKey = options.apiKey ?? FAKE_UT_API_KEY
  const appId = options.appId ?? FAKE_UT_APP_ID
  const host = options.host ?? '127.0.0.1'
  const callbackTimeoutMs = options.callbackTimeoutMs ?? 60_000
  const log = options.log ?? (() => {})

  const requests: RecordedRequest[] = []
  const files = new Map<string, StoredFile>()
  const partial = new Map<string, Buffer>()
  const registrations = new Map<string, Registration>()
  const callbacks: CallbackAttempt[] = []
  const callbackResults: { fileKey: string; callbackData: unknown }[] = []
  const deleted: string[] = []
  const waiters = new Map<string, ((data: unknown) => void)[]>()
  let baseUrl = ''

  const findFile = (id: string) =>
    files.get(id) ?? [...files.values()].find((f) => f.customId !== null && f.customId === id)

  function waitForCallbackResult(fileKey: string, timeoutMs = callbackTimeoutMs) {
    const done = callbackResults.find((r) => r.fileKey === fileKey)
    if (done) return Promise.resolve(done.callbackData)
    return new Promise<unknown>((resolve, reject) => {
      const timer = setTimeout(() => {
        reject(new Error(`No callback result for ${fileKey} within ${timeoutMs} ms`))
      }, timeoutMs)
      timer.unref()
      const list = waiters.get(fileKey) ?? []
      list.push((data) => {
        clearTimeout(timer)
        resolve(data)
      })
      waiters.set(fileKey, list)
    })
  }

  function requireApiKey(req: IncomingMessage) {
    const given = req.headers['x-uploadthing-api-key']
    if (typeof given !== 'string' || !sameSignature(apiKey, given))
      throw new HttpError(401, 'Invalid or missing x-uploadthing-api-key')
  }

  /**
   * Checks a URL signed with generateSignedURL: HMAC-SHA256 over the whole URL up to
   * `&signature=`, keyed with the API key, and not expired. Returns its query parameters.
   */
  function verifySignedUrl(req: IncomingMessage) {
    const full = `http://${req.headers.host ?? ''}${req.url ?? ''}`
    const at = full.lastIndexOf('&signature=')
    if (at < 0) throw new HttpError(403, 'Missing signature')
    const signed = full.slice(0, at)
    const signature = decodeURIComponent(full.slice(at + '&signature='.length))
    if (!sameSignature(signUploadThing(signed, apiKey), signature))
      throw new HttpError(403, 'Invalid signature')
    const params = new URL(full).searchParams
    const expires = Number(params.get('expires'))
    if (!Number.isFinite(expires) || expires < Date.now()) throw new HttpError(403, 'URL expired')
    return params
  }

  /** generateSignedURL double-encodes the x-ut-* values (encodeURIComponent, then the URL). */
  const utParam = (params: URLSearchParams, name: string) => {
    const raw = params.get(name)
    return raw === null ? null : decodeURIComponent(raw)
  }

  function fileUrls(key: string) {
    return {
      url: `${baseUrl}/f/${key}`,
      appUrl: `${baseUrl}/a/${appId}/${key}`,
      ufsUrl: `${baseUrl}/f/${key}`,
    }
  }

  function signedFileUrl(key: string, ttlSeconds: number) {
    const u = new URL(`${baseUrl}/f/${key}`)
    u.searchParams.append('expires', String(Date.now() + ttlSeconds * 1000))
    const signed = u.toString()
    u.searchParams.append('signature', signUploadThing(signed, apiKey))
    return u.href
  }

  async function sendCallback(file: StoredFile, reg: Registration) {
    const payload = JSON.stringify({
      status: 'uploaded',
      file: {
        name: file.name,
        size: file.size,
        type: file.type,
        customId: file.customId,
        key: file.key,
        fileHash: file.fileHash,
        lastModified: file.uploadedAt,
        ...fileUrls(file.key),
      },
      origin: baseUrl,
      metadata: reg.metadata,
    })
    const signature = signUploadThing(payload, apiKey)
    if (reg.isDev) {
      // Dev mode: the SDK reads these lines from the open /route-metadata response and
      // forwards each one to its own callback URL.
      reg.stream?.write(`${JSON.stringify({ payload, signature, hook: 'callback' })}\n`)
      return
    }
    const target = new URL(reg.callbackUrl)
    target.searchParams.set('slug', reg.callbackSlug)
    try {
      const res = await fetch(target, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'uploadthing-hook': 'callback',
          'x-uploadthing-signature': signature,
        },
        body: payload,
      })
      const body = await res.text()
      callbacks.push({ fileKey: file.key, url: target.href, status: res.status, body })
      log(`callback ${file.key} -> ${res.status}`)
      if (!res.ok) resolveWaiters(file.key, null)
    } catch (error) {
      callbacks.push({ fileKey: file.key, url: target.href, status: 0, body: String(error) })
      resolveWaiters(file.key, null)
    }
  }

  function resolveWaiters(fileKey: string, data: unknown) {
    const list = waiters.get(fileKey) ?? []
    waiters.delete(fileKey)
    for (const w of list) w(data)
  }

  async function handlePut(req: IncomingMessage, res: ServerResponse, key: string) {
    const params = verifySignedUrl(req)
    if (utParam(params, 'x-ut-identifier') !== appId) throw new HttpError(403, 'Wrong app id')
    const range = /^bytes=(\d+)-$/.exec(req.headers.range ?? 'bytes=0-')
    if (!range) throw new HttpError(416, 'Bad Range header')
    const start = Number(range[1])
    const before = partial.get(key) ?? Buffer.alloc(0)
    if (start !== before.length) throw new HttpError(416, `Range must start at ${before.length}`)

    const raw = await readBody(req)
    const form = await new Request('http://fake/', {
      method: 'PUT',
      headers: { 'content-type': req.headers['content-type'] ?? '' },
      body: raw,
    })
      .formData()
      .catch(() => null)
    const part = form?.get('file')
    if (!part || typeof part === 'string')
      throw new HttpError(400, 'Missing multipart field "file"')
    const bytes = Buffer.concat([before, Buffer.from(await part.arrayBuffer())])
    const size = Number(utParam(params, 'x-ut-file-size'))
    if (bytes.length > size) throw new HttpError(413, 'More bytes than the signed file size')
    if (bytes.length < size) {
      partial.set(key, bytes)
      return sendJson(res, 500, { error: 'Upload incomplete' })
    }
    partial.delete(key)

    const acl = (utParam(params, 'x-ut-acl') ??
      (options.privateByDefault ? 'private' : 'public-read')) as StoredFile['acl']
    const file: StoredFile = {
      key,
      customId: utParam(params, 'x-ut-custom-id'),
      name: utParam(params, 'x-ut-file-name') ?? key,
      size,
      type: utParam(params, 'x-ut-file-type') ?? 'application/octet-stream',
      acl,
      bytes,
      fileHash: createHash('md5').update(bytes).digest('hex'),
      slug: utParam(params, 'x-ut-slug'),
      uploadedAt: Date.now(),
    }
    if (file.customId && [...files.values()].some((f) => f.customId === file.customId))
      throw new HttpError(409, 'customId already in use')
    files.set(key, file)
    log(`stored ${key} (${size} bytes${file.customId ? `, customId ${file.customId}` : ''})`)

    let serverData: unknown = null
    const reg = registrations.get(key)
    if (reg) {
      const result = reg.awaitServerData ? waitForCallbackResult(key) : null
      await sendCallback(file, reg)
      if (result) serverData = await result.catch(() => null)
      reg.pending.delete(key)
      registrations.delete(key)
      if (reg.isDev && reg.pending.size === 0) reg.stream?.end()
    }
    sendJson(res, 200, { ...fileUrls(key), fileHash: file.fileHash, serverData })
  }

  async function route(req: IncomingMessage, res: ServerResponse, record: RecordedRequest) {
    const url = new URL(req.url ?? '/', 'http://fake')
    const path = url.pathname
    const method = req.method ?? 'GET'

    if (method === 'OPTIONS') {
      res.writeHead(204, CORS_HEADERS)
      return res.end()
    }
    if (method === 'GET' && path === '/healthz') return sendJson(res, 200, { ok: true })

    const readJson = async () => {
      const raw = await readBody(req)
      try {
        record.json = JSON.parse(raw.toString('utf8')) as unknown
      } catch {
        throw new HttpError(400, 'Body is not JSON')
      }
      return record.json as Record<string, unknown>
    }

    if (method === 'POST' && path === '/route-metadata') {
      requireApiKey(req)
      const body = await readJson()
      const keys = body.fileKeys
      if (!Array.isArray(keys) || typeof body.callbackUrl !== 'string')
        throw new HttpError(400, 'fileKeys and callbackUrl are required')
      const reg: Registration = {
        metadata: body.metadata ?? {},
        callbackUrl: body.callbackUrl,
        callbackSlug: String(body.callbackSlug ?? ''),
        isDev: body.isDev === true,
        awaitServerData: body.awaitServerData !== false,
        pending: new Set(keys.map(String)),
      }
      for (const key of reg.pending) registrations.set(key, reg)
      if (reg.isDev) {
        res.writeHead(200, { 'Content-Type': 'application/x-ndjson' })
        reg.stream = res
        res.flushHeaders()
        return
      }
      return sendJson(res, 200, { ok: true })
    }

    if (method === 'POST' && path === '/callback-result') {
      requireApiKey(req)
      const body = await readJson()
      const fileKey = String(body.fileKey)
      callbackResults.push({ fileKey, callbackData: body.callbackData ?? null })
      resolveWaiters(fileKey, body.callbackData ?? null)
      return sendJson(res, 200, { ok: true })
    }

    if (method === 'POST' && path.startsWith('/v6/')) {
      requireApiKey(req)
      const body = await readJson()
      const ids = (v: unknown) => (Array.isArray(v) ? v.map(String) : [])
      const byIds = () =>
        (body.customIds ? ids(body.customIds) : ids(body.fileKeys))
          .map((id) => findFile(id))
          .filter((f): f is StoredFile => !!f)
      switch (path) {
        case '/v6/deleteFiles': {
          const found = byIds()
          for (const f of found) {
            files.delete(f.key)
            deleted.push(f.key)
          }
          return sendJson(res, 200, { success: true, deletedCount: found.length })
        }
        case '/v6/getFileUrl':
          return sendJson(res, 200, {
            data: byIds().map((f) => ({ key: f.key, url: fileUrls(f.key).ufsUrl })),
          })
        case '/v6/requestFileAccess': {
          const f = findFile(String(body.customId ?? body.fileKey ?? ''))
          if (!f) return sendJson(res, 404, { error: 'File not found' })
          const ttl = typeof body.expiresIn === 'number' ? body.expiresIn : 3600
          const signed = signedFileUrl(f.key, ttl)
          return sendJson(res, 200, { url: signed, ufsUrl: signed })
        }
        case '/v6/listFiles':
          return sendJson(res, 200, {
            hasMore: false,
            files: [...files.values()].map((f) => ({
              id: f.key,
              customId: f.customId,
              key: f.key,
              name: f.name,
              size: f.size,
              status: 'Uploaded',
              uploadedAt: f.uploadedAt,
            })),
          })
        default:
          throw new HttpError(404, `Unknown API ${path}`)
      }
    }

    const fileRoute = /^\/(?:f|a\/[^/]+)\/([^/]+)$/.exec(path)
    if ((method === 'GET' || method === 'HEAD') && fileRoute) {
      const f = findFile(decodeURIComponent(fileRoute[1]!))
      if (!f) throw new HttpError(404, 'Not found')
      if (url.searchParams.has('signature')) verifySignedUrl(req)
      else if (f.acl === 'private') throw new HttpError(403, 'This file is private: sign the URL')
      res.writeHead(200, {
        ...CORS_HEADERS,
        'Content-Type': f.type,
        'Content-Length': String(f.bytes.length),
        ETag: `"${f.fileHash}"`,
      })
      return res.end(method === 'HEAD' ? undefined : f.bytes)
    }

    const ingest = /^\/([A-Za-z0-9_-]+)$/.exec(path)
    if (ingest && method === 'HEAD') {
      verifySignedUrl(req)
      const key = ingest[1]!
      const start = files.has(key) ? files.get(key)!.size : (partial.get(key)?.length ?? 0)
      res.writeHead(200, { ...CORS_HEADERS, 'x-ut-range-start': String(start) })
      return res.end()
    }
    if (ingest && method === 'PUT') return handlePut(req, res, ingest[1]!)

    throw new HttpError(404, `No route for ${method} ${path}`)
  }

  const server = createServer((req, res) => {
    const record: RecordedRequest = {
      method: req.method ?? 'GET',
      path: (req.url ?? '/').split('?')[0]!,
      headers: { ...req.headers },
    }
    if (record.path !== '/healthz') requests.push(record)
    route(req, res, record).catch((error: unknown) => {
      const status = error instanceof HttpError ? error.status : 500
      const message = error instanceof Error ? error.message : String(error)
      record.refused = message
      log(`${record.method} ${record.path} refused: ${status} ${message}`)
      if (!res.headersSent) sendJson(res, status, { error: message })
      else res.end()
    })
  })
  server.keepAliveTimeout = 1000

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(options.port ?? 0, host, () => resolve())
  })
  const { port } = server.address() as AddressInfo
  baseUrl = `http://${host}:${port}`

  return {
    url: baseUrl,
    token: fakeUploadThingToken(apiKey, appId),
    apiKey,
    appId,
    requests,
    files,
    callbacks,
    callbackResults,
    deleted,
    waitForCallbackResult,
    findFile,
    reset() {
      requests.length = 0
      callbacks.length = 0
      callbackResults.length = 0
      deleted.length = 0
      files.clear()
      partial.clear()
      registrations.clear()
    },
    stop: () =>
      new Promise<void>((resolve) => {
        for (const reg of registrations.values()) reg.stream?.end()
        server.close(() => resolve())
        server.closeAllConnections()
      }),
  }
}

// Run as a script: `tsx tests/support/fake-uploadthing.ts` (Playwright's webServer).
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const port = Number(process.env.FAKE_UPLOADTHING_PORT ?? 3212)
  const fake = await startFakeUploadThing({
    port,
    log: process.env.FAKE_UPLOADTHING_QUIET
      ? undefined
      : (line) => console.log(`[fake-ut] ${line}`),
  })
  console.log(`Fake UploadThing listening on ${fake.url}`)
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.on(signal, () => {
      void fake.stop().then(() => process.exit(0))
    })
  }
}
