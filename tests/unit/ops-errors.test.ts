import { describe, expect, it, vi } from 'vitest'
import { describeError, logRequestError } from '~/ops/errors.server'

const sqliteError = (code: string, message: string) => Object.assign(new Error(message), { code })

describe('error descriptions for the log', () => {
  it('names the kind of failure and the whole cause chain', () => {
    const full = sqliteError('SQLITE_FULL', 'database or disk is full')
    const outer = new Error('saving the score sheet failed', { cause: full })
    expect(describeError(outer)).toBe(
      'saving the score sheet failed ← caused by SQLITE_FULL (disk full): database or disk is full',
    )
    expect(
      describeError(sqliteError('SQLITE_READONLY', 'attempt to write a readonly database')),
    ).toMatch(/^SQLITE_READONLY \(read-only or no permission\)/)
    expect(describeError(sqliteError('SQLITE_BUSY_SNAPSHOT', 'database is locked'))).toMatch(
      /database busy/,
    )
    expect(
      describeError(sqliteError('SQLITE_CORRUPT', 'database disk image is malformed')),
    ).toMatch(/database corrupt/)
    expect(describeError(sqliteError('ENOSPC', 'no space left on device'))).toMatch(/disk full/)
    expect(describeError('plain')).toBe('plain')
  })

  it('logs one line with the request id, the method and the path', () => {
    const spy = vi.spyOn(console, 'error').mockImplementation(() => {})
    logRequestError(
      sqliteError('SQLITE_FULL', 'database or disk is full'),
      new Request('http://x/judging/5?x=1', { method: 'POST' }),
      'abc123',
    )
    expect(spy).toHaveBeenCalledTimes(1)
    const line = String(spy.mock.calls[0]![0]).split('\n')[0]
    expect(line).toBe('[abc123] POST /judging/5: SQLITE_FULL (disk full): database or disk is full')
    spy.mockRestore()
  })
})
