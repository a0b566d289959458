import { PassThrough, Writable } from 'node:stream'
import { createElement, type ReactElement } from 'react'
import { renderToPipeableStream, renderToString } from 'react-dom/server'
import { describe, expect, it } from 'vitest'
import { createNulFreeStream, withoutNul } from '~/http/nul-free-stream.server'

/** Streams `element` as the server does (optionally through the repair) and returns the bytes. */
function streamed(element: ReactElement, repaired: boolean): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const parts: Buffer[] = []
    const sink = new Writable({
      write(chunk: Buffer, _encoding, callback) {
        parts.push(Buffer.from(chunk))
        callback()
      },
    })
    sink.on('finish', () => resolve(Buffer.concat(parts)))
    sink.on('error', reject)
    const { pipe } = renderToPipeableStream(element, {
      onAllReady() {
        const through = repaired ? createNulFreeStream() : new PassThrough()
        through.pipe(sink)
        pipe(through)
      },
      onShellError: reject,
      onError: reject,
    })
  })
}

// Vietnamese of 2-, 3- and 4-byte characters ("ế" is 3 bytes in UTF-8, "đ" 2, "𝄞" 4).
const samples = ['tảo hôn', 'Điều hướng chính', 'đường', '𝄞 nhạc', 'Hữu Vinh ế']

/**
 * A page whose multi-byte text starts about `offset` bytes in: in text, in an attribute and in
 * an input's value. The padding is many small elements, as on a real page, because React
 * buffers short strings (a string over 682 characters is encoded on its own, out of harm's way).
 */
function page(offset: number, text: string, where: 'text' | 'attribute' | 'value') {
  const pad = Array.from({ length: Math.floor(offset / 8) }, (_, i) =>
    createElement('i', { key: i }, 'a'),
  )
  const rest = 'a'.repeat(offset % 8)
  const target =
    where === 'text'
      ? createElement('p', null, text)
      : where === 'attribute'
        ? createElement('nav', { 'aria-label': text })
        : createElement('input', { name: 't', defaultValue: text })
  return createElement('main', null, pad, createElement('b', null, rest), target)
}

const places = ['text', 'attribute', 'value'] as const

describe('the NUL-free HTML stream', () => {
  it("reproduces React 18's bug without the repair (the test sees what it guards against)", async () => {
    let broken = 0
    for (let offset = 1900; offset <= 2100; offset++) {
      const bytes = await streamed(page(offset, samples[0]!, 'value'), false)
      if (bytes.includes(0)) broken++
    }
    expect(broken).toBeGreaterThan(0)
  })

  it('renders multi-byte text at every offset around the 2 KB boundary without \\0 or U+FFFD, exactly', async () => {
    for (const text of samples) {
      // Every offset from well before to well after the first and the second 2,048-byte flush.
      for (const [offset, where] of [1980, 4030].flatMap((base) =>
        Array.from({ length: 90 }, (_, i) => places.map((w) => [base + i, w] as const)).flat(),
      )) {
        const element = page(offset, text, where)
        const bytes = await streamed(element, true)
        expect(bytes.includes(0), `NUL at offset ${offset} in ${where} (${text})`).toBe(false)
        const html = bytes.toString('utf8')
        expect(html.includes('\uFFFD'), `U+FFFD at offset ${offset} in ${where} (${text})`).toBe(
          false,
        )
        // Byte for byte what React renders as one string, which has no buffer to overflow.
        expect(html).toBe(renderToString(element))
      }
    }
    // 2,700 renders of a ~500-element page: about 17 s alone, longer beside the other files.
  }, 120_000)

  it('removes only 0x00 bytes and leaves every other byte in order', () => {
    const vi = Buffer.from('tảo hôn', 'utf8')
    expect(Buffer.from(withoutNul(Buffer.concat([vi, Buffer.from([0, 0, 0])])))).toEqual(vi)
    expect(Buffer.from(withoutNul(Buffer.from([0, 0x61, 0, 0, 0x62, 0])))).toEqual(
      Buffer.from('ab'),
    )
    const clean = Buffer.from('không có NUL')
    expect(withoutNul(clean)).toBe(clean)
    expect(withoutNul(new Uint8Array([0, 0])).length).toBe(0)
  })
})
