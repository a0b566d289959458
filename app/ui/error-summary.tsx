import type { FormMetadata } from '@conform-to/react'
import { useEffect, useRef, useState, type FormEvent, type MouseEvent } from 'react'
import { useT } from '~/i18n/use-t'
import { listOf, summaryErrors } from './error-summary-items'

// Conform's metadata is typed by each form's schema; the summary only needs ids and errors.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyForm = FormMetadata<any, string[]>

/** The name Conform gives the buttons of list edits (add, remove, move a row). */
const LIST_INTENT = '__intent__'

/** Field name patterns in page order (`indicators[].value` for a row's field) and their labels. */
export type SummaryLabels = Record<string, string>

/**
 * When a submit of `form` failed: the server answered with errors (`lastResult`), or, with
 * JavaScript, the browser-side check stopped it. List edits (add/remove/move a row) and the
 * checks made while typing are not submits. Spread `onSubmit` on the <Form>.
 */
export function useFailedSubmit(form: AnyForm, lastResult: { status?: string } | null | undefined) {
  // A submit the browser-side check stopped, with the value of the button pressed.
  const [blocked, setBlocked] = useState<{ n: number; intent: string } | null>(null)
  // A new answer from the server replaces what the browser found.
  useEffect(() => setBlocked(null), [lastResult])
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    form.onSubmit(event)
    const submitter = (event.nativeEvent as SubmitEvent).submitter as HTMLButtonElement | null
    if (event.defaultPrevented && submitter?.name !== LIST_INTENT) {
      const intent = submitter?.value ?? ''
      setBlocked((b) => ({ n: (b?.n ?? 0) + 1, intent }))
    }
  }
  return {
    onSubmit,
    failed: blocked !== null || lastResult?.status === 'error',
    /** The value of the button of the submit the browser stopped (null: the server answered). */
    blockedIntent: blocked?.intent ?? null,
    focusKey: `${blocked?.n ?? 0}`,
    lastResult,
  }
}

/**
 * The summary at the top of a form after a failed submit: how many things to fix, each a link
 * to its field (or to where it is fixed, `targets`), in page order. It takes the focus: with
 * JavaScript after every failed submit, without it by `autofocus` in the page the server sends.
 * Items go away as they are fixed.
 */
export function ErrorSummary({
  form,
  failed,
  labels,
  rowLabels = {},
  targets = {},
  intro,
}: {
  form: AnyForm
  failed: ReturnType<typeof useFailedSubmit>
  labels: SummaryLabels
  /** The label of a list's row: `indicators` → (n) => 'Chỉ tiêu n'. */
  rowLabels?: Record<string, (n: number) => string>
  /** Where something without a field in this form is fixed: name or message key → element id. */
  targets?: Record<string, string>
  /** A sentence before the list (what happened to the submit). */
  intro?: string
}) {
  const t = useT()
  const ref = useRef<HTMLDivElement>(null)
  const errors = summaryErrors(form.allErrors, Object.keys(labels))
  const items = errors.flatMap((e) =>
    e.messages.map((m) => {
      const field = e.name === '' ? '' : labels[e.pattern]
      const list = listOf(e.pattern)
      const row = list && rowLabels[list] ? rowLabels[list](e.rows[0] ?? 1) : ''
      const label = [row, field].filter(Boolean).join(' – ')
      const target = targets[m] ?? targets[e.name] ?? (e.name ? `${form.id}-${e.name}` : null)
      return { key: `${e.name}|${m}`, label, message: t(m), target }
    }),
  )
  const visible = failed.failed && items.length > 0
  useEffect(() => {
    if (visible) ref.current?.focus()
    // Every failed submit moves the focus here again, not only the first one.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [failed.focusKey, failed.lastResult])
  if (!visible) return null
  // Not `${form.id}-summary`: that is the id Conform gives a field named "summary" (the entry form has one).
  const titleId = `${form.id}--error-summary-title`
  return (
    <div
      ref={ref}
      id={`${form.id}--error-summary`}
      role="group"
      aria-labelledby={titleId}
      tabIndex={-1}
      // Without JavaScript the browser focuses it when the page the server sent back loads.
      // eslint-disable-next-line jsx-a11y/no-autofocus
      autoFocus
      className="scroll-mt-4 rounded-md border-2 border-red-700 bg-red-50 px-4 py-3 text-red-900"
    >
      <h2 id={titleId} className="text-lg font-bold">
        {t('errorSummary.title', { count: items.length })}
      </h2>
      {intro ? <p className="mt-1">{intro}</p> : null}
      <ul className="mt-2 list-disc space-y-1 pl-5">
        {items.map((item) => (
          <li key={item.key}>
            {item.target ? (
              <a
                href={`#${item.target}`}
                onClick={(e) => focusTarget(e, item.target!)}
                className="font-medium underline"
              >
                {item.label ? `${item.label}: ` : ''}
                {item.message}
              </a>
            ) : (
              <>
                {item.label ? `${item.label}: ` : ''}
                {item.message}
              </>
            )}
          </li>
        ))}
      </ul>
    </div>
  )
}

/**
 * Focuses the field a link names and scrolls its label into view too. Without JavaScript the
 * link's fragment does this (the browser focuses a focusable target).
 */
function focusTarget(event: MouseEvent<HTMLAnchorElement>, id: string) {
  const target = document.getElementById(id)
  if (!target) return
  event.preventDefault()
  target.focus({ preventScroll: true })
  const box = target.closest('fieldset, div, section') ?? target
  box.scrollIntoView({ block: 'start' })
  if (document.activeElement !== target) target.scrollIntoView({ block: 'center' })
}
