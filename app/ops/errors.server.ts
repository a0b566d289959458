/**
 * One log line (plus the stack) for an error that became a 500: the request id, the request,
 * what kind of failure it was when recognisable, and the whole cause chain — so that "disk
 * full" is never hidden behind a generic message.
 */

const KINDS: [RegExp, string][] = [
  [/^(SQLITE_FULL|ENOSPC|EDQUOT)/, 'disk full'],
  [/^(SQLITE_READONLY|EROFS|EACCES|EPERM)/, 'read-only or no permission'],
  [/^SQLITE_BUSY/, 'database busy (another process held the write lock too long)'],
  [/^(SQLITE_CORRUPT|SQLITE_NOTADB)/, 'database corrupt'],
  [/^(SQLITE_IOERR|EIO)/, 'disk I/O error'],
  [/^SQLITE_CANTOPEN/, 'database file cannot be opened (deleted or moved?)'],
]

function codeOf(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code
  return typeof code === 'string' ? code : undefined
}

/** The error and its causes, outermost first. */
function chain(error: unknown): unknown[] {
  const seen: unknown[] = []
  let current: unknown = error
  while (current !== undefined && current !== null && !seen.includes(current) && seen.length < 8) {
    seen.push(current)
    current = (current as { cause?: unknown }).cause
  }
  return seen
}

/** "SQLITE_FULL (disk full): database or disk is full ← …" */
export function describeError(error: unknown): string {
  const parts = chain(error).map((e) => {
    const code = codeOf(e)
    const kind = code && KINDS.find(([re]) => re.test(code))?.[1]
    const message = e instanceof Error ? e.message : String(e)
    return [code, kind && `(${kind})`].filter(Boolean).join(' ') + (code ? ': ' : '') + message
  })
  return parts.join(' ← caused by ')
}

export function logRequestError(
  error: unknown,
  request: Request,
  requestId: string | undefined,
): void {
  const { pathname } = new URL(request.url)
  const stack = chain(error)
    .map((e) => (e instanceof Error ? e.stack : undefined))
    .filter(Boolean)
    .at(-1)
  console.error(
    `[${requestId ?? '-'}] ${request.method} ${pathname}: ${describeError(error)}` +
      (stack ? `\n${stack}` : ''),
  )
}
