import { readFile } from 'node:fs/promises'
import { describeError } from '~/ops/errors.server'
import type { MediaKind } from '#db/domain'
import { getDb, type Executor, type Tx } from '#db/index'
import { recordAudit } from '#db/repos/audit'
import { findEntryWithContest } from '#db/repos/entries'
import {
  countEntryMedia,
  deleteMedia,
  insertMedia,
  mediaOfEntry,
  setMediaFields,
  storageKeysOf,
  variantsOf,
  type MediaRow,
} from '#db/repos/media'
import { now } from '~/clock.server'
import { entryEditRefusal } from '~/entries/access.server'
import { cleanText } from '~/forms/clean'
import {
  deleteQuietly,
  derivedKey,
  type FileStorage,
  getStorage,
  newStorageKey,
  storageFor,
} from '~/storage/storage.server'
import { MediaRefusal, checkPdf, processPhoto, sha256Hex } from './process.server'
import {
  CAPTION_MAX,
  cleanFileName,
  DOCUMENT_MAX_BYTES,
  MAX_DOCUMENTS,
  MAX_PHOTOS,
  PHOTO_MAX_BYTES,
  mediaErrorCodeOfKey,
  mediaUrl,
  type FileResult,
  type MediaItem,
} from './rules'
import { isPhotoType, sniffType } from './sniff'

/**
 * The rules for an entry's photos and documents, all enforced here on the server:
 * photos 1–12 (JPEG, PNG or WebP, ≤ 15 MB as uploaded), documents PDF only
 * (≤ 20 MB, at most 10), the type decided by content, never by name or by the
 * browser's claim. Callers check who may change the entry (requireEditableEntry);
 * these functions check again, inside each transaction, that it is still editable.
 */

export interface IncomingFile {
  /** The name the user's file had: kept as a label only, never used for storage. */
  name: string
  /**
   * The bytes, or the file on disk they were streamed to (upload-stream.server), or null
   * when the upload was over the size limit and not kept.
   */
  bytes: Uint8Array | { path: string; size: number } | null
  /** The form field it came in (photos take only photos, documents only PDFs); absent: by content. */
  kind?: MediaKind
}

const LIMITS = {
  photo: {
    bytes: PHOTO_MAX_BYTES,
    count: MAX_PHOTOS,
    tooLarge: 'photoTooLarge',
    tooMany: 'tooManyPhotos',
  },
  document: {
    bytes: DOCUMENT_MAX_BYTES,
    count: MAX_DOCUMENTS,
    tooLarge: 'documentTooLarge',
    tooMany: 'tooManyDocuments',
  },
} as const

/** Refuses the change unless the entry may still be edited (re-read inside the transaction). */
async function assertEditable(entryId: number, tx: Tx) {
  const entry = await findEntryWithContest(entryId, tx)
  if (!entry) throw new MediaRefusal('notFound')
  const refusal = entryEditRefusal(entry, now())
  if (refusal) throw new MediaRefusal(mediaErrorCodeOfKey(refusal) ?? 'notEditable')
}

/** Exactly one cover among an entry's photos whenever it has any. */
async function normaliseCover(entryId: number, tx: Tx) {
  const photos = await mediaOfEntry(entryId, 'photo', tx)
  if (!photos.length) return
  const covers = photos.filter((p) => p.is_cover === 1)
  if (covers.length === 1) return
  const keep = (covers[0] ?? photos[0])!
  for (const p of photos) {
    const want = p.id === keep.id ? 1 : 0
    if (p.is_cover !== want) await setMediaFields(p.id, { is_cover: want }, tx)
  }
}

/** Positions 1..n in the given order (default: the current order). */
async function renumber(entryId: number, kind: MediaKind, tx: Tx, order?: number[]) {
  const rows = await mediaOfEntry(entryId, kind, tx)
  const ids = order ?? rows.map((r) => r.id)
  const byId = new Map(rows.map((r) => [r.id, r]))
  for (const [i, id] of ids.entries()) {
    const row = byId.get(id)
    if (row && row.position !== i + 1) await setMediaFields(id, { position: i + 1 }, tx)
  }
}

