import type { AppLoadContext } from '@remix-run/node'
import { createUploadthing, type FileRouter } from 'uploadthing/remix'
import { UploadThingError } from 'uploadthing/server'
import { z } from 'zod'
import type { MediaKind } from '#db/domain'
import { countEntryMedia } from '#db/repos/media'
import { requireEditableEntry } from '~/entries/access.server'
import { clientIp } from '~/load-context'
import { deleteUploadThingFiles, fetchUploadedFile } from '~/storage/uploadthing.server'
import { addEntryFiles } from './media.server'
import {
  MAX_DOCUMENTS,
  MAX_PHOTOS,
  isMediaErrorCode,
  mediaErrorCodeOfKey,
  type FileResult,
  type MediaErrorCode,
} from './rules'

/**
 * The UploadThing file router: the browser uploads straight to UploadThing, and this
 * router decides who may (middleware, the same guard as the local upload path) and
 * what becomes of each file (onUploadComplete, the same checks and re-encoding as the
 * local path, through addEntryFiles).
 *
 * Flow per file: middleware authorises and counts → UploadThing stores the raw file →
 * its signed callback runs onUploadComplete here → we download the raw bytes, run them
 * through addEntryFiles (type by content, size, count, decode and re-encode without
 * EXIF, WebP variants; the results are stored through getStorage(), i.e. UploadThing
 * under our own keys) → the raw upload is deleted → the FileResult goes back to the
 * browser as `serverData`.
 */

/** What the browser reads from a refused request: the media error code, when there is one. */
export interface UploadErrorShape {
  message: string
  code: MediaErrorCode | null
  [key: string]: string | null
}

/** SDK refusals that happen before our code runs, in the words of our own rules. */
function codeOfSdkMessage(error: UploadThingError): MediaErrorCode | null {
  // The SDK keeps its reason ("You uploaded a pdf file that was …") as an Error in `cause`.
  const cause = error.cause instanceof Error ? error.cause.message : String(error.cause ?? '')
  const text = `${error.message} ${cause}`
  if (/FileCountMismatch/.test(text)) return /pdf/.test(text) ? 'tooManyDocuments' : 'tooManyPhotos'
  if (/FileSizeMismatch/.test(text)) return /pdf/.test(text) ? 'documentTooLarge' : 'photoTooLarge'
  if (/InvalidFileType|UnknownFileType/.test(text)) return 'unsupported'
  if (/Invalid input/.test(text)) return 'badRequest'
  return null
}

const f = createUploadthing({
  errorFormatter: (error): UploadErrorShape => ({
    message: error.message,
    code: isMediaErrorCode(error.message) ? error.message : codeOfSdkMessage(error),
  }),
})

/** A refusal whose message is one of our media error codes (the browser translates it). */
function refuse(code: MediaErrorCode, status: 'BAD_REQUEST' | 'FORBIDDEN' | 'NOT_FOUND') {
  return new UploadThingError({ code: status, message: code })
}

/**
 * requireEditableEntry throws Remix responses (a redirect to sign in, 403, 404, 409 with a
 * reason); turn them into UploadThing errors the SDK sends back with the same meaning.
 */
async function guard(request: Request, entryId: number) {
  try {
    return await requireEditableEntry(request, entryId)
  } catch (thrown) {
    if (thrown instanceof Response && thrown.status >= 300 && thrown.status < 400)
      throw refuse('signedOut', 'FORBIDDEN')
    // data() throws { type: 'DataWithResponseInit', data, init }.
    const status =
      thrown instanceof Response
        ? thrown.status
        : ((thrown as { init?: { status?: number } | null } | null)?.init?.status ?? 0)
    if (status === 403) throw refuse('forbidden', 'FORBIDDEN')
    if (status === 404) throw refuse('notFound', 'NOT_FOUND')
    if (status === 409) {
      const key = (thrown as { data?: { message?: unknown } }).data?.message
      throw refuse(mediaErrorCodeOfKey(String(key)) ?? 'notEditable', 'BAD_REQUEST')
    }
    throw thrown
  }
}

const entryInput = z.object({ entryId: z.number().int().positive() })

function middlewareFor(kind: MediaKind) {
  const max = kind === 'photo' ? MAX_PHOTOS : MAX_DOCUMENTS
  return async ({
    event,
    input,
    files,
  }: {
    event: { request: Request; context?: AppLoadContext }
    input: z.infer<typeof entryInput>
    files: readonly unknown[]
  }) => {
    const { user, entry } = await guard(event.request, input.entryId)
    // Counted again when each file is added; refusing here saves uploading what cannot fit.
    const { count } = await countEntryMedia(entry.id, kind)
    if (count + files.length > max)
      throw refuse(kind === 'photo' ? 'tooManyPhotos' : 'tooManyDocuments', 'BAD_REQUEST')
    // The uploader's address, for the audit record written when the file arrives.
    return { entryId: entry.id, userId: user.id, kind, ip: clientIp(event.context) }
  }
}

/** A type as plain JSON (interfaces become type literals, which UploadThing's Json type admits). */
type Plain<T> = T extends readonly (infer U)[]
  ? Plain<U>[]
  : T extends object
    ? { [K in keyof T]: Plain<T[K]> }
    : T

/** What the browser gets back for each file, as `serverData`. */
export type UploadResult = Plain<FileResult>

/** onUploadComplete: never throws (a throw would leave the uploader waiting for serverData). */
async function complete({
  file,
  metadata,
}: {
  file: { key: string; name: string; ufsUrl: string }
  metadata: { entryId: number; userId: number; kind: MediaKind; ip: string | null }
}): Promise<UploadResult> {
  try {
    const bytes = await fetchUploadedFile(file)
    const [result] = await addEntryFiles(
      metadata.entryId,
      metadata.userId,
      [{ name: file.name, bytes, kind: metadata.kind }],
      { ip: metadata.ip },
    )
    return result ?? { name: file.name, ok: false, error: 'badRequest' }
  } catch (error) {
    console.error(`uploadthing: could not process ${file.key}`, error)
    return { name: file.name, ok: false, error: 'saveFailed' }
  } finally {
    // The raw upload (with its EXIF) is never kept: only the processed files are.
    await deleteUploadThingFiles([file.key]).catch((error: unknown) => {
      console.error(`uploadthing: could not delete the raw upload ${file.key}`, error)
    })
  }
}

/**
 * Size limits for the raw upload, the next size UploadThing accepts above our rules (15 MB
 * photos, 20 MB PDFs), which addEntryFiles then enforces exactly, with a message of our own.
 */
const PHOTO_UPLOAD_LIMIT = '16MB'
const DOCUMENT_UPLOAD_LIMIT = '32MB'

export const uploadRouter = {
  entryPhotos: f({
    image: { maxFileSize: PHOTO_UPLOAD_LIMIT, maxFileCount: MAX_PHOTOS },
  })
    .input(entryInput)
    .middleware(middlewareFor('photo'))
    .onUploadComplete(complete),
  entryDocuments: f({
    pdf: { maxFileSize: DOCUMENT_UPLOAD_LIMIT, maxFileCount: MAX_DOCUMENTS },
  })
    .input(entryInput)
    .middleware(middlewareFor('document'))
    .onUploadComplete(complete),
} satisfies FileRouter

export type UploadRouter = typeof uploadRouter
