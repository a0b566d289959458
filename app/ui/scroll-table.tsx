import type { ReactNode } from 'react'
import type { MessageKey } from '~/i18n'
import { useT } from '~/i18n/use-t'

/**
 * A table that may scroll sideways on a phone. The scrolling box is a labelled
 * region that takes keyboard focus, so it can be scrolled without a mouse (WCAG 2.1.1).
 */
export function ScrollTable({ labelledBy, children }: { labelledBy: string; children: ReactNode }) {
  return (
    <div
      role="region"
      aria-labelledby={labelledBy}
      // A focusable scroll container is what WCAG asks for here (axe: scrollable-region-focusable).
      // eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex
      tabIndex={0}
      className="mt-3 overflow-x-auto rounded-lg border border-stone-200 bg-white"
    >
      <table className="min-w-full text-left text-sm">{children}</table>
    </div>
  )
}

/** A column header with a translated label; numeric columns are right-aligned like their cells. */
export function ColumnHeader({ label, numeric = false }: { label: MessageKey; numeric?: boolean }) {
  const t = useT()
  return (
    <th scope="col" className={numeric ? 'px-3 py-2 text-right' : 'px-3 py-2'}>
      {t(label)}
    </th>
  )
}
