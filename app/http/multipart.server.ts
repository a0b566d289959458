/**
 * A streaming multipart/form-data reader (RFC 7578): parts come out one at a time with
 * their bytes as a stream, so a caller can write a file to disk as it arrives and never
 * holds more than one network chunk of it. Remix's parser (@web3-storage/multipart-parser)
 * splits Content-Disposition on every `;` and `=`, so a file named `a;b.jpg` or
 * `x=1.jpg` failed the whole request; here parameters are read as RFC 7578/6266 say
 * (quoted strings may hold `;` and `=`, `filename*` is understood). Anything that is not
 * well-formed multipart throws MalformedMultipart, which callers answer with 400.
 */

export class MalformedMultipart extends Error {
  constructor(message: string) {
    super(`malformed multipart body: ${message}`)
    this.name = 'MalformedMultipart'
  }
}

export interface MultipartPart {
  /** The field name. */
  name: string
  /** The file name as sent (without any folder), or undefined for a plain field. */
  filename: string | undefined
  contentType: string | undefined
  /** The part's bytes; read it to the end (or not at all) before asking for the next part. */
  data: AsyncIterable<Uint8Array>
}

/** Part headers larger than this are not a browser's: refused. */
const MAX_HEADER_BYTES = 16 * 1024
const MAX_PARTS = 1000

/** The boundary of a multipart/form-data Content-Type, or null when it is not one. */
export function multipartBoundary(contentType: string | null): string | null {
  if (!contentType) return null
  const [type, ...rest] = splitParams(contentType)
  if (type?.trim().toLowerCase() !== 'multipart/form-data') return null
  const params = readParams(rest)
  const boundary = params.get('boundary')
  if (!boundary || boundary.length > 70 || /[\r\n]/.test(boundary)) return null
  return boundary
}

/** Splits a header value on `;` outside quoted strings. */
function splitParams(value: string): string[] {
  const out: string[] = []
  let current = ''
  let quoted = false
  for (let i = 0; i < value.length; i++) {
    const c = value[i]!
    if (quoted && c === '\\' && i + 1 < value.length) {
      current += c + value[++i]
      continue
    }
    if (c === '"') quoted = !quoted
    if (c === ';' && !quoted) {
      out.push(current)
      current = ''
    } else current += c
  }
  if (quoted) throw new MalformedMultipart('unterminated quoted string in a header')
  out.push(current)
  return out
}

