import { describe, expect, it } from 'vitest'
import { readNumber } from '~/forms/number'
import { formatDecimal } from '~/models/decimal'

describe('formatDecimal', () => {
  it('groups exactly, without floating point', () => {
    expect(formatDecimal('1234.5')).toBe('1.234,5')
    expect(formatDecimal('450000000')).toBe('450.000.000')
    expect(formatDecimal('123456789012345.1234')).toBe('123.456.789.012.345,1234')
    expect(formatDecimal('1234.5', 'en')).toBe('1,234.5')
    expect(formatDecimal('12')).toBe('12')
  })

  it('reads back through the number reader (a lone thousands group, "2.300", only as a whole number)', () => {
    for (const v of ['0.1', '3.5', '1000000.25', '2300000'])
      expect(readNumber(formatDecimal(v))).toEqual({ ok: true, value: v })
    expect(readNumber(formatDecimal('2300'), { kind: 'integer' })).toEqual({
      ok: true,
      value: '2300',
    })
    expect(readNumber(formatDecimal('2300')).ok).toBe(false)
  })
})
