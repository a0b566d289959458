import { useRevalidator, useRouteLoaderData } from '@remix-run/react'
import { useCallback, useEffect, useRef, useState, type ChangeEvent, type FormEvent } from 'react'
import type { MediaKind } from '#db/domain'
import { formatNumber, type Params } from '~/i18n'
import { useLocale, useT } from '~/i18n/use-t'
import { buttonClass, inputClass, labelClass, secondaryButtonClass } from '~/ui/form'
import type { RootLoaderData } from '~/root'
import { MEDIA_DONE, type MediaDone, type MediaMessage } from './messages'
import {
  CAPTION_MAX,
  DOCUMENT_ACCEPT,
  MAX_DIMENSION,
  MAX_DOCUMENTS,
  MAX_PHOTOS,
  MIB,
  PHOTO_ACCEPT,
  PHOTO_MAX_BYTES,
  DOCUMENT_MAX_BYTES,
  checkChosenFile,
  isMediaErrorCode,
  mediaErrorMessage,
  type FileResult,
  type MediaErrorCode,
  type MediaItem,
} from './rules'

/**
 * The photos and documents of an entry: a gallery with captions, order, cover and
 * removal, and upload forms. Every action is a real form post, so it all works
 * without JavaScript; with it, photos are shrunk in the browser (≤ 2560 px), sent
 * one by one with a progress bar each, and changes are made without leaving the
 * page. Render it outside any other <form>: it has forms of its own.
 */
export interface PhotoManagerProps {
  entryId: number
  photos: MediaItem[]
  documents: MediaItem[]
  editable: boolean
  /** Outcome of a post made without JavaScript: mediaMessages(url.searchParams). */
  messages?: MediaMessage[]
}

type Message = { key: Parameters<ReturnType<typeof useT>>[0]; params?: Params }

interface Upload {
  id: string
  name: string
  kind: MediaKind
  phase: 'waiting' | 'preparing' | 'uploading' | 'done' | 'refused' | 'failed'
  loaded: number
  total: number
  message?: Message
}

const SMALL_PHOTO_BYTES = 1.5 * MIB
const JPEG_QUALITY = 0.85

// ── Shrinking in the browser ──────────────────────────────────────────────

function canvasBlob(canvas: HTMLCanvasElement, type: string, quality: number) {
  return new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, type, quality))
}

/** Does the picture have see-through pixels? (checked on a small copy) */
function hasTransparency(source: CanvasImageSource, width: number, height: number) {
  const scale = Math.min(1, 512 / Math.max(width, height))
  const w = Math.max(1, Math.round(width * scale))
  const h = Math.max(1, Math.round(height * scale))
  const canvas = document.createElement('canvas')
  canvas.width = w
  canvas.height = h
  const ctx = canvas.getContext('2d')
  if (!ctx) return true
  ctx.drawImage(source, 0, 0, w, h)
  const { data } = ctx.getImageData(0, 0, w, h)
  for (let i = 3; i < data.length; i += 4) if (data[i]! < 255) return true
  return false
}

function renamed(name: string, type: string) {
  const ext = type === 'image/png' ? 'png' : type === 'image/webp' ? 'webp' : 'jpg'
  const base = name.replace(/\.[^.]*$/, '') || 'photo'
  return `${base}.${ext}`
}

/**
 * A photo made at most 2560 px on its long side, upright (browsers apply the EXIF
 * orientation when decoding) and re-encoded: JPEG and WebP at quality 0.85, PNG kept
 * as PNG only when it has transparency. Files the browser cannot decode, and photos
 * already small, are sent as they are: the server decides.
 */
