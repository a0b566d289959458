import { generateReactHelpers } from '@uploadthing/react'
import type { MediaKind } from '#db/domain'
import type { UploadErrorShape, UploadRouter } from './upload-router.server'
import { isMediaErrorCode, type FileResult } from './rules'

/**
 * The browser half of the UploadThing path, loaded (as its own chunk) only when the server
 * stores files on UploadThing. One file per call, so each file has its own progress bar:
 * the app signs an upload URL (its file router's middleware checks the user and the entry),
 * the file goes straight to UploadThing with progress events, and the answer carries the
 * server's verdict (`serverData`: the same FileResult as the local upload path).
 *
 * The reply mimics the local path's JSON (`{ results: [FileResult] }` or `{ error: code }`),
 * so PhotoManager handles both transports with the same code.
 */

let helpers: ReturnType<typeof generateReactHelpers<UploadRouter>> | undefined

function uploadThing() {
  helpers ??= generateReactHelpers<UploadRouter>({ url: '/api/uploadthing' })
  return helpers
}

export interface UploadReply {
  status: number
  body: { results: FileResult[] } | { error: string } | null
}

/** Our error code from a refusal: the file router's errorFormatter puts it in the JSON body. */
function codeOf(error: unknown): string | null {
  const shapes = [
    (error as { cause?: unknown } | null)?.cause,
    (error as { data?: unknown } | null)?.data,
  ]
  for (const shape of shapes) {
    const code = (shape as Partial<UploadErrorShape> | null | undefined)?.code
    if (isMediaErrorCode(code)) return code
  }
  return null
}

export async function uploadToUploadThing(
  entryId: number,
  kind: MediaKind,
  file: File,
  onProgress: (loaded: number, total: number) => void,
): Promise<UploadReply> {
  try {
    const [uploaded] = await uploadThing().uploadFiles(
      kind === 'photo' ? 'entryPhotos' : 'entryDocuments',
      {
        files: [file],
        input: { entryId },
        onUploadProgress: ({ loaded }) => onProgress(Math.min(loaded, file.size), file.size),
      },
    )
    const result = uploaded?.serverData as FileResult | null | undefined
    // No verdict: the server could not be reached or did not answer in time.
    if (!result) return { status: 0, body: null }
    return { status: 200, body: { results: [result] } }
  } catch (error) {
    const code = codeOf(error)
    return code ? { status: 400, body: { error: code } } : { status: 0, body: null }
  }
}
