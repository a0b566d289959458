import {
  createRequestHandler as createRemixHandler,
  writeReadableStreamToWritable,
  type AppLoadContext,
  type ServerBuild,
} from '@remix-run/node'
import type {
  Request as ExpressRequest,
  RequestHandler,
  Response as ExpressResponse,
} from 'express'
import type { IncomingMessage } from 'node:http'
import { encode } from 'turbo-stream'
import type { Locale } from '#db/domain'
import { translator } from '~/i18n'
import { localeCookie, isLocale } from '~/i18n/locale.server'
import { bodyLimitFor, formatLimit } from './body-limits'

/**
 * Every request body is bounded before anything buffers it (issue 11): the Remix
 * handler is wrapped so that a declared Content-Length over the route's limit
 * (./body-limits) is answered 413 at once, without reading the body, and a body
 * without one (chunked) is counted while the route streams it; past the limit the
 * route's reading fails, its work is aborted, and the visitor gets the same 413. The
 * answer suits the sender: JSON for the JavaScript uploader (`{error: 'requestTooLarge'}`),
 * a turbo-stream error for Remix's fetch submissions (shown by the error boundary), and
 * a small page in the visitor's language otherwise. After answering, the rest of the
 * body is read and thrown away for a while (a bounded "lingering close", as nginx
 * does), so that browsers still uploading see the 413 instead of a connection reset.
 */

export class BodyTooLarge extends Error {
  constructor(readonly limit: number) {
    super(`request body over ${limit} bytes`)
    this.name = 'BodyTooLarge'
  }
}

/** After a refusal, at most this much more is read and discarded, for at most this long. */
const LINGER_BYTES = 256 * 1024 * 1024
const LINGER_MS = 30_000

type Handle = (request: Request, req: ExpressRequest, res: ExpressResponse) => Promise<Response>

function declaredLength(req: IncomingMessage): number | null {
  const header = req.headers['content-length']
  if (header === undefined) return null
  const n = Number(header)
  return Number.isFinite(n) && n >= 0 ? n : null
}

