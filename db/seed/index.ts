import { createHash } from 'node:crypto'
import { sql } from 'kysely'
import { hashPassword } from '../../app/auth/password.server'
import { deleteLocalFile, putLocalFile } from '../../app/storage/local.server'
import {
  DEFAULT_CRITERIA,
  DEFAULT_TIERS,
  ENTRY_KINDS,
  FIELDS,
  type EntryKind,
  type EntryState,
  type Field,
} from '../domain'
import type { Db, Tx } from '../index'
import { importAdminUnits } from '../org-import'
import { rebuildCatalog } from '../repos/catalog'
import { seedPhotos, VERSIONS, type SeedPhoto } from './images'
import {
  CURRENT_YEAR,
  MODELS,
  PUBLISHED_YEARS,
  REPLICATIONS,
  type CurrentState,
  type ModelSeed,
} from './models'
import {
  COMMUNES,
  CONTACT_NAMES,
  DEMO_DISTRICT_CODE,
  DEMO_PASSWORD,
  DEMO_PROVINCE_CODE,
  PHONE_PREFIXES,
  UNITS,
  USERS,
  XA_USERNAME,
  type UnitKey,
} from './people'
import { computeResults } from '../../app/results/scoring'
import type { ScoreInput } from '../../app/results/types'
import { Rng } from './random'
import { COMMENTS, CRITERION_TEXT, TIER_NAMES } from './rubric'
import { decimalText, phoneText, slugify } from './text'
import { THEMES, type IndicatorSpec, type Place, type Theme } from './themes'

/**
 * The Yên Minh demo: org tree, units, users, five yearly contests (2021–2024 published,
 * the current one in its judging phase), models with photos and indicators, entries, scores,
 * results, awards and replications. Everything comes from one seeded PRNG, so every run
 * writes the same content; only dates of the current contest follow `now`.
 */

export interface SeedOptions {
  now?: Date
  /** Import the whole country's administrative units, not only Hà Giang. */
  country?: boolean
}

export interface SeedSummary {
  /** Rows per table after seeding. */
  counts: Record<string, number>
  files: number
  ms: number
}

const SEED = 20_250_101
const DAY = 86_400_000
const ORG_CREATED = new Date('2021-01-04T01:30:00.000Z')

/** Every domain table, children before parents (the order the rows can be deleted in). */
export const DOMAIN_TABLES = [
  'audit_log',
  'notifications',
  'awards',
  'results',
  'scores',
  'score_sheets',
  'conflicts',
  'assignments',
  'panel_members',
  'panels',
  'media_variants',
  'media',
  'indicators',
  'replication_reports',
  'replications',
  'entry_communes',
  'entry_versions',
  'entries',
  'model_communes',
  'models',
  'award_tiers',
  'criteria',
  'contests',
  'login_throttle',
  'sessions',
  'user_roles',
  'users',
  'org_units',
] as const

const DECISIONS: Record<number, string> = {
  2021: '98-QĐ/HU',
  2022: '112-QĐ/HU',
  2023: '125-QĐ/HU',
  2024: '141-QĐ/HU',
}
const SIGNER = 'Phó Bí thư Thường trực Huyện ủy'

/** Judges of each year's panel (usernames); the current year's panel has all six. */
const PANELS: Record<number, string[]> = {
  2021: ['giamkhao1', 'giamkhao2', 'giamkhao3', 'giamkhao4'],
  2022: ['giamkhao1', 'giamkhao2', 'giamkhao3', 'giamkhao5'],
  2023: ['giamkhao1', 'giamkhao2', 'giamkhao4', 'giamkhao5', 'giamkhao6'],
  2024: ['giamkhao1', 'giamkhao3', 'giamkhao4', 'giamkhao5', 'giamkhao6'],
  2025: ['giamkhao1', 'giamkhao2', 'giamkhao3', 'giamkhao4', 'giamkhao5', 'giamkhao6'],
}
/** How lenient each judge is (added to an entry's quality). giamkhao5 is the outlier. */
const LENIENCY: Record<string, number> = {
  giamkhao1: 0,
  giamkhao2: -0.045,
  giamkhao3: 0.025,
  giamkhao4: 0.01,
  giamkhao5: 0.06,
  giamkhao6: -0.02,
}
/** How far each judge has got in the current contest: sheets submitted and drafts started. */
const PROGRESS: Record<string, (assigned: number) => { submitted: number; drafts: number }> = {
  giamkhao1: (n) => ({ submitted: Math.ceil(n * 0.6), drafts: 2 }),
  giamkhao2: () => ({ submitted: 3, drafts: 1 }),
  giamkhao3: () => ({ submitted: 0, drafts: 0 }),
  giamkhao4: (n) => ({ submitted: n, drafts: 0 }),
  giamkhao5: (n) => ({ submitted: Math.floor(n / 2), drafts: 1 }),
  giamkhao6: () => ({ submitted: 2, drafts: 1 }),
}
const JUDGE_K = 3

// ── Small helpers ────────────────────────────────────────────────────────────

/** Calendar date in Vietnam (UTC+7) of an instant. */
function vnDate(at: Date) {
  return new Date(at.getTime() + 7 * 3_600_000).toISOString().slice(0, 10)
}
/** The instant of a Vietnam wall-clock time on a calendar date. */
function vnInstant(date: string, hour = 9, minute = 0, second = 0) {
  const [hh, mm, ss] = [hour, minute, second].map((n) => String(n).padStart(2, '0'))
  return new Date(`${date}T${hh}:${mm}:${ss}+07:00`).toISOString()
}
/** A deadline: the last second of that day in Vietnam, as the contest form stores it. */
function vnEndOfDay(date: string) {
  return vnInstant(date, 23, 59, 59)
}
function addDays(date: string, days: number) {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY).toISOString().slice(0, 10)
}
function lowerFirst(s: string) {
  return s.charAt(0).toLowerCase() + s.slice(1)
}
function round(v: number, spec: IndicatorSpec) {
  if (spec.decimals) return Number(v.toFixed(spec.decimals))
  const step = spec.step ?? 1
  return Math.round(v / step) * step
}
function roundTo(v: number, step: number) {
  return Math.round(v / step) * step
}
function mediaKey(owner: string, position: number) {
  return createHash('sha256').update(`dvk-demo:${owner}:${position}`).digest('hex').slice(0, 24)
}
/** The photos as an entry's snapshot lists them (keys are derived from the owner, so known up front). */
function photoRefs(owner: string, photos: { caption: string }[]) {
  return photos.map((p, i) => ({
    storage_key: `media/${mediaKey(owner, i + 1)}.jpg`,
    caption: p.caption,
    position: i + 1,
    is_cover: i === 0,
  }))
}

