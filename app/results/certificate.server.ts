import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import PDFDocument from 'pdfkit'
import QRCode from 'qrcode'
import type { Locale } from '#db/domain'
import { formatDate, translator } from '~/i18n'

/** Everything one certificate prints; the caller loads it (the generator does no I/O but its font). */
export interface CertificateData {
  /** The organising org unit, e.g. "Ban Dân vận Huyện ủy Yên Minh". */
  organiserName: string
  contestTitle: string
  year: number
  modelTitle: string
  unitName: string
  communeNames: string[]
  /** e.g. "Xuất sắc" */
  tierName: string
  decisionNumber: string
  /** YYYY-MM-DD */
  decisionDate: string
  signerTitle: string
  /** Absolute URL of the public model page, encoded in the QR code. */
  modelUrl: string
  /** The heading in the top right: the State's (default) or, for a Party organ, the Party's. */
  heading?: 'state' | 'party'
}

/**
 * DejaVu Serif Condensed, copied into the repo (see fonts/LICENSE): it covers the whole Vietnamese
 * alphabet, which the fontsource Be Vietnam Pro files do not in one file (they split Latin and
 * Vietnamese into separate subsets, and pdfkit draws a run of text in one font). Resolved from the
 * working directory (the repo root, both for `tsx server.ts` and Vitest), because the server bundle
 * is built into build/server where import.meta.url points elsewhere.
 */
const FONT_DIR = resolve(process.cwd(), 'app/results/fonts')
const FONT_FILES = {
  regular: 'DejaVuSerifCondensed.ttf',
  bold: 'DejaVuSerifCondensed-Bold.ttf',
  italic: 'DejaVuSerifCondensed-Italic.ttf',
} as const
type FontName = keyof typeof FONT_FILES

let fonts: Record<FontName, Buffer> | null = null
function fontData() {
  fonts ??= {
    regular: readFileSync(resolve(FONT_DIR, FONT_FILES.regular)),
    bold: readFileSync(resolve(FONT_DIR, FONT_FILES.bold)),
    italic: readFileSync(resolve(FONT_DIR, FONT_FILES.italic)),
  }
  return fonts
}

// A4 landscape, in points.
const PAGE = { width: 841.89, height: 595.28 }
const RED = '#a8191c'
const INK = '#1a1a1a'
const SIDE = 56
const CONTENT_WIDTH = PAGE.width - 2 * SIDE
const BODY_TOP = 118
/** The QR code and the signature block start here; the body stays above. */
const FOOT_TOP = 432
const QR_SIZE = 78
/** Width of the two heading columns. */
const COLUMN = 330

type Doc = PDFKit.PDFDocument

interface Block {
  text: string
  font: FontName
  size: number
  /** The text shrinks down to this size before it is cut with an ellipsis. */
  minSize: number
  /** Most lines at the starting size: the block never takes more height than that. */
  lines: number
  color?: string
  gapBefore: number
}

const LINE_GAP = 2

function lineHeight(doc: Doc, font: FontName, size: number) {
  return doc.font(font).fontSize(size).currentLineHeight(true) + LINE_GAP
}

/** The size at which the block fits its height (or minSize), and the height it then takes. */
function fit(doc: Doc, block: Block, width: number) {
  const maxHeight = block.lines * lineHeight(doc, block.font, block.size)
  let size = block.size
  const height = (s: number) =>
    doc.font(block.font).fontSize(s).heightOfString(block.text, {
      width,
      align: 'center',
      lineGap: LINE_GAP,
    })
  while (size > block.minSize && height(size) > maxHeight) size -= 0.5
  return { size, height: Math.min(height(size), maxHeight), maxHeight }
}

/** Draws text inside a box it can never leave: wrapped, then cut with an ellipsis. */
function boxedText(
  doc: Doc,
  text: string,
  x: number,
  y: number,
  options: {
    width: number
    height: number
    align?: 'left' | 'center' | 'right'
    underline?: boolean
  },
) {
  doc.text(text, x, y, {
    width: options.width,
    height: options.height,
    align: options.align ?? 'center',
    lineGap: LINE_GAP,
    ellipsis: '…',
    underline: options.underline ?? false,
  })
}

function border(doc: Doc) {
  doc.save().strokeColor(RED)
  doc
    .lineWidth(3)
    .rect(18, 18, PAGE.width - 36, PAGE.height - 36)
    .stroke()
  doc
    .lineWidth(0.9)
    .rect(25, 25, PAGE.width - 50, PAGE.height - 50)
    .stroke()
  doc.restore()
}

/** A horizontal rule of the given width centred on `centre`. */
function rule(doc: Doc, centre: number, y: number, width: number) {
  doc
    .moveTo(centre - width / 2, y)
    .lineTo(centre + width / 2, y)
    .lineWidth(0.7)
    .strokeColor(INK)
    .stroke()
}

