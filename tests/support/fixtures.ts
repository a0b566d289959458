import type { Insertable } from 'kysely'
import { getDb } from '#db/index'
import type { ContestTable, EntryTable, ModelTable } from '#db/schema'
import type { Role, UnitType } from '#db/domain'
import { insertUser, type RoleAssignment } from '#db/repos/users'
import { hashPassword } from '~/auth/password.server'
import { createUserSession } from '~/auth/session.server'

const stamp = () => new Date().toISOString()
let hash: Promise<string> | undefined
export const TEST_PASSWORD = 'correct horse battery'

/** One scrypt hash shared by every test user (hashing is deliberately slow). */
export function testPasswordHash() {
  hash ??= hashPassword(TEST_PASSWORD)
  return hash
}

async function orgUnit(values: {
  kind: 'province' | 'district' | 'commune' | 'unit'
  name: string
  code?: string
  parent_id?: number | null
  unit_type?: UnitType
}) {
  const { id } = await getDb()
    .insertInto('org_units')
    .values({
      kind: values.kind,
      name: values.name,
      code: values.code ?? null,
      parent_id: values.parent_id ?? null,
      unit_type: values.unit_type ?? null,
      created_at: stamp(),
      updated_at: stamp(),
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  return id
}

/** Two districts of one province, a commune and a unit in each, and the organiser's office. */
export async function createOrgTree() {
  const province = await orgUnit({ kind: 'province', name: 'Tỉnh Thử Nghiệm', code: 'T1' })
  const district = await orgUnit({
    kind: 'district',
    name: 'Huyện A',
    code: 'D1',
    parent_id: province,
  })
  const otherDistrict = await orgUnit({
    kind: 'district',
    name: 'Huyện B',
    code: 'D2',
    parent_id: province,
  })
  const commune = await orgUnit({
    kind: 'commune',
    name: 'Xã Một',
    code: 'C1',
    parent_id: district,
  })
  const otherCommune = await orgUnit({
    kind: 'commune',
    name: 'Xã Hai',
    code: 'C2',
    parent_id: otherDistrict,
  })
  const organiser = await orgUnit({
    kind: 'unit',
    name: 'Ban Dân vận Huyện ủy A',
    parent_id: district,
    unit_type: 'party_committee',
  })
  const unit = await orgUnit({
    kind: 'unit',
    name: 'Chi bộ thôn Một',
    parent_id: commune,
    unit_type: 'party_cell',
  })
  const otherUnit = await orgUnit({
    kind: 'unit',
    name: 'Chi bộ thôn Hai',
    parent_id: otherCommune,
    unit_type: 'party_cell',
  })
  return { province, district, otherDistrict, commune, otherCommune, organiser, unit, otherUnit }
}

export type OrgTree = Awaited<ReturnType<typeof createOrgTree>>

let counter = 0
export async function createUser(roles: RoleAssignment[], username?: string) {
  counter += 1
  const name = username ?? `user${counter}`
  const id = await insertUser({
    username: name,
    displayName: `Người dùng ${counter}`,
    passwordHash: await testPasswordHash(),
    roles,
    now: new Date(),
  })
  return { id, username: name }
}

/** A user holding one role, bound where the role needs it. */
export async function userWithRole(role: Role, org: OrgTree) {
  const orgUnitId =
    role === 'unit'
      ? org.unit
      : role === 'commune'
        ? org.commune
        : role === 'admin'
          ? org.organiser
          : null
  return createUser([{ role, orgUnitId }])
}

/** An organiser of the other district (outside the tree's organiser's area). */
export async function farOrganiser(org: OrgTree) {
  const office = await orgUnit({
    kind: 'unit',
    name: 'Ban Tuyên giáo và Dân vận B',
    parent_id: org.otherDistrict,
    unit_type: 'party_committee',
  })
  return createUser([{ role: 'admin', orgUnitId: office }])
}

/** A Cookie header for a fresh session of this user. */
export async function cookieFor(userId: number) {
  const setCookie = await createUserSession(
    userId,
    new Request('http://localhost/login'),
    '127.0.0.1',
  )
  return setCookie.split(';')[0]!
}

/** The 2025 round the integration tests share: nominations June–September, judging in November. */
const CONTEST_DEFAULTS = {
  title: 'Bình xét 2025',
  year: 2025,
  level: 'district',
  status: 'open' as const,
  registration_opens_on: '2025-01-01',
  nomination_opens_on: '2025-06-01',
  nomination_deadline: '2025-09-30T16:59:59.000Z',
  screening_ends_on: '2025-10-10',
  judging_opens_on: '2025-10-11',
  judging_closes_at: '2025-11-30T16:59:59.000Z',
  results_on: '2025-12-15',
  allowed_fields: '[]',
  allowed_kinds: '[]',
  created_at: '2025-01-01T00:00:00.000Z',
  updated_at: '2025-01-01T00:00:00.000Z',
}

/** Inserts a contest organised by `organiserId`, with the shared schedule unless overridden. */
export async function insertContest(
  organiserId: number,
  overrides: Partial<Insertable<ContestTable>> = {},
) {
  return getDb()
    .insertInto('contests')
    .values({ ...CONTEST_DEFAULTS, organiser_org_unit_id: organiserId, ...overrides })
    .returning('id')
    .executeTakeFirstOrThrow()
}

/** Inserts a unit's model (an economy model titled "Mô hình") unless overridden. */
export async function insertModel(unitId: number, overrides: Partial<Insertable<ModelTable>> = {}) {
  const at = stamp()
  return getDb()
    .insertInto('models')
    .values({
      slug: `mo-hinh-${Math.random().toString(36).slice(2)}`,
      unit_id: unitId,
      title: 'Mô hình',
      kind: 'model',
      field: 'economy',
      created_at: at,
      updated_at: at,
      ...overrides,
    })
    .returning('id')
    .executeTakeFirstOrThrow()
}

/** Inserts the unit's entry of `modelId` in a contest: a draft with the model's defaults unless overridden. */
export async function insertEntry(
  contestId: number,
  model: { id: number; unitId: number },
  overrides: Partial<Insertable<EntryTable>> = {},
) {
  const at = stamp()
  return getDb()
    .insertInto('entries')
    .values({
      contest_id: contestId,
      model_id: model.id,
      unit_id: model.unitId,
      state: 'draft',
      title: 'Mô hình',
      kind: 'model',
      field: 'economy',
      version: 0,
      created_at: at,
      updated_at: at,
      ...overrides,
    })
    .returning('id')
    .executeTakeFirstOrThrow()
}