async function shrinkPhoto(file: File): Promise<File> {
  if (!['image/jpeg', 'image/png', 'image/webp'].includes(file.type)) return file
  if (typeof createImageBitmap !== 'function') return file
  let bitmap: ImageBitmap
  try {
    bitmap = await createImageBitmap(file, { imageOrientation: 'from-image' })
  } catch {
    return file
  }
  try {
    const { width, height } = bitmap
    const scale = Math.min(1, MAX_DIMENSION / Math.max(width, height))
    if (scale === 1 && file.size <= SMALL_PHOTO_BYTES) return file
    const w = Math.max(1, Math.round(width * scale))
    const h = Math.max(1, Math.round(height * scale))
    const canvas = document.createElement('canvas')
    canvas.width = w
    canvas.height = h
    const ctx = canvas.getContext('2d')
    if (!ctx) return file
    ctx.imageSmoothingQuality = 'high'
    ctx.drawImage(bitmap, 0, 0, w, h)
    const keepPng = file.type === 'image/png' && hasTransparency(bitmap, width, height)
    let type = keepPng ? 'image/png' : file.type === 'image/webp' ? 'image/webp' : 'image/jpeg'
    let blob = await canvasBlob(canvas, type, JPEG_QUALITY)
    if (!blob || blob.type !== type) {
      // Some browsers cannot write WebP: fall back to JPEG on a white background.
      type = 'image/jpeg'
      ctx.globalCompositeOperation = 'destination-over'
      ctx.fillStyle = '#ffffff'
      ctx.fillRect(0, 0, w, h)
      blob = await canvasBlob(canvas, type, JPEG_QUALITY)
    }
    if (!blob || blob.size >= file.size) return file
    return new File([blob], renamed(file.name, type), { type })
  } catch {
    return file
  } finally {
    bitmap.close()
  }
}

// ── Talking to the server ─────────────────────────────────────────────────

interface Reply {
  status: number
  body: unknown
}

function post(url: string, body: FormData, onProgress?: (loaded: number, total: number) => void) {
  return new Promise<Reply>((resolve) => {
    const xhr = new XMLHttpRequest()
    xhr.open('POST', url)
    xhr.setRequestHeader('Accept', 'application/json')
    xhr.responseType = 'json'
    if (onProgress) {
      xhr.upload.onprogress = (e) => {
        if (e.lengthComputable) onProgress(e.loaded, e.total)
      }
    }
    xhr.onload = () => resolve({ status: xhr.status, body: xhr.response as unknown })
    xhr.onerror = () => resolve({ status: 0, body: null })
    xhr.ontimeout = () => resolve({ status: 0, body: null })
    xhr.send(body)
  })
}

function errorOf(reply: Reply): MediaErrorCode | null {
  const error = (reply.body as { error?: unknown } | null)?.error
  return isMediaErrorCode(error) ? error : null
}

function refusalMessage(code: MediaErrorCode, name: string): Message {
  const { key, params } = mediaErrorMessage(code, name)
  return { key, params }
}

const NETWORK: Message = { key: 'media.error.network' }

// ── The component ─────────────────────────────────────────────────────────

