import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  MalformedMultipart,
  multipartBoundary,
  multipartParts,
  type MultipartPart,
} from '~/http/multipart.server'

/** A body as a stream cut at the given offsets (to test every chunk boundary). */
function streamOf(bytes: Uint8Array, cuts: number[] = []) {
  const points = [...new Set(cuts.map((c) => c % (bytes.byteLength + 1)))].sort((a, b) => a - b)
  const pieces: Uint8Array[] = []
  let from = 0
  for (const p of [...points, bytes.byteLength]) {
    if (p > from) pieces.push(bytes.subarray(from, p))
    from = Math.max(from, p)
  }
  return new ReadableStream<Uint8Array>({
    pull(controller) {
      const next = pieces.shift()
      if (next) controller.enqueue(next)
      else controller.close()
    },
  })
}

async function readAll(body: ReadableStream<Uint8Array>, boundary: string, skip = false) {
  const out: { name: string; filename?: string; contentType?: string; text: string }[] = []
  for await (const part of multipartParts(body, boundary)) {
    const chunks: Uint8Array[] = []
    if (!skip || part.filename === undefined) for await (const c of part.data) chunks.push(c)
    out.push({
      name: part.name,
      ...(part.filename !== undefined ? { filename: part.filename } : {}),
      ...(part.contentType ? { contentType: part.contentType } : {}),
      text: Buffer.concat(chunks).toString('utf8'),
    })
  }
  return out
}

const enc = (s: string) => new TextEncoder().encode(s)

/** What a browser sends (Chromium's format), for the given fields. */
async function browserBody(form: FormData) {
  const request = new Request('http://x/', { method: 'POST', body: form })
  const type = request.headers.get('Content-Type')!
  return { bytes: new Uint8Array(await request.arrayBuffer()), boundary: multipartBoundary(type)! }
}

