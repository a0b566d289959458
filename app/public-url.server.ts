import { env } from './env.server'

/**
 * The site's public origin for links that leave it (QR codes, Open Graph tags, exports):
 * PUBLIC_URL when configured, else the origin the request arrived on.
 */
export function publicOrigin(request: Request) {
  const configured = env().PUBLIC_URL
  return (configured ?? new URL(request.url).origin).replace(/\/+$/, '')
}

/** An absolute URL for a path of this site. */
export function absoluteUrl(request: Request, path: string) {
  return `${publicOrigin(request)}${path.startsWith('/') ? path : `/${path}`}`
}
