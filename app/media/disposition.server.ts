import { contentDisposition } from '~/results/exports.server'
import { cleanFileName } from './rules'

/**
 * A document is always downloaded, never shown inside the site (`attachment`), under the
 * user's file name made harmless, with an ASCII fallback and the exact UTF-8 name (RFC 6266).
 */
export function documentDisposition(name: string) {
  let base = cleanFileName(name).replace(/["\\]/g, '_')
  if (!base) base = 'document.pdf'
  if (!/\.pdf$/i.test(base)) base += '.pdf'
  return contentDisposition(base, 'attachment')
}
