import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { createServer, type Server } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, test } from 'vitest'
import { databasePathProblems, listenErrorMessage, uploadDirProblems } from '~/ops/startup.server'
import { opsDatabase } from '../support/ops-db'
import { spawnTsx } from '../support/processes'

const dir = mkdtempSync(join(tmpdir(), 'dvk-startup-'))
writeFileSync(join(dir, 'not-sqlite.sqlite'), 'This is a text file, not a database.\n')
mkdirSync(join(dir, 'a-folder'))
writeFileSync(join(dir, 'a-file'), '')

/** server.ts itself with the given settings: its exit code and what it printed. */
async function start(env: Record<string, string>) {
  const child = spawnTsx('server.ts', {
    NODE_ENV: 'production',
    SESSION_SECRET: 'x'.repeat(40),
    HOST: '127.0.0.1',
    PORT: '4053',
    UPLOAD_DIR: join(dir, 'uploads'),
    ...env,
  })
  const code = await child.exited
  return { code, err: child.stderr() }
}

describe('start-up problems are named in one line, without a stack trace', () => {
  test('DATABASE_PATH: a folder, not SQLite, missing in production', () => {
    expect(databasePathProblems(join(dir, 'a-folder'), { mayCreate: true })).toEqual([
      `DATABASE_PATH ${join(dir, 'a-folder')} is a folder, not a SQLite database file`,
    ])
    expect(databasePathProblems(join(dir, 'not-sqlite.sqlite'), { mayCreate: true })).toEqual([
      `DATABASE_PATH ${join(dir, 'not-sqlite.sqlite')} is not a SQLite database`,
    ])
    const [missing] = databasePathProblems(join(dir, 'typo', 'dvk.sqlite'), { mayCreate: false })
    expect(missing).toMatch(/does not exist: check the path .* `INIT_DATABASE=true` or `--init`$/)
    expect(databasePathProblems(join(dir, 'typo', 'dvk.sqlite'), { mayCreate: true })).toEqual([])
    expect(databasePathProblems(join(dir, 'a-file', 'dvk.sqlite'), { mayCreate: true })).toEqual([
      `DATABASE_PATH ${join(dir, 'a-file', 'dvk.sqlite')}: ${join(dir, 'a-file')} is a file, not a folder`,
    ])
  })

  test('UPLOAD_DIR: a file', () => {
    expect(uploadDirProblems(join(dir, 'a-file'))).toEqual([
      `UPLOAD_DIR ${join(dir, 'a-file')} is a file, not a folder`,
    ])
    expect(uploadDirProblems(join(dir, 'new-uploads'))).toEqual([])
  })

  test('HOST and PORT: the real errors of listen() get one line each', async () => {
    const listen = (port: number, host: string) =>
      new Promise<Server | Error>((resolve) => {
        const server = createServer()
        server.once('error', resolve)
        server.listen(port, host, () => resolve(server))
      })
    const first = (await listen(0, '127.0.0.1')) as Server
    const port = (first.address() as { port: number }).port
    const inUse = await listen(port, '127.0.0.1')
    first.close()
    expect(listenErrorMessage(inUse, '127.0.0.1', port)).toBe(
      `PORT ${port} is already in use on 127.0.0.1 (is another server running?): stop it or set another PORT`,
    )
    const badHost = await listen(0, '999.1.1.1')
    expect(listenErrorMessage(badHost, '999.1.1.1', 3000)).toMatch(
      /^HOST 999\.1\.1\.1 is not a valid address or known host name/,
    )
    const notHere = await listen(0, '192.0.2.1')
    expect(listenErrorMessage(notHere, '192.0.2.1', 3000)).toMatch(
      /^HOST 192\.0\.2\.1 is not an address of this machine/,
    )
  })

  test('server.ts stops with the message, exit code 1 and no stack trace', async () => {
    const cases: [Record<string, string>, RegExp][] = [
      [{ DATABASE_PATH: join(dir, 'a-folder') }, /is a folder, not a SQLite database file/],
      [{ DATABASE_PATH: join(dir, 'not-sqlite.sqlite') }, /is not a SQLite database/],
      [{ DATABASE_PATH: join(dir, 'typo', 'dvk.sqlite') }, /does not exist: check the path/],
      [
        { DATABASE_PATH: (await opsDatabase()).databasePath, UPLOAD_DIR: join(dir, 'a-file') },
        /UPLOAD_DIR .* is a file, not a folder/,
      ],
    ]
    const results = await Promise.all(cases.map(([env]) => start(env)))
    results.forEach(({ code, err }, i) => {
      expect(code).toBe(1)
      expect(err).toMatch(cases[i]![1])
      expect(err.trim().split('\n')).toHaveLength(1)
      expect(err).toMatch(/^Cannot start: /)
    })
  })
})