function summary(row: MediaRow) {
  return {
    entryId: row.entry_id,
    kind: row.kind,
    key: row.storage_key,
    mimeType: row.mime_type,
    bytes: row.byte_size,
    width: row.width,
    height: row.height,
    name: row.original_name,
    caption: row.caption,
    position: row.position,
    isCover: row.is_cover === 1,
  }
}

interface Prepared {
  kind: MediaKind
  mimeType: string
  bytes: Uint8Array
  extension: string
  width: number | null
  height: number | null
  sha256: string
  variants: { bytes: Uint8Array; width: number; height: number; mimeType: string }[]
}

/** Size, type and count checks, then decoding: everything that needs no write. */
async function prepare(entryId: number, file: IncomingFile): Promise<Prepared> {
  if (file.bytes === null) throw new MediaRefusal(LIMITS[file.kind ?? 'photo'].tooLarge)
  // A streamed upload is read back only now, one file at a time, and only when within the limits.
  if (!(file.bytes instanceof Uint8Array)) {
    if (file.bytes.size > LIMITS[file.kind ?? 'document'].bytes) {
      throw new MediaRefusal(LIMITS[file.kind ?? 'document'].tooLarge)
    }
  }
  const bytes = file.bytes instanceof Uint8Array ? file.bytes : await readFile(file.bytes.path)
  if (bytes.byteLength === 0) throw new MediaRefusal('empty')
  // The size comes first: nothing larger than a limit is decoded.
  if (bytes.byteLength > LIMITS[file.kind ?? 'document'].bytes) {
    throw new MediaRefusal(LIMITS[file.kind ?? 'document'].tooLarge)
  }
  const sniffed = sniffType(bytes)
  const kind: MediaKind | null =
    file.kind ??
    (isPhotoType(sniffed) ? 'photo' : sniffed === 'application/pdf' ? 'document' : null)
  if (!kind) throw new MediaRefusal('unsupported')
  if (bytes.byteLength > LIMITS[kind].bytes) throw new MediaRefusal(LIMITS[kind].tooLarge)
  if (kind === 'photo' && !isPhotoType(sniffed)) throw new MediaRefusal('notPhoto')
  if (kind === 'document' && sniffed !== 'application/pdf') throw new MediaRefusal('notPdf')
  // Counted again inside the transaction; this early check saves decoding a 13th photo.
  if ((await countEntryMedia(entryId, kind)).count >= LIMITS[kind].count) {
    throw new MediaRefusal(LIMITS[kind].tooMany)
  }
  if (kind === 'document') {
    const pdf = await checkPdf(bytes)
    return {
      kind,
      mimeType: pdf.mimeType,
      bytes,
      extension: pdf.extension,
      width: null,
      height: null,
      sha256: sha256Hex(bytes),
      variants: [],
    }
  }
  const photo = await processPhoto(bytes)
  return {
    kind,
    mimeType: photo.mimeType,
    bytes: photo.bytes,
    extension: photo.extension,
    width: photo.width,
    height: photo.height,
    sha256: photo.sha256,
    variants: photo.variants,
  }
}

/**
 * Adds uploaded files to an entry, one at a time. Each refused file gets its own
 * reason and the others are kept. For each file the storage writes come first, then
 * one transaction inserts the rows and an audit record (`media.add`); if the
 * transaction fails, the files just written are deleted again.
 */
export async function addEntryFiles(
  entryId: number,
  userId: number,
  files: IncomingFile[],
  opts: { ip?: string | null } = {},
): Promise<FileResult[]> {
  // A storage misconfiguration (UPLOADTHING_TOKEN without its backend) fails loudly, not per file.
  const storage = getStorage()
  const results: FileResult[] = []
  for (const file of files) {
    const name = cleanFileName(file.name)
    try {
      const media = await addOne(storage, entryId, userId, name, file, opts.ip ?? null)
      results.push({ name, ok: true, media })
    } catch (error) {
      if (error instanceof MediaRefusal && error.code !== 'saveFailed') {
        results.push({ name, ok: false, error: error.code })
      } else {
        // Storing failed (disk full, read-only, the storage service down): the real cause, once.
        console.error(`media: could not add "${name}" to entry ${entryId}: ${describeError(error)}`)
        results.push({ name, ok: false, error: 'saveFailed' })
      }
    }
  }
  return results
}

