import type { Locale } from '#db/domain'

/**
 * Exact decimals for indicator values. They are kept as canonical strings
 * ("2300", "3.5": no grouping, '.' as the decimal point, no needless zeros), never
 * as floats, so money and areas never drift. They are read from what people type by
 * the one number reader (~/forms/number); this shows them on pages.
 */
/** Shows a canonical decimal with the locale's grouping and decimal point, exactly. */
export function formatDecimal(value: string, locale: Locale = 'vi'): string {
  const [int = '0', frac] = value.split('.')
  const [group, point] = locale === 'vi' ? ['.', ','] : [',', '.']
  const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, group)
  return frac ? `${grouped}${point}${frac}` : grouped
}