interface Indicator {
  spec: IndicatorSpec
  value: number
  baseline: number | null
}

interface Photo {
  scene: string
  caption: string
}

interface ModelRow {
  seed: ModelSeed
  theme: Theme
  id: number
  unitId: number
  unitName: string
  communes: { id: number; name: string }[]
  createdBy: number
  createdAt: string
  fields: {
    title: string
    kind: EntryKind
    field: Field
    start_date: string
    summary: string
    context: string
    objectives: string
    method: string
    forces: string
    resources_vnd: number
    resources_workdays: number
    resident_contributions: string
    residents_involved: number
    ethnic_groups: string[]
    sustainability: string
    replication_conditions: string
    replication_steps: string
    replication_cost_vnd: number
    contact_name: string
    contact_phone: string
    contact_email: string
  }
  indicators: Indicator[]
  photos: Photo[]
  /** Contest years entered, ascending (the current year last when entered). */
  years: number[]
}

interface ContestRow {
  id: number
  year: number
  criteria: { id: number; max: number; key: (typeof DEFAULT_CRITERIA)[number]['key'] }[]
  tiers: { id: number; min: number }[]
  publishedAt: string | null
  finalisedAt: string | null
  judgingOpens: string
  deadline: string
  screeningEnds: string
  nominationOpens: string
  periodEnd: string
}

interface EntryRow {
  id: number
  model: ModelRow
  contest: ContestRow
  state: EntryState
  firstSubmittedAt: string | null
  quality: number
}

// ── The seeder ───────────────────────────────────────────────────────────────

class DemoSeeder {
  readonly rng = new Rng(SEED)
  readonly files = new Map<string, Uint8Array>()
  readonly communeIds = new Map<string, { id: number; name: string }>()
  readonly unitIds = new Map<UnitKey, number>()
  readonly userIds = new Map<string, number>()
  readonly unitOfficer = new Map<UnitKey, number>()
  readonly models = new Map<string, ModelRow>()
  readonly contests = new Map<number, ContestRow>()
  readonly entries: EntryRow[] = []
  /** Org units (units or communes) each judge declared a conflict with, by username. */
  readonly conflicts = new Map<string, Set<number>>()
  readonly today: string

  constructor(
    readonly tx: Tx,
    readonly now: Date,
    readonly photos: Map<string, SeedPhoto>,
    readonly passwordHash: string,
  ) {
    this.today = vnDate(now)
  }

  /** An instant `days` from now (negative = past), at a Vietnam office hour. */
  relative(days: number, hour = 9, minute = 0) {
    return vnInstant(vnDate(new Date(this.now.getTime() + days * DAY)), hour, minute)
  }

  relativeDate(days: number) {
    return vnDate(new Date(this.now.getTime() + days * DAY))
  }

  get admin() {
    return this.userIds.get('admin')!
  }

  async run(country: boolean) {
    await importAdminUnits(this.tx, {
      province: country ? undefined : DEMO_PROVINCE_CODE,
      now: ORG_CREATED,
    })
    await this.orgUnits()
    await this.users()
    for (const year of [...PUBLISHED_YEARS, CURRENT_YEAR]) await this.contest(year)
    for (const seed of MODELS) await this.model(seed)
    for (const year of [...PUBLISHED_YEARS, CURRENT_YEAR]) {
      for (const model of this.models.values()) {
        if (model.years.includes(year)) await this.entry(model, year)
      }
    }
    await this.declareConflicts()
    for (const year of PUBLISHED_YEARS) await this.judgePublished(year)
    await this.judgeCurrent()
    for (const r of REPLICATIONS) await this.replication(r)
    await this.notifications()
    // Next year's round, open for nominations now, so units can try the entry form.
    await this.contest(CURRENT_YEAR + 1)
  }

  // ── Org tree, users ──────────────────────────────────────────────────────

  async orgUnits() {
    const district = await this.tx
      .selectFrom('org_units')
      .select('id')
      .where('kind', '=', 'district')
      .where('code', '=', DEMO_DISTRICT_CODE)
      .executeTakeFirstOrThrow()
    const communes = await this.tx
      .selectFrom('org_units')
      .select(['id', 'code', 'name'])
      .where('kind', '=', 'commune')
      .where('parent_id', '=', district.id)
      .execute()
    for (const c of communes) this.communeIds.set(c.code!, { id: c.id, name: c.name })
    for (const code of Object.keys(COMMUNES)) {
      if (!this.communeIds.has(code)) throw new Error(`Commune ${code} missing from the import`)
    }
    const created = ORG_CREATED.toISOString()
    for (const [key, u] of Object.entries(UNITS) as [UnitKey, (typeof UNITS)[UnitKey]][]) {
      const parentId = u.parent === 'district' ? district.id : this.communeIds.get(u.parent)!.id
      const { id } = await this.tx
        .insertInto('org_units')
        .values({
          kind: 'unit',
          code: null,
          name: u.name,
          admin_type: null,
          unit_type: u.type,
          parent_id: parentId,
          valid_from: null,
          valid_to: null,
          merged_into_id: null,
          created_at: created,
          updated_at: created,
        })
        .returning('id')
        .executeTakeFirstOrThrow()
      this.unitIds.set(key, id)
    }
  }

  async users() {
    const created = '2021-01-05T02:00:00.000Z'
    for (const u of USERS) {
      const { id } = await this.tx
        .insertInto('users')
        .values({
          username: u.username,
          display_name: u.displayName,
          password_hash: this.passwordHash,
          email: u.email ?? null,
          phone: u.phone ?? null,
          last_login_at: null,
          created_at: created,
          updated_at: created,
        })
        .returning('id')
        .executeTakeFirstOrThrow()
      this.userIds.set(u.username, id)
      for (const r of u.roles) {
        const orgUnitId = r.unit
          ? this.unitIds.get(r.unit)!
          : r.commune
            ? this.communeIds.get(r.commune)!.id
            : null
        await this.tx
          .insertInto('user_roles')
          .values({
            user_id: id,
            role: r.role,
            org_unit_id: orgUnitId,
            created_at: created,
          })
          .execute()
        if (r.role === 'unit' && r.unit && !this.unitOfficer.has(r.unit)) {
          this.unitOfficer.set(r.unit, id)
        }
      }
    }
  }

