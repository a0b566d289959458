/**
 * npm run bench:data -- [1000|10000|100000] [--out path]
 *
 * Fills a SEPARATE database (default data/bench-catalog-<size>.sqlite, rebuilt from scratch) for
 * the catalog benchmark: the country's administrative units (db/org-import.ts), units across
 * the communes, `size` published models with Vietnamese titles composed from word lists (so a
 * search hits some but not all), fields, kinds, ethnic groups, years 2015–2026, awards for about
 * a third, indicators, and 3 × size replications (a few models replicated very widely); then
 * the catalog index (rebuildCatalog). Rows go in through prepared statements in big transactions.
 */
import { existsSync, rmSync } from 'node:fs'
import { pathToFileURL } from 'node:url'
import { sql } from 'kysely'
import { createDb } from '../../db/index'
import { migrateToLatest } from '../../db/migrator'
import { importAdminUnits } from '../../db/org-import'
import { rebuildCatalog } from '../../db/repos/catalog'
import { ENTRY_KINDS, FIELDS, REPLICATION_STATUSES, UNIT_TYPES } from '../../db/domain'
import { openSqlite } from '../../db/sqlite'
import { Rng } from '../../db/seed/random'

export const SIZES = [1000, 10_000, 100_000] as const

export function benchPath(size: number) {
  return `data/bench-catalog-${size}.sqlite`
}

const YEARS = Array.from({ length: 12 }, (_, i) => 2015 + i)
const TIERS = ['Xuất sắc', 'Tiêu biểu', 'Công nhận']
const ETHNIC = [
  'Kinh',
  'Tày',
  'Thái',
  'Mường',
  'Khmer',
  'Mông',
  'Nùng',
  'Dao',
  'Gia Rai',
  'Ê Đê',
  'Ba Na',
  'Sán Chay',
  'Chăm',
  'Xơ Đăng',
  'Sán Dìu',
  'Hrê',
  'Cơ Ho',
  'Ra Glai',
  'Giáy',
  'Hà Nhì',
]
const OPENINGS = [
  'Dân vận khéo trong',
  'Mô hình',
  'Tổ tự quản',
  'Câu lạc bộ',
  'Nhóm hộ liên kết',
  'Tổ hòa giải',
  'Phong trào',
  'Đội thanh niên tình nguyện',
  'Chi hội phụ nữ',
  'Tổ an ninh tự quản',
  'Cụm dân cư',
  'Dòng họ',
]
const TOPICS = [
  'làm đường giao thông nông thôn',
  'xóa nhà tạm, nhà dột nát',
  'phát triển chăn nuôi bò sinh sản',
  'bảo vệ rừng đầu nguồn',
  'giữ gìn bản sắc văn hóa dân tộc',
  'thắp sáng đường quê',
  'xây dựng nông thôn mới',
  'phòng chống ma túy',
  'vận động con em đến trường',
  'trồng chè shan tuyết',
  'chuyển đổi số ở thôn bản',
  'bảo vệ đường biên, cột mốc',
  'thu gom rác thải sinh hoạt',
  'hiến đất mở rộng đường liên thôn',
  'tiết kiệm tín dụng',
  'hỗ trợ người cao tuổi',
  'nước sạch cho bà con',
  'giảm nghèo bền vững',
  'phát triển du lịch cộng đồng',
  'xây dựng gia đình văn hóa',
]
const CLOSINGS = [
  '',
  '',
  'ở vùng cao',
  'của đồng bào dân tộc thiểu số',
  'gắn với cải cách hành chính',
  'vì an sinh xã hội',
  'theo phương châm "dân biết, dân bàn, dân làm"',
  'ở khu dân cư',
]
const SUMMARY = [
  'Vận động nhân dân đồng thuận, tự nguyện đóng góp ngày công và vật liệu.',
  'Cấp ủy, chính quyền và các đoàn thể cùng vào cuộc, phân công rõ người rõ việc.',
  'Người có uy tín trong thôn bản làm nòng cốt tuyên truyền bằng tiếng dân tộc.',
  'Kết quả được nhân dân ghi nhận, đời sống vật chất và tinh thần được nâng lên.',
  'Mô hình được duy trì thường xuyên và nhân rộng ra các thôn lân cận.',
  'Bê tông hóa đường ngõ xóm, lắp đèn chiếu sáng, trồng hoa hai bên đường.',
  'Hỗ trợ hộ nghèo vay vốn, chuyển giao kỹ thuật chăn nuôi, trồng trọt.',
  'Xây dựng hương ước, quy ước và tổ chức ký cam kết đến từng hộ gia đình.',
]
const METHOD = [
  'Họp dân công khai, lấy ý kiến từng hộ trước khi triển khai.',
  'Đảng viên, cán bộ gương mẫu đi đầu, nói đi đôi với làm.',
  'Thành lập tổ giám sát cộng đồng, công khai thu chi hằng tháng.',
  'Phối hợp với đồn biên phòng, công an xã trong tuyên truyền, vận động.',
  'Lồng ghép các chương trình mục tiêu quốc gia và nguồn xã hội hóa.',
  'Sơ kết, khen thưởng kịp thời các hộ, cá nhân tiêu biểu.',
]
const UNIT_NAMES: Record<(typeof UNIT_TYPES)[number], string> = {
  party_cell: 'Chi bộ thôn',
  party_committee: 'Đảng ủy',
  government: 'Ủy ban nhân dân',
  front: 'Ủy ban Mặt trận Tổ quốc',
  mass_org: 'Hội Liên hiệp Phụ nữ',
  police: 'Công an',
  military: 'Ban Chỉ huy Quân sự',
  border_guard: 'Đồn Biên phòng',
  commune_unit: 'Hợp tác xã',
}

