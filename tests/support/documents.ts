import ExcelJS from 'exceljs'
import { extractText, getDocumentProxy } from 'unpdf'

export interface PdfPage {
  /** The page's text, whitespace (incl. line breaks of wrapped text) collapsed to single spaces. */
  text: string
  /** In points. */
  width: number
  height: number
}

/** A PDF's pages (text and size) and its document information (Title, Author, Creator…). */
export async function readPdf(buffer: Uint8Array) {
  // pdf.js may take over the buffer it is given: hand it a copy.
  const pdf = await getDocumentProxy(new Uint8Array(buffer))
  const { text } = await extractText(pdf, { mergePages: false })
  const pages: PdfPage[] = []
  for (let i = 1; i <= pdf.numPages; i++) {
    const [x0, y0, x1, y1] = (await pdf.getPage(i)).view as [number, number, number, number]
    pages.push({ text: collapse(text[i - 1] ?? ''), width: x1 - x0, height: y1 - y0 })
  }
  const { info } = await pdf.getMetadata()
  return { pages, info: info as Record<string, unknown> }
}

/** All the text of a PDF, pages joined, whitespace collapsed (so wrapped titles match). */
export async function pdfText(buffer: Uint8Array): Promise<string> {
  const { pages } = await readPdf(buffer)
  return pages.map((p) => p.text).join(' ')
}

function collapse(text: string) {
  return text.replace(/\s+/g, ' ').trim()
}

export async function readWorkbook(buffer: Uint8Array): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook()
  await workbook.xlsx.load(
    buffer.buffer.slice(buffer.byteOffset, buffer.byteOffset + buffer.byteLength) as ArrayBuffer,
  )
  return workbook
}

/** A sheet's cell values, row by row (1-based rows and columns become 0-based arrays). */
export function sheetValues(sheet: ExcelJS.Worksheet): ExcelJS.CellValue[][] {
  const rows: ExcelJS.CellValue[][] = []
  sheet.eachRow({ includeEmpty: true }, (row, rowNumber) => {
    const values: ExcelJS.CellValue[] = []
    for (let c = 1; c <= sheet.columnCount; c++) values.push(row.getCell(c).value)
    rows[rowNumber - 1] = values
  })
  return rows
}

/**
 * A strict RFC 4180 parser (quoted fields, "" for a quote, CRLF or LF records); a leading BOM is
 * skipped. Throws on a stray quote, so badly escaped output fails the test.
 */
export function parseCsv(text: string): string[][] {
  const input = text.startsWith('\uFEFF') ? text.slice(1) : text
  const rows: string[][] = []
  let row: string[] = []
  let field = ''
  let i = 0
  let quoted = false
  while (i < input.length) {
    const c = input[i]!
    if (quoted) {
      if (c === '"' && input[i + 1] === '"') {
        field += '"'
        i += 2
      } else if (c === '"') {
        quoted = false
        i++
        if (i < input.length && !/[,\r\n]/.test(input[i]!)) throw new Error(`stray quote at ${i}`)
      } else {
        field += c
        i++
      }
    } else if (c === '"') {
      if (field !== '') throw new Error(`quote inside an unquoted field at ${i}`)
      quoted = true
      i++
    } else if (c === ',') {
      row.push(field)
      field = ''
      i++
    } else if (c === '\r' || c === '\n') {
      row.push(field)
      rows.push(row)
      row = []
      field = ''
      i += c === '\r' && input[i + 1] === '\n' ? 2 : 1
    } else {
      field += c
      i++
    }
  }
  if (quoted) throw new Error('unterminated quoted field')
  if (field !== '' || row.length > 0) rows.push([...row, field])
  return rows
}
