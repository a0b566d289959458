/**
 * The project's own server entry (Remix's default for Node, plus two things):
 * - React's streamed HTML goes through `createNulFreeStream`, which removes the NUL
 *   bytes React 18 leaves where a multi-byte character crosses its 2 KB buffer
 *   (see app/http/nul-free-stream.server.ts);
 * - errors are logged once, with the request and its id (X-Request-Id) and the real cause
 *   (app/ops/errors.server.ts); aborted requests are not;
 * - the Content-Security-Policy nonce of the request goes on every script React and Remix
 *   write (and, through NonceProvider, on the document's own script and style elements);
 * - signed-in pages and their data requests are sent with `Cache-Control: no-store`.
 */
import type {
  AppLoadContext,
  EntryContext,
  HandleDataRequestFunction,
  HandleErrorFunction,
} from '@remix-run/node'
import { createReadableStreamFromReadable } from '@remix-run/node'
import { RemixServer } from '@remix-run/react'
import { isbot } from 'isbot'
import { renderToPipeableStream } from 'react-dom/server'
import { hasSessionCookie } from '~/auth/session.server'
import { NonceProvider } from '~/http/nonce'
import { createNulFreeStream } from '~/http/nul-free-stream.server'
import { logRequestError } from '~/ops/errors.server'

const ABORT_DELAY = 5_000

export default function handleRequest(
  request: Request,
  responseStatusCode: number,
  responseHeaders: Headers,
  remixContext: EntryContext,
  loadContext: AppLoadContext,
) {
  const nonce = loadContext.cspNonce ?? ''
  // A signed-in page shows that person's data: no cache (browser, proxy) may keep it.
  if (hasSessionCookie(request)) responseHeaders.set('Cache-Control', 'no-store')
  // Bots (and SPA mode) get the whole page at once; browsers get the shell as soon as it is ready.
  const waitForAll = isbot(request.headers.get('user-agent') ?? '') || remixContext.isSpaMode
  return new Promise<Response>((resolve, reject) => {
    let shellRendered = false
    const ready = () => {
      shellRendered = true
      const body = createNulFreeStream()
      responseHeaders.set('Content-Type', 'text/html; charset=utf-8')
      resolve(
        new Response(createReadableStreamFromReadable(body), {
          headers: responseHeaders,
          status: responseStatusCode,
        }),
      )
      pipe(body)
    }
    const { pipe, abort } = renderToPipeableStream(
      <NonceProvider nonce={nonce}>
        <RemixServer
          context={remixContext}
          url={request.url}
          abortDelay={ABORT_DELAY}
          nonce={nonce}
        />
      </NonceProvider>,
      {
        nonce,
        ...(waitForAll ? { onAllReady: ready } : { onShellReady: ready }),
        onShellError(error: unknown) {
          reject(error)
        },
        onError(error: unknown) {
          responseStatusCode = 500
          // Errors inside the shell are logged here; a shell error rejects and Remix logs it.
          if (shellRendered) logRequestError(error, request, loadContext.requestId)
        },
      },
    )
    setTimeout(abort, ABORT_DELAY)
  })
}

/** Single-fetch data requests of signed-in pages are not cached either. */
export const handleDataRequest: HandleDataRequestFunction = (response, { request }) => {
  if (hasSessionCookie(request)) response.headers.set('Cache-Control', 'no-store')
  return response
}

export const handleError: HandleErrorFunction = (error, { request, context }) => {
  // A visitor who leaves mid-request is not an error of ours.
  if (request.signal.aborted) return
  logRequestError(error, request, context.requestId)
}
