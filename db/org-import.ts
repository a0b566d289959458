import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { sql } from 'kysely'
import type { Executor, Tx } from './index'
import { rebuildCatalog } from './repos/catalog'

/**
 * Imports Vietnam's administrative units (province → district → commune) into org_units.
 *
 * The whole import runs in one transaction: existing rows are read once and mapped by code in
 * memory, new rows go in with multi-row INSERTs, changed rows with one batched UPDATE … FROM (VALUES …)
 * per few hundred rows, and unchanged rows are not touched (their updated_at stays as it was).
 * Rows are matched on (kind, code), the table's unique key, so running it again changes nothing.
 *
 * The import owns name, admin_type and parent of every row it knows, and valid_to of districts
 * (abolished on 1 July 2025). It never clears validity or merge links an organiser set on a
 * province or commune, and it never deletes a unit missing from the file.
 */

export const DEFAULT_ADMIN_UNITS_CSV = fileURLToPath(
  new URL('./data/vn-admin-units-2025-03-01.csv', import.meta.url),
)

/** Last day districts existed: the district level was abolished on 1 July 2025. */
export const DISTRICTS_VALID_TO = '2025-06-30'

const COLUMNS = [
  'province_code',
  'province_name',
  'province_type',
  'district_code',
  'district_name',
  'district_type',
  'commune_code',
  'commune_name',
  'commune_type',
] as const
type Column = (typeof COLUMNS)[number]
export type AdminUnitRow = Record<Column, string> & { line: number }

export interface ImportAdminUnitsOptions {
  /** Defaults to db/data/vn-admin-units-2025-03-01.csv. */
  csvPath?: string
  /** Import one province only, by code ("02" or "2"). */
  province?: string
  now?: Date
}

export interface ImportAdminUnitsResult {
  /** Units of each kind in the (filtered) file. */
  provinces: number
  districts: number
  communes: number
  /** What happened to those rows in the database. */
  inserted: number
  updated: number
  unchanged: number
}

/**
 * RFC 4180 CSV: quoted fields with doubled quotes, commas and newlines inside quotes, CRLF or LF,
 * optional UTF-8 BOM. Returns records with their 1-based starting line. Blank lines are skipped.
 */
export function parseCsv(text: string): { line: number; fields: string[] }[] {
  const records: { line: number; fields: string[] }[] = []
  let fields: string[] = []
  let field = ''
  let line = 1
  let recordLine = 1
  let quoted = false
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0
  const n = text.length
  const endRecord = () => {
    fields.push(field)
    if (fields.length > 1 || fields[0] !== '') records.push({ line: recordLine, fields })
    fields = []
    field = ''
  }
  while (i < n) {
    const c = text[i]!
    if (quoted) {
      if (c === '"') {
        if (text[i + 1] === '"') {
          field += '"'
          i += 2
          continue
        }
        quoted = false
      } else {
        if (c === '\n') line++
        field += c
      }
      i++
      continue
    }
    if (c === '"' && field === '') {
      quoted = true
    } else if (c === ',') {
      fields.push(field)
      field = ''
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++
      endRecord()
      line++
      recordLine = line
    } else {
      field += c
    }
    i++
  }
  if (quoted) throw new Error(`CSV: unterminated quoted field starting on line ${recordLine}`)
  if (field !== '' || fields.length > 0) endRecord()
  return records
}

/** Reads and validates the admin-units CSV (columns by header name, values trimmed and NFC-normalised). */
export function readAdminUnits(csvPath: string = DEFAULT_ADMIN_UNITS_CSV): AdminUnitRow[] {
  const records = parseCsv(readFileSync(csvPath, 'utf8'))
  const header = records.shift()
  if (!header) throw new Error(`${csvPath}: empty file`)
  const names = header.fields.map((h) => h.trim().toLowerCase())
  const index = new Map<Column, number>()
  for (const col of COLUMNS) {
    const at = names.indexOf(col)
    if (at < 0) throw new Error(`${csvPath}: missing column "${col}"`)
    index.set(col, at)
  }
  return records.map(({ line, fields }) => {
    const row = { line } as AdminUnitRow
    for (const col of COLUMNS) {
      const value = (fields[index.get(col)!] ?? '').trim().normalize('NFC')
      if (!value) throw new Error(`${csvPath}:${line}: empty ${col}`)
      row[col] = value
    }
    return row
  })
}

/** "2" → "02": province codes are two digits. */
export function normaliseProvinceCode(code: string) {
  const c = code.trim()
  return /^\d$/.test(c) ? `0${c}` : c
}

type Kind = 'province' | 'district' | 'commune'

interface Desired {
  code: string
  name: string
  admin_type: string
  parentCode: string | null
  line: number
}

interface Existing {
  id: number
  code: string | null
  name: string
  admin_type: string | null
  parent_id: number | null
  valid_to: string | null
}

const INSERT_BATCH = 400
const UPDATE_BATCH = 400

export async function importAdminUnits(
  db: Executor,
  opts: ImportAdminUnitsOptions = {},
): Promise<ImportAdminUnitsResult> {
  let rows = readAdminUnits(opts.csvPath)
  if (opts.province !== undefined) {
    const code = normaliseProvinceCode(opts.province)
    rows = rows.filter((r) => r.province_code === code)
    if (rows.length === 0) throw new Error(`No province with code "${code}" in the file`)
  }
  const levels = collectLevels(rows)
  const now = (opts.now ?? new Date()).toISOString()
  const run = async (tx: Tx) => {
    const result = await upsertLevels(tx, levels, now)
    // Renamed places: the public catalog searches and shows place names, so rebuild it in step.
    if (result.updated > 0) await rebuildCatalog(tx)
    return result
  }
  return db.isTransaction ? run(db as Tx) : db.transaction().execute(run)
}

