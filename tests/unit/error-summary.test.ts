import { describe, expect, it } from 'vitest'
import { listOf, patternOf, rowsOf, summaryErrors } from '~/ui/error-summary-items'

const ORDER = ['title', 'kind', 'indicators', 'indicators[].label', 'indicators[].value', 'phone']

describe('error summary items', () => {
  it('names the pattern, rows and list of a field', () => {
    expect(patternOf('indicators[10].value')).toBe('indicators[].value')
    expect(rowsOf('indicators[10].value')).toEqual([11])
    expect(rowsOf('title')).toEqual([])
    expect(listOf('indicators[].value')).toBe('indicators')
    expect(listOf('title')).toBeNull()
  })

  it('orders errors as the fields appear on the page, row by row, the form last', () => {
    const items = summaryErrors(
      {
        '': ['entry.error.needPhoto'],
        phone: ['validation.phone'],
        'indicators[1].value': ['validation.decimal'],
        unknown: ['validation.required'],
        'indicators[0].value': ['validation.required'],
        'indicators[1].label': ['validation.required'],
        indicators: ['validation.needIndicator'],
        title: ['validation.required'],
      },
      ORDER,
    )
    expect(items.map((e) => e.name)).toEqual([
      'title',
      'indicators',
      'indicators[0].value',
      'indicators[1].label',
      'indicators[1].value',
      'phone',
      'unknown',
      '',
    ])
    expect(items[3]).toEqual({
      name: 'indicators[1].label',
      pattern: 'indicators[].label',
      rows: [2],
      messages: ['validation.required'],
    })
  })

  it('drops empty entries and lists a message given to the form and a field once', () => {
    const items = summaryErrors(
      {
        '': ['entry.error.needPhoto', 'score.error.closed'],
        photos: ['entry.error.needPhoto', 'entry.error.needPhoto'],
        kind: [],
        title: null,
        phone: undefined,
      },
      ORDER,
    )
    expect(items).toEqual([
      { name: 'photos', pattern: 'photos', rows: [], messages: ['entry.error.needPhoto'] },
      { name: '', pattern: '', rows: [], messages: ['score.error.closed'] },
    ])
  })

  it('has nothing to list when there is no error', () => {
    expect(summaryErrors({}, ORDER)).toEqual([])
    expect(summaryErrors({ '': [] }, ORDER)).toEqual([])
  })
})