function sentence(rng: Rng, list: string[], n: number) {
  return rng.sample(list, n).join(' ')
}

export async function generateCatalogData(size: number, path = benchPath(size), log = console.log) {
  const started = performance.now()
  for (const suffix of ['', '-wal', '-shm']) {
    if (existsSync(path + suffix)) rmSync(path + suffix)
  }
  const db = createDb(path)
  await migrateToLatest(db)
  await importAdminUnits(db)
  await db.destroy()
  log(`  ${size}: schema and administrative units in ${Math.round(performance.now() - started)} ms`)

  const raw = openSqlite(path)
  const rng = new Rng(size)
  const now = '2026-11-01T00:00:00.000Z'
  const communes = raw
    .prepare("SELECT id, name FROM org_units WHERE kind = 'commune' ORDER BY id")
    .all() as { id: number; name: string }[]
  const firstDistrict = raw
    .prepare("SELECT id FROM org_units WHERE kind = 'district' LIMIT 1")
    .get() as {
    id: number
  }

  const insertUnit = raw.prepare(
    `INSERT INTO org_units (kind, name, unit_type, parent_id, created_at, updated_at)
     VALUES ('unit', ?, ?, ?, ?, ?)`,
  )
  const insertContest = raw.prepare(
    `INSERT INTO contests (title, year, level, organiser_org_unit_id, status, registration_opens_on,
       nomination_opens_on, nomination_deadline, screening_ends_on, judging_opens_on, judging_closes_at,
       results_on, allowed_fields, allowed_kinds, finalised_at, published_at, decision_number,
       decision_date, created_at, updated_at)
     VALUES (?, ?, 'province', ?, 'published', ?, ?, ?, ?, ?, ?, ?, '[]', '[]', ?, ?, ?, ?, ?, ?)`,
  )
  const insertTier = raw.prepare(
    'INSERT INTO award_tiers (contest_id, position, name, min_score) VALUES (?, ?, ?, ?)',
  )
  const insertModel = raw.prepare(
    `INSERT INTO models (slug, unit_id, title, kind, field, start_date, summary, context, objectives,
       method, forces, resources_vnd, residents_involved, ethnic_groups, sustainability,
       replication_conditions, replication_steps, replication_cost_vnd, contact_name, published_at,
       created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  )
  const insertModelCommune = raw.prepare(
    'INSERT OR IGNORE INTO model_communes (model_id, commune_id) VALUES (?, ?)',
  )
  const insertIndicator = raw.prepare(
    `INSERT INTO indicators (model_id, position, label, value, unit, period) VALUES (?, ?, ?, ?, ?, ?)`,
  )
  const insertEntry = raw.prepare(
    `INSERT INTO entries (contest_id, model_id, unit_id, state, title, kind, field, snapshot, version,
       submitted_at, created_at, updated_at)
     VALUES (?, ?, ?, 'published', ?, ?, ?, '{}', 1, ?, ?, ?)`,
  )
  const insertAward = raw.prepare(
    `INSERT INTO awards (entry_id, model_id, contest_id, tier_id, score, rank, created_at)
     VALUES (?, ?, ?, ?, ?, ?, ?)`,
  )
  const insertReplication = raw.prepare(
    `INSERT INTO replications (source_model_id, commune_id, start_date, status, adaptations, stop_reason,
       created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  )

  const units: { id: number; communeId: number; type: string }[] = []
  const contests = new Map<number, { id: number; tiers: number[] }>()
  raw.transaction(() => {
    const organiser = Number(
      insertUnit.run('Ban Dân vận Tỉnh ủy', 'party_committee', firstDistrict.id, now, now)
        .lastInsertRowid,
    )
    for (const year of YEARS) {
      const id = Number(
        insertContest.run(
          `Bình xét "Dân vận khéo" năm ${year}`,
          year,
          organiser,
          `${year}-01-10`,
          `${year}-06-01`,
          `${year}-09-30T16:59:59.000Z`,
          `${year}-10-10`,
          `${year}-10-11`,
          `${year}-11-30T16:59:59.000Z`,
          `${year}-12-10`,
          `${year}-12-10T03:00:00.000Z`,
          `${year}-12-12T03:00:00.000Z`,
          `${year}-QĐ/TU`,
          `${year}-12-12`,
          now,
          now,
        ).lastInsertRowid,
      )
      const tiers = TIERS.map((name, i) =>
        Number(insertTier.run(id, i + 1, name, 90 - i * 10).lastInsertRowid),
      )
      contests.set(year, { id, tiers })
    }
    const unitCount = Math.max(200, Math.round(size / 5))
    for (let i = 0; i < unitCount; i++) {
      const commune = rng.pick(communes)
      const type = rng.pick(UNIT_TYPES)
      const name = `${UNIT_NAMES[type]} ${commune.name.replace(/^(Xã|Phường|Thị trấn) /, '')}`
      const id = Number(insertUnit.run(name, type, commune.id, now, now).lastInsertRowid)
      units.push({ id, communeId: commune.id, type })
    }
  })()

  const modelIds: number[] = []
  const BATCH = 10_000
  for (let done = 0; done < size; done += BATCH) {
    raw.transaction(() => {
      for (let i = done; i < Math.min(size, done + BATCH); i++) {
        const unit = rng.pick(units)
        const title = [rng.pick(OPENINGS), rng.pick(TOPICS), rng.pick(CLOSINGS)]
          .filter(Boolean)
          .join(' ')
        const year = rng.pick(YEARS)
        const published = `${year}-12-${String(rng.int(12, 28)).padStart(2, '0')}T0${rng.int(1, 9)}:00:00.000Z`
        const field = rng.pick(FIELDS)
        const kind = rng.chance(0.8) ? 'model' : rng.pick(ENTRY_KINDS)
        const ethnic = rng.sample(ETHNIC, rng.int(1, 3))
        const id = Number(
          insertModel.run(
            `mo-hinh-${i + 1}`,
            unit.id,
            title,
            kind,
            field,
            `${year - 1}-0${rng.int(1, 9)}-01`,
            sentence(rng, SUMMARY, 3),
            sentence(rng, SUMMARY, 2),
            sentence(rng, SUMMARY, 1),
            sentence(rng, METHOD, 3),
            sentence(rng, METHOD, 1),
            rng.int(10, 900) * 1_000_000,
            rng.int(20, 3000),
            JSON.stringify(ethnic),
            sentence(rng, SUMMARY, 1),
            sentence(rng, METHOD, 1),
            sentence(rng, METHOD, 2),
            rng.int(5, 300) * 1_000_000,
            'Cán bộ phụ trách',
            published,
            published,
            published,
          ).lastInsertRowid,
        )
        modelIds.push(id)
        insertModelCommune.run(id, unit.communeId)
        if (rng.chance(0.2)) insertModelCommune.run(id, rng.pick(communes).id)
        for (let k = 1; k <= rng.int(2, 4); k++) {
          insertIndicator.run(id, k, `Chỉ tiêu ${k}`, String(rng.int(1, 5000)), 'hộ', `Năm ${year}`)
        }
        if (rng.chance(0.35)) {
          for (const awardYear of [year, ...(rng.chance(0.2) && year < 2026 ? [year + 1] : [])]) {
            const contest = contests.get(awardYear)!
            const entry = Number(
              insertEntry.run(
                contest.id,
                id,
                unit.id,
                title,
                kind,
                field,
                published,
                published,
                published,
              ).lastInsertRowid,
            )
            const tier = rng.int(0, 2)
            const score = Math.round((90 - tier * 10 + rng.range(0, 9.9)) * 100) / 100
            insertAward.run(
              entry,
              id,
              contest.id,
              contest.tiers[tier],
              score,
              rng.int(1, 50),
              published,
            )
          }
        }
      }
    })()
  }

  // Replications: 3 per model on average, skewed so a few models are replicated very widely.
  const seen = new Set<string>()
  const target = size * 3
  for (let done = 0; done < target;) {
    raw.transaction(() => {
      for (let n = 0; n < BATCH && done < target;) {
        const model = modelIds[Math.floor(modelIds.length * rng.float() ** 3)]!
        const commune = rng.pick(communes).id
        const key = `${model}:${commune}`
        if (seen.has(key)) continue
        seen.add(key)
        const status = rng.pick(REPLICATION_STATUSES)
        insertReplication.run(
          model,
          commune,
          `202${rng.int(0, 6)}-0${rng.int(1, 9)}-15`,
          status,
          'Điều chỉnh cách làm cho phù hợp địa phương.',
          status === 'stopped' ? 'Thiếu kinh phí đối ứng.' : null,
          now,
          now,
        )
        n++
        done++
      }
    })()
  }
  raw.close()
  log(
    `  ${size}: ${size} models, ${target} replications in ${Math.round(performance.now() - started)} ms`,
  )

  const kdb = createDb(path)
  const indexed = await kdb.transaction().execute((tx) => rebuildCatalog(tx))
  await sql`ANALYZE`.execute(kdb)
  await kdb.destroy()
  log(`  ${size}: ${indexed} models indexed; total ${Math.round(performance.now() - started)} ms`)
  return path
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const args = process.argv.slice(2)
  const outAt = args.indexOf('--out')
  const out = outAt >= 0 ? args[outAt + 1] : undefined
  const size = Number(args.find((a) => /^\d+$/.test(a)) ?? 100_000)
  if (!(SIZES as readonly number[]).includes(size)) {
    console.error(`Size must be one of ${SIZES.join(', ')}`)
    process.exit(1)
  }
  console.log(`Generating the catalog benchmark database (${size} models)…`)
  const path = await generateCatalogData(size, out ?? benchPath(size))
  console.log(`Done: ${path}`)
}