  // ── Contests ─────────────────────────────────────────────────────────────

  async contest(year: number) {
    const published = year < CURRENT_YEAR
    const nominating = year > CURRENT_YEAR
    const d = nominating
      ? {
          registration: this.relativeDate(-320),
          nominationOpens: this.relativeDate(-30),
          deadline: vnEndOfDay(this.relativeDate(30)),
          screeningEnds: this.relativeDate(45),
          judgingOpens: this.relativeDate(46),
          judgingCloses: vnEndOfDay(this.relativeDate(75)),
          results: this.relativeDate(90),
          created: this.relative(-330, 8, 30),
          periodEnd: this.relativeDate(30),
        }
      : published
        ? {
            registration: `${year}-02-20`,
            nominationOpens: `${year}-09-01`,
            deadline: vnEndOfDay(`${year}-10-20`),
            screeningEnds: `${year}-11-05`,
            judgingOpens: `${year}-11-08`,
            judgingCloses: vnEndOfDay(`${year}-11-30`),
            results: `${year}-12-10`,
            created: vnInstant(`${year}-02-10`, 8, 30),
            periodEnd: `${year}-09-30`,
          }
        : {
            registration: this.relativeDate(-300),
            nominationOpens: this.relativeDate(-200),
            deadline: vnEndOfDay(this.relativeDate(-60)),
            screeningEnds: this.relativeDate(-30),
            judgingOpens: this.relativeDate(-20),
            judgingCloses: vnEndOfDay(this.relativeDate(25)),
            results: this.relativeDate(35),
            created: this.relative(-310, 8, 30),
            periodEnd: this.relativeDate(-67),
          }
    const finalisedAt = published ? vnInstant(`${year}-12-08`, 15, 0) : null
    const publishedAt = published ? vnInstant(`${year}-12-12`, 16, 0) : null
    const previous = this.contests.get(year - 1)
    const { id } = await this.tx
      .insertInto('contests')
      .values({
        title: `Bình xét mô hình Dân vận khéo năm ${year}`,
        year,
        level: 'district',
        organiser_org_unit_id: this.unitIds.get('organiser')!,
        status: published ? 'published' : 'open',
        registration_opens_on: d.registration,
        nomination_opens_on: d.nominationOpens,
        nomination_deadline: d.deadline,
        screening_ends_on: d.screeningEnds,
        judging_opens_on: d.judgingOpens,
        judging_closes_at: d.judgingCloses,
        results_on: d.results,
        allowed_fields: JSON.stringify(FIELDS),
        allowed_kinds: JSON.stringify(ENTRY_KINDS),
        quota_per_unit: null,
        judges_per_entry: JUDGE_K,
        aggregation: 'mean',
        normalise_scores: 0,
        decision_number: published ? DECISIONS[year]! : null,
        decision_date: published ? `${year}-12-12` : null,
        decision_signer_title: published ? SIGNER : null,
        finalised_at: finalisedAt,
        finalised_by: published ? this.admin : null,
        published_at: publishedAt,
        published_by: published ? this.admin : null,
        copied_from_id: previous?.id ?? null,
        created_at: d.created,
        updated_at: publishedAt ?? d.created,
      })
      .returning('id')
      .executeTakeFirstOrThrow()

    const criteria: ContestRow['criteria'] = []
    for (const [i, c] of DEFAULT_CRITERIA.entries()) {
      const text = CRITERION_TEXT[c.key]
      const row = await this.tx
        .insertInto('criteria')
        .values({
          contest_id: id,
          position: i + 1,
          title: text.title,
          description: text.description,
          max_points: c.maxPoints,
        })
        .returning('id')
        .executeTakeFirstOrThrow()
      criteria.push({ id: row.id, max: c.maxPoints, key: c.key })
    }
    const tiers: ContestRow['tiers'] = []
    for (const [i, t] of DEFAULT_TIERS.entries()) {
      const row = await this.tx
        .insertInto('award_tiers')
        .values({
          contest_id: id,
          position: i + 1,
          name: TIER_NAMES[t.key],
          min_score: t.minScore,
          quota: null,
        })
        .returning('id')
        .executeTakeFirstOrThrow()
      tiers.push({ id: row.id, min: t.minScore })
    }
    this.contests.set(year, {
      id,
      year,
      criteria,
      tiers,
      publishedAt,
      finalisedAt,
      judgingOpens: d.judgingOpens,
      deadline: d.deadline,
      screeningEnds: d.screeningEnds,
      nominationOpens: d.nominationOpens,
      periodEnd: d.periodEnd,
    })
    if (publishedAt) {
      await this.audit('contest.publish', 'contest', id, publishedAt, {
        after: { status: 'published', decision_number: DECISIONS[year] },
      })
    }
  }

  // ── Models ───────────────────────────────────────────────────────────────

