import type { MediaKind } from '#db/domain'
import { MAX_LENGTH } from '~/forms/limits'
import type { MessageKey, Params } from '~/i18n'

/**
 * The upload rules of PRODUCT.md, shared by the server (which enforces them) and
 * the browser (which explains them and checks early). Nothing here is secret.
 */
export const MIB = 1024 * 1024
export const MAX_PHOTOS = 12
export const MIN_PHOTOS = 1
export const MAX_DOCUMENTS = 10
/** Largest photo file, as uploaded (the browser also checks the file as chosen). */
export const PHOTO_MAX_BYTES = 15 * MIB
export const DOCUMENT_MAX_BYTES = 20 * MIB
/** Longest side of a stored photo. */
export const MAX_DIMENSION = 2560
/**
 * Largest decoded image accepted (width × height), a guard against decompression
 * bombs; 120 megapixels admits the originals of 108-megapixel phone cameras.
 */
export const MAX_INPUT_PIXELS = 120_000_000
/** Widths of the WebP variants served through srcset. */
export const VARIANT_WIDTHS = [320, 640, 1280] as const
export const CAPTION_MAX = MAX_LENGTH.line
/** A whole upload request: a full set of photos and one document, plus room for the form. */
export const MAX_REQUEST_BYTES = MAX_PHOTOS * PHOTO_MAX_BYTES + DOCUMENT_MAX_BYTES + MIB

export const PHOTO_ACCEPT = 'image/jpeg,image/png,image/webp,.jpg,.jpeg,.png,.webp'
export const DOCUMENT_ACCEPT = 'application/pdf,.pdf'

/** Why a file or a change was refused: a short code (safe in a URL) and its message. */
export const MEDIA_ERRORS = {
  empty: 'media.error.empty',
  photoTooLarge: 'media.error.photoTooLarge',
  documentTooLarge: 'media.error.documentTooLarge',
  notPhoto: 'media.error.notPhoto',
  notPdf: 'media.error.notPdf',
  unsupported: 'media.error.unsupported',
  corrupt: 'media.error.corrupt',
  corruptPdf: 'media.error.corruptPdf',
  activePdf: 'media.error.activePdf',
  encryptedPdf: 'media.error.encryptedPdf',
  dimensions: 'media.error.dimensions',
  tooManyPhotos: 'media.error.tooManyPhotos',
  tooManyDocuments: 'media.error.tooManyDocuments',
  saveFailed: 'media.error.saveFailed',
  noFiles: 'media.error.noFiles',
  requestTooLarge: 'media.error.requestTooLarge',
  captionTooLong: 'media.error.captionTooLong',
  notFound: 'media.error.notFound',
  badRequest: 'media.error.badRequest',
  notEditable: 'entry.error.notEditable',
  deadlinePassed: 'entry.error.deadlinePassed',
  signedOut: 'media.error.signedOut',
  forbidden: 'media.error.forbidden',
} as const satisfies Record<string, MessageKey>

export type MediaErrorCode = keyof typeof MEDIA_ERRORS

export function isMediaErrorCode(code: unknown): code is MediaErrorCode {
  return typeof code === 'string' && Object.hasOwn(MEDIA_ERRORS, code)
}

/** The translation key of a refusal given as a message key (the entry guards speak in keys). */
export function mediaErrorCodeOfKey(key: string): MediaErrorCode | null {
  const found = Object.entries(MEDIA_ERRORS).find(([, k]) => k === key)
  return found ? (found[0] as MediaErrorCode) : null
}

const mb = (bytes: number) => Math.round(bytes / MIB)

/** The message for a refusal, with the numbers it mentions; `name` is the file's name. */
export function mediaErrorMessage(
  code: MediaErrorCode,
  name = '',
): { key: MessageKey; params: Params } {
  const params: Params = { name }
  if (code === 'photoTooLarge') params.max = mb(PHOTO_MAX_BYTES)
  if (code === 'documentTooLarge') params.max = mb(DOCUMENT_MAX_BYTES)
  if (code === 'tooManyPhotos') params.max = MAX_PHOTOS
  if (code === 'tooManyDocuments') params.max = MAX_DOCUMENTS
  if (code === 'dimensions') params.max = MAX_INPUT_PIXELS / 1_000_000
  if (code === 'captionTooLong') params.max = CAPTION_MAX
  return { key: MEDIA_ERRORS[code], params }
}

/** What the browser may refuse before uploading: only the size as chosen, the server does the rest. */
export function checkChosenFile(file: { size: number }, kind: MediaKind): MediaErrorCode | null {
  if (file.size === 0) return 'empty'
  if (kind === 'photo' && file.size > PHOTO_MAX_BYTES) return 'photoTooLarge'
  if (kind === 'document' && file.size > DOCUMENT_MAX_BYTES) return 'documentTooLarge'
  return null
}

/** A user's file name as a harmless label (one cleaner for every text: see ~/forms/clean). */
export { cleanFileName } from '~/forms/clean'

/** Where a stored file is served from (the route authorises every request). */
export function mediaUrl(storageKey: string) {
  return `/media/${storageKey}`
}

/** One photo or document as the entry page shows it (from listEntryMedia). */
export interface MediaItem {
  id: number
  kind: MediaKind
  url: string
  mimeType: string
  byteSize: number
  width: number | null
  height: number | null
  caption: string
  isCover: boolean
  position: number
  originalName: string
  variants: { width: number; height: number; url: string }[]
}

/** The answer to one uploaded file. */
export type FileResult =
  { name: string; ok: true; media: MediaItem } | { name: string; ok: false; error: MediaErrorCode }
