import { inflateSync } from 'node:zlib'
import QRCode from 'qrcode'
import { describe, expect, it } from 'vitest'
import { certificatesPdf, type CertificateData } from '~/results/certificate.server'
import {
  contentDisposition,
  entriesCsv,
  exportFileName,
  resultsCsv,
  resultsWorkbook,
  scoresCsv,
  type ResultsExport,
} from '~/results/exports.server'
import { parseCsv, pdfText, readPdf, readWorkbook, sheetValues } from '../support/documents'

const TITLE = 'Dân vận khéo trong xây dựng đường giao thông nông thôn ở Đường Thượng'

const cert: CertificateData = {
  organiserName: 'Ban Dân vận Huyện ủy Yên Minh',
  contestTitle: 'Bình xét mô hình Dân vận khéo năm 2025',
  year: 2025,
  modelTitle: TITLE,
  unitName: 'Đảng ủy xã Đường Thượng',
  communeNames: ['Đường Thượng', 'Lũng Hồ'],
  tierName: 'Xuất sắc',
  decisionNumber: '125-QĐ/BDVHU',
  decisionDate: '2025-12-05',
  signerTitle: 'Trưởng ban',
  modelUrl: 'https://dvk.example.vn/mo-hinh/duong-thuong-giao-thong',
}

// 200 characters of real words: long enough to need three lines and a smaller size.
const LONG_TITLE =
  'Mô hình “Dân vận khéo” trong vận động nhân dân hiến đất, góp công, góp sức xây dựng đường giao thông nông thôn, kênh mương nội đồng và nhà văn hóa thôn bản gắn với giữ gìn an ninh trật tự Đường Thượng'

const A4_LANDSCAPE = { width: 841.89, height: 595.28 }

/** The rectangles (`x y w h re`) the PDF's content streams draw, in pdfkit's top-down coordinates. */
function pageRects(pdf: Buffer) {
  const raw = pdf.toString('latin1')
  const rects: { x: number; y: number; w: number; h: number }[] = []
  for (const m of raw.matchAll(/stream\r?\n/g)) {
    const start = m.index + m[0].length
    let content: string
    try {
      content = inflateSync(pdf.subarray(start, raw.indexOf('endstream', start))).toString('latin1')
    } catch {
      continue
    }
    if (!content.includes(' Tf')) continue // fonts and images, not a page
    for (const r of content.matchAll(/^(-?[\d.]+) (-?[\d.]+) (-?[\d.]+) (-?[\d.]+) re$/gm)) {
      const [x, y, w, h] = r.slice(1, 5).map(Number) as [number, number, number, number]
      rects.push({ x, y, w, h })
    }
  }
  return rects
}