  async model(seed: ModelSeed) {
    const rng = this.rng
    const theme: Theme = THEMES[seed.theme]
    const unitId = this.unitIds.get(seed.unit)!
    const unitName = UNITS[seed.unit].name
    const communes = seed.communes.map((c) => this.communeIds.get(c)!)
    const names = communes.map((c) => c.name)
    const xa =
      names.length === 1
        ? lowerFirst(names[0]!)
        : `các xã ${names.map((n) => n.replace(/^Xã /, '')).join(', ')}`
    const place: Place = {
      xa,
      Xa: xa.charAt(0).toUpperCase() + xa.slice(1),
      thon: `thôn ${seed.village}`,
      Thon: `Thôn ${seed.village}`,
      donVi: unitName,
    }
    const o = seed.overrides ?? {}
    const specs = theme.indicators.slice(
      0,
      rng.int(Math.min(3, theme.indicators.length), Math.min(5, theme.indicators.length)),
    )
    const indicators = specs.map((spec) => ({
      spec,
      value: round(rng.range(spec.min, spec.max), spec),
      baseline: spec.baseline ? round(rng.range(...spec.baseline), spec) : null,
    }))
    const ethnic = [...new Set(seed.communes.flatMap((c) => COMMUNES[c].ethnic))]
    const r = theme.resources
    const digits = `${rng.pick(PHONE_PREFIXES)}${String(rng.int(0, 999_999)).padStart(6, '0')}`
    const photoCount = rng.int(1, 3)
    const photos = Array.from({ length: photoCount }, (_, i) => ({
      scene: `${theme.scene}:${i % VERSIONS}`,
      caption: theme.captions[i]!,
    }))
    const years = [...seed.years, ...(seed.current ? [CURRENT_YEAR] : [])]
    const firstYear = years[0] ?? CURRENT_YEAR
    const createdAt =
      firstYear === CURRENT_YEAR
        ? this.relative(-300 + rng.int(5, 90), 10, rng.int(0, 59))
        : vnInstant(addDays(`${firstYear}-03-01`, rng.int(0, 60)), 10, rng.int(0, 59))
    const fields: ModelRow['fields'] = {
      title: seed.title,
      kind: seed.kind ?? 'model',
      field: theme.field,
      start_date: seed.start,
      summary: o.summary ?? theme.summary(place),
      context: o.context ?? theme.context(place),
      objectives: o.objectives ?? theme.objectives(place),
      method: o.method ?? theme.method(place),
      forces: o.forces ?? theme.forces(place),
      resources_vnd: roundTo(rng.range(...r.vnd), 1_000_000),
      resources_workdays: roundTo(rng.range(...r.workdays), 10),
      resident_contributions: theme.residentContributions,
      residents_involved: roundTo(rng.range(...r.residents), 5),
      ethnic_groups: ethnic,
      sustainability: o.sustainability ?? theme.sustainability,
      replication_conditions: theme.replicationConditions,
      replication_steps: theme.replicationSteps,
      replication_cost_vnd: roundTo(rng.range(...r.replicationCost), 1_000_000),
      contact_name: seed.contact ?? rng.pick(CONTACT_NAMES),
      contact_phone: phoneText(digits),
      contact_email: '',
    }
    const createdBy = this.unitOfficer.get(seed.unit) ?? this.admin
    const firstPublished = seed.years.length ? this.contests.get(seed.years[0]!)!.publishedAt : null
    const lastYear = years[years.length - 1]
    const { id } = await this.tx
      .insertInto('models')
      .values({
        slug: slugify(seed.title),
        unit_id: unitId,
        ...fields,
        ethnic_groups: JSON.stringify(fields.ethnic_groups),
        published_at: firstPublished,
        created_by: createdBy,
        created_at: createdAt,
        updated_at: createdAt,
      })
      .returning('id')
      .executeTakeFirstOrThrow()
    const model: ModelRow = {
      seed,
      theme,
      id,
      unitId,
      unitName,
      communes,
      createdBy,
      createdAt,
      fields,
      indicators,
      photos,
      years,
    }
    this.models.set(seed.key, model)
    await this.tx
      .insertInto('model_communes')
      .values(communes.map((c) => ({ model_id: id, commune_id: c.id })))
      .execute()
    const period = this.period(seed.start, lastYear ?? CURRENT_YEAR)
    await this.insertIndicators(
      { model_id: id },
      indicators.map((i) => ({ ...i, period })),
    )
    await this.insertPhotos({ model_id: id }, `model:${seed.key}`, photos, createdBy, createdAt)
  }

  period(start: string, year: number) {
    const from = Number(start.slice(0, 4))
    return from >= year ? `Năm ${year}` : `${from}–${year}`
  }

  async insertIndicators(
    owner: { model_id?: number; entry_id?: number; replication_report_id?: number },
    rows: (Indicator & { period: string })[],
  ) {
    if (rows.length === 0) return
    await this.tx
      .insertInto('indicators')
      .values(
        rows.map((r, i) => ({
          model_id: owner.model_id ?? null,
          entry_id: owner.entry_id ?? null,
          replication_report_id: owner.replication_report_id ?? null,
          position: i + 1,
          label: r.spec.label,
          value: decimalText(r.value, r.spec.decimals ?? 0),
          unit: r.spec.unit,
          baseline: r.baseline === null ? null : decimalText(r.baseline, r.spec.decimals ?? 0),
          period: r.period,
        })),
      )
      .execute()
  }

  async insertPhotos(
    owner: { model_id?: number; entry_id?: number; replication_id?: number },
    ownerKey: string,
    photos: Photo[],
    uploadedBy: number,
    createdAt: string,
  ) {
    for (const [i, p] of photos.entries()) {
      const photo = this.photos.get(p.scene)!
      const hex = mediaKey(ownerKey, i + 1)
      const key = `media/${hex}.jpg`
      this.files.set(key, photo.bytes)
      const day = createdAt.slice(0, 10).replaceAll('-', '')
      const { id } = await this.tx
        .insertInto('media')
        .values({
          kind: 'photo',
          storage: 'local',
          storage_key: key,
          model_id: owner.model_id ?? null,
          entry_id: owner.entry_id ?? null,
          replication_id: owner.replication_id ?? null,
          position: i + 1,
          caption: p.caption,
          is_cover: i === 0 ? 1 : 0,
          mime_type: photo.mime,
          byte_size: photo.bytes.length,
          width: photo.width,
          height: photo.height,
          sha256: photo.sha256,
          original_name: `IMG_${day}_${String(this.rng.int(1000, 9999))}.jpg`,
          uploaded_by: uploadedBy,
          created_at: createdAt,
        })
        .returning('id')
        .executeTakeFirstOrThrow()
      await this.tx
        .insertInto('media_variants')
        .values(
          photo.variants.map((v) => {
            const vkey = `media/${hex}-${v.width}.webp`
            this.files.set(vkey, v.bytes)
            return {
              media_id: id,
              width: v.width,
              height: v.height,
              storage_key: vkey,
              mime_type: v.mime,
              byte_size: v.bytes.length,
            }
          }),
        )
        .execute()
    }
  }

  // ── Entries ──────────────────────────────────────────────────────────────

  /** The model's indicator values as they stood at the entry of the i-th of n years. */
  entryIndicators(model: ModelRow, i: number, n: number) {
    return model.indicators.map((ind) => {
      if (ind.spec.rate || i === n - 1) return ind
      const f = 0.45 + (0.55 * (i + 1)) / n
      return { ...ind, value: round(ind.value * f, ind.spec) }
    })
  }