/** One bold line centred in a column, underlined over the text's own width when asked. */
function headingLine(doc: Doc, text: string, x: number, y: number, size: number, ruled = false) {
  doc.font('bold').fontSize(size).text(text, x, y, { width: COLUMN, align: 'center' })
  if (ruled) rule(doc, x + COLUMN / 2, y + size + 5, doc.widthOfString(text))
}

function header(doc: Doc, cert: CertificateData, t: ReturnType<typeof translator>) {
  const top = 42
  doc.fillColor(INK)
  // Left: the organiser, upper case, with a short rule (or the Party's star) under it.
  const organiser = cert.organiserName.toLocaleUpperCase('vi')
  const leftX = SIDE - 10
  const leftHeight = Math.min(
    doc.font('bold').fontSize(11.5).heightOfString(organiser, { width: COLUMN, lineGap: LINE_GAP }),
    2 * lineHeight(doc, 'bold', 11.5),
  )
  boxedText(doc, organiser, leftX, top, { width: COLUMN, height: leftHeight + 1 })
  if (cert.heading === 'party') headingLine(doc, '*', leftX, top + leftHeight + 1, 11.5)
  else rule(doc, leftX + COLUMN / 2, top + leftHeight + 4, 90)

  // Right: the national heading and motto (or the Party's name), underlined over the text.
  const rightX = PAGE.width - SIDE + 10 - COLUMN
  if (cert.heading === 'party') {
    headingLine(doc, t('doc.cert.partyName'), rightX, top, 12, true)
  } else {
    headingLine(doc, t('doc.cert.stateName'), rightX, top, 11.5)
    headingLine(doc, t('doc.cert.stateMotto'), rightX, top + 16, 12.5, true)
  }
}

function ddmmyyyy(iso: string) {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso)
  if (!m) throw new RangeError(`decisionDate must be YYYY-MM-DD, got "${iso}"`)
  return { year: m[1]!, month: m[2]!, day: m[3]! }
}

function body(doc: Doc, cert: CertificateData, locale: Locale, t: ReturnType<typeof translator>) {
  const year = String(cert.year)
  const contest = cert.contestTitle.includes(year)
    ? t('doc.cert.contest', { contest: cert.contestTitle })
    : t('doc.cert.contestYear', { contest: cert.contestTitle, year })
  const blocks: Block[] = [
    {
      text: t('doc.cert.heading'),
      font: 'bold',
      size: 38,
      minSize: 28,
      lines: 1,
      color: RED,
      gapBefore: 0,
    },
    {
      text: t('doc.cert.award', { tier: cert.tierName }),
      font: 'bold',
      size: 17,
      minSize: 13,
      lines: 2,
      gapBefore: 6,
    },
    {
      text: t('doc.cert.modelTitle', { title: cert.modelTitle }),
      font: 'bold',
      size: 21,
      minSize: 13,
      lines: 3,
      color: RED,
      gapBefore: 12,
    },
    {
      text: t('doc.cert.unit', { unit: cert.unitName }),
      font: 'regular',
      size: 14,
      minSize: 11,
      lines: 2,
      gapBefore: 10,
    },
    ...(cert.communeNames.length > 0
      ? [
          {
            text: t('doc.cert.communes', { communes: cert.communeNames.join(', ') }),
            font: 'regular' as const,
            size: 14,
            minSize: 11,
            lines: 2,
            gapBefore: 3,
          },
        ]
      : []),
    { text: contest, font: 'italic', size: 13, minSize: 11, lines: 2, gapBefore: 8 },
    {
      text: t('doc.cert.decision', {
        number: cert.decisionNumber,
        date: formatDate(locale, cert.decisionDate),
        organiser: cert.organiserName,
      }),
      font: 'italic',
      size: 12,
      minSize: 10,
      lines: 2,
      gapBefore: 3,
    },
  ]
  const fitted = blocks.map((b) => ({ block: b, ...fit(doc, b, CONTENT_WIDTH) }))
  const total = fitted.reduce((sum, f) => sum + f.block.gapBefore + f.height, 0)
  // Centred in the space between the heading and the foot; every block is bounded, so it fits.
  let y = BODY_TOP + Math.max(0, (FOOT_TOP - 8 - BODY_TOP - total) / 2)
  for (const f of fitted) {
    y += f.block.gapBefore
    doc
      .font(f.block.font)
      .fontSize(f.size)
      .fillColor(f.block.color ?? INK)
    boxedText(doc, f.block.text, SIDE, y, { width: CONTENT_WIDTH, height: f.maxHeight })
    y += f.height
  }
  doc.fillColor(INK)
}

