import type { MessageKey, Params } from '~/i18n'
import { isMediaErrorCode, mediaErrorMessage, type FileResult, type MediaErrorCode } from './rules'

/**
 * Without JavaScript, the media action redirects back to the entry page with its
 * outcome in the query string (`?media=…`); these helpers write and read it.
 *
 *   media=added&n=3          files accepted
 *   media=caption|moved|cover|removed
 *   media=error&e=<code>     the whole request was refused
 *   mr=<code>:<file name>    one per refused file (repeated)
 */
export const MEDIA_DONE = {
  added: 'media.done.added',
  caption: 'media.done.caption',
  moved: 'media.done.moved',
  cover: 'media.done.cover',
  removed: 'media.done.removed',
} as const satisfies Record<string, MessageKey>

export type MediaDone = keyof typeof MEDIA_DONE

export interface MediaMessage {
  tone: 'success' | 'error'
  key: MessageKey
  params: Params
}

const MAX_NAME = 120
const MAX_REFUSALS = 30

/** The query string (without "?") describing an upload's per-file results. */
export function uploadOutcomeQuery(results: FileResult[]) {
  const q = new URLSearchParams()
  const added = results.filter((r) => r.ok).length
  if (added) {
    q.set('media', 'added')
    q.set('n', String(added))
  }
  for (const r of results.slice(0, MAX_REFUSALS)) {
    if (!r.ok) q.append('mr', `${r.error}:${r.name.slice(0, MAX_NAME)}`)
  }
  if (!results.length) {
    q.set('media', 'error')
    q.set('e', 'noFiles')
  }
  return q.toString()
}

export function doneQuery(done: MediaDone) {
  return new URLSearchParams({ media: done }).toString()
}

export function errorQuery(code: MediaErrorCode) {
  return new URLSearchParams({ media: 'error', e: code }).toString()
}

/**
 * The messages to show for a `?media=…` query (anything unknown is ignored, so a
 * hand-made URL cannot inject text other than a file name).
 */
export function mediaMessages(search: URLSearchParams | string): MediaMessage[] {
  const q = typeof search === 'string' ? new URLSearchParams(search) : search
  const out: MediaMessage[] = []
  const media = q.get('media')
  if (media === 'added') {
    const n = Number(q.get('n'))
    if (Number.isInteger(n) && n > 0) {
      out.push({ tone: 'success', key: MEDIA_DONE.added, params: { count: n } })
    }
  } else if (media === 'error') {
    const code = q.get('e')
    if (isMediaErrorCode(code)) out.push({ tone: 'error', ...mediaErrorMessage(code) })
  } else if (media && Object.hasOwn(MEDIA_DONE, media)) {
    out.push({ tone: 'success', key: MEDIA_DONE[media as MediaDone], params: {} })
  }
  for (const value of q.getAll('mr').slice(0, MAX_REFUSALS)) {
    const at = value.indexOf(':')
    const code = at > 0 ? value.slice(0, at) : ''
    if (!isMediaErrorCode(code)) continue
    out.push({ tone: 'error', ...mediaErrorMessage(code, value.slice(at + 1, at + 1 + MAX_NAME)) })
  }
  return out
}
