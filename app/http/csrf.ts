/**
 * Cross-site request forgery, the one rule for every state-changing request (any method but
 * GET, HEAD and OPTIONS), page actions and POST-only modules alike (pure, see csrf.server.ts):
 *
 * 1. `Sec-Fetch-Site` (sent by every current browser): only `same-origin` and `none` (typed
 *    or bookmarked by the user) pass; `same-site` is refused too, because a sibling subdomain
 *    of a government domain is another site's page.
 * 2. Else `Origin`: it must be one of the site's own origins (PUBLIC_URL, or the origin the
 *    request arrived on); `null` (sandboxed or privacy-redirected pages) is refused.
 * 3. Else `Referer`, the same way (browsers from before 2020 that send no Origin on POST).
 * 4. A request with none of the three is let through: it does not come from a browser page
 *    (curl, UploadThing's server calling back, scripts), since a browser always sends at least
 *    one of them on a cross-site POST, and such a client holds no victim's cookie.
 */
export type CsrfVerdict = { allowed: true } | { allowed: false; reason: string }

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS'])

export interface CsrfInput {
  method: string
  secFetchSite: string | null | undefined
  origin: string | null | undefined
  referer: string | null | undefined
}

function originOf(url: string) {
  try {
    return new URL(url).origin
  } catch {
    return null
  }
}

export function checkCsrf(input: CsrfInput, siteOrigins: readonly string[]): CsrfVerdict {
  if (SAFE_METHODS.has(input.method.toUpperCase())) return { allowed: true }
  const own = new Set(siteOrigins.map((o) => o.toLowerCase()))
  const site = input.secFetchSite?.trim().toLowerCase()
  if (site) {
    return site === 'same-origin' || site === 'none'
      ? { allowed: true }
      : { allowed: false, reason: `Sec-Fetch-Site: ${site}` }
  }
  if (input.origin) {
    const origin = input.origin.trim().toLowerCase()
    return own.has(origin) ? { allowed: true } : { allowed: false, reason: `Origin: ${origin}` }
  }
  if (input.referer) {
    const origin = originOf(input.referer)?.toLowerCase()
    return origin && own.has(origin)
      ? { allowed: true }
      : { allowed: false, reason: `Referer from ${origin ?? 'an invalid URL'}` }
  }
  return { allowed: true }
}