export function PhotoManager({
  entryId,
  photos,
  documents,
  editable,
  messages = [],
}: PhotoManagerProps) {
  const t = useT()
  const locale = useLocale()
  const revalidator = useRevalidator()
  const action = `/unit/entries/${entryId}/media`
  const uploader = useRouteLoaderData<RootLoaderData>('root')?.uploader ?? 'local'
  const [enhanced, setEnhanced] = useState(false)
  const [uploads, setUploads] = useState<Upload[]>([])
  const [notice, setNotice] = useState<{ tone: 'success' | 'error'; message: Message } | null>(null)
  const busy = useRef(false)
  /** Where focus goes once the list has reloaded after a change (the clicked control may be gone). */
  const refocus = useRef<{ mediaId: string; intent: string; reloading?: boolean } | null>(null)
  const queue = useRef(Promise.resolve())
  const pending = useRef(new Map<string, File>())

  useEffect(() => setEnhanced(true), [])

  const update = useCallback((id: string, patch: Partial<Upload>) => {
    setUploads((list) => list.map((u) => (u.id === id ? { ...u, ...patch } : u)))
  }, [])

  const uploadOne = useCallback(
    async (upload: Upload, file: File) => {
      let toSend = file
      if (upload.kind === 'photo') {
        update(upload.id, { phase: 'preparing' })
        toSend = await shrinkPhoto(file)
      }
      update(upload.id, { phase: 'uploading', loaded: 0, total: toSend.size })
      const body = new FormData()
      body.append(upload.kind === 'photo' ? 'photos' : 'documents', toSend, toSend.name)
      const progress = (loaded: number, total: number) => update(upload.id, { loaded, total })
      // With UploadThing storage the file goes straight to UploadThing (its own chunk, loaded
      // on first use) and comes back with the same per-file result as the local post.
      const reply =
        uploader === 'uploadthing'
          ? await import('./uploadthing-client').then((ut) =>
              ut.uploadToUploadThing(entryId, upload.kind, toSend, progress),
            )
          : await post(action, body, progress)
      const result = (reply.body as { results?: FileResult[] } | null)?.results?.[0]
      if (result?.ok) {
        pending.current.delete(upload.id)
        update(upload.id, {
          phase: 'done',
          loaded: 1,
          total: 1,
          message: { key: 'media.uploaded', params: { name: upload.name } },
        })
      } else if (result) {
        pending.current.delete(upload.id)
        update(upload.id, { phase: 'refused', message: refusalMessage(result.error, upload.name) })
      } else {
        const code = errorOf(reply)
        if (code) pending.current.delete(upload.id)
        update(upload.id, {
          phase: code ? 'refused' : 'failed',
          message: code ? refusalMessage(code, upload.name) : NETWORK,
        })
      }
    },
    [action, entryId, update, uploader],
  )

  /** Uploads run one at a time (slow links share no bandwidth), then the list reloads. */
  const enqueue = useCallback(
    (items: { upload: Upload; file: File }[]) => {
      queue.current = queue.current
        .then(async () => {
          for (const { upload, file } of items) await uploadOne(upload, file)
          revalidator.revalidate()
        })
        .catch((error: unknown) => console.error('media upload failed', error))
    },
    [revalidator, uploadOne],
  )

  const choose = (kind: MediaKind) => (e: ChangeEvent<HTMLInputElement>) => {
    const input = e.currentTarget
    const chosen = Array.from(input.files ?? [])
    input.value = ''
    const items = chosen.map((file, i) => {
      const id = `${Date.now()}-${i}-${file.name}`
      const early = checkChosenFile(file, kind)
      const upload: Upload = {
        id,
        name: file.name,
        kind,
        phase: early ? 'refused' : 'waiting',
        loaded: 0,
        total: file.size,
        message: early ? refusalMessage(early, file.name) : undefined,
      }
      if (!early) pending.current.set(id, file)
      return { upload, file, early }
    })
    setUploads((list) => [...list.filter((u) => u.phase !== 'done'), ...items.map((i) => i.upload)])
    enqueue(items.filter((i) => !i.early))
  }

  const retry = (upload: Upload) => {
    const file = pending.current.get(upload.id)
    if (!file) return
    update(upload.id, { phase: 'waiting', loaded: 0, message: undefined })
    enqueue([{ upload, file }])
  }

  /** With JavaScript, the small forms post in the background and the list reloads. */
  const enhance = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault()
    const form = e.currentTarget
    const body = new FormData(form)
    const submitter = (e.nativeEvent as SubmitEvent).submitter
    if (submitter instanceof HTMLButtonElement && submitter.name) {
      body.set(submitter.name, submitter.value)
    }
    if (busy.current) return
    if (body.get('intent') === 'remove' && !window.confirm(t('media.confirmRemove'))) return
    busy.current = true
    const reply = await post(action, body)
    busy.current = false
    const done = (reply.body as { done?: MediaDone } | null)?.done
    if (reply.status === 200 && done && Object.hasOwn(MEDIA_DONE, done)) {
      setNotice({ tone: 'success', message: { key: MEDIA_DONE[done] } })
    } else {
      const code = errorOf(reply)
      setNotice({ tone: 'error', message: code ? refusalMessage(code, '') : NETWORK })
    }
    refocus.current = {
      mediaId: String(body.get('mediaId') ?? ''),
      intent: String(body.get('intent') ?? ''),
    }
    revalidator.revalidate()
  }

  useEffect(() => {
    const target = refocus.current
    if (!target) return
    if (revalidator.state !== 'idle') {
      target.reloading = true
      return
    }
    if (!target.reloading) return
    refocus.current = null
    const card = document.querySelector(`[data-media-id="${CSS.escape(target.mediaId)}"]`)
    const next =
      card?.querySelector<HTMLElement>(`button[value="${CSS.escape(target.intent)}"]`) ??
      card?.querySelector<HTMLElement>('textarea, button') ??
      document.getElementById('media-title')
    next?.focus()
  }, [revalidator.state, photos, documents])

  const size = (bytes: number) =>
    bytes < MIB
      ? t('media.sizeKb', { size: formatNumber(locale, Math.max(1, Math.round(bytes / 1024)), 0) })
      : t('media.size', { size: formatNumber(locale, bytes / MIB, 1) })
  const live = uploads.length > 0 || notice

  return (
    <section id="media" aria-labelledby="media-title" className="space-y-6">
      <h2 id="media-title" tabIndex={-1} className="text-xl font-semibold">
        {t('media.title')}
      </h2>

      {messages.length ? (
        <ul className="space-y-2" role="status">
          {messages.map((m, i) => (
            <li
              key={i}
              className={`rounded-md border px-3 py-2 text-sm ${
                m.tone === 'error'
                  ? 'border-red-300 bg-red-50 text-red-800'
                  : 'border-green-300 bg-green-50 text-green-800'
              }`}
            >
              {t(m.key, m.params)}
            </li>
          ))}
        </ul>
      ) : null}

      <div aria-live="polite" className={live ? 'space-y-2' : 'sr-only'}>
        {notice ? (
          <p
            className={`rounded-md border px-3 py-2 text-sm ${
              notice.tone === 'error'
                ? 'border-red-300 bg-red-50 text-red-800'
                : 'border-green-300 bg-green-50 text-green-800'
            }`}
          >
            {t(notice.message.key, notice.message.params)}
          </p>
        ) : null}
        {uploads.length ? (
          <ul className="space-y-3" aria-label={t('media.uploads')}>
            {uploads.map((u) => (
              <UploadRow key={u.id} upload={u} onRetry={() => retry(u)} />
            ))}
          </ul>
        ) : null}
      </div>

      <div className="space-y-3">
        <div className="flex flex-wrap items-baseline justify-between gap-2">
          <h3 className="text-lg font-semibold">{t('media.photos')}</h3>
          <p className="text-sm text-stone-700">
            {t('media.photoCount', { count: photos.length, max: MAX_PHOTOS })}
          </p>
        </div>
        {photos.length ? (
          <ol className="grid grid-cols-1 gap-4 sm:grid-cols-2 lg:grid-cols-3">
            {photos.map((photo, i) => (
              <PhotoCard
                key={photo.id}
                photo={photo}
                index={i}
                count={photos.length}
                editable={editable}
                action={action}
                onSubmit={enhanced ? enhance : undefined}
              />
            ))}
          </ol>
        ) : (
          <p className="text-stone-700">{t('media.noPhotos')}</p>
        )}
        {editable ? (
          <UploadForm
            kind="photo"
            action={action}
            enhanced={enhanced}
            onChoose={choose('photo')}
            disabled={photos.length >= MAX_PHOTOS}
          />
        ) : null}
      </div>

      <div className="space-y-3">
        <div className="flex flex-wrap items-baseline justify-between gap-2">
          <h3 className="text-lg font-semibold">{t('media.documents')}</h3>
          <p className="text-sm text-stone-700">
            {t('media.documentCount', { count: documents.length, max: MAX_DOCUMENTS })}
          </p>
        </div>
        {documents.length ? (
          <ul className="divide-y divide-stone-200 rounded-lg border border-stone-200 bg-white">
            {documents.map((doc, i) => (
              <li
                key={doc.id}
                data-media-id={doc.id}
                className="flex flex-wrap items-center justify-between gap-2 p-3"
              >
                <span className="min-w-0">
                  <a
                    href={doc.url}
                    className="break-words font-medium text-blue-800 underline"
                    target="_blank"
                    rel="noreferrer"
                  >
                    {doc.originalName || t('media.documentFallback', { n: i + 1 })}
                  </a>{' '}
                  <span className="text-sm text-stone-700">({size(doc.byteSize)})</span>
                </span>
                {editable ? (
                  <form method="post" action={action} onSubmit={enhanced ? enhance : undefined}>
                    <input type="hidden" name="mediaId" value={doc.id} />
                    <button
                      type="submit"
                      name="intent"
                      value="remove"
                      className={`${secondaryButtonClass} min-h-11 text-red-800`}
                    >
                      {t('media.remove')}
                      <span className="sr-only">
                        {' '}
                        {doc.originalName || t('media.documentFallback', { n: i + 1 })}
                      </span>
                    </button>
                  </form>
                ) : null}
              </li>
            ))}
          </ul>
        ) : (
          <p className="text-stone-700">{t('media.noDocuments')}</p>
        )}
        {editable ? (
          <UploadForm
            kind="document"
            action={action}
            enhanced={enhanced}
            onChoose={choose('document')}
            disabled={documents.length >= MAX_DOCUMENTS}
          />
        ) : null}
      </div>
    </section>
  )
}