function collectLevels(rows: AdminUnitRow[]): Record<Kind, Map<string, Desired>> {
  const levels: Record<Kind, Map<string, Desired>> = {
    province: new Map(),
    district: new Map(),
    commune: new Map(),
  }
  const add = (kind: Kind, d: Desired) => {
    const seen = levels[kind].get(d.code)
    if (!seen) return void levels[kind].set(d.code, d)
    if (
      seen.name !== d.name ||
      seen.admin_type !== d.admin_type ||
      seen.parentCode !== d.parentCode
    ) {
      throw new Error(
        `Line ${d.line}: ${kind} ${d.code} ("${d.name}", ${d.admin_type}, parent ${d.parentCode ?? '-'}) ` +
          `contradicts line ${seen.line} ("${seen.name}", ${seen.admin_type}, parent ${seen.parentCode ?? '-'})`,
      )
    }
  }
  for (const r of rows) {
    add('province', {
      code: r.province_code,
      name: r.province_name,
      admin_type: r.province_type,
      parentCode: null,
      line: r.line,
    })
    add('district', {
      code: r.district_code,
      name: r.district_name,
      admin_type: r.district_type,
      parentCode: r.province_code,
      line: r.line,
    })
    add('commune', {
      code: r.commune_code,
      name: r.commune_name,
      admin_type: r.commune_type,
      parentCode: r.district_code,
      line: r.line,
    })
  }
  return levels
}

async function upsertLevels(
  tx: Tx,
  levels: Record<Kind, Map<string, Desired>>,
  now: string,
): Promise<ImportAdminUnitsResult> {
  const result: ImportAdminUnitsResult = {
    provinces: levels.province.size,
    districts: levels.district.size,
    communes: levels.commune.size,
    inserted: 0,
    updated: 0,
    unchanged: 0,
  }
  /** code → id of the level above, filled as each level is written. */
  let parentIds = new Map<string, number>()
  for (const kind of ['province', 'district', 'commune'] as const) {
    const wanted = levels[kind]
    const existing = await tx
      .selectFrom('org_units')
      .select(['id', 'code', 'name', 'admin_type', 'parent_id', 'valid_to'])
      .where('kind', '=', kind)
      .where('code', 'is not', null)
      .execute()
    const byCode = new Map<string, Existing>(existing.map((e) => [e.code!, e]))
    const ids = new Map<string, number>()
    const inserts: {
      kind: Kind
      code: string
      name: string
      admin_type: string
      parent_id: number | null
      valid_to: string | null
    }[] = []
    const updates: {
      id: number
      name: string
      admin_type: string
      parent_id: number | null
      valid_to: string | null
    }[] = []

    for (const d of wanted.values()) {
      let parentId: number | null = null
      if (d.parentCode !== null) {
        parentId = parentIds.get(d.parentCode) ?? null
        if (parentId === null) throw new Error(`Line ${d.line}: parent ${d.parentCode} not found`)
      }
      const current = byCode.get(d.code)
      if (!current) {
        inserts.push({
          kind,
          code: d.code,
          name: d.name,
          admin_type: d.admin_type,
          parent_id: parentId,
          valid_to: kind === 'district' ? DISTRICTS_VALID_TO : null,
        })
        continue
      }
      ids.set(d.code, current.id)
      const validTo = kind === 'district' ? DISTRICTS_VALID_TO : current.valid_to
      if (
        current.name === d.name &&
        current.admin_type === d.admin_type &&
        current.parent_id === parentId &&
        current.valid_to === validTo
      ) {
        result.unchanged++
      } else {
        updates.push({
          id: current.id,
          name: d.name,
          admin_type: d.admin_type,
          parent_id: parentId,
          valid_to: validTo,
        })
      }
    }

    for (let i = 0; i < inserts.length; i += INSERT_BATCH) {
      const batch = inserts.slice(i, i + INSERT_BATCH).map((r) => ({
        ...r,
        unit_type: null,
        valid_from: null,
        merged_into_id: null,
        created_at: now,
        updated_at: now,
      }))
      const created = await tx
        .insertInto('org_units')
        .values(batch)
        .returning(['id', 'code'])
        .execute()
      for (const c of created) ids.set(c.code!, c.id)
    }
    result.inserted += inserts.length

    for (let i = 0; i < updates.length; i += UPDATE_BATCH) {
      const values = updates
        .slice(i, i + UPDATE_BATCH)
        .map((u) => sql`(${u.id}, ${u.name}, ${u.admin_type}, ${u.parent_id}, ${u.valid_to})`)
      await sql`
        WITH v(id, name, admin_type, parent_id, valid_to) AS (VALUES ${sql.join(values)})
        UPDATE org_units
        SET name = v.name, admin_type = v.admin_type, parent_id = v.parent_id,
            valid_to = v.valid_to, updated_at = ${now}
        FROM v WHERE org_units.id = v.id`.execute(tx)
    }
    result.updated += updates.length
    parentIds = ids
  }
  return result
}
