import { mkdir, mkdtemp, open, readdir, rm, stat } from 'node:fs/promises'
import { join } from 'node:path'
import type { MediaKind } from '#db/domain'
import { cleanFileName, cleanFormData } from '~/forms/clean'
import { BodyTooLarge } from '~/http/body-limit.server'
import { MalformedMultipart, multipartBoundary, multipartParts } from '~/http/multipart.server'
import { uploadDir } from '~/storage/local.server'
import type { IncomingFile } from './media.server'
import { MediaRefusal } from './process.server'
import { DOCUMENT_MAX_BYTES, MAX_REQUEST_BYTES, PHOTO_MAX_BYTES } from './rules'

/**
 * Reads the media route's form (app/routes/unit/entry-media.ts) without holding the
 * files in memory: each file is written to a temporary folder on disk as it arrives
 * (under UPLOAD_DIR/.incoming, never /tmp, which may be memory), and read back one at a
 * time by addEntryFiles. A file over its own limit stops being written and gets its own
 * message; the request as a whole is capped at MAX_REQUEST_BYTES (the server refuses
 * more before this runs, see ~/http/body-limit.server); a body that is not multipart
 * (or not well-formed) is a MediaRefusal('badRequest'), answered 400. `cleanup` removes
 * the temporary folder and must run whatever happens (the route does it in `finally`);
 * a failed read cleans up by itself. Like the form door (~/forms/parse) for buffered
 * forms, every text field is cleaned (cleanFormData) and every file name too
 * (cleanFileName) before the route sees them.
 */

const FIELD_KINDS: Record<string, MediaKind> = { photos: 'photo', documents: 'document' }
/** Text fields of the media forms (intent, mediaId, caption) are short. */
export const TEXT_FIELD_MAX = 16 * 1024

export interface UploadForm {
  form: FormData
  files: IncomingFile[]
  cleanup: () => Promise<void>
}

class RequestTooLarge extends Error {}

/** The request's body with its bytes counted: reading past `max` fails with RequestTooLarge. */
function capped(body: ReadableStream<Uint8Array>, max: number) {
  let total = 0
  return body.pipeThrough(
    new TransformStream<Uint8Array, Uint8Array>({
      transform(chunk, controller) {
        total += chunk.byteLength
        if (total > max) controller.error(new RequestTooLarge())
        else controller.enqueue(chunk)
      },
    }),
  )
}

/** Browsers write `"`, CR and LF in a multipart file name as %22, %0D and %0A (HTML spec). */
const unescapeFileName = (name: string) =>
  name.replace(/%22/g, '"').replace(/%0D/gi, '\r').replace(/%0A/gi, '\n')

async function readText(data: AsyncIterable<Uint8Array>) {
  const chunks: Uint8Array[] = []
  let size = 0
  for await (const chunk of data) {
    size += chunk.byteLength
    if (size > TEXT_FIELD_MAX) throw new MediaRefusal('badRequest')
    chunks.push(chunk)
  }
  return Buffer.concat(chunks).toString('utf8')
}

/** Writes a part to `path`; past `limit` bytes the file is deleted and the rest skipped. */
async function writePart(data: AsyncIterable<Uint8Array>, path: string, limit: number) {
  const handle = await open(path, 'wx', 0o600)
  let size = 0
  let kept = true
  try {
    for await (const chunk of data) {
      size += chunk.byteLength
      if (!kept) continue
      if (size > limit) {
        kept = false
        continue
      }
      await handle.write(chunk)
    }
  } finally {
    await handle.close()
    if (!kept) await rm(path, { force: true })
  }
  return { size, kept }
}

function refusalOf(error: unknown): MediaRefusal | null {
  if (error instanceof MediaRefusal) return error
  const cause = (error as { cause?: unknown } | null)?.cause
  if (error instanceof RequestTooLarge || cause instanceof RequestTooLarge) {
    return new MediaRefusal('requestTooLarge', { cause: error })
  }
  if (error instanceof BodyTooLarge || cause instanceof BodyTooLarge) {
    return new MediaRefusal('requestTooLarge', { cause: error })
  }
  if (error instanceof MalformedMultipart) return new MediaRefusal('badRequest', { cause: error })
  return null
}

/** Folders left by a server that stopped mid-upload are removed by the next upload after an hour. */
const STALE_MS = 60 * 60 * 1000

async function pruneStale(root: string) {
  const now = Date.now()
  for (const name of await readdir(root).catch(() => [])) {
    const path = join(root, name)
    const info = await stat(path).catch(() => null)
    if (info && now - info.mtimeMs > STALE_MS) await rm(path, { recursive: true, force: true })
  }
}

/** The media form: fields in `form`, files (on disk) in `files`, in the order sent. */
export async function readUploadForm(request: Request): Promise<UploadForm> {
  const type = request.headers.get('Content-Type') ?? ''
  if (!request.body) return { form: new FormData(), files: [], cleanup: async () => {} }
  if (!/^multipart\/form-data\b/i.test(type)) {
    try {
      const text = await new Response(capped(request.body, TEXT_FIELD_MAX)).text()
      const form = new FormData()
      for (const [k, v] of new URLSearchParams(text)) form.append(k, v)
      return { form: cleanFormData(form), files: [], cleanup: async () => {} }
    } catch (error) {
      throw refusalOf(error) ?? error
    }
  }
  const boundary = multipartBoundary(type)
  if (!boundary) throw new MediaRefusal('badRequest')

  const root = join(uploadDir(), '.incoming')
  await mkdir(root, { recursive: true })
  await pruneStale(root)
  const dir = await mkdtemp(join(root, 'upload-'))
  const cleanup = () => rm(dir, { recursive: true, force: true })
  const form = new FormData()
  const files: IncomingFile[] = []
  let written = 0
  try {
    for await (const part of multipartParts(capped(request.body, MAX_REQUEST_BYTES), boundary)) {
      if (part.filename === undefined) {
        form.append(part.name, await readText(part.data))
        continue
      }
      const kind = Object.hasOwn(FIELD_KINDS, part.name) ? FIELD_KINDS[part.name] : undefined
      // Files in other fields are ignored (the parser skips their bytes).
      if (!kind) continue
      const path = join(dir, String(written++))
      const limit = kind === 'document' ? DOCUMENT_MAX_BYTES : PHOTO_MAX_BYTES
      const { size, kept } = await writePart(part.data, path, limit)
      // An empty part without a name is a file input left empty.
      if (part.filename === '' && size === 0) continue
      files.push({
        name: cleanFileName(unescapeFileName(part.filename)),
        kind,
        bytes: kept ? { path, size } : null,
      })
    }
  } catch (error) {
    await cleanup()
    throw refusalOf(error) ?? error
  }
  return { form: cleanFormData(form), files, cleanup }
}
