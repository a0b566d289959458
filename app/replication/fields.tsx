import { getSelectProps, type FieldMetadata } from '@conform-to/react'
import type { MessageKey } from '~/i18n'
import { useT } from '~/i18n/use-t'
import { FieldErrors, inputClass, labelClass } from '~/ui/form'

// Conform's metadata is typed by each form's schema; a select only needs names, ids and errors.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Field = FieldMetadata<any, any, string[]>

/** A labelled select with its errors next to it; `empty` adds a first "none" option. */
export function SelectField({
  field,
  label,
  options,
  empty,
  hint,
}: {
  field: Field
  label: MessageKey
  options: { value: string | number; label: string }[]
  empty?: MessageKey
  hint?: MessageKey
}) {
  const t = useT()
  const hintId = `${field.id}-hint`
  const describedBy =
    [hint ? hintId : null, field.errors?.length ? field.errorId : null].filter(Boolean).join(' ') ||
    undefined
  return (
    <div>
      <label htmlFor={field.id} className={labelClass}>
        {t(label)}
      </label>
      <select {...getSelectProps(field)} aria-describedby={describedBy} className={inputClass}>
        {empty ? <option value="">{t(empty)}</option> : null}
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      {hint ? (
        <p id={hintId} className="mt-1 text-sm text-stone-600">
          {t(hint)}
        </p>
      ) : null}
      <FieldErrors id={field.errorId} errors={field.errors} />
    </div>
  )
}