describe('certificatesPdf', () => {
  it('prints one A4 landscape page with the Vietnamese texts, an embedded font and metadata', async () => {
    const pdf = await certificatesPdf([cert])
    const { pages, info } = await readPdf(pdf)

    expect(pages).toHaveLength(1)
    expect(pages[0]!.width).toBeCloseTo(A4_LANDSCAPE.width, 1)
    expect(pages[0]!.height).toBeCloseTo(A4_LANDSCAPE.height, 1)
    const text = pages[0]!.text
    for (const expected of [
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'Độc lập - Tự do - Hạnh phúc',
      'BAN DÂN VẬN HUYỆN ỦY YÊN MINH',
      'GIẤY CHỨNG NHẬN',
      'Mô hình “Dân vận khéo” tiêu biểu – loại Xuất sắc',
      `“${TITLE}”`,
      'Đơn vị thực hiện: Đảng ủy xã Đường Thượng',
      'Địa bàn thực hiện: Đường Thượng, Lũng Hồ',
      'Trong khuôn khổ: Bình xét mô hình Dân vận khéo năm 2025',
      'Quyết định số 125-QĐ/BDVHU ngày 05/12/2025',
      'Ngày 05 tháng 12 năm 2025',
      'TRƯỞNG BAN',
      cert.modelUrl,
    ]) {
      expect(text).toContain(expected)
    }
    // The contest title already names the year: it is not repeated.
    expect(text).not.toContain('2025 năm 2025')

    const raw = pdf.toString('latin1')
    expect(raw).toMatch(/\/FontFile2/)
    expect(raw).toMatch(/\/BaseFont \/[A-Z]{6}\+DejaVuSerifCondensed-Bold/)
    // No standard (non-embedded) font slipped in.
    expect(raw).not.toMatch(/Helvetica|Times-Roman/)

    expect(info.Title).toBe(`Giấy chứng nhận – ${TITLE}`)
    expect(info.Author).toBe('Ban Dân vận Huyện ủy Yên Minh')
    expect(info.Creator).toBe('Dân vận khéo')
  })

  it('draws the QR code of the model URL (error correction M) module by module', async () => {
    const rects = pageRects(await certificatesPdf([cert]))
    // The QR code's white square, then its dark runs inside it.
    const square = rects.find((r) => r.w === r.h && r.w > 50 && r.w < 120)!
    expect(square).toBeDefined()
    const { modules } = QRCode.create(cert.modelUrl, { errorCorrectionLevel: 'M' })
    const n = modules.size
    const cell = square.w / (n + 4)
    const drawn: number[] = Array.from({ length: n * n }, () => 0)
    for (const r of rects) {
      if (r === square || r.x < square.x || r.x >= square.x + square.w) continue
      if (r.y < square.y || r.y >= square.y + square.w) continue
      const row = Math.round((r.y - square.y) / cell) - 2
      const col = Math.round((r.x - square.x) / cell) - 2
      const length = Math.round(r.w / cell)
      for (let c = col; c < col + length; c++) drawn[row * n + c] = 1
    }
    expect(drawn).toEqual([...modules.data].map((v) => (v ? 1 : 0)))
  })

  it('makes a booklet of one page per certificate, in order', async () => {
    const titles = ['Mô hình thứ nhất', 'Mô hình thứ hai', 'Mô hình thứ ba']
    const pdf = await certificatesPdf(titles.map((modelTitle) => ({ ...cert, modelTitle })))
    const { pages, info } = await readPdf(pdf)
    expect(pages).toHaveLength(3)
    pages.forEach((page, i) => {
      expect(page.text).toContain(`“${titles[i]}”`)
      expect(page.width).toBeCloseTo(A4_LANDSCAPE.width, 1)
    })
    expect(info.Title).toBe('Giấy chứng nhận – Bình xét mô hình Dân vận khéo năm 2025 (3 mô hình)')
  })

  it('wraps a 200-character title and long lists inside the page instead of adding pages', async () => {
    expect([...LONG_TITLE]).toHaveLength(200)
    const long: CertificateData = {
      ...cert,
      modelTitle: LONG_TITLE,
      unitName: 'Ban Chỉ huy Quân sự và Đồn Biên phòng '.repeat(8).trim(),
      communeNames: Array.from({ length: 40 }, (_, i) => `Xã Lũng Hồ ${i + 1}`),
      signerTitle: 'Phó Trưởng Ban Thường trực Ban Dân vận Huyện ủy Yên Minh kiêm Chủ tịch',
      organiserName: 'Ban Tuyên giáo và Dân vận Tỉnh ủy Tuyên Quang — Đảng bộ Khối Cơ quan',
      heading: 'party',
    }
    const { pages } = await readPdf(await certificatesPdf([long, cert]))
    expect(pages).toHaveLength(2)
    // The whole title is there (it shrinks before anything is cut); the commune list is cut short.
    expect(pages[0]!.text).toContain(`“${LONG_TITLE}”`)
    expect(pages[0]!.text).toContain('ĐẢNG CỘNG SẢN VIỆT NAM')
    expect(pages[0]!.text).toContain('Xã Lũng Hồ 1,')
    expect(pages[0]!.text).not.toContain('Xã Lũng Hồ 40')
    expect(pages[0]!.text).toContain('…')
    expect(pages[1]!.text).toContain(`“${TITLE}”`)
  })

  it('prints decomposed input (combining marks) as the composed letters', async () => {
    const text = await pdfText(
      await certificatesPdf([{ ...cert, modelTitle: TITLE.normalize('NFD') }]),
    )
    expect(text).toContain(`“${TITLE}”`)
  })

  it('prints English when asked', async () => {
    const text = await pdfText(await certificatesPdf([cert], 'en'))
    expect(text).toContain('CERTIFICATE')
    expect(text).toContain('SOCIALIST REPUBLIC OF VIET NAM')
    expect(text).toContain('Under decision No. 125-QĐ/BDVHU of 05/12/2025')
  })

  it('refuses an empty list and a malformed decision date', async () => {
    await expect(certificatesPdf([])).rejects.toThrow(RangeError)
    await expect(certificatesPdf([{ ...cert, decisionDate: '05/12/2025' }])).rejects.toThrow(
      /YYYY-MM-DD/,
    )
  })
})

