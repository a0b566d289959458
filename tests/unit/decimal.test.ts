import { describe, expect, it } from 'vitest'
import { formatDecimal, isWholeNumber, parseDecimal } from '~/models/decimal'

describe('parseDecimal (Vietnamese input)', () => {
  it.each([
    ['1.234,5', '1234.5'],
    ['2.300', '2300'],
    ['2300', '2300'],
    ['3,5', '3.5'],
    ['3.5', '3.5'],
    ['450.000.000', '450000000'],
    [' 1 200 ', '1200'],
    ['0,50', '0.5'],
    ['007', '7'],
    ['0', '0'],
  ])('%s → %s', (input, expected) => {
    expect(parseDecimal(input)).toBe(expected)
  })

  it.each(['', 'abc', '-5', '1,2,3', '1.2.3,4,5', '1e5', '12.34.5', '1,23456', '1234567890123456'])(
    'refuses %j',
    (input) => {
      expect(parseDecimal(input)).toBeNull()
    },
  )

  it('reads English input with English separators', () => {
    expect(parseDecimal('1,234.5', 'en')).toBe('1234.5')
    expect(parseDecimal('2,300', 'en')).toBe('2300')
  })
})

describe('formatDecimal', () => {
  it('groups exactly, without floating point', () => {
    expect(formatDecimal('1234.5')).toBe('1.234,5')
    expect(formatDecimal('450000000')).toBe('450.000.000')
    expect(formatDecimal('123456789012345.1234')).toBe('123.456.789.012.345,1234')
    expect(formatDecimal('1234.5', 'en')).toBe('1,234.5')
    expect(formatDecimal('12')).toBe('12')
  })

  it('round-trips', () => {
    for (const v of ['0.1', '3.5', '2300', '1000000.25'])
      expect(parseDecimal(formatDecimal(v))).toBe(v)
  })

  it('knows whole numbers (money is whole đồng)', () => {
    expect(isWholeNumber('450000000')).toBe(true)
    expect(isWholeNumber('3.5')).toBe(false)
  })
})
