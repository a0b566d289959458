import sharp from 'sharp'
import { describe, expect, it } from 'vitest'
import { isPhotoType, sniffType } from '~/media/sniff'

const bytes = (...values: number[]) => new Uint8Array(values)
const ascii = (s: string) => new TextEncoder().encode(s)
const image = () => sharp({ create: { width: 8, height: 6, channels: 3, background: '#2a6' } })

describe('content sniffing', () => {
  it('recognises real JPEG, PNG and WebP files made by an encoder', async () => {
    expect(sniffType(await image().jpeg().toBuffer())).toBe('image/jpeg')
    expect(sniffType(await image().png().toBuffer())).toBe('image/png')
    expect(sniffType(await image().webp().toBuffer())).toBe('image/webp')
  })

  it('recognises a PDF by its header', () => {
    expect(sniffType(ascii('%PDF-1.7\n%âãÏÓ\n1 0 obj\n'))).toBe('application/pdf')
  })

  it('decides by content whatever the name would say', async () => {
    // The bytes are all there is: a PNG stays a PNG, text stays unknown.
    expect(sniffType(await image().png().toBuffer())).toBe('image/png')
    expect(sniffType(ascii('just some text pretending to be photo.jpg'))).toBeNull()
  })

  it('refuses empty, short and near-miss inputs', () => {
    expect(sniffType(new Uint8Array())).toBeNull()
    expect(sniffType(bytes(0xff, 0xd8))).toBeNull() // two bytes of a JPEG marker
    expect(sniffType(bytes(0x89, 0x50, 0x4e, 0x47))).toBeNull() // half a PNG signature
    expect(sniffType(ascii('%PDF'))).toBeNull() // no dash, no version
    expect(sniffType(ascii('RIFF\0\0\0\0WAVEfmt '))).toBeNull() // a RIFF file, but audio
    expect(sniffType(ascii('GIF89a'))).toBeNull() // a real image type, not accepted
    expect(sniffType(ascii('<svg xmlns="http://www.w3.org/2000/svg"/>'))).toBeNull()
    expect(sniffType(bytes(0x00, 0xff, 0xd8, 0xff))).toBeNull() // signature not at the start
  })

  it('tells photos from documents', () => {
    expect(isPhotoType('image/jpeg')).toBe(true)
    expect(isPhotoType('image/png')).toBe(true)
    expect(isPhotoType('image/webp')).toBe(true)
    expect(isPhotoType('application/pdf')).toBe(false)
    expect(isPhotoType(null)).toBe(false)
  })
})
