import type { OrgUnitKind } from '../domain'
import { getDb, type Executor } from '../index'

export async function findOrgUnit(id: number, db: Executor = getDb()) {
  return db.selectFrom('org_units').selectAll().where('id', '=', id).executeTakeFirst()
}

/**
 * The area an organiser acts on: their org unit itself when it is an area
 * (province, district, commune), else the area the unit belongs to. Null = whole country.
 */
export async function scopeRootFor(orgUnitId: number | null, db: Executor = getDb()) {
  if (orgUnitId == null) return null
  const unit = await findOrgUnit(orgUnitId, db)
  if (!unit) return null
  return unit.kind === 'unit' ? unit.parent_id : unit.id
}

/** Org units of the given kind inside the subtree rooted at `rootId` (null = everywhere). */
export async function orgUnitsInScope(
  rootId: number | null,
  kind: OrgUnitKind,
  db: Executor = getDb(),
) {
  if (rootId == null) {
    return db
      .selectFrom('org_units')
      .select(['id', 'name', 'kind', 'unit_type', 'parent_id'])
      .where('kind', '=', kind)
      .orderBy('name')
      .execute()
  }
  return db
    .withRecursive('tree(id)', (qb) =>
      qb
        .selectFrom('org_units')
        .select('id')
        .where('id', '=', rootId)
        .unionAll((q) =>
          q
            .selectFrom('org_units')
            .innerJoin('tree', 'tree.id', 'org_units.parent_id')
            .select('org_units.id'),
        ),
    )
    .selectFrom('org_units')
    .innerJoin('tree', 'tree.id', 'org_units.id')
    .select([
      'org_units.id',
      'org_units.name',
      'org_units.kind',
      'org_units.unit_type',
      'org_units.parent_id',
    ])
    .where('org_units.kind', '=', kind)
    .orderBy('org_units.name')
    .execute()
}

/** Is `id` inside the subtree rooted at `rootId` (null = everywhere)? */
export async function isInScope(rootId: number | null, id: number, db: Executor = getDb()) {
  if (rootId == null) return !!(await findOrgUnit(id, db))
  const row = await db
    .withRecursive('ancestors(id, parent_id)', (qb) =>
      qb
        .selectFrom('org_units')
        .select(['id', 'parent_id'])
        .where('id', '=', id)
        .unionAll((q) =>
          q
            .selectFrom('org_units')
            .innerJoin('ancestors', 'ancestors.parent_id', 'org_units.id')
            .select(['org_units.id', 'org_units.parent_id']),
        ),
    )
    .selectFrom('ancestors')
    .select('id')
    .where('id', '=', rootId)
    .executeTakeFirst()
  return !!row
}

export async function countOrgUnits(rootId: number | null, db: Executor = getDb()) {
  const [units, communes] = await Promise.all([
    orgUnitsInScope(rootId, 'unit', db),
    orgUnitsInScope(rootId, 'commune', db),
  ])
  return { units: units.length, communes: communes.length }
}