const QUOTED_TITLE = 'Mô hình "Ba cùng", đường Thượng: gần dân, hiểu dân'

const data: ResultsExport = {
  contest: { title: 'Bình xét mô hình Dân vận khéo năm 2025', year: 2025 },
  // Given out of order: the exports order by position.
  criteria: [
    { id: 12, position: 2, title: 'Sự tham gia của nhân dân', maxPoints: 20 },
    { id: 11, position: 1, title: 'Tính mới, sáng tạo', maxPoints: 20 },
    { id: 13, position: 3, title: 'Hiệu quả', maxPoints: 25.5 },
  ],
  judges: [
    { id: 7, name: 'Nguyễn Thị Hằng' },
    { id: 8, name: 'Lò Văn Dũng' },
  ],
  entries: [
    {
      id: 101,
      title: TITLE,
      unitName: 'Đảng ủy xã Đường Thượng',
      communeNames: ['Đường Thượng', 'Lũng Hồ'],
      field: 'Kinh tế',
      kind: 'Mô hình',
      state: 'Đoạt giải',
      firstSubmittedAt: '2025-10-31T17:30:00Z',
    },
    {
      id: 102,
      title: QUOTED_TITLE,
      unitName: 'Hội Phụ nữ huyện',
      communeNames: [],
      field: 'Văn hóa - xã hội',
      kind: 'Mô hình',
      state: 'Không đạt giải',
      firstSubmittedAt: null,
    },
  ],
  scores: [
    { entryId: 102, judgeId: 7, criterionId: 11, points: 12, comment: '' },
    { entryId: 101, judgeId: 8, criterionId: 13, points: 20.25, comment: '' },
    {
      entryId: 101,
      judgeId: 7,
      criterionId: 12,
      points: 18,
      comment: 'Nhân dân đồng thuận, góp "ngày công"',
    },
    { entryId: 101, judgeId: 7, criterionId: 11, points: 17.5, comment: 'Cách làm mới' },
    { entryId: 101, judgeId: 7, criterionId: 13, points: 22, comment: '' },
    { entryId: 101, judgeId: 8, criterionId: 11, points: 16, comment: '' },
    { entryId: 101, judgeId: 8, criterionId: 12, points: 19.5, comment: '' },
  ],
  results: [
    {
      entryId: 102,
      rank: null,
      raw: null,
      normalised: null,
      scoreCount: 0,
      computedTier: null,
      tier: null,
      overrideReason: null,
    },
    {
      entryId: 101,
      rank: 1,
      raw: 56.625,
      normalised: 58.314,
      scoreCount: 2,
      computedTier: 'Tốt',
      tier: 'Xuất sắc',
      overrideReason: 'Hội đồng thống nhất nâng loại, theo biên bản số 3',
    },
  ],
  method: 'Trung bình cộng; chuẩn hóa z-score theo giám khảo',
}

