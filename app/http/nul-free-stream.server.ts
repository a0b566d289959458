import { Transform, type TransformCallback } from 'node:stream'

/**
 * Repairs React 18's streamed HTML (react#24985, fixed upstream only in React 19 by
 * facebook/react#26228). `renderToPipeableStream` encodes into a 2,048-byte view with
 * `TextEncoder.encodeInto`; when the next multi-byte character does not fit at the end,
 * React flushes the whole view, so the 1–3 bytes it never wrote go out as `\0`. The
 * browser drops them in text but turns them into U+FFFD in attributes and input values,
 * where a form saved unchanged would store them.
 *
 * The repair drops every 0x00 byte. That is exact, not a guess: UTF-8 never uses the byte
 * 0x00 inside another character's encoding, so no other character can be touched, and
 * the only other source of a NUL would be a U+0000 in the page, which HTML cannot carry
 * either (a parse error: dropped in text, U+FFFD in attributes) and which the server
 * strips from what users type. Chunks without a NUL (nearly all) pass through as they are.
 */
export function createNulFreeStream() {
  return new Transform({
    transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback) {
      callback(null, withoutNul(chunk))
    },
  })
}

/** The bytes of `chunk` without its 0x00 bytes (the same buffer when it has none). */
export function withoutNul(chunk: Uint8Array): Uint8Array {
  let at = chunk.indexOf(0)
  if (at === -1) return chunk
  const out = new Uint8Array(chunk.length)
  let length = 0
  let from = 0
  while (at !== -1) {
    out.set(chunk.subarray(from, at), length)
    length += at - from
    from = at + 1
    at = chunk.indexOf(0, from)
  }
  out.set(chunk.subarray(from), length)
  length += chunk.length - from
  return out.subarray(0, length)
}