function UploadRow({ upload, onRetry }: { upload: Upload; onRetry: () => void }) {
  const t = useT()
  const percent = upload.total ? Math.min(100, Math.round((upload.loaded / upload.total) * 100)) : 0
  const inProgress = upload.phase === 'preparing' || upload.phase === 'uploading'
  const tone =
    upload.phase === 'refused' || upload.phase === 'failed'
      ? 'text-red-800'
      : upload.phase === 'done'
        ? 'text-green-800'
        : 'text-stone-700'
  return (
    <li className="rounded-md border border-stone-200 bg-white p-3">
      <p className="break-words text-sm font-medium">{upload.name}</p>
      {upload.phase !== 'refused' ? (
        <div className="mt-1 flex items-center gap-2">
          <progress
            className="h-3 w-full"
            max={100}
            value={upload.phase === 'preparing' || upload.phase === 'waiting' ? undefined : percent}
            aria-label={t('media.progressLabel', { name: upload.name })}
          />
          <span className="w-12 text-right text-sm tabular-nums text-stone-700" aria-hidden="true">
            {inProgress || upload.phase === 'done' ? `${percent}%` : ''}
          </span>
        </div>
      ) : null}
      <p className={`mt-1 text-sm ${tone}`}>
        {upload.message
          ? t(upload.message.key, upload.message.params)
          : upload.phase === 'preparing'
            ? t('media.preparing')
            : upload.phase === 'uploading'
              ? t('media.uploading')
              : t('media.waiting')}
      </p>
      {upload.phase === 'failed' ? (
        <button type="button" onClick={onRetry} className={`${secondaryButtonClass} mt-2 min-h-11`}>
          {t('media.retry')}
          <span className="sr-only"> {upload.name}</span>
        </button>
      ) : null}
    </li>
  )
}