describe('resultsWorkbook', () => {
  it('holds the entries, the score matrix as numbers and both methods side by side', async () => {
    const workbook = await readWorkbook(await resultsWorkbook(data))
    expect(workbook.worksheets.map((s) => s.name)).toEqual([
      'Hồ sơ',
      'Ma trận điểm',
      'Kết quả',
      'Thông tin',
    ])

    const entries = workbook.getWorksheet('Hồ sơ')!
    const entryRows = sheetValues(entries)
    expect(entryRows[0]).toEqual([
      'Mã hồ sơ',
      'Tên mô hình',
      'Đơn vị',
      'Xã thực hiện',
      'Lĩnh vực',
      'Loại hồ sơ',
      'Trạng thái',
      'Nộp lần đầu (giờ Việt Nam)',
    ])
    expect(entryRows[1]!.slice(0, 4)).toEqual([
      101,
      TITLE,
      'Đảng ủy xã Đường Thượng',
      'Đường Thượng, Lũng Hồ',
    ])
    // 17:30 UTC is 00:30 the next day in Viet Nam: the cell shows the Vietnamese wall clock.
    expect((entryRows[1]![7] as Date).toISOString()).toBe('2025-11-01T00:30:00.000Z')
    expect(entryRows[2]![1]).toBe(QUOTED_TITLE)
    expect(entryRows[2]![7]).toBeNull()

    const matrix = workbook.getWorksheet('Ma trận điểm')!
    const rows = sheetValues(matrix)
    expect(rows[0]).toEqual([
      'Giám khảo',
      'Mã hồ sơ',
      'Tên mô hình',
      '1. Tính mới, sáng tạo (tối đa 20)',
      '2. Sự tham gia của nhân dân (tối đa 20)',
      '3. Hiệu quả (tối đa 25,5)',
      'Tổng điểm (tối đa 65,5)',
      'Nhận xét theo tiêu chí',
    ])
    // Entry order, then judge order; every criterion in its column.
    expect(rows.slice(1)).toEqual([
      [
        'Nguyễn Thị Hằng',
        101,
        TITLE,
        17.5,
        18,
        22,
        57.5,
        '1. Cách làm mới; 2. Nhân dân đồng thuận, góp "ngày công"',
      ],
      ['Lò Văn Dũng', 101, TITLE, 16, 19.5, 20.25, 55.75, ''],
      ['Nguyễn Thị Hằng', 102, QUOTED_TITLE, 12, null, null, 12, ''],
    ])
    expect(typeof matrix.getCell('D2').value).toBe('number')
    expect(matrix.getCell('D2').numFmt).toBe('0.0##')
    expect(matrix.getRow(1).font?.bold).toBe(true)
    expect(matrix.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 })
    expect(matrix.getColumn(3).width).toBeLessThanOrEqual(50)

    const results = sheetValues(workbook.getWorksheet('Kết quả')!)
    expect(results[0]).toEqual([
      'Xếp hạng',
      'Mã hồ sơ',
      'Tên mô hình',
      'Đơn vị',
      'Điểm trung bình (thô)',
      'Điểm chuẩn hóa',
      'Số phiếu chấm',
      'Loại theo điểm',
      'Loại chính thức',
      'Lý do điều chỉnh',
    ])
    // Ranked first, the unranked entry last.
    expect(results[1]).toEqual([
      1,
      101,
      TITLE,
      'Đảng ủy xã Đường Thượng',
      56.625,
      58.314,
      2,
      'Tốt',
      'Xuất sắc',
      'Hội đồng thống nhất nâng loại, theo biên bản số 3',
    ])
    expect(results[2]!.slice(0, 2)).toEqual([null, 102])

    const about = sheetValues(workbook.getWorksheet('Thông tin')!)
    expect(about).toContainEqual(['Phương pháp xếp hạng', data.method])
    expect(workbook.creator).toBe('Dân vận khéo')
  })

  it('names the sheets and headers in English when asked', async () => {
    const workbook = await readWorkbook(await resultsWorkbook(data, 'en'))
    expect(workbook.worksheets.map((s) => s.name)).toEqual([
      'Entries',
      'Score matrix',
      'Results',
      'About',
    ])
    expect(workbook.getWorksheet('Score matrix')!.getCell('F1').value).toBe(
      '3. Hiệu quả (max 25.5)',
    )
  })
})

