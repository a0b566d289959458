import { PDFDocument, PDFName, PDFString } from 'pdf-lib'
import { describe, expect, it } from 'vitest'
import { inspectPdf } from '~/media/pdf-safety.server'

/** A one-page document, changed by `arrange` before it is saved (compressed object streams). */
async function pdf(
  arrange: (doc: PDFDocument) => void | Promise<void> = () => {},
  useObjectStreams = true,
) {
  const doc = await PDFDocument.create()
  doc.addPage([595, 842])
  await arrange(doc)
  return doc.save({ useObjectStreams })
}

const action = (doc: PDFDocument, fields: Record<string, unknown>) =>
  doc.context.register(doc.context.obj(fields as never))

/** A link annotation on the first page carrying `actionRef`. */
function link(doc: PDFDocument, actionRef: ReturnType<typeof action>) {
  const annot = doc.context.register(
    doc.context.obj({ Type: 'Annot', Subtype: 'Link', Rect: [0, 0, 100, 20], A: actionRef }),
  )
  doc.getPage(0).node.set(PDFName.of('Annots'), doc.context.obj([annot]))
}

const ascii = (bytes: Uint8Array) => Buffer.from(bytes).toString('latin1')

describe('inert PDFs only', () => {
  it('accepts a plain document, and one with an ordinary web link', async () => {
    expect(await inspectPdf(await pdf())).toBeNull()
    const withLink = await pdf((doc) =>
      link(doc, action(doc, { S: 'URI', URI: PDFString.of('https://dangcongsan.vn/') })),
    )
    expect(await inspectPdf(withLink)).toBeNull()
  })

  it('refuses JavaScript run on opening, even compressed where no byte search would see it', async () => {
    const bytes = await pdf((doc) => {
      const js = action(doc, { S: 'JavaScript', JS: PDFString.of('app.alert(1)') })
      doc.catalog.set(PDFName.of('OpenAction'), js)
    })
    expect(ascii(bytes)).not.toContain('JavaScript')
    expect(await inspectPdf(bytes)).toBe('activePdf')
  })

  it('refuses document-level scripts (the /Names /JavaScript tree)', async () => {
    const bytes = await pdf((doc) => {
      const js = action(doc, { S: 'JavaScript', JS: PDFString.of('this.print()') })
      const tree = doc.context.obj({ Names: [PDFString.of('a'), js] })
      doc.catalog.set(PDFName.of('Names'), doc.context.obj({ JavaScript: tree }))
    })
    expect(await inspectPdf(bytes)).toBe('activePdf')
  })

  it('refuses a link that launches a program or submits a form', async () => {
    for (const S of ['Launch', 'SubmitForm', 'ImportData', 'GoToE']) {
      const bytes = await pdf((doc) =>
        link(doc, action(doc, { S, F: PDFString.of('cmd.exe'), Win: { F: 'cmd.exe' } })),
      )
      expect(await inspectPdf(bytes), S).toBe('activePdf')
    }
  })

  it('refuses additional actions on a page (/AA) with JavaScript', async () => {
    const bytes = await pdf((doc) => {
      const js = action(doc, { S: 'JavaScript', JS: PDFString.of('1') })
      doc.getPage(0).node.set(PDFName.of('AA'), doc.context.obj({ O: js }))
    })
    expect(await inspectPdf(bytes)).toBe('activePdf')
  })

  it('refuses embedded files (a ZIP or an EXE inside the PDF)', async () => {
    const bytes = await pdf((doc) =>
      doc.attach(new Uint8Array([0x4d, 0x5a, 0x90, 0]), 'setup.exe', {
        mimeType: 'application/octet-stream',
      }),
    )
    expect(await inspectPdf(bytes)).toBe('activePdf')
  })

  it('refuses XFA forms', async () => {
    const bytes = await pdf((doc) => {
      const xfa = doc.context.register(doc.context.flateStream('<xdp:xdp/>'))
      doc.catalog.set(PDFName.of('AcroForm'), doc.context.obj({ Fields: [], XFA: xfa }))
    })
    expect(await inspectPdf(bytes)).toBe('activePdf')
  })

  it('refuses encrypted files, which cannot be inspected', async () => {
    const bytes = await pdf((doc) => {
      const encrypt = doc.context.register(
        doc.context.obj({
          Filter: 'Standard',
          V: 1,
          R: 2,
          O: PDFString.of('x'),
          U: PDFString.of('y'),
          P: -4,
        }),
      )
      doc.context.trailerInfo.Encrypt = encrypt
    }, false) // a classic trailer, where the /Encrypt entry is written
    expect(await inspectPdf(bytes)).toBe('encryptedPdf')
  })

  it('refuses what only looks like a PDF: an HTML body, no pages, garbage', async () => {
    const html = '%PDF-1.4\n<html><script>alert(document.cookie)</script></html>\n%%EOF\n'
    expect(await inspectPdf(new TextEncoder().encode(html))).toBe('corruptPdf')
    const empty =
      '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n'
    expect(await inspectPdf(new TextEncoder().encode(empty))).toBe('corruptPdf')
    expect(await inspectPdf(new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x2d, 1, 2, 3]))).toBe(
      'corruptPdf',
    )
  })
})
