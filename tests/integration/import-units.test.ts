import { reindexModel, searchCatalog } from '~/catalog/catalog.server'
import { parseCatalogParams } from '~/catalog/params'
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { getDb } from '#db/index'
import {
  DEFAULT_ADMIN_UNITS_CSV,
  DISTRICTS_VALID_TO,
  importAdminUnits,
  parseCsv,
} from '#db/org-import'

/** Counts straight from the file with a naive split (the file has no quoted fields). */
const lines = readFileSync(DEFAULT_ADMIN_UNITS_CSV, 'utf8')
  .split(/\r?\n/)
  .filter((l) => l.trim() !== '')
const header = lines[0]!
const rows = lines.slice(1).map((l) => l.split(','))
function countsFor(filter: (r: string[]) => boolean) {
  const picked = rows.filter(filter)
  return {
    provinces: new Set(picked.map((r) => r[0])).size,
    districts: new Set(picked.map((r) => r[3])).size,
    communes: new Set(picked.map((r) => r[6])).size,
  }
}
const whole = countsFor(() => true)
const haGiang = countsFor((r) => r[0] === '02')

async function countByKind() {
  const rows = await getDb()
    .selectFrom('org_units')
    .select(['kind', (eb) => eb.fn.countAll<number>().as('n')])
    .groupBy('kind')
    .execute()
  return Object.fromEntries(rows.map((r) => [r.kind, Number(r.n)])) as Record<string, number>
}

function tempCsv(text: string) {
  const path = join(mkdtempSync(join(tmpdir(), 'dvk-csv-')), 'units.csv')
  writeFileSync(path, text)
  return path
}

describe('parseCsv', () => {
  it('handles BOM, CRLF, quoted fields with commas, quotes and newlines, and blank lines', () => {
    const text = '\ufeffa,b,c\r\n1,"x, y","say ""hi"""\r\n\r\n2,"two\nlines",\n3,z,last'
    expect(parseCsv(text)).toEqual([
      { line: 1, fields: ['a', 'b', 'c'] },
      { line: 2, fields: ['1', 'x, y', 'say "hi"'] },
      { line: 4, fields: ['2', 'two\nlines', ''] },
      { line: 6, fields: ['3', 'z', 'last'] },
    ])
  })

  it('refuses an unterminated quote', () => {
    expect(() => parseCsv('a,"b\n')).toThrow(/unterminated/)
  })
})

