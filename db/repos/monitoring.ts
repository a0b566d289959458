import { sql, type QueryCreator } from 'kysely'
import { getDb, type Executor } from '../index'
import type { Database } from '../schema'

/**
 * The organiser's monitoring figures, each one SQL aggregation scoped to the
 * organiser's area: the org units in the subtree of `root` (null = the whole country).
 * Entries count once submitted (not drafts).
 */
type WithArea = QueryCreator<Database & { area: { id: number } }>

function withArea(db: Executor, root: number | null): WithArea {
  if (root == null) return db.with('area', (qb) => qb.selectFrom('org_units').select('id'))
  return db.withRecursive('area(id)', (qb) =>
    qb
      .selectFrom('org_units')
      .select('id')
      .where('id', '=', root)
      .unionAll((q) =>
        q
          .selectFrom('org_units')
          .innerJoin('area', 'area.id', 'org_units.parent_id')
          .select('org_units.id'),
      ),
  ) as unknown as WithArea
}

const counted = (rows: { key: string | null; n: number | string }[]) =>
  rows.map((r) => ({ key: r.key ?? '', count: Number(r.n) }))

/** Submitted entries of the year's contests from units in the area, by field. */
export async function entriesByField(root: number | null, year: number, db: Executor = getDb()) {
  const rows = await withArea(db, root)
    .selectFrom('entries')
    .innerJoin('contests', 'contests.id', 'entries.contest_id')
    .select(['entries.field as key', (eb) => eb.fn.countAll<number>().as('n')])
    .where('contests.year', '=', year)
    .where('entries.state', '<>', 'draft')
    .where('entries.unit_id', 'in', (eb) => eb.selectFrom('area').select('area.id'))
    .groupBy('entries.field')
    .execute()
  return counted(rows)
}

/** The same entries by the type of the nominating unit. */
export async function entriesByUnitType(root: number | null, year: number, db: Executor = getDb()) {
  const rows = await withArea(db, root)
    .selectFrom('entries')
    .innerJoin('contests', 'contests.id', 'entries.contest_id')
    .innerJoin('org_units as unit', 'unit.id', 'entries.unit_id')
    .select(['unit.unit_type as key', (eb) => eb.fn.countAll<number>().as('n')])
    .where('contests.year', '=', year)
    .where('entries.state', '<>', 'draft')
    .where('entries.unit_id', 'in', (eb) => eb.selectFrom('area').select('area.id'))
    .groupBy('unit.unit_type')
    .execute()
  return counted(rows)
}

/** The same entries by the communes where they are carried out (an entry may name several). */
export async function entriesByCommune(root: number | null, year: number, db: Executor = getDb()) {
  const rows = await withArea(db, root)
    .selectFrom('entry_communes')
    .innerJoin('entries', 'entries.id', 'entry_communes.entry_id')
    .innerJoin('contests', 'contests.id', 'entries.contest_id')
    .innerJoin('org_units as commune', 'commune.id', 'entry_communes.commune_id')
    .select(['commune.id', 'commune.name as key', (eb) => eb.fn.countAll<number>().as('n')])
    .where('contests.year', '=', year)
    .where('entries.state', '<>', 'draft')
    .where('entry_communes.commune_id', 'in', (eb) => eb.selectFrom('area').select('area.id'))
    .groupBy(['commune.id', 'commune.name'])
    .orderBy('n', 'desc')
    .orderBy('commune.name')
    .execute()
  return counted(rows)
}

/** The year's contest organised in the area (the newest, if there are several). */
export async function contestOfYear(root: number | null, year: number, db: Executor = getDb()) {
  return withArea(db, root)
    .selectFrom('contests')
    .select(['contests.id', 'contests.title'])
    .where('contests.year', '=', year)
    .where('contests.organiser_org_unit_id', 'in', (eb) => eb.selectFrom('area').select('area.id'))
    .orderBy('contests.id', 'desc')
    .executeTakeFirst()
}

/**
 * Replication coverage: for every commune of the area, the replications started by
 * the end of `year`, by the field of the source model.
 */
export async function coverage(root: number | null, year: number, db: Executor = getDb()) {
  const communes = await withArea(db, root)
    .selectFrom('org_units')
    .select(['org_units.id', 'org_units.name'])
    .where('org_units.kind', '=', 'commune')
    .where('org_units.id', 'in', (eb) => eb.selectFrom('area').select('area.id'))
    .orderBy('org_units.name')
    .execute()
  const counts = await withArea(db, root)
    .selectFrom('replications')
    .innerJoin('models as source', 'source.id', 'replications.source_model_id')
    .select(['replications.commune_id', 'source.field', (eb) => eb.fn.countAll<number>().as('n')])
    .where('replications.start_date', '<=', `${year}-12-31`)
    .where('replications.commune_id', 'in', (eb) => eb.selectFrom('area').select('area.id'))
    .groupBy(['replications.commune_id', 'source.field'])
    .execute()
  return {
    communes,
    counts: counts.map((c) => ({ communeId: c.commune_id, field: c.field, count: Number(c.n) })),
  }
}

/** Year by year: submitted entries and awarded models (by contest year), replications started. */
export async function trends(root: number | null, db: Executor = getDb()) {
  const [entries, awards, replications] = await Promise.all([
    withArea(db, root)
      .selectFrom('entries')
      .innerJoin('contests', 'contests.id', 'entries.contest_id')
      .select(['contests.year', (eb) => eb.fn.countAll<number>().as('n')])
      .where('entries.state', '<>', 'draft')
      .where('entries.unit_id', 'in', (eb) => eb.selectFrom('area').select('area.id'))
      .groupBy('contests.year')
      .execute(),
    withArea(db, root)
      .selectFrom('awards')
      .innerJoin('contests', 'contests.id', 'awards.contest_id')
      .innerJoin('entries', 'entries.id', 'awards.entry_id')
      .select(['contests.year', (eb) => eb.fn.count<number>('awards.model_id').distinct().as('n')])
      .where('entries.unit_id', 'in', (eb) => eb.selectFrom('area').select('area.id'))
      .groupBy('contests.year')
      .execute(),
    withArea(db, root)
      .selectFrom('replications')
      .select([
        sql<string>`substr(replications.start_date, 1, 4)`.as('year'),
        (eb) => eb.fn.countAll<number>().as('n'),
      ])
      .where('replications.commune_id', 'in', (eb) => eb.selectFrom('area').select('area.id'))
      .groupBy(sql`substr(replications.start_date, 1, 4)`)
      .execute(),
  ])
  const byYear = new Map<number, { entries: number; awarded: number; replications: number }>()
  const at = (year: number) => {
    let row = byYear.get(year)
    if (!row) byYear.set(year, (row = { entries: 0, awarded: 0, replications: 0 }))
    return row
  }
  for (const r of entries) at(Number(r.year)).entries = Number(r.n)
  for (const r of awards) at(Number(r.year)).awarded = Number(r.n)
  for (const r of replications) at(Number(r.year)).replications = Number(r.n)
  return [...byYear.entries()].sort(([a], [b]) => a - b).map(([year, row]) => ({ year, ...row }))
}

/** Years with a contest in the area, newest first (the dashboard's year filter). */
export async function contestYears(root: number | null, db: Executor = getDb()) {
  const rows = await withArea(db, root)
    .selectFrom('contests')
    .select('contests.year')
    .distinct()
    .where('contests.organiser_org_unit_id', 'in', (eb) => eb.selectFrom('area').select('area.id'))
    .orderBy('contests.year', 'desc')
    .execute()
  return rows.map((r) => r.year)
}
