import type { Server, ServerResponse } from 'node:http'

/**
 * A clean stop on SIGTERM / SIGINT: stop accepting connections, let the requests in
 * flight finish (at most `graceMs`), then run `close` (checkpoint and close the database)
 * and exit. A second signal, or a close that does not finish, exits at once.
 */
export function installCleanStop(
  server: Server,
  options: { graceMs?: number; close: () => Promise<void> | void; log?: (line: string) => void },
) {
  const graceMs = options.graceMs ?? 10_000
  const log = options.log ?? ((line: string) => console.log(line))
  let stopping = false

  const stop = (signal: string) => {
    if (stopping) {
      log(`${signal} again: exiting now`)
      process.exit(1)
    }
    stopping = true
    const started = Date.now()
    log(`${signal}: no longer accepting connections, finishing requests in flight`)
    let finished = false
    const finish = async (reason: string) => {
      if (finished) return
      finished = true
      try {
        await options.close()
        log(`Stopped (${reason}) in ${Date.now() - started} ms; database closed`)
        process.exit(0)
      } catch (error) {
        console.error('Stopping: closing the database failed:', error)
        process.exit(1)
      }
    }
    server.close(() => void finish('all requests answered'))
    // Keep-alive connections would hold server.close() open until they time out: answers
    // from now on close their connection, and connections that fall idle are closed.
    server.on('request', (_req, res: ServerResponse) => res.setHeader('Connection', 'close'))
    server.closeIdleConnections()
    setInterval(() => server.closeIdleConnections(), 50).unref()
    setTimeout(() => {
      server.closeAllConnections()
      void finish(`requests still running after ${graceMs} ms were cut off`)
    }, graceMs).unref()
  }

  process.on('SIGTERM', () => stop('SIGTERM'))
  process.on('SIGINT', () => stop('SIGINT'))
}
