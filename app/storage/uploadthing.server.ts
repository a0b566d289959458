import { UTApi, UTFile } from 'uploadthing/server'
import { env } from '~/env.server'
import type { FileStorage } from './storage.server'

/**
 * UploadThing storage: each file is uploaded with UTApi under our generated storage key as its
 * `customId`, so get and delete work by our key and nothing else needs to be remembered.
 * UploadThing's own file keys stay inside this module.
 *
 * The SDK is configured from the environment (app/env.server.ts): UPLOADTHING_TOKEN, and the
 * optional UPLOADTHING_API_URL / UPLOADTHING_INGEST_URL that point it somewhere other than
 * uploadthing.com (the tests' fake server on 127.0.0.1).
 */

export interface UploadThingConfig {
  token: string
  apiUrl?: string
  ingestUrl?: string
  callbackUrl?: string
  logLevel?: 'None' | 'Fatal' | 'Error' | 'Warning' | 'Info' | 'Debug'
}

/** The SDK settings from the environment, or null when UploadThing is not configured. */
export function uploadThingConfig(): UploadThingConfig | null {
  const e = env()
  if (!e.UPLOADTHING_TOKEN) return null
  return {
    token: e.UPLOADTHING_TOKEN,
    // Only the keys that are set: an undefined key would hide the SDK's own default.
    ...(e.UPLOADTHING_API_URL ? { apiUrl: e.UPLOADTHING_API_URL } : {}),
    ...(e.UPLOADTHING_INGEST_URL ? { ingestUrl: e.UPLOADTHING_INGEST_URL } : {}),
    ...(e.UPLOADTHING_CALLBACK_URL ? { callbackUrl: e.UPLOADTHING_CALLBACK_URL } : {}),
    logLevel: e.UPLOADTHING_LOG_LEVEL,
  }
}

let cached: { signature: string; api: UTApi } | undefined

/** One UTApi per configuration (the SDK builds a runtime per instance). */
export function utapi(config = uploadThingConfig()) {
  if (!config) throw new Error('UploadThing is not configured: set UPLOADTHING_TOKEN')
  const signature = JSON.stringify(config)
  if (cached?.signature !== signature) {
    const { callbackUrl: _unused, logLevel, ...utapiConfig } = config
    // UTApi's failures reach our callers as exceptions, which they report; its own error log
    // would say it twice (and call a missing file, an ordinary answer to get(), an error).
    // It logs only when asked for details (Info, Debug).
    const quiet = logLevel !== 'Info' && logLevel !== 'Debug'
    cached = { signature, api: new UTApi({ ...utapiConfig, logLevel: quiet ? 'None' : logLevel }) }
  }
  return cached.api
}

/**
 * UTApi.uploadFiles reads the deprecated `url`/`appUrl` getters of its own upload result, so
 * every upload prints two deprecation warnings that no caller can avoid (upstream:
 * pingdotgg/uploadthing pull request 1224). Drop exactly those two lines; we never read the getters.
 */
let silenced = false
function silenceSdkDeprecationNoise() {
  if (silenced) return
  silenced = true
  const warn = console.warn.bind(console)
  console.warn = (...args: unknown[]) => {
    const first = args[0]
    if (
      typeof first === 'string' &&
      /^⚠️ \[uploadthing\]\[deprecated\] `file\.(url|appUrl)` is deprecated/.test(first)
    )
      return
    warn(...args)
  }
}

/** Our keys look like `media/3f2a….jpg`; customIds carry no `/`, so `/` becomes `~`. */
const KEY_PATTERN = /^[a-z0-9][a-z0-9/_.-]{0,119}$/

export function customIdFor(key: string) {
  if (!KEY_PATTERN.test(key) || key.includes('..')) throw new Error(`Invalid storage key: ${key}`)
  return `dvk~${key.replaceAll('/', '~')}`
}

function basename(key: string) {
  return key.slice(key.lastIndexOf('/') + 1)
}

/** The HTTP status of an SDK error (its ResponseError carries the response), if any. */
function statusOf(error: unknown): number | undefined {
  const response = (error as { response?: { status?: unknown } } | null)?.response
  return typeof response?.status === 'number' ? response.status : undefined
}

/** Downloads a file by an URL the SDK or UploadThing gave us; null when it is gone. */
async function download(url: string): Promise<Uint8Array | null> {
  const res = await fetch(url)
  if (res.status === 404) return null
  if (!res.ok) throw new Error(`UploadThing file download failed: ${res.status} ${url}`)
  return new Uint8Array(await res.arrayBuffer())
}

/**
 * The bytes of a file uploaded straight to UploadThing by the browser: from its URL when the
 * app serves files publicly, else through a signed URL (private apps).
 */
export async function fetchUploadedFile(file: { key: string; ufsUrl: string }) {
  const res = await fetch(file.ufsUrl)
  if (res.ok) return new Uint8Array(await res.arrayBuffer())
  if (res.status !== 401 && res.status !== 403)
    throw new Error(`UploadThing file download failed: ${res.status}`)
  const { ufsUrl } = await utapi().getSignedURL(file.key, { expiresIn: 300 })
  const bytes = await download(ufsUrl)
  if (!bytes) throw new Error('UploadThing file download failed: not found')
  return bytes
}

/** Removes files by UploadThing's own keys (e.g. a browser's raw upload once processed). */
export async function deleteUploadThingFiles(fileKeys: string[]) {
  if (fileKeys.length) await utapi().deleteFiles(fileKeys)
}

/**
 * The UploadThing FileStorage. Without `config` it reads the environment on each call, so it
 * can be created before the environment is final (storage.server.ts creates it on first use).
 */
export function createUploadThingStorage(config?: UploadThingConfig): FileStorage {
  silenceSdkDeprecationNoise()
  const api = () => utapi(config ?? uploadThingConfig())
  return {
    backend: 'uploadthing',

    async put(key, bytes, contentType) {
      // Our bytes never live in a SharedArrayBuffer, which is all the BlobPart type rules out.
      const file = new UTFile([bytes as Uint8Array<ArrayBuffer>], basename(key), {
        type: contentType,
        customId: customIdFor(key),
      })
      const result = await api().uploadFiles(file)
      if (result.error) {
        throw new Error(`UploadThing upload of ${key} failed: ${result.error.message}`)
      }
    },

    async get(key) {
      let url: string
      try {
        // A short-lived signed URL works whether the app's files are public or private.
        ;({ ufsUrl: url } = await api().getSignedURL(customIdFor(key), {
          keyType: 'customId',
          expiresIn: 300,
        }))
      } catch (error) {
        if (statusOf(error) === 404) return null
        throw error
      }
      return download(url)
    },

    async delete(key) {
      await api().deleteFiles(customIdFor(key), { keyType: 'customId' })
    },
  }
}
