import { useRouteLoaderData } from '@remix-run/react'
import { useCallback, useEffect, useState } from 'react'
import { formatDateTime } from '~/i18n'
import { useLocale, useT } from '~/i18n/use-t'
import type { RootLoaderData } from '~/root'
import {
  UNSAVED_PREFIX,
  parseUnsavedCopy,
  unsavedCopyDecision,
  type FieldValues,
} from './unsaved-copy-rules'

/**
 * Keeps an unsaved copy of a long form in the browser (localStorage) from the first keystroke
 * until the server confirms the save, and puts it back after a failed save, Back or a reload
 * (rules in unsaved-copy-rules.ts). `base` is the version of the record the page shows (its
 * updated_at, say): a confirmed save changes it, which drops the copy. Without JavaScript the
 * form works as before.
 */

const SKIPPED = new Set(['hidden', 'file', 'password', 'submit', 'button', 'reset', 'image'])

type Field = HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement

function fields(form: HTMLFormElement): [string, Field][] {
  const seen = new Map<string, number>()
  const out: [string, Field][] = []
  for (const el of Array.from(form.elements)) {
    if (!(
      el instanceof HTMLInputElement ||
      el instanceof HTMLTextAreaElement ||
      el instanceof HTMLSelectElement
    ))
      continue
    if (!el.name || SKIPPED.has(el.type)) continue
    // Repeated names (checkbox groups) are told apart by their order.
    const n = seen.get(el.name) ?? 0
    seen.set(el.name, n + 1)
    out.push([`${el.name}#${n}`, el])
  }
  return out
}

function valueOf(el: Field) {
  if (el instanceof HTMLInputElement && (el.type === 'checkbox' || el.type === 'radio'))
    return el.checked ? 'on' : ''
  return el.value
}

function read(form: HTMLFormElement): FieldValues {
  return fields(form).map(([k, el]) => [k, valueOf(el)])
}

function apply(form: HTMLFormElement, values: FieldValues) {
  const byKey = new Map(values)
  for (const [k, el] of fields(form)) {
    const v = byKey.get(k)
    if (v === undefined || valueOf(el) === v) continue
    if (el instanceof HTMLInputElement && (el.type === 'checkbox' || el.type === 'radio'))
      el.checked = v === 'on'
    else el.value = v
    el.dispatchEvent(new Event('input', { bubbles: true }))
    el.dispatchEvent(new Event('change', { bubbles: true }))
  }
}

function storage(): Storage | null {
  try {
    return window.localStorage
  } catch {
    return null // private mode or storage disabled: the form still works
  }
}

export function useUnsavedCopy(options: {
  formId: string
  /** One key per form and record, e.g. `sheet-12`. */
  storageKey: string
  base: string
  enabled?: boolean
  /** Other copies this page confirms as saved (a new record's, now that it has an id). */
  confirmed?: string[]
}) {
  const { formId, base } = options
  const enabled = options.enabled ?? true
  // Per person: on a shared computer one judge's comment never appears in another's sheet.
  const userId = useRouteLoaderData<RootLoaderData>('root')?.user?.id ?? 0
  const key = `${UNSAVED_PREFIX}${userId}:${options.storageKey}`
  const [restoredAt, setRestoredAt] = useState<number | null>(null)
  const confirmed = (options.confirmed ?? []).join('\n')

  useEffect(() => {
    if (!confirmed) return
    for (const k of confirmed.split('\n')) storage()?.removeItem(`${UNSAVED_PREFIX}${userId}:${k}`)
  }, [confirmed, userId])

  useEffect(() => {
    const form = document.getElementById(formId)
    const store = storage()
    if (!enabled || !(form instanceof HTMLFormElement) || !store) return
    const copy = parseUnsavedCopy(store.getItem(key))
    const decision = unsavedCopyDecision(copy, base, read(form), Date.now())
    if (decision === 'drop') {
      store.removeItem(key)
      setRestoredAt(null)
    } else if (decision === 'restore' && copy) {
      apply(form, copy.values)
      setRestoredAt(copy.at)
    }
    const keep = () => {
      try {
        store.setItem(key, JSON.stringify({ base, at: Date.now(), values: read(form) }))
      } catch {
        // Storage full: nothing more can be kept, the form itself is unaffected.
      }
    }
    form.addEventListener('input', keep)
    form.addEventListener('change', keep)
    return () => {
      form.removeEventListener('input', keep)
      form.removeEventListener('change', keep)
    }
  }, [formId, key, base, enabled])

  const discard = useCallback(() => {
    storage()?.removeItem(key)
    const form = document.getElementById(formId)
    if (form instanceof HTMLFormElement) {
      form.reset()
      form.dispatchEvent(new Event('input', { bubbles: true }))
      storage()?.removeItem(key)
    }
    setRestoredAt(null)
  }, [formId, key])

  return { restoredAt, discard }
}

/** Signing out drops every unsaved copy kept in this browser (shared computers). */
export function dropAllUnsavedCopies() {
  const store = storage()
  if (!store) return
  for (const k of Object.keys(store)) if (k.startsWith(UNSAVED_PREFIX)) store.removeItem(k)
}

/** Says a copy was put back, with a button to drop it and show the saved version. */
export function UnsavedCopyNotice({
  restoredAt,
  discard,
}: {
  restoredAt: number | null
  discard: () => void
}) {
  const t = useT()
  const locale = useLocale()
  if (restoredAt === null) return null
  return (
    <div
      role="status"
      className="rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900"
    >
      <p>
        {t('unsaved.restored', {
          time: formatDateTime(locale, new Date(restoredAt).toISOString()),
        })}
      </p>
      <button
        type="button"
        onClick={discard}
        className="mt-2 font-semibold text-amber-900 underline"
      >
        {t('unsaved.discard')}
      </button>
    </div>
  )
}