describe('importAdminUnits', () => {
  it('the file has the expected national totals', () => {
    // 63 provinces and 10,047 communes as announced; the file has 691 distinct district codes.
    expect(whole.provinces).toBe(63)
    expect(whole.communes).toBe(10047)
    expect(whole.districts).toBe(691)
    expect(haGiang).toEqual({ provinces: 1, districts: 11, communes: 193 })
  })

  it('imports one province with --province', async () => {
    const r = await importAdminUnits(getDb(), { province: '2' })
    expect(r).toEqual({
      ...haGiang,
      inserted: haGiang.provinces + haGiang.districts + haGiang.communes,
      updated: 0,
      unchanged: 0,
    })
    expect(await countByKind()).toEqual({
      province: haGiang.provinces,
      district: haGiang.districts,
      commune: haGiang.communes,
    })
  })

  it('refuses an unknown province code', async () => {
    await expect(importAdminUnits(getDb(), { province: '99' })).rejects.toThrow(/99/)
  })

  it('imports the whole country, keeping what the province import wrote', async () => {
    const before = await getDb()
      .selectFrom('org_units')
      .select(['id', 'updated_at'])
      .where('code', '=', '02')
      .executeTakeFirstOrThrow()
    const started = performance.now()
    const r = await importAdminUnits(getDb(), { now: new Date('2030-01-01T00:00:00Z') })
    const ms = performance.now() - started
    const total = whole.provinces + whole.districts + whole.communes
    const haGiangTotal = haGiang.provinces + haGiang.districts + haGiang.communes
    expect(r).toEqual({
      ...whole,
      inserted: total - haGiangTotal,
      updated: 0,
      unchanged: haGiangTotal,
    })
    expect(ms).toBeLessThan(5000)
    expect(await countByKind()).toEqual({ province: 63, district: 691, commune: 10047 })
    const after = await getDb()
      .selectFrom('org_units')
      .select(['id', 'updated_at'])
      .where('code', '=', '02')
      .executeTakeFirstOrThrow()
    expect(after).toEqual(before)
  })

  it('a second run changes nothing', async () => {
    const snapshot = () => getDb().selectFrom('org_units').selectAll().orderBy('id').execute()
    const before = await snapshot()
    const r = await importAdminUnits(getDb())
    expect(r.inserted).toBe(0)
    expect(r.updated).toBe(0)
    expect(r.unchanged).toBe(before.length)
    expect(await snapshot()).toEqual(before)
  })

  it('links a known commune to its district and province, and marks districts historical', async () => {
    const db = getDb()
    const commune = await db
      .selectFrom('org_units')
      .selectAll()
      .where('kind', '=', 'commune')
      .where('code', '=', '00847')
      .executeTakeFirstOrThrow()
    expect(commune).toMatchObject({ name: 'Xã Mậu Duệ', admin_type: 'Xã', unit_type: null })
    expect(commune.valid_to).toBeNull()
    const district = await db
      .selectFrom('org_units')
      .selectAll()
      .where('id', '=', commune.parent_id!)
      .executeTakeFirstOrThrow()
    expect(district).toMatchObject({
      kind: 'district',
      code: '028',
      name: 'Huyện Yên Minh',
      admin_type: 'Huyện',
      valid_to: DISTRICTS_VALID_TO,
    })
    const province = await db
      .selectFrom('org_units')
      .selectAll()
      .where('id', '=', district.parent_id!)
      .executeTakeFirstOrThrow()
    expect(province).toMatchObject({
      kind: 'province',
      code: '02',
      name: 'Tỉnh Hà Giang',
      admin_type: 'Tỉnh',
      parent_id: null,
      valid_from: null,
      valid_to: null,
    })
    // Every commune's parent is a district, every district's a province.
    const orphans = await db
      .selectFrom('org_units as c')
      .leftJoin('org_units as p', 'p.id', 'c.parent_id')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where((eb) =>
        eb.or([
          eb.and([eb('c.kind', '=', 'commune'), eb('p.kind', 'is not', 'district')]),
          eb.and([eb('c.kind', '=', 'district'), eb('p.kind', 'is not', 'province')]),
        ]),
      )
      .executeTakeFirstOrThrow()
    expect(Number(orphans.n)).toBe(0)
  })

  it('updates a renamed and a moved commune from a modified file, and only those', async () => {
    const db = getDb()
    // Rename Xã Mậu Duệ (00847) and move Xã Du Già (00871) to Huyện Đồng Văn (027).
    const dongVan = rows.find((r) => r[3] === '027')!
    const modified = [
      header,
      ...rows.map((r) => {
        const f = [...r]
        if (f[6] === '00847') f[7] = 'Xã Mậu Duệ Mới'
        if (f[6] === '00871') [f[3], f[4], f[5]] = [dongVan[3]!, dongVan[4]!, dongVan[5]!]
        return f.join(',')
      }),
    ].join('\n')
    const untouched = await db
      .selectFrom('org_units')
      .select(['updated_at'])
      .where('kind', '=', 'commune')
      .where('code', '=', '00850')
      .executeTakeFirstOrThrow()
    // A published model in Mậu Duệ, in the public catalog under the old name.
    const mauDueId = (
      await db
        .selectFrom('org_units')
        .select('id')
        .where('kind', '=', 'commune')
        .where('code', '=', '00847')
        .executeTakeFirstOrThrow()
    ).id
    const stamp = '2030-01-01T00:00:00.000Z'
    const unit = await db
      .insertInto('org_units')
      .values({
        kind: 'unit',
        name: 'Chi bộ thôn Khâu Rịa',
        parent_id: mauDueId,
        unit_type: 'party_cell',
        created_at: stamp,
        updated_at: stamp,
      })
      .returning('id')
      .executeTakeFirstOrThrow()
    const model = await db
      .insertInto('models')
      .values({
        slug: 'mo-hinh-mau-due',
        unit_id: unit.id,
        title: 'Nuôi ong lấy mật',
        kind: 'model',
        field: 'economy',
        published_at: stamp,
        created_at: stamp,
        updated_at: stamp,
      })
      .returning('id')
      .executeTakeFirstOrThrow()
    await db
      .insertInto('model_communes')
      .values({ model_id: model.id, commune_id: mauDueId })
      .execute()
    await reindexModel(model.id, db)
    const search = async (q: string) =>
      (await searchCatalog(parseCatalogParams(new URLSearchParams({ q })))).results.map(
        (m) => m.slug,
      )
    expect(await search('mau due moi')).toEqual([])

    const now = new Date('2031-05-05T05:05:05.000Z')
    const r = await importAdminUnits(db, { csvPath: tempCsv(modified), now })
    // The catalog follows the rename in the same transaction.
    expect(await search('mau due moi')).toEqual(['mo-hinh-mau-due'])
    expect(r).toMatchObject({ inserted: 0, updated: 2, unchanged: 63 + 691 + 10047 - 2 })

    const mauDue = await db
      .selectFrom('org_units')
      .selectAll()
      .where('kind', '=', 'commune')
      .where('code', '=', '00847')
      .executeTakeFirstOrThrow()
    expect(mauDue.name).toBe('Xã Mậu Duệ Mới')
    expect(mauDue.updated_at).toBe(now.toISOString())

    const duGia = await db
      .selectFrom('org_units as c')
      .innerJoin('org_units as d', 'd.id', 'c.parent_id')
      .select(['c.name', 'd.code as districtCode', 'c.updated_at'])
      .where('c.kind', '=', 'commune')
      .where('c.code', '=', '00871')
      .executeTakeFirstOrThrow()
    expect(duGia).toEqual({
      name: 'Xã Du Già',
      districtCode: '027',
      updated_at: now.toISOString(),
    })
    expect(
      await db
        .selectFrom('org_units')
        .select(['updated_at'])
        .where('kind', '=', 'commune')
        .where('code', '=', '00850')
        .executeTakeFirstOrThrow(),
    ).toEqual(untouched)
  })

  it('keeps validity an organiser set on a commune', async () => {
    const db = getDb()
    await db
      .updateTable('org_units')
      .set({ valid_to: '2025-06-30' })
      .where('kind', '=', 'commune')
      .where('code', '=', '00850')
      .execute()
    const r = await importAdminUnits(db, { province: '02' })
    // The original file renames Mậu Duệ back and moves Du Già back: 2 updates, nothing else.
    expect(r.updated).toBe(2)
    const dongMinh = await db
      .selectFrom('org_units')
      .select(['valid_to'])
      .where('kind', '=', 'commune')
      .where('code', '=', '00850')
      .executeTakeFirstOrThrow()
    expect(dongMinh.valid_to).toBe('2025-06-30')
  })

  it('rejects contradictory rows with the line number', async () => {
    const bad = [
      header,
      rows[0]!.join(','),
      rows[1]!.map((f, i) => (i === 4 ? 'Quận Khác' : f)).join(','),
    ]
    await expect(importAdminUnits(getDb(), { csvPath: tempCsv(bad.join('\n')) })).rejects.toThrow(
      /Line 3: district/,
    )
  })
})