function UploadForm({
  kind,
  action,
  enhanced,
  onChoose,
  disabled,
}: {
  kind: MediaKind
  action: string
  enhanced: boolean
  onChoose: (e: ChangeEvent<HTMLInputElement>) => void
  disabled: boolean
}) {
  const t = useT()
  const id = `media-upload-${kind}`
  const photo = kind === 'photo'
  return (
    <form
      method="post"
      action={action}
      encType="multipart/form-data"
      className="rounded-lg border border-dashed border-stone-400 bg-white p-4"
    >
      <label htmlFor={id} className={labelClass}>
        {photo ? t('media.addPhotos') : t('media.addDocuments')}
      </label>
      <p id={`${id}-hint`} className="mt-1 text-sm text-stone-700">
        {photo
          ? t('media.photoHint', { max: MAX_PHOTOS, size: PHOTO_MAX_BYTES / MIB })
          : t('media.documentHint', { max: MAX_DOCUMENTS, size: DOCUMENT_MAX_BYTES / MIB })}
        {enhanced ? ` ${t('media.autoUpload')}` : ''}
      </p>
      <input
        id={id}
        type="file"
        name={photo ? 'photos' : 'documents'}
        accept={photo ? PHOTO_ACCEPT : DOCUMENT_ACCEPT}
        multiple
        disabled={disabled}
        aria-describedby={`${id}-hint`}
        onChange={enhanced ? onChoose : undefined}
        className={`${inputClass} min-h-11 file:mr-3 file:min-h-9 file:rounded file:border-0 file:bg-stone-200 file:px-3 file:font-semibold`}
      />
      {disabled ? (
        <p className="mt-1 text-sm text-stone-700">
          {photo
            ? t('media.photosFull', { max: MAX_PHOTOS })
            : t('media.documentsFull', { max: MAX_DOCUMENTS })}
        </p>
      ) : null}
      {enhanced ? null : (
        <button type="submit" className={`${buttonClass} mt-3 min-h-11`} disabled={disabled}>
          {photo ? t('media.uploadPhotos') : t('media.uploadDocuments')}
        </button>
      )}
    </form>
  )
}

