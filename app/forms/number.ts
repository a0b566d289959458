/**
 * The one exact reader of numbers as people type them in Vietnamese (pure). Every numeric
 * field of every form reads through it (via the zod helpers in ./fields), in the browser and
 * on the server. Values come out as canonical text ("1234.5": no grouping, '.' as the point,
 * no needless zeros) so nothing is lost to floating point; callers that store a REAL take
 * Number() of it.
 *
 * The rules (Vietnamese writes the decimal point as a comma and groups thousands with dots):
 * 1. Spaces (also no-break and narrow no-break) at either end are ignored. Inside they may
 *    group thousands ("1 234 567"), never mixed with dots.
 * 2. A comma is the decimal point: "7,5" = 7.5, "1.234,5" = 1234.5. At most one comma.
 * 3. With both a comma and a dot, the one written last is the decimal point and must come once;
 *    the other groups thousands correctly ("1.234,5"; English "1,234.5" also reads 1234.5).
 * 4. Dots alone: two or more group thousands and must do so correctly ("1.234.567"). One dot is
 *    the decimal point ("7.5", "0.250", "1234.567") unless it could also group thousands, that
 *    is 1–3 digits (not starting with 0), a dot and exactly 3 digits: "1.234" is 1234 to a
 *    Vietnamese reader and 1.234 to an English one. In a decimal field that is ambiguous and
 *    refused, with both readings in the message; in a whole-number field only 1234 is possible.
 * 5. Digits only, no sign (no field takes a negative number), no exponent, at least one digit
 *    before the point and one after it, at most 15 digits before it and `maxFraction` after it
 *    (trailing zeros do not count).
 *
 * Values are shown back in inputs so that they read back the same (numberForInput): a comma
 * as the point and no grouping for decimals ("18,5", "2300"), dot grouping for whole numbers
 * ("450.000.000").
 */
export type NumberKind = 'decimal' | 'integer'

export type NumberRefusal =
  'invalid' | 'ambiguous' | 'negative' | 'notWhole' | 'tooLarge' | 'tooPrecise'

export type NumberReading =
  | { ok: true; value: string }
  | { ok: false; reason: NumberRefusal; readings?: { grouped: string; decimal: string } }

export interface ReadOptions {
  kind?: NumberKind
  /** Most digits after the point (default 4). */
  maxFraction?: number
}

const MAX_INTEGER_DIGITS = 15
const SPACES = /[ \u00a0\u202f]/g

const refuse = (reason: NumberRefusal): NumberReading => ({ ok: false, reason })

/** 1–3 digits not starting with 0, then groups of exactly 3 digits after `sep`. */
function isGrouped(s: string, sep: string) {
  return new RegExp(`^[1-9]\\d{0,2}(\\${sep}\\d{3})+$`).test(s)
}

function integerDigits(part: string, group: string | null): string | null {
  if (/^\d+$/.test(part)) return part
  if (group && isGrouped(part, group)) return part.split(group).join('')
  return null
}

export function readNumber(input: string, options: ReadOptions = {}): NumberReading {
  const { kind = 'decimal', maxFraction = 4 } = options
  const s = input.replace(/^[ \u00a0\u202f]+|[ \u00a0\u202f]+$/g, '').replace(SPACES, ' ')
  if (/^-\s*\d/.test(s)) return refuse('negative')
  if (!/^[\d., ]+$/.test(s) || !/\d/.test(s)) return refuse('invalid')
  const hasSpace = s.includes(' ')
  const commas = s.split(',').length - 1
  const dots = s.split('.').length - 1
  if (hasSpace && dots > 0 && commas > 0) return refuse('invalid')

  let point: ',' | '.' | null = null
  let group: string | null = hasSpace ? ' ' : null
  if (commas && dots) {
    point = s.lastIndexOf(',') > s.lastIndexOf('.') ? ',' : '.'
    group = point === ',' ? '.' : ','
    if ((point === ',' ? commas : dots) !== 1) return refuse('invalid')
  } else if (commas) {
    if (commas !== 1) return refuse('invalid')
    point = ','
  } else if (dots) {
    if (hasSpace) return refuse('invalid')
    if (dots > 1) group = '.'
    else if (isGrouped(s, '.')) {
      if (kind === 'integer') group = '.'
      else
        return {
          ok: false,
          reason: 'ambiguous',
          readings: { grouped: s.replace('.', ''), decimal: s.replace('.', ',') },
        }
    } else point = '.'
  }

  const [intText, fracText = ''] = point ? s.split(point) : [s]
  if (point && !/^\d+$/.test(fracText)) return refuse('invalid')
  const digits = integerDigits(intText!, group)
  if (digits === null) return refuse('invalid')
  const int = digits.replace(/^0+(?=\d)/, '')
  const frac = fracText.replace(/0+$/, '')
  if (int.length > MAX_INTEGER_DIGITS) return refuse('tooLarge')
  if (frac && kind === 'integer') return refuse('notWhole')
  if (frac.length > maxFraction) return refuse('tooPrecise')
  return { ok: true, value: frac ? `${int}.${frac}` : int }
}

/** A stored number (canonical text or a JS number) as an input shows it, so that it reads back the same. */
export function numberForInput(
  value: string | number | null | undefined,
  kind: NumberKind = 'decimal',
) {
  if (value == null || value === '') return ''
  const text = typeof value === 'number' ? canonicalOf(value) : value
  const [int = '0', frac] = text.split('.')
  if (kind === 'integer' && !frac) return int.replace(/\B(?=(\d{3})+(?!\d))/g, '.')
  return frac ? `${int},${frac}` : int
}

/** A finite JS number as canonical text without exponent (for REAL columns such as points). */
function canonicalOf(n: number) {
  if (Number.isInteger(n)) return BigInt(n).toString()
  return n.toFixed(10).replace(/0+$/, '').replace(/\.$/, '')
}