  async entry(model: ModelRow, year: number) {
    const rng = this.rng
    const contest = this.contests.get(year)!
    const current = year === CURRENT_YEAR
    const index = model.years.indexOf(year)
    const state: EntryState = current ? (model.seed.current as CurrentState) : 'published'
    const indicators = this.entryIndicators(model, index, model.years.length)
    const period = this.period(model.fields.start_date, year)
    const periodStart = index === 0 ? model.fields.start_date : `${year}-01-01`

    // Timeline: created during nomination, submitted before the deadline, screened after it.
    const deadlineDate = contest.deadline.slice(0, 10)
    const createdAt = vnInstant(addDays(contest.nominationOpens, rng.int(0, 30)), 8, rng.int(0, 59))
    const submitted = state !== 'draft'
    const submittedAt = vnInstant(
      addDays(deadlineDate, -rng.int(3, 25)),
      rng.int(8, 16),
      rng.int(0, 59),
    )
    const resubmitted = current && model.seed.resubmitted
    const firstSubmittedAt = resubmitted
      ? vnInstant(addDays(deadlineDate, -rng.int(40, 50)), 10, 15)
      : submittedAt
    const decided = state !== 'draft' && state !== 'submitted'
    const decidedAt =
      state === 'returned'
        ? vnInstant(addDays(deadlineDate, -2), 14, 30)
        : vnInstant(addDays(deadlineDate, rng.int(3, 20)), rng.int(8, 16), rng.int(0, 59))
    const updatedAt = !submitted
      ? this.relative(-rng.int(1, 9), rng.int(8, 20), rng.int(0, 59))
      : current
        ? decided
          ? decidedAt
          : submittedAt
        : contest.publishedAt!

    const createdBy = model.createdBy
    const ownerKey = `entry:${model.seed.key}:${year}`
    // The form as the unit filled it in, and (once submitted) the frozen snapshot.
    const form = {
      ...model.fields,
      unit: { id: model.unitId, name: model.unitName },
      communes: model.communes,
      indicators: indicators.map((i, n) => ({
        position: n + 1,
        label: i.spec.label,
        value: decimalText(i.value, i.spec.decimals ?? 0),
        unit: i.spec.unit,
        baseline: i.baseline === null ? null : decimalText(i.baseline, i.spec.decimals ?? 0),
        period,
      })),
      photos: photoRefs(ownerKey, model.photos),
    }
    const snapshot = JSON.stringify(form)
    const versions: { version: number; at: string; snapshot: string }[] = []
    if (submitted) {
      if (resubmitted) {
        const first = { ...form, indicators: form.indicators.slice(0, 2) }
        versions.push({ version: 1, at: firstSubmittedAt, snapshot: JSON.stringify(first) })
      }
      versions.push({ version: versions.length + 1, at: submittedAt, snapshot })
    }

    const { id } = await this.tx
      .insertInto('entries')
      .values({
        contest_id: contest.id,
        model_id: model.id,
        unit_id: model.unitId,
        state,
        title: model.fields.title,
        kind: model.fields.kind,
        field: model.fields.field,
        period_start: periodStart,
        period_end: contest.periodEnd,
        draft: snapshot,
        snapshot: submitted ? snapshot : null,
        version: versions.length,
        submitted_at: submitted ? submittedAt : null,
        first_submitted_at: submitted ? firstSubmittedAt : null,
        decided_at: decided ? decidedAt : null,
        decided_by: decided ? this.admin : null,
        return_reason: state === 'returned' ? model.seed.reason! : null,
        reject_reason: state === 'rejected' ? model.seed.reason! : null,
        created_by: createdBy,
        created_at: createdAt,
        updated_at: updatedAt,
      })
      .returning('id')
      .executeTakeFirstOrThrow()
    if (versions.length) {
      await this.tx
        .insertInto('entry_versions')
        .values(
          versions.map((v) => ({
            entry_id: id,
            version: v.version,
            snapshot: v.snapshot,
            submitted_at: v.at,
            submitted_by: createdBy,
          })),
        )
        .execute()
    }
    await this.tx
      .insertInto('entry_communes')
      .values(model.communes.map((c) => ({ entry_id: id, commune_id: c.id })))
      .execute()
    await this.insertIndicators(
      { entry_id: id },
      indicators.map((i) => ({ ...i, period })),
    )
    await this.insertPhotos({ entry_id: id }, ownerKey, model.photos, createdBy, createdAt)

    if (current) {
      if (resubmitted) {
        await this.audit(
          'entry.return',
          'entry',
          id,
          vnInstant(addDays(deadlineDate, -35), 9, 40),
          {
            reason: model.seed.resubmitted!,
          },
        )
      }
      if (state === 'accepted') await this.audit('entry.accept', 'entry', id, decidedAt)
      if (state === 'returned' || state === 'rejected') {
        await this.audit(
          `entry.${state === 'returned' ? 'return' : 'reject'}`,
          'entry',
          id,
          decidedAt,
          {
            reason: model.seed.reason!,
          },
        )
      }
    }
    this.entries.push({
      id,
      model,
      contest,
      state,
      firstSubmittedAt: submitted ? firstSubmittedAt : null,
      quality: 0,
    })
  }

  // ── Judging ──────────────────────────────────────────────────────────────

  async panel(year: number) {
    const contest = this.contests.get(year)!
    const created = vnInstant(addDays(contest.judgingOpens, -5), 9, 0)
    const { id } = await this.tx
      .insertInto('panels')
      .values({
        contest_id: contest.id,
        name: `Hội đồng chấm ${year}`,
        field: null,
        created_at: created,
      })
      .returning('id')
      .executeTakeFirstOrThrow()
    const judges = PANELS[year]!
    await this.tx
      .insertInto('panel_members')
      .values(
        judges.map((u, i) => ({
          panel_id: id,
          user_id: this.userIds.get(u)!,
          is_chair: i === 0 ? 1 : 0,
        })),
      )
      .execute()
    return { id, judges }
  }

  /** giamkhao5 comes from Sủng Thài and declared it: never an entry from that commune for them. */
  async declareConflicts() {
    const commune = this.communeIds.get('00838')!.id
    await this.tx
      .insertInto('conflicts')
      .values({
        judge_id: this.userIds.get('giamkhao5')!,
        entry_id: null,
        org_unit_id: commune,
        reason: 'Quê ở xã Sủng Thài, có người thân trong Ban Chấp hành Đảng bộ xã.',
        declared_at: vnInstant('2021-11-02', 10, 0),
      })
      .execute()
    this.conflicts.set('giamkhao5', new Set([commune]))
  }

