import { MAX_REQUEST_BYTES } from '~/media/rules'

/**
 * How many bytes a request body may have, by route: one table for the whole site,
 * applied before anything reads the body (app/http/body-limit.server.ts). Sign-in,
 * sign-out and the language switch carry a few short fields; every other form is plain
 * text (the longest, a nomination, is well under 0.5 MB even in percent-encoded
 * Vietnamese); only the media route takes files, up to a full set of photos and a
 * document. A path that matches no row gets the plain-form limit, so a spelling the
 * table does not know can never raise a limit.
 */
export const KIB = 1024
export const SMALL_BODY_BYTES = 64 * KIB
export const FORM_BODY_BYTES = 1024 * KIB
export const UPLOAD_BODY_BYTES = MAX_REQUEST_BYTES

export const BODY_LIMITS: readonly { readonly path: RegExp; readonly bytes: number }[] = [
  { path: /^\/(?:login|logout|language)$/i, bytes: SMALL_BODY_BYTES },
  { path: /^\/unit\/entries\/[^/]+\/media$/i, bytes: UPLOAD_BODY_BYTES },
]

/**
 * The route a request path reaches: decoded, without the trailing slash and without the
 * `.data` suffix of Remix's single-fetch requests (`/login.data` is the login action;
 * `/_root.data` is the home page).
 */
export function routePath(pathname: string): string {
  let path = pathname
  try {
    path = decodeURIComponent(path)
  } catch {
    // Not valid percent-encoding: Remix will not match it either; keep it as sent.
  }
  if (path === '/_root.data') return '/'
  path = path.replace(/\.data$/, '').replace(/\/+$/, '')
  return path || '/'
}

/** The largest body the route at `pathname` accepts, in bytes. */
export function bodyLimitFor(pathname: string): number {
  const path = routePath(pathname)
  return BODY_LIMITS.find((row) => row.path.test(path))?.bytes ?? FORM_BODY_BYTES
}

/** "64 KB", "1 MB", "201 MB": a limit as people read it (1 KB = 1,024 bytes). */
export function formatLimit(bytes: number, decimalSeparator = ','): string {
  if (bytes < 1024 * KIB) return `${Math.floor(bytes / KIB)} KB`
  const mb = bytes / (1024 * KIB)
  const text = Number.isInteger(mb) ? String(mb) : mb.toFixed(1).replace('.', decimalSeparator)
  return `${text} MB`
}