function pathOf(req: ExpressRequest) {
  return (req.originalUrl || req.url || '/').split(/[?#]/)[0]!
}

/**
 * The request's body as a web stream, counted as it is read: past `limit` bytes the
 * stream fails with BodyTooLarge and `onOverflow` runs. Unlike Remix's own adapter, a
 * reader that stops early does not destroy the connection (the answer could not be sent);
 * `stop` detaches the stream from the request.
 */
export function countedBody(
  req: IncomingMessage,
  limit: number,
  onOverflow: () => void,
): { stream: ReadableStream<Uint8Array>; stop: () => void } {
  let total = 0
  let settled = false
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- Node's listener type
  const listeners: [string, (...args: any[]) => void][] = []
  const detach = () => {
    settled = true
    for (const [event, fn] of listeners) req.off(event, fn)
  }
  const stream = new ReadableStream<Uint8Array>(
    {
      start(controller) {
        // eslint-disable-next-line @typescript-eslint/no-explicit-any -- Node's listener type
        const on = (event: string, fn: (...args: any[]) => void) => {
          listeners.push([event, fn])
          req.on(event, fn)
        }
        on('data', (chunk: Buffer) => {
          total += chunk.byteLength
          if (total > limit) {
            detach()
            req.pause()
            controller.error(new BodyTooLarge(limit))
            onOverflow()
            return
          }
          controller.enqueue(new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength))
          if ((controller.desiredSize ?? 0) <= 0) req.pause()
        })
        on('end', () => {
          if (settled) return
          detach()
          controller.close()
        })
        on('error', (error: Error) => {
          if (settled) return
          detach()
          controller.error(error)
        })
        on('close', () => {
          if (settled || req.complete) return
          detach()
          controller.error(new Error('the client closed the connection mid-request'))
        })
      },
      pull() {
        if (!settled) req.resume()
      },
      cancel() {
        detach()
      },
    },
    { highWaterMark: 256 * 1024, size: (chunk) => chunk.byteLength },
  )
  return { stream, stop: detach }
}

/**
 * Reads and discards what is left of a request body once the answer is sent, then gives
 * up on the connection: at most LINGER_BYTES more, for at most LINGER_MS.
 */
export function linger(req: IncomingMessage, res: ExpressResponse) {
  const start = () => {
    if (req.complete || req.destroyed) return
    let drained = 0
    const timer = setTimeout(() => req.socket?.destroy(), LINGER_MS)
    timer.unref()
    const onData = (chunk: Buffer) => {
      drained += chunk.byteLength
      if (drained > LINGER_BYTES) req.socket?.destroy()
    }
    req.on('data', onData)
    req.once('close', () => {
      clearTimeout(timer)
      req.off('data', onData)
    })
    req.resume()
  }
  // After Node's own end-of-response handling, which may drop 'data' listeners (req._dump).
  if (res.writableFinished) start()
  else res.once('finish', () => setImmediate(start))
}

export type TooLargeReply = { contentType: string; body: string }

/** What a 413 says, in the form the sender can read. */
export async function tooLargeReply(opts: {
  path: string
  accept: string
  locale: Locale
  limit: number
  /** Where the visitor came from, when it is a path on this site. */
  back?: string | null
}): Promise<TooLargeReply> {
  const t = translator(opts.locale)
  const max = formatLimit(opts.limit, opts.locale === 'vi' ? ',' : '.')
  if (/\.data$/.test(opts.path)) {
    // A Remix fetch submission: an error response (status 413) for the error boundary.
    const error = {
      status: 413,
      statusText: 'Payload Too Large',
      data: { message: 'http.tooLarge.short' },
    }
    const stream = encode(
      { error },
      {
        plugins: [
          (value) =>
            value === error ? ['ErrorResponse', error.data, error.status, error.statusText] : false,
        ],
      },
    )
    const text = await new Response(stream).text()
    return { contentType: 'text/x-script', body: text }
  }
  if (opts.accept.includes('application/json')) {
    return {
      contentType: 'application/json; charset=utf-8',
      body: JSON.stringify({ error: 'requestTooLarge', max: opts.limit }),
    }
  }
  const escape = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`)
  const title = escape(t('http.tooLarge.title'))
  const body = escape(t('http.tooLarge.body', { max }))
  const back = escape(t('http.tooLarge.back'))
  const page = `<!doctype html>
<html lang="${opts.locale}">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${title} · ${escape(t('app.name'))}</title></head>
<body>
<main>
<p>413</p>
<h1>${title}</h1>
<p>${body}</p>
<p><a href="${escape(opts.back ?? '/')}">${opts.back ? back : escape(t('error.backHome'))}</a></p>
</main>
</body>
</html>
`
  return { contentType: 'text/html; charset=utf-8', body: page }
}

async function localeOf(req: IncomingMessage): Promise<Locale> {
  try {
    const value: unknown = await localeCookie.parse(req.headers.cookie ?? null)
    return isLocale(value) ? value : 'vi'
  } catch {
    return 'vi'
  }
}

/** The Referer's path and query when it is this site (the page the form was on). */
function sameSiteReferrer(req: ExpressRequest): string | null {
  const referer = req.headers.referer
  const host = req.headers.host
  if (!referer || !host) return null
  try {
    const url = new URL(referer)
    const onSite = url.host === host && /^https?:$/.test(url.protocol)
    return onSite && !/^\/[/\\]/.test(url.pathname) ? url.pathname + url.search : null
  } catch {
    return null
  }
}

async function refuse(req: ExpressRequest, res: ExpressResponse, limit: number) {
  if (res.headersSent) {
    req.socket.destroy()
    return
  }
  const reply = await tooLargeReply({
    path: pathOf(req),
    accept: String(req.headers.accept ?? ''),
    locale: await localeOf(req),
    limit,
    back: sameSiteReferrer(req),
  })
  if (res.headersSent) return
  res.writeHead(413, {
    'Content-Type': reply.contentType,
    'Cache-Control': 'no-store',
    'X-Body-Limit': String(limit),
  })
  res.end(reply.body)
  linger(req, res)
}

/**
 * The web Request Remix gets, made as @remix-run/express makes it (URL from the Host or,
 * behind a trusted proxy, X-Forwarded-Host; aborted when the client goes away before the
 * answer), with the given body.
 */
function remixRequest(req: ExpressRequest, res: ExpressResponse) {
  const [, forwardedPort] = req.get('X-Forwarded-Host')?.split(':') ?? []
  const [, hostPort] = req.get('host')?.split(':') ?? []
  const port = [forwardedPort, hostPort]
    .map((p) => Number.parseInt(p ?? '', 10))
    .find((p) => Number.isSafeInteger(p))
  const url = new URL(
    `${req.protocol}://${req.hostname}${port ? `:${port}` : ''}${req.originalUrl}`,
  )
  const headers = new Headers()
  for (const [key, values] of Object.entries(req.headers)) {
    if (values === undefined) continue
    for (const value of Array.isArray(values) ? values : [values]) headers.append(key, value)
  }
  const controller = new AbortController()
  let answered = false
  res.on('finish', () => (answered = true))
  res.on('close', () => {
    if (!answered) controller.abort()
  })
  return { url: url.href, headers, signal: controller.signal }
}