  /** k judges per entry, least-loaded first, skipping declared conflicts. */
  assign(entries: EntryRow[], judges: string[]): Map<number, string[]> {
    const load = new Map(judges.map((j) => [j, 0]))
    const out = new Map<number, string[]>()
    for (const e of this.rng.shuffle(entries)) {
      const blocked = (j: string) => {
        const c = this.conflicts.get(j)
        return !!c && (c.has(e.model.unitId) || e.model.communes.some((m) => c.has(m.id)))
      }
      const picked = this.rng
        .shuffle(judges.filter((j) => !blocked(j)))
        .sort((a, b) => load.get(a)! - load.get(b)!)
        .slice(0, JUDGE_K)
      if (picked.length < JUDGE_K) throw new Error(`Not enough judges for entry ${e.id}`)
      for (const j of picked) load.set(j, load.get(j)! + 1)
      out.set(e.id, picked)
    }
    return out
  }

  /** Points for each criterion from the entry's quality and the judge's leniency (half points). */
  points(contest: ContestRow, quality: number, judge: string) {
    return contest.criteria.map((c) => {
      const ratio = Math.min(
        1,
        Math.max(0.3, quality + LENIENCY[judge]! + this.rng.range(-0.07, 0.07)),
      )
      const points = Math.round(c.max * ratio * 2) / 2
      const level = ratio >= 0.85 ? 0 : ratio >= 0.7 ? 1 : 2
      return { criterion: c, points, comment: this.rng.pick(COMMENTS[c.key][level]) }
    })
  }

  async insertAssignments(panelId: number, assigned: Map<number, string[]>, at: string) {
    const rows = [...assigned].flatMap(([entryId, judges]) =>
      judges.map((j) => ({
        entry_id: entryId,
        judge_id: this.userIds.get(j)!,
        panel_id: panelId,
        source: 'auto' as const,
        status: 'active' as const,
        created_at: at,
        created_by: this.admin,
      })),
    )
    await this.tx.insertInto('assignments').values(rows).execute()
  }

  async insertSheet(
    entryId: number,
    judge: string,
    scores: ReturnType<DemoSeeder['points']>,
    sheet: { submittedAt: string | null; lockedAt?: string | null; updatedAt: string },
  ) {
    const judgeId = this.userIds.get(judge)!
    await this.tx
      .insertInto('score_sheets')
      .values({
        entry_id: entryId,
        judge_id: judgeId,
        status: sheet.submittedAt ? 'submitted' : 'draft',
        submitted_at: sheet.submittedAt,
        locked_at: sheet.lockedAt ?? null,
        updated_at: sheet.updatedAt,
      })
      .execute()
    if (scores.length === 0) return
    await this.tx
      .insertInto('scores')
      .values(
        scores.map((s) => ({
          entry_id: entryId,
          judge_id: judgeId,
          criterion_id: s.criterion.id,
          max_points: s.criterion.max,
          points: s.points,
          comment: s.comment,
          updated_at: sheet.updatedAt,
        })),
      )
      .execute()
  }

  async judgePublished(year: number) {
    const contest = this.contests.get(year)!
    const entries = this.entries.filter((e) => e.contest.year === year)
    const { id: panelId, judges } = await this.panel(year)
    // Spread of qualities: one or two excellent, most recognised, and one below the bar — a
    // model entered once and never replicated, so the replicated ones all carry an award.
    const replicated = new Set(REPLICATIONS.map((r) => r.source))
    const low =
      entries.find((e) => !replicated.has(e.model.seed.key) && e.model.years.length === 1) ??
      entries[entries.length - 1]!
    const targets = [0.94, 0.88, 0.85, 0.83, 0.8, 0.77, 0.74, 0.71, 0.68]
    const qualities = this.rng.shuffle(targets.slice(0, entries.length - 1))
    entries.filter((e) => e !== low).forEach((e, i) => (e.quality = qualities[i]!))
    low.quality = 0.58
    const assigned = this.assign(entries, judges)
    await this.insertAssignments(panelId, assigned, vnInstant(contest.judgingOpens, 8, 0))

    const scores: ScoreInput[] = []
    for (const e of entries) {
      for (const j of assigned.get(e.id)!) {
        const points = this.points(contest, e.quality, j)
        const at = vnInstant(
          addDays(contest.judgingOpens, this.rng.int(2, 20)),
          this.rng.int(8, 21),
          this.rng.int(0, 59),
        )
        await this.insertSheet(e.id, j, points, {
          submittedAt: at,
          lockedAt: contest.finalisedAt,
          updatedAt: at,
        })
        for (const s of points) {
          scores.push({
            entryId: e.id,
            judgeId: this.userIds.get(j)!,
            criterionId: s.criterion.id,
            points: s.points,
            panelId,
          })
        }
      }
    }

    // Results exactly as the organiser's results page computes them (app/results/scoring.ts).
    const computed = computeResults({
      criteria: contest.criteria.map((c, i) => ({ id: c.id, position: i + 1, maxPoints: c.max })),
      tiers: contest.tiers.map((t, i) => ({
        id: t.id,
        position: i + 1,
        minScore: t.min,
        quota: null,
      })),
      entries: entries.map((e) => ({ id: e.id, firstSubmittedAt: e.firstSubmittedAt })),
      scores,
      aggregation: 'mean',
      normalise: false,
      expectedScores: JUDGE_K,
    })
    for (const r of computed.entries) {
      const e = entries.find((x) => x.id === r.entryId)!
      const raw = r.raw === null ? null : Math.round(r.raw * 100) / 100
      const normalised = r.normalised === null ? null : Math.round(r.normalised * 100) / 100
      const tier = r.tierId === null ? null : { id: r.tierId }
      await this.tx
        .insertInto('results')
        .values({
          contest_id: contest.id,
          entry_id: e.id,
          raw_score: raw,
          normalised_score: normalised,
          score_count: r.scoreCount,
          rank: r.rank,
          computed_tier_id: tier?.id ?? null,
          tier_id: tier?.id ?? null,
          override_reason: null,
          overridden_by: null,
          overridden_at: null,
          computed_at: contest.finalisedAt!,
        })
        .execute()
      if (!tier) {
        // Judged but not awarded: stays out of the public pages (only awarded entries are published).
        await this.tx
          .updateTable('entries')
          .set({ state: 'not_awarded' })
          .where('id', '=', e.id)
          .execute()
      }
      if (tier) {
        await this.tx
          .insertInto('awards')
          .values({
            entry_id: e.id,
            model_id: e.model.id,
            contest_id: contest.id,
            tier_id: tier.id,
            score: raw,
            rank: r.rank,
            decision_number: DECISIONS[year]!,
            decision_date: `${year}-12-12`,
            certificate_key: null,
            created_at: contest.publishedAt!,
          })
          .execute()
      }
    }
  }

