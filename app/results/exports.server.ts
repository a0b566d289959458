import { csvText } from '~/http/csv'
import ExcelJS from 'exceljs'
import type { Locale } from '#db/domain'
import { translator, type MessageKey, type Translate } from '~/i18n'

/** A contest's entries, scores and results, loaded by the caller; the generators only format. */
export interface ResultsExport {
  contest: { title: string; year: number }
  criteria: { id: number; position: number; title: string; maxPoints: number }[]
  judges: { id: number; name: string }[]
  entries: {
    id: number
    title: string
    unitName: string
    communeNames: string[]
    /** The field's label, as shown. */
    field: string
    kind: string
    state: string
    /** ISO instant. */
    firstSubmittedAt: string | null
  }[]
  scores: {
    entryId: number
    judgeId: number
    criterionId: number
    points: number
    comment: string
  }[]
  results: {
    entryId: number
    rank: number | null
    raw: number | null
    normalised: number | null
    scoreCount: number
    computedTier: string | null
    tier: string | null
    overrideReason: string | null
  }[]
  /** The method in use, in words, e.g. "Trung bình cộng; chuẩn hóa z-score theo giám khảo". */
  method: string
}

type Cell = string | number | Date | null

interface Column<R> {
  header: string
  value: (row: R) => Cell
  /** Widest the column gets, in characters (long texts wrap in the cell). */
  maxWidth?: number
  /** Points and scores: shown with decimals (0.0##); other numbers are whole (ids, ranks, counts). */
  decimal?: boolean
}

interface Table<R> {
  columns: Column<R>[]
  rows: R[]
}

const VIETNAM_OFFSET_MS = 7 * 3600 * 1000

/**
 * The instant as Vietnam's wall-clock time (UTC+7, no daylight saving), carried in a Date whose
 * UTC fields are that wall clock: Excel has no time zones and shows what exceljs writes as UTC.
 */
function vietnamTime(iso: string | null): Date | null {
  return iso === null ? null : new Date(Date.parse(iso) + VIETNAM_OFFSET_MS)
}

/** Rounds away float noise of sums (17.5 + 0.1 …) without changing real decimals. */
function clean(n: number) {
  return Math.round(n * 1e6) / 1e6
}

function criteriaInOrder(data: ResultsExport) {
  return [...data.criteria].sort((a, b) => a.position - b.position)
}

function entriesTable(data: ResultsExport, t: Translate): Table<ResultsExport['entries'][number]> {
  return {
    rows: data.entries,
    columns: [
      { header: t('doc.col.entryId'), value: (e) => e.id },
      { header: t('doc.col.title'), value: (e) => e.title, maxWidth: 60 },
      { header: t('doc.col.unit'), value: (e) => e.unitName, maxWidth: 40 },
      { header: t('doc.col.communes'), value: (e) => e.communeNames.join(', '), maxWidth: 40 },
      { header: t('doc.col.field'), value: (e) => e.field },
      { header: t('doc.col.kind'), value: (e) => e.kind },
      { header: t('doc.col.state'), value: (e) => e.state },
      { header: t('doc.col.firstSubmittedAt'), value: (e) => vietnamTime(e.firstSubmittedAt) },
    ],
  }
}

interface ScoreRow {
  judge: ResultsExport['judges'][number]
  entry: ResultsExport['entries'][number]
  criterion: ResultsExport['criteria'][number]
  points: number
  comment: string
}

/** Every criterion score, one row each, in entry, judge and criterion order. */
function scoreRows(data: ResultsExport): ScoreRow[] {
  const judges = new Map(data.judges.map((j, i) => [j.id, { judge: j, order: i }]))
  const entries = new Map(data.entries.map((e, i) => [e.id, { entry: e, order: i }]))
  const criteria = new Map(data.criteria.map((c) => [c.id, c]))
  const rows: (ScoreRow & { key: number[] })[] = []
  for (const s of data.scores) {
    const judge = judges.get(s.judgeId)
    const entry = entries.get(s.entryId)
    const criterion = criteria.get(s.criterionId)
    if (!judge || !entry || !criterion) {
      throw new RangeError(`score of unknown judge/entry/criterion: ${JSON.stringify(s)}`)
    }
    rows.push({
      judge: judge.judge,
      entry: entry.entry,
      criterion,
      points: s.points,
      comment: s.comment,
      key: [entry.order, judge.order, criterion.position],
    })
  }
  return rows.sort(
    (a, b) => a.key[0]! - b.key[0]! || a.key[1]! - b.key[1]! || a.key[2]! - b.key[2]!,
  )
}

