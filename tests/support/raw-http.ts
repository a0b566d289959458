import { request as httpRequest } from 'node:http'

/**
 * Sends a request body the way an attacker (or a slow phone) does, with node:http: a
 * declared Content-Length or chunked, written piece by piece with back-pressure, and
 * tells what came back and how much had been sent when the answer arrived. The client
 * stops writing once the answer is in, as browsers do.
 */
export interface RawOutcome {
  status: number | null
  headers: Record<string, string | string[] | undefined>
  body: string
  /** Bytes of body written when the response headers arrived (or when the request ended). */
  sentAtResponse: number
  /** Milliseconds from the start to the response headers. */
  msToResponse: number
  /** A socket error before any response (a reset), if there was one. */
  error: string | null
}

export async function rawPost(opts: {
  url: string
  headers?: Record<string, string>
  /** The body's total size; sent as zeros unless `prefix`/`suffix` are given. */
  size: number
  prefix?: Uint8Array
  suffix?: Uint8Array
  /** Send Content-Length (default) or Transfer-Encoding: chunked. */
  chunked?: boolean
  /** Declare this length instead of the real one (only without `chunked`). */
  declaredLength?: number
  chunkBytes?: number
}): Promise<RawOutcome> {
  const url = new URL(opts.url)
  const prefix = opts.prefix ?? new Uint8Array()
  const suffix = opts.suffix ?? new Uint8Array()
  const headers: Record<string, string> = { ...opts.headers }
  if (opts.chunked) headers['Transfer-Encoding'] = 'chunked'
  else headers['Content-Length'] = String(opts.declaredLength ?? opts.size)
  const started = performance.now()
  let sent = 0
  let answered = false
  return new Promise<RawOutcome>((resolve) => {
    const outcome: RawOutcome = {
      status: null,
      headers: {},
      body: '',
      sentAtResponse: 0,
      msToResponse: 0,
      error: null,
    }
    const req = httpRequest(
      {
        hostname: url.hostname,
        port: url.port,
        path: url.pathname + url.search,
        method: 'POST',
        headers,
      },
      (res) => {
        answered = true
        outcome.status = res.statusCode ?? null
        outcome.headers = res.headers
        outcome.sentAtResponse = sent
        outcome.msToResponse = performance.now() - started
        res.setEncoding('utf8')
        res.on('data', (s: string) => (outcome.body += s))
        res.on('end', () => {
          req.destroy()
          resolve(outcome)
        })
        res.on('error', () => resolve(outcome))
      },
    )
    req.on('error', (error) => {
      if (answered) return
      outcome.error = error.message
      outcome.sentAtResponse = sent
      resolve(outcome)
    })
    const chunk = new Uint8Array(opts.chunkBytes ?? 64 * 1024)
    const bodySize = opts.size - prefix.byteLength - suffix.byteLength
    let written = 0
    const write = () => {
      if (answered || req.destroyed) return
      if (sent === 0 && prefix.byteLength) {
        sent += prefix.byteLength
        if (!req.write(prefix)) return void req.once('drain', write)
      }
      while (written < bodySize) {
        if (answered || req.destroyed) return
        const n = Math.min(chunk.byteLength, bodySize - written)
        written += n
        sent += n
        if (!req.write(n === chunk.byteLength ? chunk : chunk.subarray(0, n))) {
          return void req.once('drain', write)
        }
      }
      if (suffix.byteLength) {
        sent += suffix.byteLength
        req.write(suffix)
      }
      req.end()
    }
    write()
  })
}
