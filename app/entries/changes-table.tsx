import type { FieldChange } from './diff'
import { useT } from '~/i18n/use-t'
import { ColumnHeader, ScrollTable } from '~/ui/scroll-table'

/** What changed, field by field: the field, what it was (red) and what it becomes (green). */
export function ChangesTable({
  labelledBy,
  changes,
}: {
  labelledBy: string
  changes: FieldChange[]
}) {
  const t = useT()
  return (
    <ScrollTable labelledBy={labelledBy}>
      <thead className="bg-stone-100">
        <tr>
          <ColumnHeader label="adminEntry.field" />
          <ColumnHeader label="adminEntry.before" />
          <ColumnHeader label="adminEntry.after" />
        </tr>
      </thead>
      <tbody>
        {changes.map((c) => (
          <tr key={c.field} className="border-t border-stone-200 align-top">
            <th scope="row" className="px-3 py-2 font-medium">
              {t(`content.${c.field}`)}
            </th>
            <td className="whitespace-pre-line px-3 py-2 text-red-900">{c.before}</td>
            <td className="whitespace-pre-line px-3 py-2 text-green-900">{c.after}</td>
          </tr>
        ))}
      </tbody>
    </ScrollTable>
  )
}