function scoresTable(data: ResultsExport, t: Translate): Table<ScoreRow> {
  return {
    rows: scoreRows(data),
    columns: [
      { header: t('doc.col.judgeId'), value: (r) => r.judge.id },
      { header: t('doc.col.judge'), value: (r) => r.judge.name, maxWidth: 30 },
      { header: t('doc.col.entryId'), value: (r) => r.entry.id },
      { header: t('doc.col.title'), value: (r) => r.entry.title, maxWidth: 60 },
      { header: t('doc.col.criterionPosition'), value: (r) => r.criterion.position },
      { header: t('doc.col.criterion'), value: (r) => r.criterion.title, maxWidth: 40 },
      { header: t('doc.col.maxPoints'), value: (r) => r.criterion.maxPoints, decimal: true },
      { header: t('doc.col.points'), value: (r) => r.points, decimal: true },
      { header: t('doc.col.comment'), value: (r) => r.comment, maxWidth: 60 },
    ],
  }
}

interface MatrixRow {
  judge: ScoreRow['judge']
  entry: ScoreRow['entry']
  points: Map<number, number>
  comments: string[]
}

/** One row per judge × entry that has scores, one column per criterion, plus the total. */
function matrixTable(data: ResultsExport, t: Translate): Table<MatrixRow> {
  const rows = new Map<string, MatrixRow>()
  for (const s of scoreRows(data)) {
    const key = `${s.entry.id}:${s.judge.id}`
    let row = rows.get(key)
    if (!row) {
      row = { judge: s.judge, entry: s.entry, points: new Map(), comments: [] }
      rows.set(key, row)
    }
    row.points.set(s.criterion.id, s.points)
    if (s.comment.trim()) row.comments.push(`${s.criterion.position}. ${s.comment.trim()}`)
  }
  const criteria = criteriaInOrder(data)
  const maxTotal = clean(criteria.reduce((sum, c) => sum + c.maxPoints, 0))
  return {
    rows: [...rows.values()],
    columns: [
      { header: t('doc.col.judge'), value: (r) => r.judge.name, maxWidth: 30 },
      { header: t('doc.col.entryId'), value: (r) => r.entry.id },
      { header: t('doc.col.title'), value: (r) => r.entry.title, maxWidth: 50 },
      ...criteria.map((c): Column<MatrixRow> => ({
        header: t('doc.col.criterionHeader', {
          position: c.position,
          title: c.title,
          max: c.maxPoints,
        }),
        value: (r) => r.points.get(c.id) ?? null,
        maxWidth: 18,
        decimal: true,
      })),
      {
        header: t('doc.col.total', { max: maxTotal }),
        value: (r) => clean([...r.points.values()].reduce((sum, p) => sum + p, 0)),
        maxWidth: 14,
        decimal: true,
      },
      { header: t('doc.col.comments'), value: (r) => r.comments.join('; '), maxWidth: 60 },
    ],
  }
}

type ResultRow = ResultsExport['results'][number] & {
  entry: ResultsExport['entries'][number] | undefined
}

/** Results in rank order (unranked last, in the given order); raw and normalised side by side. */
function resultsTable(data: ResultsExport, t: Translate, withMethod: boolean): Table<ResultRow> {
  const entries = new Map(data.entries.map((e) => [e.id, e]))
  const rows = data.results
    .map((r, i) => ({ ...r, entry: entries.get(r.entryId), order: i }))
    .sort((a, b) => (a.rank ?? Infinity) - (b.rank ?? Infinity) || a.order - b.order)
  const columns: Column<ResultRow>[] = [
    { header: t('doc.col.rank'), value: (r) => r.rank },
    { header: t('doc.col.entryId'), value: (r) => r.entryId },
    { header: t('doc.col.title'), value: (r) => r.entry?.title ?? null, maxWidth: 60 },
    { header: t('doc.col.unit'), value: (r) => r.entry?.unitName ?? null, maxWidth: 40 },
    { header: t('doc.col.raw'), value: (r) => r.raw, decimal: true },
    { header: t('doc.col.normalised'), value: (r) => r.normalised, decimal: true },
    { header: t('doc.col.scoreCount'), value: (r) => r.scoreCount },
    { header: t('doc.col.computedTier'), value: (r) => r.computedTier },
    { header: t('doc.col.tier'), value: (r) => r.tier },
    { header: t('doc.col.overrideReason'), value: (r) => r.overrideReason, maxWidth: 60 },
  ]
  if (withMethod) columns.push({ header: t('doc.col.method'), value: () => data.method })
  return { rows, columns }
}

