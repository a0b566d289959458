/** ASCII slug from Vietnamese text: "Dân hiến đất" → "dan-hien-dat". */
export function slugify(text: string, maxLength = 80) {
  const slug = text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
  if (slug.length <= maxLength) return slug
  const cut = slug.slice(0, maxLength)
  return cut.slice(0, cut.lastIndexOf('-') > 20 ? cut.lastIndexOf('-') : maxLength)
}

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
