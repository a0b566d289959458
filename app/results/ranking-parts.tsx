import { formatNumber } from '~/i18n'
import { useLocale, useT } from '~/i18n/use-t'

/** Pieces of a ranking table shared by the organiser's and the public results pages. */
export interface RubricColumn {
  id: number
  title: string
  maxPoints: number
}

/** A score with two decimals in the reader's format, or a dash when there is none. */
export function useScoreFormat() {
  const locale = useLocale()
  return (x: number | null) => (x === null ? '—' : formatNumber(locale, x, 2))
}

/** One header cell per criterion: "TC1 (/20)", the criterion's title on hover. */
export function CriterionHeaders({ criteria }: { criteria: RubricColumn[] }) {
  const t = useT()
  const locale = useLocale()
  return criteria.map((cr, i) => (
    <th key={cr.id} scope="col" className="px-3 py-2 text-right" title={cr.title}>
      {t('results.col.criterion', { n: i + 1, max: formatNumber(locale, cr.maxPoints) })}
    </th>
  ))
}

/** The entry's mean points per criterion, in rubric order. */
export function CriterionCells({
  criteria,
  means,
}: {
  criteria: RubricColumn[]
  means: (number | null)[]
}) {
  const score = useScoreFormat()
  return means.map((m, i) => (
    <td key={criteria[i]!.id} className="px-3 py-2 text-right tabular-nums">
      {score(m)}
    </td>
  ))
}

/** What "TC1" … stand for, under the table. */
export function CriterionLegend({ criteria }: { criteria: RubricColumn[] }) {
  const t = useT()
  const locale = useLocale()
  return (
    <ul className="mt-2 text-sm text-stone-700">
      {criteria.map((cr, i) => (
        <li key={cr.id}>
          {t('results.criterionLegend', {
            n: i + 1,
            title: cr.title,
            max: formatNumber(locale, cr.maxPoints),
          })}
        </li>
      ))}
    </ul>
  )
}