// ————— CSV —————

/**
 * RFC 4180 CSV for other programs and for Excel's "From Text/CSV" import: UTF-8 with a BOM (so
 * Excel reads Vietnamese right), CRLF line ends, comma separators, and numbers with a DOT
 * decimal (17.5), as every CSV reader expects. Excel set to Vietnamese (decimal comma, list
 * separator ";") would split rows wrongly on a double-click; those users open the .xlsx workbook,
 * which carries real numbers, or import the CSV choosing comma and dot. Times are Vietnam's wall
 * clock as "YYYY-MM-DD HH:mm".
 */
function csv<R>(table: Table<R>): string {
  const header = table.columns.map((c) => c.header)
  const rows = table.rows.map((row) => table.columns.map((c) => c.value(row)))
  return csvText([header, ...rows], { bom: true })
}

export function entriesCsv(data: ResultsExport, locale: Locale = 'vi'): string {
  return csv(entriesTable(data, translator(locale)))
}

/** Every criterion score with its comment, one per row (the matrix is in the workbook). */
export function scoresCsv(data: ResultsExport, locale: Locale = 'vi'): string {
  return csv(scoresTable(data, translator(locale)))
}

export function resultsCsv(data: ResultsExport, locale: Locale = 'vi'): string {
  return csv(resultsTable(data, translator(locale), true))
}

// ————— Workbook —————

const NUMBER_FORMAT = '0.0##'
const DATE_FORMAT = 'dd/mm/yyyy hh:mm'

function addSheet<R>(workbook: ExcelJS.Workbook, name: string, table: Table<R>, frozenColumns = 0) {
  const sheet = workbook.addWorksheet(name, {
    views: [{ state: 'frozen', xSplit: frozenColumns, ySplit: 1 }],
  })
  const header = sheet.addRow(table.columns.map((c) => c.header))
  header.font = { bold: true }
  header.alignment = { vertical: 'top', wrapText: true }
  header.eachCell((cell) => {
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFEFEFEF' } }
    cell.border = { bottom: { style: 'thin' } }
  })
  const widths = table.columns.map(() => 8)
  for (const row of table.rows) {
    const values = table.columns.map((c) => c.value(row))
    const added = sheet.addRow(values)
    values.forEach((v, i) => {
      const cell = added.getCell(i + 1)
      if (typeof v === 'number') cell.numFmt = table.columns[i]!.decimal ? NUMBER_FORMAT : '0'
      else if (v instanceof Date) cell.numFmt = DATE_FORMAT
      const length = v instanceof Date ? 16 : v === null ? 0 : String(v).length
      widths[i] = Math.max(widths[i]!, length + 2)
    })
  }
  table.columns.forEach((c, i) => {
    const column = sheet.getColumn(i + 1)
    const headerWidth = Math.min(c.header.length + 2, 24)
    column.width = Math.min(Math.max(widths[i]!, headerWidth), c.maxWidth ?? 24)
    if (c.maxWidth) column.alignment = { vertical: 'top', wrapText: true }
  })
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: table.columns.length } }
  return sheet
}

/**
 * The contest's whole results as an Excel workbook: "Hồ sơ" (entries), "Ma trận điểm" (judge ×
 * entry rows, one number column per criterion, the total), "Kết quả" (rank, raw mean and
 * normalised score side by side, computed and final tier, override reason) and "Thông tin"
 * (contest, method). Every score is a number cell.
 */
