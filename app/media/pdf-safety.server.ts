import { PDFArray, PDFDict, PDFDocument, PDFName, PDFRawStream, type PDFObject } from 'pdf-lib'

/**
 * What makes a PDF more than a document to read: it runs code, opens other programs or
 * files, sends data away, or carries other files inside it. A nomination's evidence (a
 * decision, a report, a scan) needs none of these, and a reader that obeys them can be
 * attacked through the file, so such PDFs are refused.
 *
 * The file is parsed (pdf-lib, including compressed object streams) and every object is
 * inspected, so nothing hides behind compression or odd spacing the way it would from a
 * byte search. Encrypted files cannot be inspected, so they are refused too.
 */
export type PdfProblem = 'corruptPdf' | 'activePdf' | 'encryptedPdf'

/** Action types (`/S`) that run code, launch programs, open embedded files or submit data. */
const ACTIVE_ACTIONS = new Set([
  'JavaScript',
  'Launch',
  'GoToE',
  'ImportData',
  'SubmitForm',
  'RichMediaExecute',
  'Rendition',
])
/** Keys that hold scripts, XFA forms (which script themselves) or embedded files. */
const ACTIVE_KEYS = new Set(['JS', 'XFA', 'EmbeddedFiles', 'EF', 'RichMediaContent'])
/** Object types and annotation subtypes that carry files or rich media. */
const ACTIVE_TYPES = new Set(['EmbeddedFile', 'FileAttachment', 'RichMedia', 'Movie', 'Sound'])

export async function inspectPdf(bytes: Uint8Array): Promise<PdfProblem | null> {
  let doc: PDFDocument
  try {
    // Loaded even when encrypted, only to tell that apart from a damaged file.
    doc = await PDFDocument.load(bytes, {
      updateMetadata: false,
      throwOnInvalidObject: true,
      ignoreEncryption: true,
    })
  } catch {
    return 'corruptPdf'
  }
  if (doc.isEncrypted) return 'encryptedPdf'
  try {
    if (doc.getPageCount() < 1) return 'corruptPdf'
  } catch {
    return 'corruptPdf'
  }
  for (const [, object] of doc.context.enumerateIndirectObjects()) {
    if (isActive(object, 0)) return 'activePdf'
  }
  return null
}

/** Direct objects nest (a dictionary in an array in a dictionary); indirect ones are all enumerated. */
function isActive(object: PDFObject, depth: number): boolean {
  if (depth > 64) return true // nesting no real document has: refuse rather than recurse forever
  if (object instanceof PDFRawStream) return isActive(object.dict, depth + 1)
  if (object instanceof PDFArray) return object.asArray().some((o) => isActive(o, depth + 1))
  if (!(object instanceof PDFDict)) return false
  for (const [key, value] of object.entries()) {
    const name = key.decodeText()
    if (ACTIVE_KEYS.has(name)) return true
    if ((name === 'S' || name === 'Type' || name === 'Subtype') && value instanceof PDFName) {
      const kind = value.decodeText()
      if (name === 'S' && ACTIVE_ACTIONS.has(kind)) return true
      if (ACTIVE_TYPES.has(kind)) return true
    }
    if (isActive(value, depth + 1)) return true
  }
  return false
}
