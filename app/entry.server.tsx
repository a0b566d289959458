/**
 * The project's own server entry (Remix's default for Node, plus two things):
 * - React's streamed HTML goes through `createNulFreeStream`, which removes the NUL
 *   bytes React 18 leaves where a multi-byte character crosses its 2 KB buffer
 *   (see app/http/nul-free-stream.server.ts);
 * - errors are logged once, with the request and its id (X-Request-Id) and the real cause
 *   (app/ops/errors.server.ts); aborted requests are not.
 */
import type { AppLoadContext, EntryContext, HandleErrorFunction } from '@remix-run/node'
import { createReadableStreamFromReadable } from '@remix-run/node'
import { RemixServer } from '@remix-run/react'
import { isbot } from 'isbot'
import { renderToPipeableStream } from 'react-dom/server'
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
      <RemixServer context={remixContext} url={request.url} abortDelay={ABORT_DELAY} />,
      {
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

export const handleError: HandleErrorFunction = (error, { request, context }) => {
  // A visitor who leaves mid-request is not an error of ours.
  if (request.signal.aborted) return
  logRequestError(error, request, context.requestId)
}
