import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node'
import { data, redirect } from '@remix-run/node'
import { requireEditableEntry, requireOwnEntry } from '~/entries/access.server'
import { clientIp } from '~/load-context'
import { addEntryFiles, updateEntryMedia, type MediaOp } from '~/media/media.server'
import { doneQuery, errorQuery, uploadOutcomeQuery, type MediaDone } from '~/media/messages'
import { MediaRefusal } from '~/media/process.server'
import { MAX_REQUEST_BYTES, mediaErrorCodeOfKey, type MediaErrorCode } from '~/media/rules'
import { readUploadForm, type UploadForm } from '~/media/upload-stream.server'

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
  let upload: UploadForm
  try {
    // Files are streamed to a temporary folder, removed again whatever happens next.
    upload = await readUploadForm(request)
  } catch (error) {
    if (!(error instanceof MediaRefusal)) throw error
    // A body no browser sends (not multipart, broken multipart): 400, in the visitor's language.
    if (error.code === 'badRequest' && !wantsJson(request)) {
      throw data({ message: 'http.badRequest.body' }, { status: 400 })
    }
    return refusal(request, entryId, error.code)
  }
  try {
    return await handleForm(request, entryId, userId, upload, clientIp(context))
  } finally {
    await upload.cleanup()
  }
}

async function handleForm(
  request: Request,
  entryId: number,
  userId: number,
  { form, files }: UploadForm,
  ip: string | null,
) {
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
