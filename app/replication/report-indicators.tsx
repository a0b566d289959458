import { getInputProps, type FieldMetadata, type FormMetadata } from '@conform-to/react'
import { TextField } from '~/entries/content-fields'
import { INDICATOR_UNITS } from '~/entries/schema'
import { useT } from '~/i18n/use-t'
import { FieldErrors, inputClass, labelClass, secondaryButtonClass } from '~/ui/form'

// Conform's metadata is typed by each form's schema; these rows only need names, ids and errors.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Field = FieldMetadata<any, any, string[]>
type Row = { label: string; value: string; unit: string }
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type ListField = FieldMetadata<Row[] | undefined, any, string[]>
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyForm = FormMetadata<any, string[]>

/**
 * The indicator rows of a replication report (label, value, unit). Add and remove
 * are Conform list intents: submit buttons, so they work without JavaScript too.
 */
export function ReportIndicators({ form, field }: { form: AnyForm; field: ListField }) {
  const t = useT()
  const rows = field.getFieldList()
  return (
    <fieldset className="space-y-3">
      <legend className={labelClass}>{t('replication.report.indicators')}</legend>
      <p className="text-sm text-stone-600">{t('replication.hint.indicators')}</p>
      <datalist id="report-indicator-units">
        {INDICATOR_UNITS.map((u) => (
          <option key={u} value={u} />
        ))}
      </datalist>
      <ol className="space-y-3">
        {rows.map((row, index) => {
          const f = row.getFieldset() as Record<keyof Row, Field>
          const n = String(index + 1)
          return (
            <li key={row.key} className="rounded-md border border-stone-300 p-3">
              <fieldset className="space-y-3">
                <legend className="font-semibold">{t('indicator.row', { n })}</legend>
                <TextField field={f.label} label="indicator.label" />
                <div className="grid grid-cols-2 gap-3">
                  <TextField field={f.value} label="indicator.value" inputMode="decimal" />
                  <div>
                    <label htmlFor={f.unit.id} className={labelClass}>
                      {t('indicator.unit')}
                    </label>
                    <input
                      {...getInputProps(f.unit, { type: 'text' })}
                      list="report-indicator-units"
                      autoComplete="off"
                      className={inputClass}
                    />
                    <FieldErrors id={f.unit.errorId} errors={f.unit.errors} />
                  </div>
                </div>
                <button
                  {...form.remove.getButtonProps({ name: field.name, index })}
                  className={`${secondaryButtonClass} text-sm`}
                >
                  {t('indicator.remove', { n })}
                </button>
              </fieldset>
            </li>
          )
        })}
      </ol>
      <FieldErrors id={field.errorId} errors={field.errors} />
      <button
        {...form.insert.getButtonProps({
          name: field.name,
          defaultValue: { label: '', value: '', unit: '' },
        })}
        // Where the error summary's link for the list leads.
        id={field.id}
        className={secondaryButtonClass}
      >
        {t('indicator.add')}
      </button>
    </fieldset>
  )
}
