import type { RequestHandler } from 'express'
import { randomBytes } from 'node:crypto'

/**
 * Response headers for every answer of the HTTP server.
 * - Content-Security-Policy with a fresh nonce per request (`res.locals.cspNonce`, passed to
 *   Remix through the load context and put on the app's own scripts and style element): no
 *   other script runs, nothing may frame the site, forms post only to it. Not in development
 *   (Vite's dev server injects its own scripts).
 * - Strict-Transport-Security on HTTPS requests in production (a year, this host only: sibling
 *   subdomains of a government domain are not ours to pin).
 * - Permissions-Policy: no camera, microphone, location, payment, USB… (photo capture on
 *   phones goes through the file picker, which needs none of them).
 * - nosniff, a strict referrer, no framing (for browsers without frame-ancestors).
 */
export interface SecurityHeaderOptions {
  production: boolean
  csp: boolean
  /** Origins the browser may send data to besides the site (UploadThing's ingest servers). */
  connectSrc?: readonly string[]
}

export function contentSecurityPolicy(nonce: string, connectSrc: readonly string[] = []) {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}'`,
    `style-src 'self' 'nonce-${nonce}'`,
    "img-src 'self' data: blob:",
    "font-src 'self'",
    ['connect-src', "'self'", ...connectSrc].join(' '),
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    "frame-src 'none'",
    "worker-src 'self' blob:",
    "manifest-src 'self'",
  ].join('; ')
}

export const PERMISSIONS_POLICY = [
  'accelerometer=()',
  'autoplay=()',
  'camera=()',
  'display-capture=()',
  'geolocation=()',
  'gyroscope=()',
  'magnetometer=()',
  'microphone=()',
  'midi=()',
  'payment=()',
  'usb=()',
  'serial=()',
  'bluetooth=()',
  'browsing-topics=()',
].join(', ')

export const HSTS = 'max-age=31536000'

export function securityHeaders(options: SecurityHeaderOptions): RequestHandler {
  return (req, res, next) => {
    res.setHeader('X-Content-Type-Options', 'nosniff')
    res.setHeader('Referrer-Policy', 'strict-origin-when-cross-origin')
    res.setHeader('X-Frame-Options', 'DENY')
    res.setHeader('Cross-Origin-Opener-Policy', 'same-origin')
    res.setHeader('Permissions-Policy', PERMISSIONS_POLICY)
    if (options.production && req.secure) res.setHeader('Strict-Transport-Security', HSTS)
    if (options.csp) {
      const nonce = randomBytes(16).toString('base64')
      res.locals.cspNonce = nonce
      res.setHeader('Content-Security-Policy', contentSecurityPolicy(nonce, options.connectSrc))
    }
    next()
  }
}

/** Where the browser uploads when files are stored on UploadThing. */
export function uploadThingConnectSrc(env: {
  UPLOADTHING_TOKEN?: string
  UPLOADTHING_INGEST_URL?: string
}): string[] {
  if (!env.UPLOADTHING_TOKEN) return []
  return env.UPLOADTHING_INGEST_URL
    ? [new URL(env.UPLOADTHING_INGEST_URL).origin]
    : ['https://*.ingest.uploadthing.com']
}
