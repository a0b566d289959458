import { describe, expect, it } from 'vitest'
import { csvText } from '~/http/csv'

describe('csvText, the one CSV writer', () => {
  it.each([
    ['=HYPERLINK("http://evil.example","x")', `"'=HYPERLINK(""http://evil.example"",""x"")"`],
    ['+1+1', "'+1+1"],
    ['-1+1', "'-1+1"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\t=1', "'\t=1"],
    ['\r=1', `"'\r=1"`],
    ['\uff1d1+1', "'\uff1d1+1"],
    ['Dân vận khéo', 'Dân vận khéo'],
    ['a = b', 'a = b'],
  ])('%j → %s', (value, cell) => {
    expect(csvText([[value]])).toBe(`${cell}\r\n`)
  })

  it('leaves numbers alone, negative ones included', () => {
    expect(csvText([[-3, 17.5, 0]])).toBe('-3,17.5,0\r\n')
  })

  it('writes a BOM only when asked, and orders object rows by the columns given', () => {
    expect(csvText([['id']], { bom: true })).toBe('\uFEFFid\r\n')
    expect(csvText([{ b: 2, a: '=1' }], { columns: ['a', 'b'] })).toBe("'=1,2\r\n")
  })
})
