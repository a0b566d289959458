import { useEffect, useRef, type ReactNode } from 'react'
import { useT } from '~/i18n/use-t'

/** Error messages are translation keys from the shared zod schemas. */
export function FieldErrors({ id, errors }: { id: string; errors?: string[] }) {
  const t = useT()
  if (!errors?.length) return null
  return (
    <div id={id} className="mt-1 text-sm font-medium text-red-700">
      {errors.map((e) => (
        <p key={e}>{t(e)}</p>
      ))}
    </div>
  )
}

export function FormMessage({
  tone,
  children,
}: {
  tone: 'error' | 'success'
  children: ReactNode
}) {
  return (
    <div
      role={tone === 'error' ? 'alert' : 'status'}
      className={`rounded-md border px-3 py-2 text-sm ${
        tone === 'error'
          ? 'border-red-300 bg-red-50 text-red-800'
          : 'border-green-300 bg-green-50 text-green-800'
      }`}
    >
      {children}
    </div>
  )
}

export const inputClass =
  'mt-1 block w-full rounded-md border border-stone-400 bg-white px-3 py-2 text-base shadow-sm focus:border-blue-700 aria-[invalid=true]:border-red-600'
export const labelClass = 'block text-sm font-semibold text-stone-800'
export const buttonClass =
  'inline-flex items-center justify-center rounded-md bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-800 disabled:opacity-60'
export const secondaryButtonClass =
  'inline-flex items-center justify-center rounded-md border border-stone-400 bg-white px-4 py-2 font-semibold text-stone-800 hover:bg-stone-100'

/**
 * The button Enter presses. HTML's implicit submission (Enter in a field, a phone keyboard's Go
 * key) presses the form's first submit button; put this first in a form whose first visible
 * submit button removes, moves or adds something, so Enter does the form's safe primary action
 * (save, search) with or without JavaScript. It duplicates that action's button: out of sight
 * but rendered (a `display: none` button would not be pressed), out of the tab order and hidden
 * from assistive technology, which reach the real button.
 */
export function ImplicitSubmit({
  name,
  value,
  children,
}: {
  name?: string
  value?: string
  children: ReactNode
}) {
  return (
    <button
      type="submit"
      name={name}
      value={value}
      tabIndex={-1}
      aria-hidden="true"
      data-implicit-submit=""
      className="sr-only"
    >
      {children}
    </button>
  )
}

/**
 * The sticky bar at the bottom of a long form with its save buttons. The page keeps room for
 * it when scrolling to a focused field (`scroll-padding-bottom` in app.css, sized to the bar by
 * `--save-bar-room`, which the browser measures here when JavaScript runs), so no focused
 * field is ever hidden under it (WCAG 2.2 SC 2.4.11).
 */
export function SaveBar({ className = '', children }: { className?: string; children: ReactNode }) {
  const ref = useRef<HTMLDivElement>(null)
  useEffect(() => {
    const bar = ref.current
    if (!bar || typeof ResizeObserver === 'undefined') return
    const root = document.documentElement
    const measure = () =>
      root.style.setProperty('--save-bar-room', `${Math.ceil(bar.offsetHeight) + 16}px`)
    measure()
    const observer = new ResizeObserver(measure)
    observer.observe(bar)
    // Chromium scrolls a focused textarea only as far as its caret, ignoring scroll-padding:
    // bring the whole field out from under the bar (or as much as fits under the top edge).
    const reveal = (event: FocusEvent) => {
      const el = event.target
      if (!(el instanceof HTMLElement) || bar.contains(el)) return
      requestAnimationFrame(() => {
        const box = el.getBoundingClientRect()
        const limit = bar.getBoundingClientRect().top - 8
        if (box.bottom > limit) window.scrollBy(0, Math.min(box.bottom - limit, box.top - 8))
      })
    }
    document.addEventListener('focusin', reveal)
    return () => {
      observer.disconnect()
      document.removeEventListener('focusin', reveal)
      root.style.removeProperty('--save-bar-room')
    }
  }, [])
  return (
    <div
      ref={ref}
      data-save-bar=""
      className={`sticky bottom-0 z-10 -mx-4 border-t border-stone-200 bg-white/95 px-4 py-3 ${className}`}
    >
      {children}
    </div>
  )
}
