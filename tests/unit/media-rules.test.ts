import sharp from 'sharp'
import { describe, expect, it } from 'vitest'
import { translator } from '~/i18n'
import { mediaMessages, uploadOutcomeQuery } from '~/media/messages'
import { PDFDocument } from 'pdf-lib'
import { MediaRefusal, checkPdf, processPhoto, variantWidths } from '~/media/process.server'
import { cleanFileName, mediaErrorMessage, type FileResult } from '~/media/rules'
import { documentDisposition } from '~/media/disposition.server'
import { derivedKey, newStorageKey } from '~/storage/storage.server'

const refusalOf = async (p: Promise<unknown>) => {
  try {
    await p
  } catch (error) {
    return error instanceof MediaRefusal ? error.code : error
  }
  return null
}

describe('outcome messages in the query string (no JavaScript)', () => {
  it('round-trips per-file results, keeping each refused file’s name', () => {
    const results = [
      { name: 'a.jpg', ok: true },
      { name: 'notes.jpg', ok: false, error: 'notPhoto' },
      { name: 'big: photo.jpg', ok: false, error: 'photoTooLarge' },
    ] as FileResult[]
    const query = uploadOutcomeQuery(results)
    const t = translator('vi')
    const texts = mediaMessages(query).map((m) => [m.tone, t(m.key, m.params)])
    expect(texts).toEqual([
      ['success', 'Đã thêm 1 tệp.'],
      ['error', expect.stringMatching(/^notes\.jpg: không phải ảnh JPEG, PNG hoặc WebP/)],
      ['error', 'big: photo.jpg: ảnh lớn hơn 15 MB. Vui lòng chọn ảnh nhỏ hơn.'],
    ])
  })

  it('ignores codes it does not know, so a hand-made URL shows nothing else', () => {
    expect(mediaMessages('media=<script>&mr=evil:x&mr=nocolon&e=nope')).toEqual([])
    expect(mediaMessages('media=error&e=deadlinePassed')[0]?.key).toBe('entry.error.deadlinePassed')
  })

  it('says how many photos are allowed', () => {
    const { key, params } = mediaErrorMessage('tooManyPhotos', 'x.jpg')
    expect(translator('en')(key, params)).toBe(
      'x.jpg: the entry already has 12 photos. Remove one, then add again.',
    )
  })
})

describe('names and keys', () => {
  it('keeps a user’s file name only as a clean label', () => {
    expect(cleanFileName('C:\\Users\\a\\Ảnh\u0000 nhà văn hóa.JPG')).toBe('Ảnh nhà văn hóa.JPG')
    expect(cleanFileName('../../etc/passwd')).toBe('passwd')
  })

  it('generates storage keys that owe nothing to the file name', () => {
    const key = newStorageKey('media', 'jpg')
    expect(key).toMatch(/^media\/[0-9a-f]{32}\.jpg$/)
    expect(derivedKey(key, '640', 'webp')).toBe(key.replace('.jpg', '-640.webp'))
    expect(newStorageKey('media', 'jpg')).not.toBe(key)
  })

  it('sanitises the PDF file name of Content-Disposition', () => {
    expect(documentDisposition('Quyết định "khen" thưởng.pdf')).toBe(
      `attachment; filename="Quyet dinh _khen_ thuong.pdf"; filename*=UTF-8''Quy%E1%BA%BFt%20%C4%91%E1%BB%8Bnh%20_khen_%20th%C6%B0%E1%BB%9Fng.pdf`,
    )
    expect(documentDisposition('')).toBe(
      `attachment; filename="document.pdf"; filename*=UTF-8''document.pdf`,
    )
    expect(documentDisposition('a\r\nSet-Cookie: x=1')).not.toMatch(/[\r\n]/)
  })
})

describe('photo processing', () => {
  it('picks the variant widths that fit, at least one', () => {
    expect(variantWidths(2560)).toEqual([320, 640, 1280])
    expect(variantWidths(800)).toEqual([320, 640])
    expect(variantWidths(200)).toEqual([200])
  })

  it('never enlarges, keeps PNG transparency and makes WebP variants', async () => {
    const png = await sharp({
      create: { width: 300, height: 200, channels: 4, background: { r: 0, g: 0, b: 0, alpha: 0 } },
    })
      .png()
      .toBuffer()
    const out = await processPhoto(png)
    expect([out.mimeType, out.extension, out.width, out.height]).toEqual([
      'image/png',
      'png',
      300,
      200,
    ])
    expect((await sharp(out.bytes).metadata()).hasAlpha).toBe(true)
    expect(out.variants.map((v) => [v.width, v.height, v.mimeType])).toEqual([
      [300, 200, 'image/webp'],
    ])
  })

  it('refuses non-images and cut-off images with their own reasons', async () => {
    expect(await refusalOf(processPhoto(new TextEncoder().encode('hello')))).toBe('notPhoto')
    const png = await sharp({ create: { width: 64, height: 64, channels: 3, background: '#123' } })
      .png()
      .toBuffer()
    expect(await refusalOf(processPhoto(png.subarray(0, png.length - 16)))).toBe('corrupt')
  })

  it('accepts a complete PDF and refuses a fake or cut-off one', async () => {
    const doc = await PDFDocument.create()
    doc.addPage()
    const pdf = await doc.save()
    expect((await checkPdf(pdf)).mimeType).toBe('application/pdf')
    expect(await refusalOf(checkPdf(new TextEncoder().encode('not a pdf %%EOF')))).toBe('notPdf')
    expect(await refusalOf(checkPdf(pdf.subarray(0, 20)))).toBe('corruptPdf')
  })
})