function PhotoCard({
  photo,
  index,
  count,
  editable,
  action,
  onSubmit,
}: {
  photo: MediaItem
  index: number
  count: number
  editable: boolean
  action: string
  onSubmit?: (e: FormEvent<HTMLFormElement>) => void
}) {
  const t = useT()
  const n = index + 1
  const alt = photo.caption || t('media.photoAlt', { n })
  // The variants, and the original for screens that want more than the widest variant.
  const candidates = [...photo.variants]
  if (photo.width && !candidates.some((v) => v.width >= photo.width!)) {
    candidates.push({ url: photo.url, width: photo.width, height: photo.height ?? 0 })
  }
  const srcSet = candidates.map((v) => `${v.url} ${v.width}w`).join(', ')
  const src = photo.variants.find((v) => v.width >= 640)?.url ?? photo.variants.at(-1)?.url
  const captionId = `media-caption-${photo.id}`
  const small = `${secondaryButtonClass} min-h-11 px-3 text-sm`
  return (
    <li
      data-media-id={photo.id}
      className="overflow-hidden rounded-lg border border-stone-200 bg-white"
    >
      <figure>
        <div className="relative">
          <img
            src={src ?? photo.url}
            srcSet={srcSet || undefined}
            sizes="(min-width: 1024px) 320px, (min-width: 640px) 50vw, 100vw"
            width={photo.width ?? undefined}
            height={photo.height ?? undefined}
            loading="lazy"
            decoding="async"
            alt={alt}
            className="aspect-[4/3] h-auto w-full bg-stone-100 object-cover"
          />
          {photo.isCover ? (
            <span className="absolute left-2 top-2 rounded bg-brand-700 px-2 py-1 text-xs font-semibold text-white">
              {t('media.cover')}
            </span>
          ) : null}
        </div>
        {editable ? null : (
          <figcaption className="p-3 text-sm">
            {photo.caption || <span className="text-stone-700">{t('media.noCaption')}</span>}
          </figcaption>
        )}
      </figure>
      {editable ? (
        <form method="post" action={action} onSubmit={onSubmit} className="space-y-3 p-3">
          <input type="hidden" name="mediaId" value={photo.id} />
          <div>
            <label htmlFor={captionId} className={labelClass}>
              {t('media.captionLabel', { n })}
            </label>
            <textarea
              key={photo.caption}
              id={captionId}
              name="caption"
              rows={2}
              maxLength={CAPTION_MAX}
              defaultValue={photo.caption}
              className={inputClass}
            />
          </div>
          <div className="flex flex-wrap gap-2">
            <button
              type="submit"
              name="intent"
              value="caption"
              className={`${buttonClass} min-h-11 px-3 text-sm`}
            >
              {t('media.saveCaption')}
              <span className="sr-only"> {t('media.photoN', { n })}</span>
            </button>
            {index > 0 ? (
              <button type="submit" name="intent" value="move-up" className={small}>
                <span aria-hidden="true" className="mr-1">
                  ↑
                </span>
                {t('media.moveUp')}
                <span className="sr-only"> {t('media.photoN', { n })}</span>
              </button>
            ) : null}
            {index < count - 1 ? (
              <button type="submit" name="intent" value="move-down" className={small}>
                <span aria-hidden="true" className="mr-1">
                  ↓
                </span>
                {t('media.moveDown')}
                <span className="sr-only"> {t('media.photoN', { n })}</span>
              </button>
            ) : null}
            {photo.isCover ? null : (
              <button type="submit" name="intent" value="cover" className={small}>
                {t('media.makeCover')}
                <span className="sr-only"> {t('media.photoN', { n })}</span>
              </button>
            )}
            <button type="submit" name="intent" value="remove" className={`${small} text-red-800`}>
              {t('media.remove')}
              <span className="sr-only"> {t('media.photoN', { n })}</span>
            </button>
          </div>
        </form>
      ) : null}
    </li>
  )
}
