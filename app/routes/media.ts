import type { LoaderFunctionArgs } from '@remix-run/node'
import { createHash } from 'node:crypto'
import { findFileByKey } from '#db/repos/media'
import { getTranslator } from '~/i18n/locale.server'
import { mediaAccess } from '~/media/access.server'
import { documentDisposition } from '~/media/disposition.server'
import { storageFor } from '~/storage/storage.server'

/**
 * GET /media/<storage key>: photos, their WebP variants and PDF documents.
 * Public route: every request is authorised by the file's owner (see mediaAccess).
 * Unknown keys get 404; files the visitor may not see get 403, signed in or not
 * (keys are 128-bit random, so a 403 reveals nothing guessable). Keys are unique
 * and never reused, so answers are immutable: public ones may be cached anywhere,
 * restricted ones only in the visitor's own browser.
 */
const PUBLIC_CACHE = 'public, max-age=31536000, immutable'
const PRIVATE_CACHE = 'private, max-age=31536000, immutable'

async function refuse(request: Request, status: 403 | 404) {
  const t = await getTranslator(request)
  return new Response(t(status === 404 ? 'media.serve.notFound' : 'media.serve.forbidden'), {
    status,
    headers: {
      'Content-Type': 'text/plain; charset=utf-8',
      'Cache-Control': 'no-store',
      'X-Content-Type-Options': 'nosniff',
    },
  })
}

function matches(ifNoneMatch: string | null, etag: string) {
  if (!ifNoneMatch) return false
  return ifNoneMatch
    .split(',')
    .map((s) => s.trim().replace(/^W\//, ''))
    .some((s) => s === etag || s === '*')
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const key = params['*'] ?? ''
  if (!key || key.length > 300) return refuse(request, 404)
  const file = await findFileByKey(key)
  if (!file) return refuse(request, 404)
  const access = await mediaAccess(file, request)
  if (access === 'denied') return refuse(request, 403)

  const tag = file.sha256 ?? createHash('sha256').update(key).digest('hex').slice(0, 40)
  const etag = `"${tag}"`
  const headers = new Headers({
    'Content-Type': file.mime_type,
    'X-Content-Type-Options': 'nosniff',
    // Whatever a file holds, opened directly it runs nothing and reaches nothing of the site's.
    'Content-Security-Policy': 'sandbox',
    'Cache-Control': access === 'public' ? PUBLIC_CACHE : PRIVATE_CACHE,
    ETag: etag,
  })
  if (file.kind === 'document' && !file.variant) {
    headers.set('Content-Disposition', documentDisposition(file.original_name))
  }
  if (matches(request.headers.get('If-None-Match'), etag)) {
    return new Response(null, { status: 304, headers })
  }
  const bytes = await storageFor(file.storage).get(key)
  if (!bytes) {
    console.error(`media: file ${key} has a database row but no stored bytes`)
    return refuse(request, 404)
  }
  headers.set('Content-Length', String(bytes.byteLength))
  return new Response(bytes as Uint8Array<ArrayBuffer>, { headers })
}
