import { stringify } from 'csv-stringify/sync'

/**
 * The one CSV writer of the app (results exports, monitoring downloads, open data): RFC 4180
 * (quoting, CRLF line ends), and formula escaping — a text that starts with = + - @, a tab or a
 * carriage return (or their full-width forms) gets a leading ' so that a spreadsheet shows it
 * instead of running it (CSV injection: `=HYPERLINK(...)` in a model's title). Numbers are left
 * alone, so -3 stays a number. Date objects are written as "YYYY-MM-DD HH:mm" of their ISO form (callers shift them to Vietnam time first).
 */
export function csvText(
  records: readonly (readonly unknown[])[] | readonly Record<string, unknown>[],
  options: { bom?: boolean; columns?: readonly string[] } = {},
): string {
  return stringify(records as unknown[], {
    bom: options.bom ?? false,
    columns: options.columns ? [...options.columns] : undefined,
    record_delimiter: 'windows',
    escape_formulas: true,
    // A lone CR or LF is a line break to some readers: such fields are always quoted.
    quoted_match: /[\r\n]/,
    cast: { date: (d) => d.toISOString().slice(0, 16).replace('T', ' ') },
  })
}
