/**
 * The one check for every redirect target that comes from a request (`redirectTo` on /login
 * and /language, notification links): a path of this site, or the fallback.
 *
 * The target is parsed the way a browser would, against a placeholder origin, and kept only
 * when it stays on that origin. Before parsing, anything a browser would silently rewrite is
 * refused outright: control characters (browsers drop tab and newline, so `/\t/evil` becomes
 * `//evil`), backslashes (read as `/`), and a second leading slash. What comes back is the
 * parsed path, query and fragment, percent-encoded, so Unicode look-alike slashes stay inert.
 */
const BASE = 'http://site.invalid'

// eslint-disable-next-line no-control-regex
const REWRITTEN_BY_BROWSERS = /[\u0000-\u001f\u007f\\]/

export function safeRedirect(to: unknown, fallback = '/'): string {
  if (typeof to !== 'string' || !to.startsWith('/') || to.startsWith('//')) return fallback
  if (REWRITTEN_BY_BROWSERS.test(to)) return fallback
  let url: URL
  try {
    url = new URL(to, BASE)
  } catch {
    return fallback
  }
  if (url.origin !== BASE || url.username || url.password) return fallback
  const path = `${url.pathname}${url.search}${url.hash}`
  // A path whose parsed form begins with two slashes would be read as another host.
  return path.startsWith('//') ? fallback : path
}
