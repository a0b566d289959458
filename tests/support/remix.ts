import type { ActionFunctionArgs, AppLoadContext, LoaderFunctionArgs } from '@remix-run/node'

type Handler = (args: LoaderFunctionArgs | ActionFunctionArgs) => unknown
type FormValue = string | Blob

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
    /** Form fields; Blob/File values make a multipart upload (a File keeps its name). */
    form?: Record<string, FormValue | FormValue[]>
    /** A raw body instead of `form` (e.g. a ReadableStream, with `duplex` set for you). */
    body?: BodyInit
    headers?: Record<string, string>
    params?: Record<string, string>
    context?: AppLoadContext
  },
): Promise<Outcome> {
  const method = opts.method ?? (opts.form || opts.body ? 'POST' : 'GET')
  const headers = new Headers(opts.headers)
  if (opts.cookie) headers.set('Cookie', opts.cookie)
  let body: BodyInit | undefined = opts.body
  if (opts.form) {
    const form = new FormData()
    for (const [k, v] of Object.entries(opts.form)) {
      for (const item of Array.isArray(v) ? v : [v]) {
        if (typeof item === 'string') form.append(k, item)
        else form.append(k, item, item instanceof File ? item.name : 'blob')
      }
    }
    body = form
  }
  const init: RequestInit & { duplex?: 'half' } = { method, headers, body }
  if (body instanceof ReadableStream) init.duplex = 'half'
  const request = new Request(new URL(opts.path, 'http://localhost'), init)
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
