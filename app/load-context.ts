import type { AppLoadContext } from '@remix-run/node'

declare module '@remix-run/node' {
  interface AppLoadContext {
    /** The client's address as the HTTP server saw it (trusting a proxy only when configured). */
    clientIp?: string
    /** This response's Content-Security-Policy nonce (app/http/security-headers.server.ts). */
    cspNonce?: string
    /** A short id of this request, also sent as X-Request-Id and named in error logs. */
    requestId?: string
  }
}

export function clientIp(context: AppLoadContext | undefined): string | null {
  return context?.clientIp ?? null
}
