import { isIP } from 'node:net'

/**
 * TRUST_PROXY, read into Express's `trust proxy` setting. Only two honest forms are accepted:
 * - a hop count (`1` = one reverse proxy in front): the client is the address that proxy saw,
 *   the right-most entry it appended to X-Forwarded-For, whatever a client wrote to its left;
 * - a comma-separated list of the proxies' addresses or CIDR ranges (`10.0.0.5, 10.1.0.0/16`,
 *   or Express's names `loopback`, `linklocal`, `uniquelocal`): X-Forwarded-For is read from
 *   the right, skipping only those.
 * `true` (trust every hop, i.e. the left-most address a client typed) is refused: rotating
 * X-Forwarded-For would defeat the per-address throttle and let anyone lock out an office.
 */
export type TrustProxy = false | number | string[]

const NAMES = new Set(['loopback', 'linklocal', 'uniquelocal'])

function isAddressOrRange(item: string) {
  if (NAMES.has(item)) return true
  const [address, prefix, ...rest] = item.split('/')
  const version = isIP(address ?? '')
  if (!version || rest.length) return false
  if (prefix === undefined) return true
  if (!/^\d{1,3}$/.test(prefix)) return false
  return Number(prefix) <= (version === 4 ? 32 : 128)
}

export function parseTrustProxy(
  value: string | undefined,
): { ok: true; value: TrustProxy } | { ok: false; message: string } {
  const text = (value ?? '').trim()
  if (text === '' || text === 'false' || text === '0') return { ok: true, value: false }
  if (text === 'true') {
    return {
      ok: false,
      message:
        '`true` would trust any X-Forwarded-For a client sends; give the number of proxies in ' +
        'front of the server (e.g. 1) or their addresses (e.g. 10.0.0.5 or 10.0.0.0/8)',
    }
  }
  if (/^\d+$/.test(text)) {
    const hops = Number(text)
    return hops <= 10
      ? { ok: true, value: hops }
      : { ok: false, message: 'a hop count must be between 0 and 10' }
  }
  const items = text.split(',').map((s) => s.trim())
  const wrong = items.filter((item) => !isAddressOrRange(item))
  if (wrong.length) {
    return {
      ok: false,
      message: `not a hop count, an address or a CIDR range: ${wrong.map((w) => JSON.stringify(w)).join(', ')}`,
    }
  }
  return { ok: true, value: items }
}