export async function resultsWorkbook(data: ResultsExport, locale: Locale = 'vi'): Promise<Buffer> {
  const t = translator(locale)
  const workbook = new ExcelJS.Workbook()
  workbook.creator = t('app.name')
  workbook.title = `${t('doc.file.workbook')} – ${contestName(data.contest)}`
  workbook.created = new Date()

  addSheet(workbook, t('doc.sheet.entries'), entriesTable(data, t), 2)
  addSheet(workbook, t('doc.sheet.scores'), matrixTable(data, t), 3)
  addSheet(workbook, t('doc.sheet.results'), resultsTable(data, t, false), 3)
  const about: [MessageKey, Cell][] = [
    ['doc.about.contest', data.contest.title],
    ['doc.about.year', data.contest.year],
    ['doc.about.method', data.method],
    ['doc.about.entries', data.entries.length],
    ['doc.about.judges', data.judges.length],
    ['doc.about.scores', data.scores.length],
  ]
  addSheet(workbook, t('doc.sheet.about'), {
    rows: about,
    columns: [
      { header: t('doc.about.item'), value: ([key]) => t(key), maxWidth: 30 },
      { header: t('doc.about.value'), value: ([, value]) => value, maxWidth: 80 },
    ],
  })
  return Buffer.from(await workbook.xlsx.writeBuffer())
}

// ————— File names —————

export type ExportKind =
  'workbook' | 'entries' | 'scores' | 'results' | 'certificate' | 'certificates'

const FILE_NAMES = {
  workbook: { key: 'doc.file.workbook', ext: 'xlsx' },
  entries: { key: 'doc.file.entries', ext: 'csv' },
  scores: { key: 'doc.file.scores', ext: 'csv' },
  results: { key: 'doc.file.results', ext: 'csv' },
  certificate: { key: 'doc.file.certificate', ext: 'pdf' },
  certificates: { key: 'doc.file.certificates', ext: 'pdf' },
} as const satisfies Record<ExportKind, { key: MessageKey; ext: string }>

/** The contest's title, with the year unless the title already says it. */
function contestName(contest: ResultsExport['contest']) {
  const year = String(contest.year)
  return contest.title.includes(year) ? contest.title : `${contest.title} ${year}`
}

const MAX_STEM = 120

/**
 * A readable Vietnamese file name, e.g. "Kết quả – Bình xét mô hình Dân vận khéo năm 2025.xlsx";
 * `extra` (e.g. a model title) goes between the kind and the contest. Characters that Windows
 * or macOS refuse in names (/\:*?"<>| and control characters) are dropped, the stem is kept
 * under 120 characters.
 */
export function exportFileName(
  kind: ExportKind,
  contest: ResultsExport['contest'],
  extra?: string,
  locale: Locale = 'vi',
): string {
  const { key, ext } = FILE_NAMES[kind]
  const parts = [translator(locale)(key), extra, contestName(contest)]
    .map((p) => (p ?? '').normalize('NFC').replace(/[/\\:*?"<>|\p{Cc}]/gu, ' '))
    .map((p) => p.replace(/\s+/g, ' ').trim())
    .filter((p) => p !== '')
  let stem = parts.join(' – ')
  const chars = [...stem]
  if (chars.length > MAX_STEM) stem = chars.slice(0, MAX_STEM).join('')
  stem = stem.replace(/[\s.–-]+$/u, '')
  return `${stem}.${ext}`
}

/** ASCII-only version of a name: diacritics dropped (đ → d), dashes plain, anything else "_". */
function asciiName(name: string) {
  return name
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .replace(/[\u2012-\u2015]/g, '-')
    .replace(/[^\x20-\x7e]|["\\]/g, '_')
}

/**
 * The Content-Disposition header of a download (RFC 6266): an ASCII `filename` for old clients
 * and the exact UTF-8 name as `filename*` (RFC 5987 percent-encoding), which browsers prefer.
 */
export function contentDisposition(
  fileName: string,
  disposition: 'attachment' | 'inline' = 'attachment',
): string {
  const encoded = encodeURIComponent(fileName.normalize('NFC')).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  )
  return `${disposition}; filename="${asciiName(fileName)}"; filename*=UTF-8''${encoded}`
}