async function addOne(
  storage: FileStorage,
  entryId: number,
  userId: number,
  name: string,
  file: IncomingFile,
  ip: string | null,
): Promise<MediaItem> {
  const prepared = await prepare(entryId, file)
  const key = newStorageKey('media', prepared.extension)
  const variants = prepared.variants.map((v) => ({
    ...v,
    key: derivedKey(key, String(v.width), 'webp'),
  }))
  const written: string[] = []
  try {
    for (const f of [{ key, bytes: prepared.bytes, mimeType: prepared.mimeType }, ...variants]) {
      await storage.put(f.key, f.bytes, f.mimeType)
      written.push(f.key)
    }
  } catch (error) {
    await deleteQuietly(storage, written)
    throw new MediaRefusal('saveFailed', { cause: error })
  }

  let id: number
  try {
    id = await getDb()
      .transaction()
      .execute(async (tx) => {
        await assertEditable(entryId, tx)
        const { count, lastPosition } = await countEntryMedia(entryId, prepared.kind, tx)
        if (count >= LIMITS[prepared.kind].count)
          throw new MediaRefusal(LIMITS[prepared.kind].tooMany)
        const mediaId = await insertMedia(
          {
            kind: prepared.kind,
            storage: storage.backend,
            storage_key: key,
            entry_id: entryId,
            position: lastPosition + 1,
            is_cover: prepared.kind === 'photo' && count === 0 ? 1 : 0,
            mime_type: prepared.mimeType,
            byte_size: prepared.bytes.byteLength,
            width: prepared.width,
            height: prepared.height,
            sha256: prepared.sha256,
            original_name: name,
            uploaded_by: userId,
            created_at: now().toISOString(),
          },
          variants.map((v) => ({
            width: v.width,
            height: v.height,
            storage_key: v.key,
            mime_type: v.mimeType,
            byte_size: v.bytes.byteLength,
          })),
          tx,
        )
        if (prepared.kind === 'photo') await normaliseCover(entryId, tx)
        await recordAudit(
          {
            actorId: userId,
            action: 'media.add',
            subjectType: 'media',
            subjectId: mediaId,
            after: {
              entryId,
              kind: prepared.kind,
              key,
              mimeType: prepared.mimeType,
              bytes: prepared.bytes.byteLength,
              width: prepared.width,
              height: prepared.height,
              name,
              variants: variants.map((v) => v.width),
            },
            ip,
          },
          tx,
        )
        return mediaId
      })
  } catch (error) {
    await deleteQuietly(storage, written)
    throw error
  }
  const item = (await listEntryMedia(entryId)).all.find((m) => m.id === id)
  if (!item) throw new Error(`media ${id} vanished after insert`)
  return item
}

function toItem(row: MediaRow, variants: { width: number; height: number; storage_key: string }[]) {
  return {
    id: row.id,
    kind: row.kind,
    url: mediaUrl(row.storage_key),
    mimeType: row.mime_type,
    byteSize: row.byte_size,
    width: row.width,
    height: row.height,
    caption: row.caption,
    isCover: row.is_cover === 1,
    position: row.position,
    originalName: row.original_name,
    variants: variants.map((v) => ({
      width: v.width,
      height: v.height,
      url: mediaUrl(v.storage_key),
    })),
  } satisfies MediaItem
}

/** An entry's photos (cover first in data, shown in position order) and documents, with variants for srcset. */
export async function listEntryMedia(entryId: number, db: Executor = getDb()) {
  const rows = await mediaOfEntry(entryId, undefined, db)
  const variants = await variantsOf(
    rows.map((r) => r.id),
    db,
  )
  const all = rows.map((r) =>
    toItem(
      r,
      variants.filter((v) => v.media_id === r.id),
    ),
  )
  return {
    photos: all.filter((m) => m.kind === 'photo'),
    documents: all.filter((m) => m.kind === 'document'),
    all,
  }
}

export type EntryMedia = Awaited<ReturnType<typeof listEntryMedia>>

/** A change to an entry's media. */
export type MediaOp =
  | { op: 'caption'; mediaId: number; caption: string }
  | { op: 'move'; mediaId: number; by: -1 | 1 }
  /** Move to this position (1-based; clamped to the list). */
  | { op: 'position'; mediaId: number; position: number }
  /** The complete new order of one kind: every id exactly once. */
  | { op: 'order'; kind: MediaKind; mediaIds: number[] }
  | { op: 'cover'; mediaId: number }
  | { op: 'remove'; mediaId: number }

