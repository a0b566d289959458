import { env } from './env.server'

/**
 * The site's public origin for links that leave it (QR codes, Open Graph tags, canonical links,
 * exports, open data): PUBLIC_URL, required in production (outside production,
 * http://localhost:PORT). Never the request's Host header, which a client chooses.
 */
export function publicOrigin() {
  return env().publicOrigin
}
