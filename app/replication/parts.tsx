import { Link } from '@remix-run/react'
import type { ReplicationStatus } from '#db/domain'
import { formatDate, type MessageKey } from '~/i18n'
import { useLocale, useT } from '~/i18n/use-t'
import { formatDecimal } from '~/models/decimal'

/** Small pieces shared by the commune's and the organiser's replication screens. */

/** Column headers matching ReplicationCells. */
export function ReplicationHeaders() {
  const t = useT()
  const cols: MessageKey[] = [
    'replication.field.model',
    'replication.field.status',
    'replication.field.startDate',
    'replication.field.lastUpdate',
  ]
  return (
    <>
      {cols.map((c) => (
        <th key={c} scope="col" className="px-3 py-2">
          {t(c)}
        </th>
      ))}
    </>
  )
}

/** Source title (linked to the replication), status, start and last-update cells of a table row. */
export function ReplicationCells({
  r,
}: {
  r: {
    id: number
    source_title: string
    status: ReplicationStatus
    start_date: string
    lastUpdate: string
    stale: boolean
  }
}) {
  const t = useT()
  const locale = useLocale()
  return (
    <>
      <td className="px-3 py-2 font-medium">
        <Link
          to={`/commune/replications/${r.id}`}
          className="inline-block min-h-6 py-1 text-brand-700 underline"
        >
          {r.source_title}
        </Link>
      </td>
      <td className="px-3 py-2">{t(`replicationStatus.${r.status}`)}</td>
      <td className="px-3 py-2">{formatDate(locale, r.start_date)}</td>
      <td className="px-3 py-2">
        {formatDate(locale, r.lastUpdate)}
        {r.stale ? (
          <span className="ml-2 inline-block rounded bg-amber-200 px-1.5 py-0.5 text-sm font-semibold text-amber-950">
            {t('replication.stale.badge')}
          </span>
        ) : null}
      </td>
    </>
  )
}

/** An indicator's exact value with its unit, in the visitor's number format. */
export function useIndicatorText() {
  const locale = useLocale()
  return (v: { value: string; unit: string }) => `${formatDecimal(v.value, locale)} ${v.unit}`
}

/** A titled list of indicators (label: value unit); nothing when empty. */
export function IndicatorList({
  title,
  items,
}: {
  title: MessageKey
  items: { label: string; value: string; unit: string }[]
}) {
  const t = useT()
  const text = useIndicatorText()
  if (!items.length) return null
  return (
    <div>
      <h3 className="font-semibold">{t(title)}</h3>
      <ul className="list-disc pl-6">
        {items.map((i) => (
          <li key={i.label}>
            {i.label}: {text(i)}
          </li>
        ))}
      </ul>
    </div>
  )
}
