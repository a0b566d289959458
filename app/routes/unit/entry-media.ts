import type { ActionFunctionArgs, LoaderFunctionArgs, UploadHandler } from '@remix-run/node'
import { redirect, unstable_parseMultipartFormData } from '@remix-run/node'
import type { MediaKind } from '#db/domain'
import { requireEditableEntry, requireOwnEntry } from '~/entries/access.server'
import { cleanFormData } from '~/forms/clean'
import { readForm as readCleanForm } from '~/forms/parse'
import { clientIp } from '~/load-context'
import {
  addEntryFiles,
  updateEntryMedia,
  type IncomingFile,
  type MediaOp,
} from '~/media/media.server'
import { doneQuery, errorQuery, uploadOutcomeQuery, type MediaDone } from '~/media/messages'
import { MediaRefusal } from '~/media/process.server'
import {
  DOCUMENT_MAX_BYTES,
  MAX_REQUEST_BYTES,
  PHOTO_MAX_BYTES,
  mediaErrorCodeOfKey,
  type MediaErrorCode,
} from '~/media/rules'

/**
 * POST /unit/entries/:entryId/media — photos and documents of an entry.
 *
 * Multipart with `photos` (several) and/or `documents`: each file is checked and
 * stored on its own. Or `intent` = caption | move-up | move-down | cover | remove
 * with `mediaId` (and `caption`). Browsers without JavaScript are redirected back to
 * the entry page with the outcome in `?media=…` (see ~/media/messages); the
 * JavaScript uploader sends `Accept: application/json` and gets JSON:
 * `{results: FileResult[]}` for uploads, `{ok: true, done}` for changes, and
 * `{error: code}` with the HTTP status for refusals (401 signed out, 403, 404,
 * 409 entry no longer editable, 413 request too large).
 */

const FIELD_KINDS: Record<string, MediaKind> = { photos: 'photo', documents: 'document' }
const TEXT_FIELD_MAX = 16 * 1024

const entryPage = (entryId: number, query = '') =>
  `/unit/entries/${entryId}${query ? `?${query}` : ''}#media`

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { entry } = await requireOwnEntry(request, Number(params.entryId))
  return redirect(`/unit/entries/${entry.id}`)
}

const wantsJson = (request: Request) =>
  (request.headers.get('Accept') ?? '').includes('application/json')

function isDataWithInit(v: unknown): v is { data: unknown; init: ResponseInit | null } {
  return (
    typeof v === 'object' && v !== null && (v as { type?: string }).type === 'DataWithResponseInit'
  )
}

class RequestTooLarge extends Error {}
class BadField extends Error {}

/** The request with its body counted: reading past `max` bytes fails with RequestTooLarge. */
function capped(request: Request, max: number) {
  let total = 0
  const counter = new TransformStream<Uint8Array, Uint8Array>({
    transform(chunk, controller) {
      total += chunk.byteLength
      if (total > max) controller.error(new RequestTooLarge())
      else controller.enqueue(chunk)
    },
  })
  return new Request(request.url, {
    method: request.method,
    headers: request.headers,
    body: request.body!.pipeThrough(counter),
    duplex: 'half',
  } as RequestInit & { duplex: 'half' })
}

/** Browsers write `"`, CR and LF in a multipart file name as %22, %0D and %0A (HTML spec). */
const unescapeFileName = (name: string) =>
  name.replace(/%22/g, '"').replace(/%0D/gi, '\r').replace(/%0A/gi, '\n')

function concat(chunks: Uint8Array[], size: number) {
  const out = new Uint8Array(size)
  let at = 0
  for (const c of chunks) {
    out.set(c, at)
    at += c.byteLength
  }
  return out
}

/**
 * Reads the form. Files go to `files` in the order sent; a file over its limit is
 * read to the end but not kept (bytes null), so it gets its own message while the
 * others are processed.
 */