describe('multipart/form-data reader', () => {
  it('reads what a browser sends, whatever the chunking', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(
          fc.record({
            name: fc.constantFrom('photos', 'documents', 'intent', 'caption', 'tên;lạ=1'),
            file: fc.boolean(),
            filename: fc.string({ unit: 'grapheme', maxLength: 12 }).map((s) => `${s};x=y.jpg`),
            value: fc.string({ unit: 'grapheme', maxLength: 200 }),
          }),
          { maxLength: 5 },
        ),
        fc.array(fc.nat(), { maxLength: 12 }),
        async (fields, cuts) => {
          const form = new FormData()
          for (const f of fields) {
            if (f.file) form.append(f.name, new File([f.value], f.filename))
            else form.append(f.name, f.value)
          }
          const { bytes, boundary } = await browserBody(form)
          const parts = await readAll(streamOf(bytes, cuts), boundary)
          const expected = [...form.entries()].map(([name, v]) => ({ name, value: v }))
          expect(parts.map((p) => p.name)).toEqual(expected.map((e) => e.name))
          for (const [i, e] of expected.entries()) {
            if (typeof e.value === 'string') {
              // Browsers normalise line breaks in text fields to CRLF.
              expect(parts[i]!.text).toBe(e.value.replace(/\r?\n|\r/g, '\r\n'))
            } else {
              expect(parts[i]!.text).toBe(await e.value.text())
              // The HTML spec's escapes, and only the base name (no folders).
              const sent = e.value.name
                .replace(/"/g, '%22')
                .replace(/\r/g, '%0D')
                .replace(/\n/g, '%0A')
              expect(parts[i]!.filename).toBe(sent.split(/[/\\]/).pop())
            }
          }
        },
      ),
      { numRuns: 150 },
    )
  })

  it('reads file names with ; and =, quoted escapes, filename* and folders', async () => {
    const body = enc(
      [
        '--B',
        'Content-Disposition: form-data; name="photos"; filename="a;b=c.jpg"',
        'Content-Type: image/jpeg',
        '',
        'one',
        '--B',
        'content-disposition: form-data; filename="say \\"hi\\".jpg"; name=photos',
        '',
        'two',
        '--B',
        'Content-Disposition: form-data; name="photos"; filename="fallback.jpg"; filename*=UTF-8\'\'%E1%BA%A2nh%20%3B.jpg',
        '',
        'three',
        '--B',
        'Content-Disposition: form-data; name="photos"; filename="C:\\Users\\An\\x=1.jpg"',
        '',
        '',
        '--B--',
        '',
      ].join('\r\n'),
    )
    expect(await readAll(streamOf(body), 'B')).toEqual([
      { name: 'photos', filename: 'a;b=c.jpg', contentType: 'image/jpeg', text: 'one' },
      { name: 'photos', filename: 'say "hi".jpg', text: 'two' },
      { name: 'photos', filename: 'Ảnh ;.jpg', text: 'three' },
      { name: 'photos', filename: 'x=1.jpg', text: '' },
    ])
  })

  it('skips the bytes of a part the caller does not read', async () => {
    const form = new FormData()
    form.append('photos', new File(['x'.repeat(300_000)], 'big.jpg'))
    form.append('intent', 'upload')
    const { bytes, boundary } = await browserBody(form)
    const parts = await readAll(streamOf(bytes, [1000, 70_000, 200_001]), boundary, true)
    expect(parts).toEqual([
      { name: 'photos', filename: 'big.jpg', contentType: 'application/octet-stream', text: '' },
      { name: 'intent', text: 'upload' },
    ])
  })

  it('keeps bytes that look like the boundary but are not', async () => {
    const body = enc(
      '--B\r\nContent-Disposition: form-data; name="a"\r\n\r\n--B not \r\n-B\r\n\r\n--B--',
    )
    for (const cut of [5, 50, 53, 56, 58, 60]) {
      expect(await readAll(streamOf(body, [cut]), 'B')).toEqual([
        { name: 'a', text: '--B not \r\n-B\r\n' },
      ])
    }
  })

  it.each([
    ['no boundary', 'hello'],
    ['no Content-Disposition', '--B\r\nContent-Type: text/plain\r\n\r\nx\r\n--B--'],
    ['not form-data', '--B\r\nContent-Disposition: attachment; name="a"\r\n\r\nx\r\n--B--'],
    ['no field name', '--B\r\nContent-Disposition: form-data; filename="a"\r\n\r\nx\r\n--B--'],
    ['a header without colon', '--B\r\nContent-Disposition form-data\r\n\r\nx\r\n--B--'],
    ['an unterminated quote', '--B\r\nContent-Disposition: form-data; name="a\r\n\r\nx\r\n--B--'],
    ['a parameter without value', '--B\r\nContent-Disposition: form-data; name\r\n\r\nx\r\n--B--'],
    ['the end inside a part', '--B\r\nContent-Disposition: form-data; name="a"\r\n\r\nxxxxxxxx'],
    ['the end inside headers', '--B\r\nContent-Disposition: form-data; name="a"'],
    ['the end after a boundary', '--B'],
    [
      'junk after a boundary',
      '--B junk\r\nContent-Disposition: form-data; name="a"\r\n\r\nx\r\n--B--',
    ],
    ['huge headers', `--B\r\nX-Pad: ${'p'.repeat(20_000)}\r\n\r\nx\r\n--B--`],
  ])('refuses %s as MalformedMultipart', async (_label, text) => {
    await expect(readAll(streamOf(enc(text), [7, 31]), 'B')).rejects.toBeInstanceOf(
      MalformedMultipart,
    )
  })

  it('reads the boundary of a Content-Type, and only of multipart/form-data', () => {
    expect(multipartBoundary('multipart/form-data; boundary=----abc')).toBe('----abc')
    expect(multipartBoundary('Multipart/Form-Data; charset=utf-8; BOUNDARY="a b;c"')).toBe('a b;c')
    expect(multipartBoundary('multipart/mixed; boundary=x')).toBeNull()
    expect(multipartBoundary('multipart/form-data')).toBeNull()
    expect(multipartBoundary('multipart/form-data; boundary=')).toBeNull()
    expect(multipartBoundary(`multipart/form-data; boundary=${'x'.repeat(71)}`)).toBeNull()
    expect(multipartBoundary(null)).toBeNull()
  })

  it('gives parts lazily: a part is out before the whole body has arrived', async () => {
    let release!: () => void
    const waiting = new Promise<void>((r) => (release = r))
    const body = new ReadableStream<Uint8Array>({
      async start(controller) {
        controller.enqueue(
          enc('--B\r\nContent-Disposition: form-data; name="f"; filename="a"\r\n\r\n'),
        )
        controller.enqueue(new Uint8Array(100_000))
        await waiting
        controller.enqueue(enc('\r\n--B--'))
        controller.close()
      },
    })
    const it = multipartParts(body, 'B')
    const first = (await it.next()).value as MultipartPart
    expect(first.filename).toBe('a')
    const reader = first.data[Symbol.asyncIterator]()
    const chunk = await reader.next()
    expect(chunk.value!.byteLength).toBeGreaterThan(50_000)
    release()
    let total = chunk.value!.byteLength
    for (let c = await reader.next(); !c.done; c = await reader.next()) total += c.value.byteLength
    expect(total).toBe(100_000)
    expect((await it.next()).done).toBe(true)
  })
})