async function sendResponse(res: ExpressResponse, response: Response) {
  res.statusMessage = response.statusText
  res.status(response.status)
  for (const [key, value] of response.headers.entries()) res.append(key, value)
  if (/text\/event-stream/i.test(response.headers.get('Content-Type') ?? '')) res.flushHeaders()
  if (response.body) await writeReadableStreamToWritable(response.body, res)
  else res.end()
}

/**
 * Wraps a Remix request handler (`handle` gets the web Request) with the body limits.
 * `limitFor` maps a request path to its limit (default: the table in ./body-limits).
 */
export function bodyLimited(
  handle: Handle,
  limitFor: (path: string) => number = bodyLimitFor,
): RequestHandler {
  return async (req, res, next) => {
    try {
      if (req.method === 'GET' || req.method === 'HEAD') {
        const { url, headers, signal } = remixRequest(req, res)
        const request = new Request(url, { method: req.method, headers, signal })
        await sendResponse(res, await handle(request, req, res))
        return
      }
      const limit = limitFor(pathOf(req))
      const declared = declaredLength(req)
      if (declared !== null && declared > limit) {
        await refuse(req, res, limit)
        return
      }
      const aborted = new AbortController()
      let over = false
      const { stream: body, stop } = countedBody(req, limit, () => {
        over = true
        aborted.abort(new BodyTooLarge(limit))
        void refuse(req, res, limit).catch(next)
      })
      const base = remixRequest(req, res)
      const request = new Request(base.url, {
        method: req.method,
        headers: base.headers,
        body,
        signal: AbortSignal.any([base.signal, aborted.signal]),
        duplex: 'half',
      } as RequestInit & { duplex: 'half' })
      let response: Response
      try {
        response = await handle(request, req, res)
      } catch (error) {
        if (over) return
        throw error
      }
      if (over) {
        await response.body?.cancel().catch(() => {})
        return
      }
      // A route that answered without reading the whole body: the rest is discarded.
      res.once('finish', stop)
      linger(req, res)
      await sendResponse(res, response)
    } catch (error) {
      next(error)
    }
  }
}

/** Drop-in for @remix-run/express's createRequestHandler, with the body limits. */
export function createRequestHandler({
  build,
  mode,
  getLoadContext,
}: {
  build: ServerBuild | (() => Promise<ServerBuild>)
  mode?: string
  getLoadContext?: (
    req: ExpressRequest,
    res: ExpressResponse,
  ) => AppLoadContext | Promise<AppLoadContext>
}): RequestHandler {
  const handleRequest = createRemixHandler(build, mode)
  return bodyLimited(async (request, req, res) =>
    handleRequest(request, await getLoadContext?.(req, res)),
  )
}
