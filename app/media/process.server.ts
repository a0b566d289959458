import { createHash } from 'node:crypto'
import sharp, { type OutputInfo } from 'sharp'
import {
  MAX_DIMENSION,
  MAX_INPUT_PIXELS,
  MEDIA_ERRORS,
  VARIANT_WIDTHS,
  type MediaErrorCode,
} from './rules'
import { isPhotoType, sniffType, type PHOTO_TYPES } from './sniff'
import { inspectPdf } from './pdf-safety.server'

/** A file or change the rules refuse; `code` names the reason (see MEDIA_ERRORS). */
export class MediaRefusal extends Error {
  constructor(
    readonly code: MediaErrorCode,
    options?: { cause?: unknown },
  ) {
    super(`Media refused: ${code}`, options)
    this.name = 'MediaRefusal'
  }

  /** The translation key of the message. */
  get key() {
    return MEDIA_ERRORS[this.code]
  }
}

type PhotoType = (typeof PHOTO_TYPES)[number]

export interface EncodedImage {
  bytes: Buffer
  width: number
  height: number
  mimeType: string
}

export interface ProcessedPhoto extends EncodedImage {
  mimeType: PhotoType
  extension: 'jpg' | 'png' | 'webp'
  sha256: string
  /** WebP renditions, narrowest first; never wider than the photo, at least one. */
  variants: (EncodedImage & { mimeType: 'image/webp' })[]
}

const EXTENSIONS: Record<PhotoType, ProcessedPhoto['extension']> = {
  'image/jpeg': 'jpg',
  'image/png': 'png',
  'image/webp': 'webp',
}

export const sha256Hex = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex')

/** The variant widths for a photo this wide: those that fit, or the photo's own width. */
export function variantWidths(width: number) {
  const fitting = VARIANT_WIDTHS.filter((w) => w <= width)
  return fitting.length ? [...fitting] : [width]
}

/**
 * Decodes an uploaded photo and encodes it afresh. Corrupt or truncated images are
 * refused (sharp fails on decoder errors, which a cut-off JPEG, PNG or WebP raises);
 * the pixels are turned upright by their EXIF orientation, fitted inside
 * 2560 × 2560 (never enlarged) and re-encoded in the same format with no metadata
 * at all, so EXIF, GPS position, XMP and camera details are gone. WebP variants
 * 320/640/1280 px wide are made from the same pixels.
 */
export async function processPhoto(bytes: Uint8Array): Promise<ProcessedPhoto> {
  const type = sniffType(bytes)
  if (!isPhotoType(type)) throw new MediaRefusal('notPhoto')

  let decoded: { data: Buffer; info: OutputInfo }
  try {
    decoded = await sharp(bytes, {
      // 'error' refuses truncated and corrupt pixel data; 'warning' would also refuse
      // the harmless libjpeg warnings some phone cameras trigger.
      failOn: 'error',
      limitInputPixels: MAX_INPUT_PIXELS,
      autoOrient: true,
    })
      .resize(MAX_DIMENSION, MAX_DIMENSION, { fit: 'inside', withoutEnlargement: true })
      .toColourspace('srgb')
      .raw({ depth: 'uchar' })
      .toBuffer({ resolveWithObject: true })
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error)
    if (/pixel limit/i.test(message)) throw new MediaRefusal('dimensions', { cause: error })
    throw new MediaRefusal('corrupt', { cause: error })
  }

  const { data, info } = decoded
  const channels = info.channels as 1 | 2 | 3 | 4
  const raw = () => sharp(data, { raw: { width: info.width, height: info.height, channels } })
  const encoder =
    type === 'image/jpeg'
      ? raw().jpeg({ quality: 85, progressive: true })
      : type === 'image/png'
        ? raw().png({ compressionLevel: 8 })
        : raw().webp({ quality: 85 })

  const [original, variants] = await Promise.all([
    encoder.toBuffer(),
    Promise.all(
      variantWidths(info.width).map(async (width) => {
        const height = Math.max(1, Math.round((info.height * width) / info.width))
        const image = width === info.width ? raw() : raw().resize(width, height)
        const out = await image.webp({ quality: 80 }).toBuffer()
        return { bytes: out, width, height, mimeType: 'image/webp' as const }
      }),
    ),
  ])

  return {
    bytes: original,
    width: info.width,
    height: info.height,
    mimeType: type,
    extension: EXTENSIONS[type],
    sha256: sha256Hex(original),
    variants,
  }
}

const PDF_TAIL = 1024
const EOF_MARK = Buffer.from('%%EOF', 'latin1')

/**
 * A PDF is accepted when it starts like one and ends like one (`%PDF-` first and `%%EOF`
 * within its last kilobyte, so a renamed file or a cut-off download is refused), parses as a
 * document with at least one page, and is inert: no scripts, launch actions, embedded files
 * or encryption (see inspectPdf).
 */
export async function checkPdf(bytes: Uint8Array) {
  if (sniffType(bytes) !== 'application/pdf') throw new MediaRefusal('notPdf')
  const tail = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).subarray(
    Math.max(0, bytes.byteLength - PDF_TAIL),
  )
  if (!tail.includes(EOF_MARK)) throw new MediaRefusal('corruptPdf')
  const problem = await inspectPdf(bytes)
  if (problem) throw new MediaRefusal(problem)
  return { mimeType: 'application/pdf' as const, extension: 'pdf' as const }
}