  async judgeCurrent() {
    const contest = this.contests.get(CURRENT_YEAR)!
    const entries = this.entries.filter(
      (e) => e.contest.year === CURRENT_YEAR && e.state === 'accepted',
    )
    for (const e of entries) e.quality = this.rng.range(0.6, 0.95)
    const { id: panelId, judges } = await this.panel(CURRENT_YEAR)

    const assigned = this.assign(entries, judges)
    await this.insertAssignments(panelId, assigned, vnInstant(contest.judgingOpens, 8, 0))

    const elapsed = Math.max(
      1,
      Math.floor((Date.parse(this.now.toISOString()) - Date.parse(contest.judgingOpens)) / DAY),
    )
    for (const judge of judges) {
      const mine = entries.filter((e) => assigned.get(e.id)!.includes(judge))
      const plan = PROGRESS[judge]!(mine.length)
      for (const [i, e] of mine.entries()) {
        if (i < plan.submitted) {
          const at = vnInstant(
            addDays(contest.judgingOpens, this.rng.int(0, elapsed - 1)),
            this.rng.int(8, 21),
            this.rng.int(0, 59),
          )
          await this.insertSheet(e.id, judge, this.points(contest, e.quality, judge), {
            submittedAt: at,
            updatedAt: at,
          })
        } else if (i < plan.submitted + plan.drafts) {
          const scores = this.points(contest, e.quality, judge).slice(0, this.rng.int(2, 4))
          await this.insertSheet(e.id, judge, scores, {
            submittedAt: null,
            updatedAt: this.relative(
              -this.rng.int(0, 2),
              this.rng.int(19, 22),
              this.rng.int(0, 59),
            ),
          })
        }
      }
    }
  }

  // ── Replications ─────────────────────────────────────────────────────────

  async replication(r: (typeof REPLICATIONS)[number]) {
    const rng = this.rng
    const source = this.models.get(r.source)!
    const commune = this.communeIds.get(r.commune)!
    const priority = ['government', 'party_committee', 'party_cell', 'front', 'mass_org']
    const local = (Object.entries(UNITS) as [UnitKey, (typeof UNITS)[UnitKey]][])
      .filter(([, u]) => u.parent === r.commune)
      .sort((a, b) => {
        const pa = priority.indexOf(a[1].type)
        const pb = priority.indexOf(b[1].type)
        return (pa < 0 ? 99 : pa) - (pb < 0 ? 99 : pb)
      })
    const responsible = local[0] ? this.unitIds.get(local[0][0])! : null
    const officer = USERS.find((u) =>
      u.roles.some((x) => x.role === 'commune' && x.commune === r.commune),
    )
    const createdBy = officer ? this.userIds.get(officer.username)! : this.admin
    const createdAt = vnInstant(addDays(r.start, -rng.int(5, 20)), 9, rng.int(0, 59))
    const { id } = await this.tx
      .insertInto('replications')
      .values({
        source_model_id: source.id,
        commune_id: commune.id,
        responsible_unit_id: responsible,
        start_date: r.start,
        status: r.status,
        adaptations: `Học tập cách làm của ${source.unitName}. ${source.theme.adaptation}`,
        stop_reason: r.stopReason ?? null,
        last_reported_at: null,
        derived_model_id: r.derived ? this.models.get(r.derived)!.id : null,
        created_by: createdBy,
        created_at: createdAt,
        updated_at: createdAt,
      })
      .returning('id')
      .executeTakeFirstOrThrow()

    const count = { planned: 1, in_progress: 2, achieved: 3, stopped: 2 }[r.status]
    /** How far the commune gets relative to the source model's figures. */
    const scale = rng.range(0.35, 0.8)
    let last: string | null = null
    const place = lowerFirst(commune.name)
    for (let k = 0; k < count; k++) {
      const reportedOn = addDays(r.start, 20 + k * 120 + rng.int(0, 30))
      if (reportedOn >= this.today) break
      const final = k === count - 1
      const note =
        k === 0
          ? `Đã họp chi bộ, họp thôn quán triệt cách làm; thành lập tổ triển khai và phân công thành viên phụ trách từng thôn của ${place}.`
          : final && r.status === 'achieved'
            ? `Hoàn thành các mục tiêu đề ra; mô hình được nhân dân ${place} đồng tình, duy trì thường xuyên. Đề nghị tiếp tục nhân rộng ra các thôn còn lại.`
            : final && r.status === 'stopped'
              ? `Tạm dừng triển khai. ${r.stopReason ?? ''}`.trim()
              : `Đã triển khai ở ${rng.int(2, 5)} thôn, người dân đồng thuận; một số hộ còn khó khăn được các đoàn thể hỗ trợ ngày công, vật liệu.`
      const at = vnInstant(reportedOn, 16, rng.int(0, 59))
      const report = await this.tx
        .insertInto('replication_reports')
        .values({
          replication_id: id,
          reported_on: reportedOn,
          note,
          created_by: createdBy,
          created_at: at,
        })
        .returning('id')
        .executeTakeFirstOrThrow()
      if (k > 0 || r.status !== 'planned') {
        const progress = ((k + 1) / count) * scale
        const quarter = Math.floor(Number(reportedOn.slice(5, 7)) / 3.01) + 1
        await this.insertIndicators(
          { replication_report_id: report.id },
          source.indicators.slice(0, 2).map((ind) => ({
            ...ind,
            value: ind.spec.rate
              ? round(ind.value * rng.range(0.85, 1), ind.spec)
              : round(ind.value * progress, ind.spec),
            period: `Quý ${quarter}/${reportedOn.slice(0, 4)}`,
          })),
        )
      }
      last = at
    }
    if (r.status === 'achieved') {
      await this.insertPhotos(
        { replication_id: id },
        `replication:${r.source}:${r.commune}`,
        [{ scene: `${source.theme.scene}:1`, caption: `Kết quả nhân rộng mô hình ở ${place}` }],
        createdBy,
        last ?? createdAt,
      )
    }
    if (last) {
      await this.tx
        .updateTable('replications')
        .set({ last_reported_at: last, updated_at: last })
        .where('id', '=', id)
        .execute()
    }
  }

  // ── Notifications, audit ─────────────────────────────────────────────────

