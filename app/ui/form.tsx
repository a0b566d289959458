import type { ReactNode } from 'react'
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
