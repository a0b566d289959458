import type { Locale } from '#db/domain'

/**
 * Exact decimals for indicator values. They are kept as canonical strings
 * ("2300", "3.5": no grouping, '.' as the decimal point, no needless zeros), never
 * as floats, so money and areas never drift. Parsing accepts what people type in
 * Vietnamese ("1.234,5", "2.300", "3,5") or plain "3.5".
 */
const MAX_FRACTION = 4
const MAX_INTEGER_DIGITS = 15

function canonical(integer: string, fraction: string): string | null {
  const int = integer.replace(/^0+(?=\d)/, '')
  const frac = fraction.replace(/0+$/, '')
  if (!/^\d+$/.test(int) || (frac && !/^\d+$/.test(frac))) return null
  if (int.length > MAX_INTEGER_DIGITS || frac.length > MAX_FRACTION) return null
  return frac ? `${int}.${frac}` : int
}

export function parseDecimal(input: string, locale: Locale = 'vi'): string | null {
  const s = input.trim().replace(/[\s\u00a0\u202f]/g, '')
  if (!s || s.startsWith('-') || s.startsWith('+')) return null
  const [group, point] = locale === 'vi' ? ['.', ','] : [',', '.']
  if (s.includes(point)) {
    const parts = s.split(point)
    if (parts.length !== 2) return null
    const [intPart, fracPart] = parts as [string, string]
    if (!isGrouped(intPart, group) && intPart.includes(group)) return null
    return canonical(intPart.split(group).join('') || '0', fracPart)
  }
  if (s.includes(group)) {
    // "2.300" in Vietnamese is two thousand three hundred; "3.5" is three and a half.
    if (isGrouped(s, group)) return canonical(s.split(group).join(''), '')
    const parts = s.split(group)
    if (parts.length === 2) return canonical(parts[0]!, parts[1]!)
    return null
  }
  return canonical(s, '')
}

function isGrouped(s: string, sep: string) {
  const re = new RegExp(`^\\d{1,3}(\\${sep}\\d{3})+$`)
  return re.test(s)
}

/** Shows a canonical decimal with the locale's grouping and decimal point, exactly. */
export function formatDecimal(value: string, locale: Locale = 'vi'): string {
  const [int = '0', frac] = value.split('.')
  const [group, point] = locale === 'vi' ? ['.', ','] : [',', '.']
  const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, group)
  return frac ? `${grouped}${point}${frac}` : grouped
}

/** Money is whole đồng. */
export function isWholeNumber(value: string) {
  return !value.includes('.')
}