/** `name="a;b=c.jpg"`, `filename*=UTF-8''%E1%BA%A2nh.jpg`: parameter names are case-insensitive. */
function readParams(parts: string[]): Map<string, string> {
  const plain = new Map<string, string>()
  const extended = new Map<string, string>()
  for (const raw of parts) {
    const part = raw.trim()
    if (!part) continue
    const eq = part.indexOf('=')
    if (eq <= 0) throw new MalformedMultipart(`parameter without a value: ${part.slice(0, 40)}`)
    const key = part.slice(0, eq).trim().toLowerCase()
    let value = part.slice(eq + 1).trim()
    if (value.startsWith('"')) {
      if (value.length < 2 || !value.endsWith('"')) {
        throw new MalformedMultipart('unterminated quoted string in a header')
      }
      value = value.slice(1, -1).replace(/\\(["\\])/g, '$1')
    }
    if (key.endsWith('*')) {
      const decoded = decodeExtValue(value)
      if (decoded !== null) extended.set(key.slice(0, -1), decoded)
    } else if (!plain.has(key)) plain.set(key, value)
  }
  // An extended value (filename*) wins over the plain one, whichever comes first.
  for (const [key, value] of extended) plain.set(key, value)
  return plain
}

/** RFC 8187 `charset'language'percent-encoded`; only UTF-8 is accepted. */
function decodeExtValue(value: string): string | null {
  const m = /^([\w!#$&+.^`|~-]+)'[^']*'(.*)$/.exec(value)
  if (!m || m[1]!.toLowerCase() !== 'utf-8') return null
  try {
    return decodeURIComponent(m[2]!)
  } catch {
    return null
  }
}

function parseHeaders(block: string) {
  let disposition: Map<string, string> | null = null
  let contentType: string | undefined
  for (const line of block.split('\r\n')) {
    if (!line) continue
    const colon = line.indexOf(':')
    if (colon <= 0) throw new MalformedMultipart('part header without a colon')
    const name = line.slice(0, colon).trim().toLowerCase()
    const value = line.slice(colon + 1).trim()
    if (name === 'content-disposition') {
      const [type, ...rest] = splitParams(value)
      if (type?.trim().toLowerCase() !== 'form-data') {
        throw new MalformedMultipart('part is not form-data')
      }
      disposition = readParams(rest)
    } else if (name === 'content-type') contentType = value
  }
  if (!disposition) throw new MalformedMultipart('part without Content-Disposition')
  const name = disposition.get('name')
  if (name === undefined) throw new MalformedMultipart('part without a field name')
  const sent = disposition.get('filename')
  // Only the base name: the multipart spec recommends it and old browsers sent full paths.
  const filename = sent === undefined ? undefined : (sent.split(/[/\\]/).pop() ?? '')
  return { name, filename, contentType }
}

/** Reads a byte stream in chunks, keeping what has been received but not yet used. */
class Cursor {
  private buffer: Buffer = Buffer.alloc(0)
  private done = false
  constructor(private readonly reader: ReadableStreamDefaultReader<Uint8Array>) {}

  get buffered() {
    return this.buffer
  }

  /** Reads one more chunk; false at the end of the stream. */
  async fill(): Promise<boolean> {
    if (this.done) return false
    const { value, done } = await this.reader.read()
    if (done) {
      this.done = true
      return false
    }
    const chunk = Buffer.from(value.buffer, value.byteOffset, value.byteLength)
    this.buffer = this.buffer.length ? Buffer.concat([this.buffer, chunk]) : chunk
    return true
  }

  take(n: number): Buffer {
    const out = this.buffer.subarray(0, n)
    this.buffer = this.buffer.subarray(n)
    return out
  }

  /** Waits until at least `n` bytes are buffered; false if the stream ends first. */
  async need(n: number): Promise<boolean> {
    while (this.buffer.length < n) if (!(await this.fill())) return false
    return true
  }
}

/**
 * The parts of a multipart/form-data body, in order. Each part's `data` must be read
 * to the end or abandoned before the next part is asked for (the parser skips what is
 * left of an abandoned part).
 */
export async function* multipartParts(
  body: ReadableStream<Uint8Array>,
  boundary: string,
): AsyncGenerator<MultipartPart> {
  const reader = body.getReader()
  const cursor = new Cursor(reader)
  // The first delimiter has no CRLF before it: searching for "--boundary" first.
  const first = Buffer.from(`--${boundary}`)
  const delimiter = Buffer.from(`\r\n--${boundary}`)
  try {
    // Preamble: anything before the first delimiter is ignored.
    for (;;) {
      const at = cursor.buffered.indexOf(first)
      if (at >= 0) {
        cursor.take(at + first.length)
        break
      }
      if (cursor.buffered.length > first.length) cursor.take(cursor.buffered.length - first.length)
      if (!(await cursor.fill())) throw new MalformedMultipart('no boundary in the body')
    }
    for (let count = 0; ; count++) {
      // After a delimiter: "--" ends the body, otherwise optional spaces then CRLF.
      if (!(await cursor.need(2))) throw new MalformedMultipart('body ends after a boundary')
      if (cursor.buffered[0] === 0x2d && cursor.buffered[1] === 0x2d) return
      for (;;) {
        const lineEnd = cursor.buffered.indexOf('\r\n')
        if (lineEnd >= 0) {
          if (cursor.buffered.subarray(0, lineEnd).toString('latin1').trim() !== '') {
            throw new MalformedMultipart('junk after a boundary')
          }
          cursor.take(lineEnd + 2)
          break
        }
        if (cursor.buffered.length > 256) throw new MalformedMultipart('junk after a boundary')
        if (!(await cursor.fill())) throw new MalformedMultipart('body ends after a boundary')
      }
      if (count >= MAX_PARTS) throw new MalformedMultipart('too many parts')

      // Headers, up to the blank line (a part may have none at all: then it is refused).
      let headerBlock: string
      for (;;) {
        if (cursor.buffered.subarray(0, 2).toString('latin1') === '\r\n') {
          cursor.take(2)
          headerBlock = ''
          break
        }
        const end = cursor.buffered.indexOf('\r\n\r\n')
        if (end >= 0) {
          headerBlock = cursor.take(end).toString('utf8')
          cursor.take(4)
          break
        }
        if (cursor.buffered.length > MAX_HEADER_BYTES) {
          throw new MalformedMultipart('part headers too large')
        }
        if (!(await cursor.fill())) throw new MalformedMultipart('body ends inside part headers')
      }
      const headers = parseHeaders(headerBlock)

      // The part's bytes: everything up to the next CRLF--boundary.
      let ended = false
      const next = async (): Promise<Buffer | null> => {
        while (!ended) {
          const at = cursor.buffered.indexOf(delimiter)
          if (at >= 0) {
            const chunk = cursor.take(at)
            cursor.take(delimiter.length)
            ended = true
            if (chunk.length) return chunk
            break
          }
          // Keep the bytes that could be the start of the delimiter.
          const safe = cursor.buffered.length - (delimiter.length - 1)
          if (safe > 0) return cursor.take(safe)
          if (!(await cursor.fill())) throw new MalformedMultipart('body ends inside a part')
        }
        return null
      }
      const data: AsyncIterable<Uint8Array> = {
        [Symbol.asyncIterator]: () => ({
          next: async () => {
            const chunk = await next()
            return chunk ? { value: chunk, done: false } : { value: undefined, done: true }
          },
        }),
      }
      yield { ...headers, data }
      // Whatever the caller left unread is skipped.
      while ((await next()) !== null);
    }
  } finally {
    reader.releaseLock()
  }
}
