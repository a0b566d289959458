import type { ActionFunctionArgs, AppLoadContext, LoaderFunctionArgs } from '@remix-run/node'

type Handler = (args: LoaderFunctionArgs | ActionFunctionArgs) => unknown

export interface Outcome {
  status: number
  headers: Headers
  /** The returned data (for data() and plain objects) or the parsed JSON body. */
  data: unknown
  location: string | null
}

function isDataWithInit(
  v: unknown,
): v is { type: 'DataWithResponseInit'; data: unknown; init: ResponseInit | null } {
  return (
    typeof v === 'object' && v !== null && (v as { type?: string }).type === 'DataWithResponseInit'
  )
}

async function normalise(v: unknown): Promise<Outcome> {
  if (v instanceof Response) {
    const text = await v.text()
    let data: unknown = text
    try {
      data = text ? JSON.parse(text) : null
    } catch {
      /* not JSON */
    }
    return { status: v.status, headers: v.headers, data, location: v.headers.get('Location') }
  }
  if (isDataWithInit(v)) {
    const headers = new Headers(v.init?.headers)
    return {
      status: v.init?.status ?? 200,
      headers,
      data: v.data,
      location: headers.get('Location'),
    }
  }
  return { status: 200, headers: new Headers(), data: v, location: null }
}

/**
 * Calls a loader or action the way Remix would, and turns whatever it returns
 * or throws (redirects, data() with a status, plain objects) into one shape.
 */
export async function call(
  handler: Handler,
  opts: {
    path: string
    method?: 'GET' | 'POST'
    cookie?: string
    form?: Record<string, string | string[]>
    params?: Record<string, string>
    context?: AppLoadContext
  },
): Promise<Outcome> {
  const method = opts.method ?? (opts.form ? 'POST' : 'GET')
  const headers = new Headers()
  if (opts.cookie) headers.set('Cookie', opts.cookie)
  let body: FormData | undefined
  if (opts.form) {
    body = new FormData()
    for (const [k, v] of Object.entries(opts.form)) {
      for (const item of Array.isArray(v) ? v : [v]) body.append(k, item)
    }
  }
  const request = new Request(new URL(opts.path, 'http://localhost'), { method, headers, body })
  try {
    const result = await handler({
      request,
      params: opts.params ?? {},
      context: opts.context ?? { clientIp: '127.0.0.1' },
    })
    return normalise(result)
  } catch (thrown) {
    if (thrown instanceof Response || isDataWithInit(thrown)) return normalise(thrown)
    throw thrown
  }
}
