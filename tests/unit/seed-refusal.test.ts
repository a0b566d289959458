import { describe, expect, it } from 'vitest'
import { seedDecision, type SeedRequest } from '#db/seed/refusal'

const empty = { users: 0, orgUnits: 0, models: 0 }
const used = { users: 12, orgUnits: 240, models: 55 }
const req = (over: Partial<SeedRequest>): SeedRequest => ({
  nodeEnv: 'development',
  force: false,
  ifEmpty: false,
  rows: empty,
  ...over,
})

describe('db:seed refusals', () => {
  it('seeds an empty database', () => {
    expect(seedDecision(req({}))).toEqual({ action: 'seed' })
    expect(seedDecision(req({ nodeEnv: undefined }))).toEqual({ action: 'seed' })
  })

  it('refuses a database with data unless told --force, naming what is there', () => {
    const d = seedDecision(req({ rows: used }))
    expect(d.action).toBe('refuse')
    expect(d.action === 'refuse' && d.reason).toContain('12 users, 240 org units, 55 models')
    expect(d.action === 'refuse' && d.reason).toContain('--force')
    // Org units alone (imported from the official list) are data too.
    expect(seedDecision(req({ rows: { ...empty, orgUnits: 1 } })).action).toBe('refuse')
    expect(seedDecision(req({ rows: used, force: true }))).toEqual({ action: 'seed' })
  })

  it('always refuses NODE_ENV=production, even empty or forced', () => {
    for (const over of [{}, { force: true }, { ifEmpty: true }, { rows: used, force: true }]) {
      const d = seedDecision(req({ nodeEnv: 'production', ...over }))
      expect(d.action).toBe('refuse')
      expect(d.action === 'refuse' && d.reason).toMatch(/NODE_ENV is production/)
    }
  })

  it('--if-empty skips a database with data and seeds an empty one', () => {
    expect(seedDecision(req({ ifEmpty: true, rows: used })).action).toBe('skip')
    expect(seedDecision(req({ ifEmpty: true, rows: { ...empty, orgUnits: 3 } })).action).toBe(
      'skip',
    )
    expect(seedDecision(req({ ifEmpty: true }))).toEqual({ action: 'seed' })
  })
})
