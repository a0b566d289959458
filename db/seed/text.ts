export { slugify } from '../../app/models/slug'

/** Canonical decimal text for indicator values: no exponent, no trailing zeros ("3.5", "2300"). */
export function decimalText(value: number, decimals = 0) {
  if (!Number.isFinite(value) || value < 0) throw new Error(`Not a non-negative decimal: ${value}`)
  const fixed = value.toFixed(decimals)
  return fixed.includes('.') ? fixed.replace(/0+$/, '').replace(/\.$/, '') : fixed
}

/** Vietnamese phone number in the usual grouping: "0912 345 678". */
export function phoneText(digits: string) {
  return `${digits.slice(0, 4)} ${digits.slice(4, 7)} ${digits.slice(7)}`
}
