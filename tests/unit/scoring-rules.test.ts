import { describe, expect, it } from 'vitest'
import { withParams } from '~/i18n'
import {
  isSheetComplete,
  parsePoints,
  rubricMax,
  scoreRefusal,
  scoreSheetSchema,
  sheetTotal,
} from '~/judging/scoring'

const RUBRIC = [
  { id: 1, max_points: 20 },
  { id: 2, max_points: 15 },
  { id: 3, max_points: 25 },
]

describe('points', () => {
  it('parses what judges type, with a point or a Vietnamese comma', () => {
    expect(parsePoints('7')).toBe(7)
    expect(parsePoints(' 7.5 ')).toBe(7.5)
    expect(parsePoints('7,5')).toBe(7.5)
    expect(parsePoints('1,5')).toBe(1.5)
    expect(parsePoints('18,50')).toBe(18.5)
    expect(parsePoints('0')).toBe(0)
    // The one number reader: grouped thousands read as such (and are then out of range).
    expect(parsePoints('1.234,5')).toBe(1234.5)
    for (const bad of ['', '-1', '+2', 'bảy', '7,5,1', '1e1', '7.', '7,125', '1.500']) {
      expect(parsePoints(bad), bad).toBeNull()
    }
  })

  it('allows 0 to the maximum in steps of 0.5', () => {
    expect(scoreRefusal(0, 20)).toBeNull()
    expect(scoreRefusal(20, 20)).toBeNull()
    expect(scoreRefusal(12.5, 20)).toBeNull()
    expect(scoreRefusal(20.5, 20)).toBe('score.error.range')
    expect(scoreRefusal(-0.5, 20)).toBe('score.error.range')
    expect(scoreRefusal(7.25, 20)).toBe('score.error.step')
    expect(scoreRefusal(Number.NaN, 20)).toBe('score.error.number')
  })
})

describe('sheets', () => {
  it('totals exactly and knows the rubric maximum', () => {
    expect(sheetTotal([{ points: 7.5 }, { points: 12.5 }, { points: 0.5 }])).toBe(20.5)
    expect(sheetTotal([])).toBe(0)
    expect(rubricMax(RUBRIC)).toBe(60)
  })

  it('is complete only when every criterion has valid points', () => {
    const all = [
      { criterion_id: 1, points: 10 },
      { criterion_id: 2, points: 15 },
      { criterion_id: 3, points: 0 },
    ]
    expect(isSheetComplete(RUBRIC, all)).toBe(true)
    expect(isSheetComplete(RUBRIC, all.slice(0, 2))).toBe(false)
    expect(isSheetComplete(RUBRIC, [...all.slice(0, 2), { criterion_id: 3, points: 26 }])).toBe(
      false,
    )
  })
})

describe('score sheet form', () => {
  const schema = scoreSheetSchema(RUBRIC)

  it('saves a draft with blanks and turns typed points into numbers', () => {
    const r = schema.safeParse({ intent: 'save', points_1: '7,5', comment_1: ' Tốt ' })
    expect(r.success).toBe(true)
    expect(r.data).toEqual({
      intent: 'save',
      scores: [
        { criterion_id: 1, points: 7.5, comment: 'Tốt' },
        { criterion_id: 2, points: null, comment: '' },
        { criterion_id: 3, points: null, comment: '' },
      ],
    })
  })

  it('puts range and step errors on the field', () => {
    const r = schema.safeParse({ intent: 'save', points_1: '21', points_2: '3.3', points_3: 'x' })
    expect(r.success).toBe(false)
    const byPath = Object.fromEntries(r.error!.issues.map((i) => [i.path.join('.'), i.message]))
    expect(byPath).toEqual({
      points_1: 'score.error.range',
      points_2: 'score.error.step',
      points_3: 'score.error.number',
    })
  })

  it('needs every criterion to submit', () => {
    const r = schema.safeParse({ intent: 'submit', points_1: '20', points_2: '15' })
    expect(r.success).toBe(false)
    expect(r.error!.issues.map((i) => [i.path.join('.'), i.message])).toEqual([
      ['points_3', 'score.error.required'],
    ])
    const ok = schema.safeParse({ intent: 'submit', points_1: '20', points_2: '15', points_3: '0' })
    expect(ok.success).toBe(true)
  })

  it('refuses an overlong comment', () => {
    const r = schema.safeParse({ intent: 'save', comment_2: 'a'.repeat(2001) })
    expect(r.success).toBe(false)
    expect(r.error!.issues[0]!.message).toBe(
      withParams('score.error.commentTooLong', { max: 2000 }),
    )
  })
})
