import { describe, expect, it } from 'vitest'
import { type z } from 'zod'
import { numberField, numberText, text, wholeNumber } from '~/forms/fields'
import { numberForInput, readNumber, type NumberReading } from '~/forms/number'
import { translator, withParams } from '~/i18n'

const ok = (value: string): NumberReading => ({ ok: true, value })
const no = (reason: string) => expect.objectContaining({ ok: false, reason })

describe('readNumber: how Vietnamese numbers are read', () => {
  it.each<[string, 'decimal' | 'integer', unknown]>([
    // the decimal comma
    ['7,5', 'decimal', ok('7.5')],
    ['1,5', 'decimal', ok('1.5')],
    ['18,50', 'decimal', ok('18.5')],
    ['0,25', 'decimal', ok('0.25')],
    ['1234,5', 'decimal', ok('1234.5')],
    // a dot where it cannot group thousands is a decimal point
    ['7.5', 'decimal', ok('7.5')],
    ['18.25', 'decimal', ok('18.25')],
    ['0.250', 'decimal', ok('0.25')],
    ['1234.567', 'decimal', ok('1234.567')],
    // grouping with a fraction, either convention
    ['1.234,5', 'decimal', ok('1234.5')],
    ['1.234.567,89', 'decimal', ok('1234567.89')],
    ['1,234.5', 'decimal', ok('1234.5')],
    ['1 234,5', 'decimal', ok('1234.5')],
    ['1\u00a0234\u202f567', 'decimal', ok('1234567')],
    // two or more dots group thousands
    ['450.000.000', 'decimal', ok('450000000')],
    ['450.000.000', 'integer', ok('450000000')],
    // one dot and three digits: ambiguous in a decimal field, thousands in a whole-number one
    [
      '1.234',
      'decimal',
      { ok: false, reason: 'ambiguous', readings: { grouped: '1234', decimal: '1,234' } },
    ],
    ['2.300', 'decimal', no('ambiguous')],
    ['450.000', 'decimal', no('ambiguous')],
    ['1.234', 'integer', ok('1234')],
    ['2.300', 'integer', ok('2300')],
    // plain digits, zeros, spaces around
    ['2300', 'decimal', ok('2300')],
    [' 12 ', 'integer', ok('12')],
    ['007', 'integer', ok('7')],
    ['0', 'decimal', ok('0')],
    ['0,0', 'decimal', ok('0')],
    ['2025', 'integer', ok('2025')],
    // refused
    ['1,5', 'integer', no('notWhole')],
    ['1.5', 'integer', no('notWhole')],
    ['-5', 'decimal', no('negative')],
    ['- 5', 'decimal', no('negative')],
    ['+5', 'decimal', no('invalid')],
    ['', 'decimal', no('invalid')],
    ['   ', 'decimal', no('invalid')],
    ['abc', 'decimal', no('invalid')],
    ['7,5đ', 'decimal', no('invalid')],
    ['1e5', 'decimal', no('invalid')],
    ['Infinity', 'decimal', no('invalid')],
    ['7,', 'decimal', no('invalid')],
    [',5', 'decimal', no('invalid')],
    ['.5', 'decimal', no('invalid')],
    ['1,2,3', 'decimal', no('invalid')],
    ['1,234,567', 'integer', no('invalid')],
    ['1.2.3', 'decimal', no('invalid')],
    ['12.34.5', 'decimal', no('invalid')],
    ['1.23,4', 'decimal', no('invalid')],
    ['1.234,5,6', 'decimal', no('invalid')],
    ['1,234.5.6', 'decimal', no('invalid')],
    ['1 23', 'decimal', no('invalid')],
    ['1 234.567', 'decimal', no('invalid')],
    ['0.234.567', 'decimal', no('invalid')],
    ['1,23456', 'decimal', no('tooPrecise')],
    ['1234567890123456', 'integer', no('tooLarge')],
  ])('%j (%s) → %j', (input, kind, expected) => {
    expect(readNumber(input, { kind })).toEqual(expected)
  })

  it('counts fraction digits after dropping trailing zeros', () => {
    expect(readNumber('7,50', { maxFraction: 1 })).toEqual(ok('7.5'))
    expect(readNumber('7,25', { maxFraction: 1 })).toEqual(no('tooPrecise'))
  })
})

describe('numberForInput: what an input shows reads back as the value stored', () => {
  it.each<[string | number, 'decimal' | 'integer', string]>([
    [18.5, 'decimal', '18,5'],
    ['1234.5', 'decimal', '1234,5'],
    ['2300', 'decimal', '2300'],
    [0.1, 'decimal', '0,1'],
    [7, 'decimal', '7'],
    ['450000000', 'integer', '450.000.000'],
    [1200, 'integer', '1.200'],
    [2025, 'integer', '2.025'],
  ])('%j (%s) → %j', (value, kind, shown) => {
    expect(numberForInput(value, kind)).toBe(shown)
    const back = readNumber(shown, { kind })
    expect(back.ok && back.value).toBe(typeof value === 'number' ? String(value) : value)
  })

  it('shows nothing for no value', () => {
    expect(numberForInput(null)).toBe('')
    expect(numberForInput(undefined)).toBe('')
  })
})

describe('the zod helpers', () => {
  const t = translator('vi')
  const messages = (r: { success: boolean; error?: z.ZodError }) =>
    r.error?.issues.map((i) => t(i.message)) ?? []

  it('give the exact text or number and a message next to the field', () => {
    expect(numberText().parse('1.234,5')).toBe('1234.5')
    expect(numberField().parse('7,5')).toBe(7.5)
    expect(messages(numberField().safeParse('1.234'))).toEqual([
      'Chưa rõ “1.234” là 1234 hay 1,234. Viết 1234 nếu là số nguyên, 1,234 nếu là số thập phân.',
    ])
    expect(messages(numberField({ maxFraction: 2 }).safeParse('7,125'))).toEqual([
      'Tối đa 2 chữ số sau dấu phẩy.',
    ])
  })

  it('check whole numbers against their range with one message', () => {
    const year = wholeNumber(2000, 2100, 'contest.error.year')
    expect(year.parse('2026')).toBe(2026)
    expect(year.parse('2.026')).toBe(2026)
    for (const bad of ['1999', '2101', '2025,5', 'năm 2025'])
      expect(year.safeParse(bad).error?.issues.map((i) => i.message)).toEqual([
        'contest.error.year',
      ])
  })

  it('name the length limit in the message, in the reader’s number format', () => {
    const r = text(200).safeParse('x'.repeat(201))
    expect(r.error?.issues.map((i) => i.message)).toEqual([
      withParams('validation.tooLong', { max: 200 }),
    ])
    expect(messages(text(20000).safeParse('x'.repeat(20001)))).toEqual([
      'Quá dài: tối đa 20.000 ký tự.',
    ])
    expect(translator('en')(withParams('validation.tooLong', { max: 20000 }))).toBe(
      'Too long: at most 20,000 characters.',
    )
  })
})