  async notifications() {
    const contest = this.contests.get(CURRENT_YEAR)!
    const rows: {
      user_id: number
      kind: string
      params: string
      link: string | null
      read_at: string | null
      created_at: string
    }[] = []
    const opened = vnInstant(contest.judgingOpens, 8, 5)
    const counts = await this.tx
      .selectFrom('assignments')
      .innerJoin('entries', 'entries.id', 'assignments.entry_id')
      .select(['assignments.judge_id', (eb) => eb.fn.countAll<number>().as('n')])
      .where('entries.contest_id', '=', contest.id)
      .groupBy('assignments.judge_id')
      .orderBy('assignments.judge_id')
      .execute()
    for (const c of counts) {
      const read =
        c.judge_id === this.userIds.get('giamkhao1') || c.judge_id === this.userIds.get('giamkhao4')
      rows.push({
        user_id: c.judge_id,
        kind: 'judging.assigned',
        params: JSON.stringify({ contestId: contest.id, count: Number(c.n) }),
        link: '/judge',
        read_at: read ? vnInstant(contest.judgingOpens, 20, 15) : null,
        created_at: opened,
      })
    }
    for (const e of this.entries.filter((x) => x.contest.year === CURRENT_YEAR)) {
      if (e.state === 'returned' || e.state === 'rejected' || e.state === 'accepted') {
        const officer = this.unitOfficer.get(e.model.seed.unit)
        if (!officer) continue
        rows.push({
          user_id: officer,
          kind: `entry.${e.state}`,
          params: JSON.stringify({ entryId: e.id, title: e.model.fields.title }),
          link: '/unit',
          read_at: null,
          created_at: vnInstant(addDays(contest.deadline.slice(0, 10), 3), 9, 0),
        })
      }
      if (e.state === 'submitted') {
        rows.push({
          user_id: this.admin,
          kind: 'entry.submitted',
          params: JSON.stringify({ entryId: e.id, title: e.model.fields.title }),
          link: '/admin',
          read_at: null,
          created_at: e.firstSubmittedAt!,
        })
      }
    }
    const xa = this.userIds.get(XA_USERNAME)!
    rows.push({
      user_id: xa,
      kind: 'replication.report_due',
      params: JSON.stringify({ quarter: Math.floor(Number(this.today.slice(5, 7)) / 3.01) + 1 }),
      link: '/commune',
      read_at: null,
      created_at: this.relative(-3, 7, 30),
    })
    await this.tx.insertInto('notifications').values(rows).execute()
  }

  async audit(
    action: string,
    subjectType: string,
    subjectId: number,
    at: string,
    extra: { reason?: string; after?: unknown } = {},
  ) {
    await this.tx
      .insertInto('audit_log')
      .values({
        actor_id: this.userIds.get('admin') ?? null,
        action,
        subject_type: subjectType,
        subject_id: String(subjectId),
        before: null,
        after: extra.after === undefined ? null : JSON.stringify(extra.after),
        reason: extra.reason ?? null,
        ip: null,
        created_at: at,
      })
      .execute()
  }
}

// ── Public API ───────────────────────────────────────────────────────────────

let demoHash: Promise<string> | undefined
/** One scrypt hash of the demo password, shared by every demo user (hashing is deliberately slow). */
function demoPasswordHash() {
  demoHash ??= hashPassword(DEMO_PASSWORD)
  return demoHash
}

/** Deletes every row of every domain table (not the migration bookkeeping) and resets the id counters. */
export async function resetDatabase(tx: Tx) {
  for (const table of DOMAIN_TABLES) {
    if (table === 'org_units') continue
    await tx.deleteFrom(table).execute()
  }
  // Parents are protected by ON DELETE RESTRICT, which SQLite checks row by row: delete leaves first.
  for (;;) {
    const { numDeletedRows } = await tx
      .deleteFrom('org_units')
      .where((eb) =>
        eb.not(
          eb.exists(
            eb
              .selectFrom('org_units as child')
              .select('child.id')
              .whereRef('child.parent_id', '=', 'org_units.id'),
          ),
        ),
      )
      .executeTakeFirst()
    if (numDeletedRows === 0n) break
  }
  // SQLite's AUTOINCREMENT counters, so a reseed gives the same ids.
  await sql`DELETE FROM sqlite_sequence`.execute(tx)
}

export async function countRows(db: Db | Tx) {
  const counts: Record<string, number> = {}
  for (const table of [...DOMAIN_TABLES].reverse()) {
    const row = await db
      .selectFrom(table)
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow()
    counts[table] = Number(row.n)
  }
  return counts
}

/**
 * Rebuilds the demo from scratch in one transaction: deletes every row, then inserts the demo.
 * Photo files are written under UPLOAD_DIR; files of the previous content that the new content no
 * longer uses are removed after the commit.
 */
export async function seedDemo(db: Db, opts: SeedOptions = {}): Promise<SeedSummary> {
  const started = performance.now()
  const now = opts.now ?? new Date()
  const [photos, passwordHash] = await Promise.all([seedPhotos(), demoPasswordHash()])

  const oldKeys = new Set<string>()
  const oldMedia = await db
    .selectFrom('media')
    .leftJoin('media_variants', 'media_variants.media_id', 'media.id')
    .select(['media.storage_key', 'media_variants.storage_key as variant_key'])
    .where('media.storage', '=', 'local')
    .execute()
  for (const m of oldMedia) {
    oldKeys.add(m.storage_key)
    if (m.variant_key) oldKeys.add(m.variant_key)
  }

  let files = new Map<string, Uint8Array>()
  const counts = await db.transaction().execute(async (tx) => {
    await resetDatabase(tx)
    const seeder = new DemoSeeder(tx, now, photos, passwordHash)
    await seeder.run(opts.country ?? false)
    // The public catalog's search index, built from the seeded models in the same transaction.
    await rebuildCatalog(tx)
    files = seeder.files
    // Written before the commit: if a write fails, the transaction rolls back.
    const entries = [...files]
    for (let i = 0; i < entries.length; i += 64) {
      await Promise.all(entries.slice(i, i + 64).map(([key, bytes]) => putLocalFile(key, bytes)))
    }
    return countRows(tx)
  })
  await Promise.all([...oldKeys].filter((k) => !files.has(k)).map((k) => deleteLocalFile(k)))
  return { counts, files: files.size, ms: Math.round(performance.now() - started) }
}

/** True when the database has any user (the demo, or real data): `--if-empty` must not seed then. */
export async function hasUsers(db: Db) {
  const row = await db.selectFrom('users').select('id').limit(1).executeTakeFirst()
  return !!row
}

/** Seeds only an empty database; returns null when it skipped because users exist. */
export async function seedDemoIfEmpty(db: Db, opts: SeedOptions = {}) {
  if (await hasUsers(db)) return null
  return seedDemo(db, opts)
}