/** A caption as stored: one line, trimmed; refused when longer than 300 characters. */
export function cleanCaption(caption: string) {
  const clean = cleanText(caption)
    .replace(/\p{Cc}+/gu, ' ')
    .trim()
  if ([...clean].length > CAPTION_MAX) throw new MediaRefusal('captionTooLong')
  return clean
}

/**
 * Applies captions, reordering, the cover choice and removals in one transaction,
 * each audited. Positions stay 1..n per kind, and the photos keep exactly one cover.
 * Files of removed media are deleted after the commit. Throws MediaRefusal when an
 * operation is not allowed (unknown media, caption too long, cover on a document…).
 */
export async function updateEntryMedia(
  entryId: number,
  userId: number,
  ops: MediaOp[],
  opts: { ip?: string | null } = {},
) {
  const removedFiles: NonNullable<Awaited<ReturnType<typeof storageKeysOf>>>[] = []
  await getDb()
    .transaction()
    .execute(async (tx) => {
      await assertEditable(entryId, tx)
      const audit = (action: string, subjectId: number, before: unknown, after: unknown) =>
        recordAudit(
          {
            actorId: userId,
            action,
            subjectType: action === 'media.reorder' ? 'entry' : 'media',
            subjectId,
            before,
            after,
            ip: opts.ip,
          },
          tx,
        )
      for (const op of ops) {
        const rows = await mediaOfEntry(entryId, undefined, tx)
        if (op.op === 'order') {
          const current = rows.filter((r) => r.kind === op.kind).map((r) => r.id)
          const wanted = [...op.mediaIds]
          if (
            wanted.length !== current.length ||
            new Set(wanted).size !== wanted.length ||
            !wanted.every((id) => current.includes(id))
          ) {
            throw new MediaRefusal('badRequest')
          }
          await renumber(entryId, op.kind, tx, wanted)
          await audit('media.reorder', entryId, { [op.kind]: current }, { [op.kind]: wanted })
          continue
        }
        const row = rows.find((r) => r.id === op.mediaId)
        if (!row) throw new MediaRefusal('notFound')
        const siblings = rows.filter((r) => r.kind === row.kind).map((r) => r.id)
        switch (op.op) {
          case 'caption': {
            const caption = cleanCaption(op.caption)
            if (caption !== row.caption) {
              await setMediaFields(row.id, { caption }, tx)
              await audit('media.caption', row.id, { caption: row.caption }, { caption })
            }
            break
          }
          case 'move':
          case 'position': {
            const from = siblings.indexOf(row.id)
            const target = op.op === 'move' ? from + op.by : Math.trunc(op.position) - 1
            if (!Number.isFinite(target)) throw new MediaRefusal('badRequest')
            const to = Math.min(Math.max(target, 0), siblings.length - 1)
            if (to === from) break
            const order = siblings.filter((id) => id !== row.id)
            order.splice(to, 0, row.id)
            await renumber(entryId, row.kind, tx, order)
            await audit('media.move', row.id, { position: from + 1 }, { position: to + 1 })
            break
          }
          case 'cover': {
            if (row.kind !== 'photo') throw new MediaRefusal('badRequest')
            if (row.is_cover === 1) break
            const previous = rows.find((r) => r.kind === 'photo' && r.is_cover === 1)
            if (previous) await setMediaFields(previous.id, { is_cover: 0 }, tx)
            await setMediaFields(row.id, { is_cover: 1 }, tx)
            await audit('media.cover', row.id, { cover: previous?.id ?? null }, { cover: row.id })
            break
          }
          case 'remove': {
            const files = await storageKeysOf(row.id, tx)
            await deleteMedia(row.id, tx)
            await renumber(entryId, row.kind, tx)
            if (row.kind === 'photo') await normaliseCover(entryId, tx)
            await audit('media.remove', row.id, summary(row), null)
            if (files) removedFiles.push(files)
            break
          }
        }
      }
    })
  for (const { storage, keys } of removedFiles) {
    try {
      await deleteQuietly(storageFor(storage), keys)
    } catch (error) {
      console.error('media: could not delete removed files', error)
    }
  }
}
