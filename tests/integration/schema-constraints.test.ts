import { sql } from 'kysely'
import { beforeAll, describe, expect, it } from 'vitest'
import { getDb } from '#db/index'
import { createOrgTree, createUser, type OrgTree, insertContest } from '../support/fixtures'

/** The database itself refuses bad data, whatever the application code does. */
const at = '2025-06-01T00:00:00.000Z'
let org: OrgTree
let ids: {
  contest: number
  criterion: number
  model: number
  entry: number
  judge: number
  tier: number
}

beforeAll(async () => {
  org = await createOrgTree()
  const db = getDb()
  const contest = await insertContest(org.organiser)
  const criterion = await db
    .insertInto('criteria')
    .values({ contest_id: contest.id, position: 1, title: 'Tính mới', max_points: 20 })
    .returning('id')
    .executeTakeFirstOrThrow()
  const tier = await db
    .insertInto('award_tiers')
    .values({ contest_id: contest.id, position: 1, name: 'Xuất sắc', min_score: 90 })
    .returning('id')
    .executeTakeFirstOrThrow()
  const model = await db
    .insertInto('models')
    .values({
      slug: 'dan-hien-dat',
      unit_id: org.unit,
      title: 'Dân hiến đất làm đường',
      kind: 'model',
      field: 'economy',
      created_at: at,
      updated_at: at,
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  const entry = await db
    .insertInto('entries')
    .values({
      contest_id: contest.id,
      model_id: model.id,
      unit_id: org.unit,
      title: 'Dân hiến đất làm đường',
      kind: 'model',
      field: 'economy',
      created_at: at,
      updated_at: at,
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  const judge = await createUser([{ role: 'judge', orgUnitId: null }])
  ids = {
    contest: contest.id,
    criterion: criterion.id,
    model: model.id,
    entry: entry.id,
    judge: judge.id,
    tier: tier.id,
  }
})

const score = (points: number, max = 20) =>
  getDb()
    .insertInto('scores')
    .values({
      entry_id: ids.entry,
      judge_id: ids.judge,
      criterion_id: ids.criterion,
      max_points: max,
      points,
      updated_at: at,
    })
    .execute()

describe('database constraints', () => {
  it('has foreign keys switched on', async () => {
    const { rows } = await sql<{ foreign_keys: number }>`PRAGMA foreign_keys`.execute(getDb())
    expect(rows[0]?.foreign_keys).toBe(1)
  })

  it('bounds scores by the criterion maximum in half points', async () => {
    await expect(score(20.5)).rejects.toThrow(/CHECK constraint failed: scores_range_ck/)
    await expect(score(-1)).rejects.toThrow(/scores_range_ck/)
    await expect(score(7.3)).rejects.toThrow(/scores_range_ck/)
    // A forged maximum does not match the criterion: refused by the composite foreign key.
    await expect(score(25, 30)).rejects.toThrow(/FOREIGN KEY constraint failed/)
    await score(17.5)
  })

  it('keeps one score per judge, entry and criterion', async () => {
    await expect(score(10)).rejects.toThrow(/UNIQUE constraint failed/)
  })

  it('keeps one entry per model per contest', async () => {
    await expect(
      getDb()
        .insertInto('entries')
        .values({
          contest_id: ids.contest,
          model_id: ids.model,
          unit_id: org.unit,
          title: 'again',
          kind: 'model',
          field: 'economy',
          created_at: at,
          updated_at: at,
        })
        .execute(),
    ).rejects.toThrow(/UNIQUE constraint failed: entries.contest_id, entries.model_id/)
  })

  it('refuses unknown state names and a return without a reason', async () => {
    const update = (values: Record<string, unknown>) =>
      getDb().updateTable('entries').set(values).where('id', '=', ids.entry).execute()
    await expect(update({ state: 'approved' })).rejects.toThrow(/entries_state_ck/)
    await expect(
      update({
        state: 'returned',
        snapshot: '{}',
        submitted_at: at,
        version: 1,
        return_reason: '  ',
      }),
    ).rejects.toThrow(/entries_reason_ck/)
    // Submitted entries must carry their frozen snapshot.
    await expect(update({ state: 'submitted' })).rejects.toThrow(/entries_submitted_ck/)
  })

  it('stores indicator values only as exact decimals', async () => {
    const insert = (value: string) =>
      getDb()
        .insertInto('indicators')
        .values({ model_id: ids.model, position: 1, label: 'Diện tích hiến', value, unit: 'm²' })
        .execute()
    await expect(insert('2.300,5')).rejects.toThrow(/indicators_value_ck/)
    await expect(insert('1e5')).rejects.toThrow(/indicators_value_ck/)
    await expect(insert('-3')).rejects.toThrow(/indicators_value_ck/)
    await insert('2300.5')
  })

  it('refuses empty media and unknown image types', async () => {
    const insert = (values: { byte_size: number; mime_type: string }) =>
      getDb()
        .insertInto('media')
        .values({
          kind: 'photo',
          storage_key: `media/${Math.random().toString(16).slice(2)}.jpg`,
          model_id: ids.model,
          position: 1,
          width: 100,
          height: 100,
          sha256: 'x',
          created_at: at,
          ...values,
        })
        .execute()
    await expect(insert({ byte_size: 0, mime_type: 'image/jpeg' })).rejects.toThrow(/media_size_ck/)
    await expect(insert({ byte_size: 10, mime_type: 'image/gif' })).rejects.toThrow(/media_mime_ck/)
    await expect(
      getDb()
        .insertInto('media')
        .values({
          kind: 'photo',
          storage_key: 'media/nodims.jpg',
          model_id: ids.model,
          position: 2,
          sha256: 'x',
          created_at: at,
          byte_size: 10,
          mime_type: 'image/jpeg',
        })
        .execute(),
    ).rejects.toThrow(/media_dims_ck/)
  })

  it('requires a written reason to override a computed award tier', async () => {
    const insert = (values: {
      tier_id: number | null
      override_reason?: string
      overridden_by?: number
    }) =>
      getDb()
        .insertInto('results')
        .values({
          contest_id: ids.contest,
          entry_id: ids.entry,
          computed_tier_id: null,
          computed_at: at,
          ...values,
        })
        .execute()
    await expect(insert({ tier_id: ids.tier })).rejects.toThrow(/results_override_ck/)
    await insert({
      tier_id: ids.tier,
      override_reason: 'Mô hình có sức lan tỏa lớn',
      overridden_by: ids.judge,
    })
  })

  it('keeps the org tree well formed', async () => {
    const insert = (values: {
      kind: 'commune' | 'unit' | 'province'
      parent_id: number | null
      unit_type?: 'police'
    }) =>
      getDb()
        .insertInto('org_units')
        .values({ name: 'X', created_at: at, updated_at: at, ...values })
        .execute()
    await expect(insert({ kind: 'commune', parent_id: null })).rejects.toThrow(
      /org_units_parent_ck/,
    )
    await expect(
      insert({ kind: 'commune', parent_id: org.district, unit_type: 'police' }),
    ).rejects.toThrow(/org_units_unit_type_ck/)
    await expect(insert({ kind: 'unit', parent_id: org.commune })).rejects.toThrow(
      /org_units_unit_type_ck/,
    )
  })

  it('refuses contest dates out of order', async () => {
    await expect(
      getDb()
        .updateTable('contests')
        .set({ judging_opens_on: '2025-05-01' })
        .where('id', '=', ids.contest)
        .execute(),
    ).rejects.toThrow(/contests_dates_ck/)
  })

  it('needs a reason to stop a replication', async () => {
    await expect(
      getDb()
        .insertInto('replications')
        .values({
          source_model_id: ids.model,
          commune_id: org.otherCommune,
          start_date: '2025-03-01',
          status: 'stopped',
          created_at: at,
          updated_at: at,
        })
        .execute(),
    ).rejects.toThrow(/replications_stop_ck/)
  })
})
