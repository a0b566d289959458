import express from 'express'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { attemptLogin } from '~/auth/login.server'
import { parseEnv } from '~/env.server'

/**
 * Issue 11 item 6: behind a proxy, a client who rotates X-Forwarded-For must not change the
 * address the login throttle counts. The app's own Express setting (TRUST_PROXY, as server.ts
 * applies it) on a real HTTP server on 127.0.0.1; the "proxy" appends the real client address,
 * as nginx's $proxy_add_x_forwarded_for does.
 */
const REAL_CLIENT = '198.51.100.7'
// The other test's client: each test counts failures for an address of its own, in any order.
const OTHER_CLIENT = '198.51.100.8'
const servers: { close: () => void }[] = []

async function serve(trustProxy: string) {
  const app = express()
  app.set('trust proxy', parseEnv({ NODE_ENV: 'test', TRUST_PROXY: trustProxy }).TRUST_PROXY)
  let n = 0
  app.post('/login', (req, res, next) => {
    // A different account each time: only the address count can hold the client back.
    attemptLogin({ username: `nobody${n++}`, password: 'x', ip: req.ip ?? null, now: new Date() })
      .then((outcome) => res.json({ ip: req.ip, outcome }))
      .catch(next)
  })
  const server = app.listen(0, '127.0.0.1')
  servers.push(server)
  await new Promise((resolve) => server.once('listening', resolve))
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`
}

afterAll(() => servers.forEach((s) => s.close()))

async function attack(base: string, times: number, client = REAL_CLIENT) {
  const answers: { ip: string; outcome: { ok: boolean; error?: string } }[] = []
  for (let i = 0; i < times; i++) {
    const res = await fetch(`${base}/login`, {
      method: 'POST',
      // What the client wrote, then what the proxy appended.
      headers: { 'X-Forwarded-For': `203.0.113.${i + 1}, ${client}` },
    })
    answers.push((await res.json()) as (typeof answers)[number])
  }
  return answers
}

describe('TRUST_PROXY', () => {
  let hops: string
  let list: string
  beforeAll(async () => {
    hops = await serve('1')
    list = await serve('127.0.0.1, 10.0.0.0/8')
  })

  it('with a hop count, rotating X-Forwarded-For keeps the throttled address', async () => {
    const answers = await attack(hops, 11)
    expect(new Set(answers.map((a) => a.ip))).toEqual(new Set([REAL_CLIENT]))
    // 10 free failures for one address, then the 11th must wait.
    expect(answers.slice(0, 10).every((a) => a.outcome.error === 'invalid')).toBe(true)
    expect(answers[10]!.outcome.error).toBe('slow_down')
  })

  it("with the proxies' addresses, the client is the first address that is not a proxy", async () => {
    const answers = await attack(list, 3, OTHER_CLIENT)
    expect(answers.map((a) => a.ip)).toEqual([OTHER_CLIENT, OTHER_CLIENT, OTHER_CLIENT])
  })

  it('refuses TRUST_PROXY=true, which would take the address the client typed', () => {
    expect(() => parseEnv({ NODE_ENV: 'test', TRUST_PROXY: 'true' })).toThrow(/TRUST_PROXY/)
  })
})
