import type { Insertable } from 'kysely'
import type { MediaKind } from '../domain'
import { getDb, type Executor } from '../index'
import type { MediaTable, MediaVariantTable } from '../schema'

export type NewMedia = Insertable<MediaTable>
export type NewMediaVariant = Omit<Insertable<MediaVariantTable>, 'media_id'>

/** Inserts a media row and its variants; returns the new id. */
export async function insertMedia(
  media: NewMedia,
  variants: NewMediaVariant[],
  db: Executor = getDb(),
) {
  const { id } = await db
    .insertInto('media')
    .values(media)
    .returning('id')
    .executeTakeFirstOrThrow()
  if (variants.length) {
    await db
      .insertInto('media_variants')
      .values(variants.map((v) => ({ ...v, media_id: id })))
      .execute()
  }
  return id
}

/** An entry's photos or documents in their order. */
export async function mediaOfEntry(entryId: number, kind?: MediaKind, db: Executor = getDb()) {
  let q = db.selectFrom('media').selectAll().where('entry_id', '=', entryId)
  if (kind) q = q.where('kind', '=', kind)
  return q.orderBy('kind', 'desc').orderBy('position').orderBy('id').execute()
}

export type MediaRow = Awaited<ReturnType<typeof mediaOfEntry>>[number]

/** The variants of these media, narrowest first. */
export async function variantsOf(mediaIds: number[], db: Executor = getDb()) {
  if (!mediaIds.length) return []
  return db
    .selectFrom('media_variants')
    .selectAll()
    .where('media_id', 'in', mediaIds)
    .orderBy('media_id')
    .orderBy('width')
    .execute()
}

export async function countEntryMedia(entryId: number, kind: MediaKind, db: Executor = getDb()) {
  const row = await db
    .selectFrom('media')
    .select((eb) => [eb.fn.countAll<number>().as('n'), eb.fn.max('position').as('last')])
    .where('entry_id', '=', entryId)
    .where('kind', '=', kind)
    .executeTakeFirstOrThrow()
  return { count: Number(row.n), lastPosition: Number(row.last ?? 0) }
}

export async function setMediaFields(
  id: number,
  values: { caption?: string; position?: number; is_cover?: number },
  db: Executor = getDb(),
) {
  await db.updateTable('media').set(values).where('id', '=', id).execute()
}

/** Every storage key of a media item: the original and its variants. */
export async function storageKeysOf(mediaId: number, db: Executor = getDb()) {
  const media = await db
    .selectFrom('media')
    .select(['storage', 'storage_key'])
    .where('id', '=', mediaId)
    .executeTakeFirst()
  if (!media) return null
  const variants = await db
    .selectFrom('media_variants')
    .select('storage_key')
    .where('media_id', '=', mediaId)
    .execute()
  return {
    storage: media.storage,
    keys: [media.storage_key, ...variants.map((v) => v.storage_key)],
  }
}

/** Deletes a media row (its variants go with it). */
export async function deleteMedia(id: number, db: Executor = getDb()) {
  await db.deleteFrom('media').where('id', '=', id).execute()
}

/**
 * The file stored under a key, original or variant, with its media row (the
 * owner decides who may see it). Undefined for unknown keys.
 */
export async function findFileByKey(key: string, db: Executor = getDb()) {
  const columns = [
    'media.id',
    'media.kind',
    'media.storage',
    'media.model_id',
    'media.entry_id',
    'media.replication_id',
    'media.original_name',
  ] as const
  const original = await db
    .selectFrom('media')
    .select([...columns, 'media.mime_type', 'media.byte_size', 'media.sha256'])
    .where('media.storage_key', '=', key)
    .executeTakeFirst()
  if (original) return { ...original, variant: false as const }
  const variant = await db
    .selectFrom('media_variants')
    .innerJoin('media', 'media.id', 'media_variants.media_id')
    .select([
      ...columns,
      'media_variants.mime_type',
      'media_variants.byte_size',
      'media_variants.width as variant_width',
    ])
    .where('media_variants.storage_key', '=', key)
    .executeTakeFirst()
  return variant ? { ...variant, sha256: null, variant: true as const } : undefined
}

export type StoredFile = NonNullable<Awaited<ReturnType<typeof findFileByKey>>>
