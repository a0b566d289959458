/**
 * The items of a form's error summary, in the order the fields appear on the page (pure).
 *
 * Conform keys errors by field name: `title`, `indicators[1].value`, `''` for the form itself.
 * A form describes its fields as name patterns in page order, a list by its name and its
 * rows' fields with `[]` (`indicators`, `indicators[].value`); errors are sorted by that
 * order, row by row.
 */
export interface SummaryError {
  /** The field's name as Conform keys it ('' for errors about the whole form). */
  name: string
  /** `indicators[1].value` → `indicators[].value` */
  pattern: string
  /** The 1-based row numbers of the lists the field sits in (`indicators[1].value` → [2]). */
  rows: number[]
  messages: string[]
}

export function patternOf(name: string) {
  return name.replace(/\[\d+\]/g, '[]')
}

export function rowsOf(name: string) {
  return [...name.matchAll(/\[(\d+)\]/g)].map((m) => Number(m[1]) + 1)
}

/** The list a row field belongs to: `indicators[].value` → `indicators`. */
export function listOf(pattern: string) {
  const i = pattern.indexOf('[]')
  return i < 0 ? null : pattern.slice(0, i)
}

/**
 * Errors in page order: fields named in `order` first (a row's fields together, rows in
 * order), then any other field, then the form's own errors. Empty messages are dropped and
 * a message repeated for the form and a field is listed once, with the field.
 */
export function summaryErrors(
  errors: Record<string, readonly string[] | null | undefined>,
  order: readonly string[],
): SummaryError[] {
  const rank = (pattern: string) => {
    const i = order.indexOf(pattern)
    return i < 0 ? order.length : i
  }
  const fieldMessages = new Set<string>()
  const items: SummaryError[] = []
  for (const [name, list] of Object.entries(errors)) {
    const messages = [...new Set(list ?? [])].filter(Boolean)
    if (!messages.length) continue
    if (name !== '') messages.forEach((m) => fieldMessages.add(m))
    items.push({ name, pattern: patternOf(name), rows: rowsOf(name), messages })
  }
  const key = (e: SummaryError) => {
    if (e.name === '') return [order.length + 1]
    // A row field sorts with its list, then by row, then by its place within the row.
    const list = listOf(e.pattern)
    return list === null ? [rank(e.pattern)] : [rank(list), ...e.rows, rank(e.pattern)]
  }
  const compare = (a: number[], b: number[]) => {
    for (let i = 0; i < Math.max(a.length, b.length); i++) {
      const d = (a[i] ?? -1) - (b[i] ?? -1)
      if (d) return d
    }
    return 0
  }
  return items
    .map((e) =>
      e.name === '' ? { ...e, messages: e.messages.filter((m) => !fieldMessages.has(m)) } : e,
    )
    .filter((e) => e.messages.length)
    .sort((a, b) => compare(key(a), key(b)))
}