/** The QR code as vector squares (crisp in print, a few hundred bytes), one rectangle per run. */
function qrCode(doc: Doc, url: string, x: number, y: number, size: number) {
  const { modules } = QRCode.create(url, { errorCorrectionLevel: 'M' })
  const n = modules.size
  const quiet = 2
  const cell = size / (n + 2 * quiet)
  doc.save().rect(x, y, size, size).fill('#ffffff')
  for (let row = 0; row < n; row++) {
    let col = 0
    while (col < n) {
      if (!modules.data[row * n + col]) {
        col++
        continue
      }
      const start = col
      while (col < n && modules.data[row * n + col]) col++
      // A hair taller than the cell so that no seam shows between rows.
      doc.rect(
        x + (quiet + start) * cell,
        y + (quiet + row) * cell,
        (col - start) * cell,
        cell + 0.05,
      )
    }
  }
  doc.fill('#000000').restore()
}

function foot(doc: Doc, cert: CertificateData, t: ReturnType<typeof translator>) {
  // Left: QR code to the public model page, the address printed under it.
  const qrX = SIDE
  qrCode(doc, cert.modelUrl, qrX, FOOT_TOP, QR_SIZE)
  doc.font('italic').fontSize(7).fillColor(INK)
  boxedText(doc, t('doc.cert.qrCaption'), qrX, FOOT_TOP + QR_SIZE + 2, {
    width: 230,
    height: 10,
    align: 'left',
  })
  doc.font('regular').fontSize(7)
  boxedText(doc, cert.modelUrl, qrX, FOOT_TOP + QR_SIZE + 11, {
    width: 230,
    height: 27,
    align: 'left',
  })

  // Right: date, signer title, then the space for the signature and seal.
  const { day, month, year } = ddmmyyyy(cert.decisionDate)
  const width = 320
  const x = PAGE.width - SIDE - width
  doc.font('italic').fontSize(12.5)
  boxedText(doc, t('doc.cert.dateLine', { day, month, year }), x, FOOT_TOP, { width, height: 17 })
  doc.font('bold').fontSize(13)
  boxedText(doc, cert.signerTitle.toLocaleUpperCase('vi'), x, FOOT_TOP + 19, {
    width,
    height: 2 * lineHeight(doc, 'bold', 13),
  })
}

function nfc(cert: CertificateData): CertificateData {
  // Text typed on some keyboards arrives decomposed (base letter + combining marks); the font's
  // precomposed glyphs and text extraction both want NFC.
  const n = (s: string) => s.normalize('NFC')
  return {
    ...cert,
    organiserName: n(cert.organiserName),
    contestTitle: n(cert.contestTitle),
    modelTitle: n(cert.modelTitle),
    unitName: n(cert.unitName),
    communeNames: cert.communeNames.map(n),
    tierName: n(cert.tierName),
    decisionNumber: n(cert.decisionNumber),
    signerTitle: n(cert.signerTitle),
  }
}

/**
 * Certificates ("giấy chứng nhận") as one PDF: one A4 landscape page per certificate, in the
 * given order (one for a single certificate, all of a contest for the booklet). The font is
 * embedded (subset), so Vietnamese prints the same everywhere.
 */
export async function certificatesPdf(
  certs: CertificateData[],
  locale: Locale = 'vi',
): Promise<Buffer> {
  if (certs.length === 0) throw new RangeError('certificatesPdf needs at least one certificate')
  for (const cert of certs) ddmmyyyy(cert.decisionDate)
  const t = translator(locale)
  const list = certs.map(nfc)
  const first = list[0]!
  const organisers = [...new Set(list.map((c) => c.organiserName))]
  const doc = new PDFDocument({
    size: 'A4',
    layout: 'landscape',
    margin: 0,
    autoFirstPage: false,
    font: resolve(FONT_DIR, FONT_FILES.regular),
    lang: locale === 'vi' ? 'vi-VN' : 'en-GB',
    displayTitle: true,
    info: {
      Title:
        list.length === 1
          ? t('doc.cert.pdfTitle', { title: first.modelTitle })
          : t('doc.cert.pdfBookletTitle', {
              contest: first.contestTitle,
              count: String(list.length),
            }),
      Author: organisers.join('; '),
      Subject: first.contestTitle,
      Creator: t('app.name'),
    },
  })
  const data = fontData()
  for (const name of Object.keys(FONT_FILES) as FontName[]) doc.registerFont(name, data[name])

  const chunks: Buffer[] = []
  const done = new Promise<Buffer>((resolveDone, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk))
    doc.on('end', () => resolveDone(Buffer.concat(chunks)))
    doc.on('error', reject)
  })
  for (const cert of list) {
    doc.addPage({ size: 'A4', layout: 'landscape', margin: 0 })
    border(doc)
    header(doc, cert, t)
    body(doc, cert, locale, t)
    foot(doc, cert, t)
    // Drawing is synchronous: let other requests through between pages of a long booklet.
    await new Promise((next) => setImmediate(next))
  }
  doc.end()
  return done
}