describe('CSV exports', () => {
  it('start with a BOM, end lines with CRLF and escape commas and quotes', () => {
    for (const csv of [entriesCsv(data), scoresCsv(data), resultsCsv(data)]) {
      expect(csv.startsWith('\uFEFF')).toBe(true)
      expect(csv.endsWith('\r\n')).toBe(true)
      // No line ends but CRLF (no field here holds a line break).
      expect(csv.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/)
    }
    expect(entriesCsv(data)).toContain('"Mô hình ""Ba cùng"", đường Thượng: gần dân, hiểu dân"')
  })

  it('round-trip the entries with Vietnamese intact and Vietnam times', () => {
    const rows = parseCsv(entriesCsv(data))
    expect(rows[0]![0]).toBe('Mã hồ sơ')
    expect(rows[1]).toEqual([
      '101',
      TITLE,
      'Đảng ủy xã Đường Thượng',
      'Đường Thượng, Lũng Hồ',
      'Kinh tế',
      'Mô hình',
      'Đoạt giải',
      '2025-11-01 00:30',
    ])
    expect(rows[2]).toEqual([
      '102',
      QUOTED_TITLE,
      'Hội Phụ nữ huyện',
      '',
      'Văn hóa - xã hội',
      'Mô hình',
      'Không đạt giải',
      '',
    ])
  })

  it('list every score on its own row with dot decimals', () => {
    const rows = parseCsv(scoresCsv(data))
    expect(rows[0]).toEqual([
      'Mã giám khảo',
      'Giám khảo',
      'Mã hồ sơ',
      'Tên mô hình',
      'STT tiêu chí',
      'Tiêu chí',
      'Điểm tối đa',
      'Điểm',
      'Nhận xét',
    ])
    expect(rows).toHaveLength(1 + data.scores.length)
    expect(rows[1]).toEqual([
      '7',
      'Nguyễn Thị Hằng',
      '101',
      TITLE,
      '1',
      'Tính mới, sáng tạo',
      '20',
      '17.5',
      'Cách làm mới',
    ])
    expect(rows[2]![8]).toBe('Nhân dân đồng thuận, góp "ngày công"')
    expect(rows[6]).toEqual([
      '8',
      'Lò Văn Dũng',
      '101',
      TITLE,
      '3',
      'Hiệu quả',
      '25.5',
      '20.25',
      '',
    ])
    expect(rows[7]!.slice(0, 4)).toEqual(['7', 'Nguyễn Thị Hằng', '102', QUOTED_TITLE])
  })

  it('give the results in rank order with both scores and the method', () => {
    const rows = parseCsv(resultsCsv(data))
    expect(rows[0]!.slice(4, 6)).toEqual(['Điểm trung bình (thô)', 'Điểm chuẩn hóa'])
    expect(rows[0]!.at(-1)).toBe('Phương pháp xếp hạng')
    expect(rows[1]).toEqual([
      '1',
      '101',
      TITLE,
      'Đảng ủy xã Đường Thượng',
      '56.625',
      '58.314',
      '2',
      'Tốt',
      'Xuất sắc',
      'Hội đồng thống nhất nâng loại, theo biên bản số 3',
      data.method,
    ])
    expect(rows[2]).toEqual([
      '',
      '102',
      QUOTED_TITLE,
      'Hội Phụ nữ huyện',
      '',
      '',
      '0',
      '',
      '',
      '',
      data.method,
    ])
  })

  it('keep a title that looks like a formula as text, in the CSV and in the workbook', async () => {
    const formula = '=HYPERLINK("http://example.com","Bấm vào đây")'
    const tricky = { ...data, entries: data.entries.map((e) => ({ ...e, title: formula })) }
    expect(parseCsv(entriesCsv(tricky))[1]![1]).toBe(`'${formula}`)
    const workbook = await readWorkbook(await resultsWorkbook(tricky))
    expect(workbook.getWorksheet('Hồ sơ')!.getCell('B2').value).toBe(formula)
  })

  it('refuse a score that points at nothing rather than drop it', () => {
    const bad = {
      ...data,
      scores: [
        ...data.scores,
        { entryId: 999, judgeId: 7, criterionId: 11, points: 1, comment: '' },
      ],
    }
    expect(() => scoresCsv(bad)).toThrow(/unknown/)
  })
})