async function readForm(request: Request) {
  const files: IncomingFile[] = []
  const type = request.headers.get('Content-Type') ?? ''
  const multipart = type.startsWith('multipart/form-data')
  const handler: UploadHandler = async ({ name, filename, data }) => {
    const kind = FIELD_KINDS[name]
    const isFile = typeof filename === 'string'
    const limit = !isFile
      ? TEXT_FIELD_MAX
      : kind === 'document'
        ? DOCUMENT_MAX_BYTES
        : PHOTO_MAX_BYTES
    let chunks: Uint8Array[] = []
    let size = 0
    for await (const chunk of data) {
      size += chunk.byteLength
      if (size > limit) chunks = []
      else chunks.push(chunk)
    }
    if (!isFile) {
      if (size > limit) throw new BadField()
      return new TextDecoder().decode(concat(chunks, size))
    }
    // An empty part without a name is a file input left empty; other fields are ignored.
    if (!kind || (filename === '' && size === 0)) return undefined
    files.push({
      name: unescapeFileName(filename),
      kind,
      bytes: size > limit ? null : concat(chunks, size),
    })
    return undefined
  }
  try {
    if (!request.body) return { form: new FormData(), files }
    const body = capped(request, multipart ? MAX_REQUEST_BYTES : TEXT_FIELD_MAX)
    const form = multipart
      ? cleanFormData(await unstable_parseMultipartFormData(body, handler))
      : await readCleanForm(body)
    return { form, files }
  } catch (error) {
    const cause = (error as { cause?: unknown } | null)?.cause
    if (error instanceof RequestTooLarge || cause instanceof RequestTooLarge) {
      throw new MediaRefusal('requestTooLarge', { cause: error })
    }
    if (error instanceof BadField) throw new MediaRefusal('badRequest', { cause: error })
    // A truncated or malformed body is the client's: 400, not a 500 logged as ours.
    if (request.signal.aborted) throw error
    throw new MediaRefusal('badRequest', { cause: error })
  }
}

const STATUS: Partial<Record<MediaErrorCode, number>> = {
  requestTooLarge: 413,
  notFound: 404,
  notEditable: 409,
  deadlinePassed: 409,
  signedOut: 401,
  forbidden: 403,
}

function refusal(request: Request, entryId: number, code: MediaErrorCode) {
  if (wantsJson(request)) return Response.json({ error: code }, { status: STATUS[code] ?? 400 })
  return redirect(entryPage(entryId, errorQuery(code)), 303)
}

const INTENTS: Record<string, (mediaId: number, form: FormData) => [MediaOp, MediaDone]> = {
  caption: (mediaId, form) => [
    { op: 'caption', mediaId, caption: String(form.get('caption') ?? '') },
    'caption',
  ],
  'move-up': (mediaId) => [{ op: 'move', mediaId, by: -1 }, 'moved'],
  'move-down': (mediaId) => [{ op: 'move', mediaId, by: 1 }, 'moved'],
  cover: (mediaId) => [{ op: 'cover', mediaId }, 'cover'],
  remove: (mediaId) => [{ op: 'remove', mediaId }, 'removed'],
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const entryId = Number(params.entryId)
  let userId: number
  try {
    userId = (await requireEditableEntry(request, entryId)).user.id
  } catch (thrown) {
    // The JavaScript uploader gets every refusal as JSON; a browser without it is sent
    // back to the entry page when only the deadline or the entry's state stands in the way.
    if (thrown instanceof Response && wantsJson(request)) {
      return refusal(request, entryId, 'signedOut')
    }
    if (isDataWithInit(thrown)) {
      const status = thrown.init?.status ?? 500
      const key = (thrown.data as { message?: string } | null)?.message ?? ''
      const code = status === 409 ? mediaErrorCodeOfKey(key) : null
      if (code) return refusal(request, entryId, code)
      if (wantsJson(request)) {
        return refusal(request, entryId, status === 404 ? 'notFound' : 'forbidden')
      }
    }
    throw thrown
  }

  if (Number(request.headers.get('Content-Length') ?? 0) > MAX_REQUEST_BYTES) {
    return refusal(request, entryId, 'requestTooLarge')
  }
  let form: FormData
  let files: IncomingFile[]
  try {
    ;({ form, files } = await readForm(request))
  } catch (error) {
    if (error instanceof MediaRefusal) return refusal(request, entryId, error.code)
    throw error
  }
  const ip = clientIp(context)

  const intent = form.get('intent')
  if (typeof intent === 'string' && intent !== 'upload') {
    const make = Object.hasOwn(INTENTS, intent) ? INTENTS[intent] : undefined
    const mediaId = Number(form.get('mediaId'))
    if (!make || !Number.isInteger(mediaId) || mediaId <= 0) {
      return refusal(request, entryId, 'badRequest')
    }
    const [op, done] = make(mediaId, form)
    try {
      await updateEntryMedia(entryId, userId, [op], { ip })
    } catch (error) {
      if (error instanceof MediaRefusal) return refusal(request, entryId, error.code)
      throw error
    }
    if (wantsJson(request)) return Response.json({ ok: true, done })
    return redirect(entryPage(entryId, doneQuery(done)), 303)
  }

  if (!files.length) return refusal(request, entryId, 'noFiles')
  const results = await addEntryFiles(entryId, userId, files, { ip })
  if (wantsJson(request)) return Response.json({ results })
  return redirect(entryPage(entryId, uploadOutcomeQuery(results)), 303)
}