describe('file names', () => {
  it('are readable Vietnamese, with the year only when the title lacks it', () => {
    expect(exportFileName('workbook', { title: 'Dân vận khéo', year: 2025 })).toBe(
      'Kết quả – Dân vận khéo 2025.xlsx',
    )
    expect(exportFileName('results', data.contest)).toBe(
      'Kết quả – Bình xét mô hình Dân vận khéo năm 2025.csv',
    )
    expect(exportFileName('scores', data.contest)).toBe(
      'Điểm chấm – Bình xét mô hình Dân vận khéo năm 2025.csv',
    )
    expect(exportFileName('entries', data.contest, undefined, 'en')).toBe(
      'Entries – Bình xét mô hình Dân vận khéo năm 2025.csv',
    )
    expect(exportFileName('certificates', data.contest)).toBe(
      'Tập giấy chứng nhận – Bình xét mô hình Dân vận khéo năm 2025.pdf',
    )
  })

  it('drop characters that file systems refuse and stay short', () => {
    const name = exportFileName(
      'certificate',
      { title: 'Dân vận khéo', year: 2025 },
      'Mô hình "A/B": nhà <văn> hóa?*|\\',
    )
    expect(name).toBe('Giấy chứng nhận – Mô hình A B nhà văn hóa – Dân vận khéo 2025.pdf')
    expect(name).not.toMatch(/[/\\:*?"<>|]/)
    const long = exportFileName('certificate', data.contest, LONG_TITLE)
    expect([...long].length).toBeLessThanOrEqual(124)
    expect(long.endsWith('.pdf')).toBe(true)
    expect(long).not.toMatch(/[\s–-]\.pdf$/)
  })

  it('go into Content-Disposition with an ASCII fallback and the exact UTF-8 name', () => {
    expect(contentDisposition('Kết quả – Dân vận khéo 2025.xlsx')).toBe(
      `attachment; filename="Ket qua - Dan van kheo 2025.xlsx"; filename*=UTF-8''K%E1%BA%BFt%20qu%E1%BA%A3%20%E2%80%93%20D%C3%A2n%20v%E1%BA%ADn%20kh%C3%A9o%202025.xlsx`,
    )
    const header = contentDisposition("Giấy chứng nhận – Đường Thượng (Lũng Hồ) 'ưu'.pdf", 'inline')
    expect(header).toMatch(
      /^inline; filename="Giay chung nhan - Duong Thuong \(Lung Ho\) 'uu'\.pdf"; /,
    )
    const encoded = /filename\*=UTF-8''(.+)$/.exec(header)![1]!
    expect(encoded).toMatch(/^[A-Za-z0-9%._~!-]+$/)
    expect(decodeURIComponent(encoded)).toBe("Giấy chứng nhận – Đường Thượng (Lũng Hồ) 'ưu'.pdf")
    expect(contentDisposition('a"b\\c“d”.csv')).toContain('filename="a_b_c_d_.csv"')
  })
})
