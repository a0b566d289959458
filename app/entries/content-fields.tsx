import {
  getInputProps,
  getSelectProps,
  getTextareaProps,
  type FieldMetadata,
  type FormMetadata,
} from '@conform-to/react'
import type { ReactNode } from 'react'
import { ENTRY_KINDS, FIELDS } from '#db/domain'
import type { MessageKey } from '~/i18n'
import { useT } from '~/i18n/use-t'
import { FieldErrors, inputClass, labelClass, secondaryButtonClass } from '~/ui/form'
import { INDICATOR_UNITS } from './schema'

// Conform's metadata is typed by each form's schema; these building blocks only need names, ids and errors.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Field = FieldMetadata<any, any, string[]>
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Fields = Record<string, FieldMetadata<any, any, string[]>>
type IndicatorRow = { label: string; value: string; unit: string; baseline: string; period: string }
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type ListField = FieldMetadata<IndicatorRow[] | undefined, any, string[]>
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyForm = FormMetadata<any, string[]>

function describedBy(field: Field, hint?: boolean) {
  return (
    [hint ? `${field.id}-hint` : null, field.errors?.length ? field.errorId : null]
      .filter(Boolean)
      .join(' ') || undefined
  )
}

function Hint({ field, text }: { field: Field; text?: string }) {
  return text ? (
    <p id={`${field.id}-hint`} className="mt-1 text-sm text-stone-600">
      {text}
    </p>
  ) : null
}

export function TextField({
  field,
  label,
  hint,
  type = 'text',
  inputMode,
  autoComplete,
}: {
  field: Field
  label: MessageKey
  hint?: MessageKey
  type?: 'text' | 'date' | 'tel' | 'email'
  inputMode?: 'decimal' | 'numeric' | 'tel' | 'email'
  autoComplete?: string
}) {
  const t = useT()
  return (
    <div>
      <label htmlFor={field.id} className={labelClass}>
        {t(label)}
      </label>
      <input
        {...getInputProps(field, { type, ariaDescribedBy: hint ? `${field.id}-hint` : undefined })}
        aria-describedby={describedBy(field, !!hint)}
        inputMode={inputMode}
        autoComplete={autoComplete ?? 'off'}
        className={inputClass}
      />
      <Hint field={field} text={hint ? t(hint) : undefined} />
      <FieldErrors id={field.errorId} errors={field.errors} />
    </div>
  )
}

export function TextArea({
  field,
  label,
  rows = 4,
  hint,
}: {
  field: Field
  label: MessageKey
  rows?: number
  hint?: MessageKey
}) {
  const t = useT()
  return (
    <div>
      <label htmlFor={field.id} className={labelClass}>
        {t(label)}
      </label>
      <textarea
        {...getTextareaProps(field)}
        aria-describedby={describedBy(field, !!hint)}
        rows={rows}
        className={inputClass}
      />
      <Hint field={field} text={hint ? t(hint) : undefined} />
      <FieldErrors id={field.errorId} errors={field.errors} />
    </div>
  )
}

function Section({ id, title, children }: { id: string; title: MessageKey; children: ReactNode }) {
  const t = useT()
  return (
    <section
      aria-labelledby={id}
      className="space-y-4 rounded-lg border border-stone-200 bg-white p-4"
    >
      <h2 id={id} className="text-lg font-semibold text-brand-800">
        {t(title)}
      </h2>
      {children}
    </section>
  )
}

/** Checkbox list of the communes a model may name (18 in a district: easier than a multi-select on a phone). */
function CommunePicker({
  field,
  communes,
}: {
  field: Field
  communes: { id: number; name: string }[]
}) {
  const t = useT()
  const initial: unknown = field.initialValue
  const chosen = new Set((Array.isArray(initial) ? initial : initial ? [initial] : []).map(String))
  return (
    <fieldset aria-describedby={describedBy(field, true)}>
      <legend className={labelClass}>{t('content.communes')}</legend>
      <div className="mt-1 grid grid-cols-1 gap-x-4 gap-y-1 sm:grid-cols-2 lg:grid-cols-3">
        {communes.map((c, i) => (
          <label key={c.id} className="inline-flex min-h-6 items-center gap-2 py-0.5">
            <input
              key={field.key}
              // The first box is where the error summary's link for the group leads.
              id={i === 0 ? field.id : undefined}
              type="checkbox"
              name={field.name}
              value={c.id}
              defaultChecked={chosen.has(String(c.id))}
              className="h-5 w-5"
            />
            {c.name}
          </label>
        ))}
      </div>
      <p id={`${field.id}-hint`} className="sr-only">
        {t('content.communes')}
      </p>
      <FieldErrors id={field.errorId} errors={field.errors} />
    </fieldset>
  )
}

function Indicators({ form, field }: { form: AnyForm; field: ListField }) {
  const t = useT()
  const rows = field.getFieldList()
  return (
    <div className="space-y-4" aria-describedby={`${field.id}-hint`}>
      <p id={`${field.id}-hint`} className="text-sm text-stone-600">
        {t('content.hint.indicators')}
      </p>
      <datalist id="indicator-units">
        {INDICATOR_UNITS.map((u) => (
          <option key={u} value={u} />
        ))}
      </datalist>
      {rows.length === 0 ? <p>{t('indicator.none')}</p> : null}
      <ol className="space-y-4">
        {rows.map((row, index) => {
          const f = row.getFieldset() as Fields
          const n = index + 1
          return (
            <li key={row.key} className="rounded-md border border-stone-300 p-3">
              <fieldset className="space-y-3">
                <legend className="font-semibold">{t('indicator.row', { n: String(n) })}</legend>
                <TextField field={f.label!} label="indicator.label" />
                <div className="grid grid-cols-2 gap-3">
                  <TextField field={f.value!} label="indicator.value" inputMode="decimal" />
                  <div>
                    <label htmlFor={f.unit!.id} className={labelClass}>
                      {t('indicator.unit')}
                    </label>
                    <input
                      {...getInputProps(f.unit!, { type: 'text' })}
                      aria-describedby={describedBy(f.unit!)}
                      list="indicator-units"
                      autoComplete="off"
                      className={inputClass}
                    />
                    <FieldErrors id={f.unit!.errorId} errors={f.unit!.errors} />
                  </div>
                  <TextField field={f.baseline!} label="indicator.baseline" inputMode="decimal" />
                  <TextField field={f.period!} label="indicator.period" />
                </div>
                <button
                  {...form.remove.getButtonProps({ name: field.name, index })}
                  className={`${secondaryButtonClass} text-sm`}
                >
                  {t('indicator.remove', { n: String(n) })}
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
          defaultValue: { label: '', value: '', unit: '', baseline: '', period: '' },
        })}
        // Where the error summary's "needs an indicator" link leads.
        id={field.id}
        className={secondaryButtonClass}
      >
        {t('indicator.add')}
      </button>
    </div>
  )
}

/** The content fields in page order, with their labels, for the error summary. */
export const CONTENT_SUMMARY_LABELS = [
  ['title', 'content.title'],
  ['kind', 'content.kind'],
  ['field', 'content.field'],
  ['commune_ids', 'content.communes'],
  ['start_date', 'content.start_date'],
  ['period_start', 'content.period_start'],
  ['period_end', 'content.period_end'],
  ['summary', 'content.summary'],
  ['context', 'content.context'],
  ['objectives', 'content.objectives'],
  ['method', 'content.method'],
  ['forces', 'content.forces'],
  ['resources_vnd', 'content.resources_vnd'],
  ['resources_workdays', 'content.resources_workdays'],
  ['residents_involved', 'content.residents_involved'],
  ['ethnic_groups', 'content.ethnic_groups'],
  ['resident_contributions', 'content.resident_contributions'],
  ['indicators', 'section.results'],
  ['indicators[].label', 'indicator.label'],
  ['indicators[].value', 'indicator.value'],
  ['indicators[].unit', 'indicator.unit'],
  ['indicators[].baseline', 'indicator.baseline'],
  ['indicators[].period', 'indicator.period'],
  ['sustainability', 'content.sustainability'],
  ['replication_conditions', 'content.replication_conditions'],
  ['replication_steps', 'content.replication_steps'],
  ['replication_cost_vnd', 'content.replication_cost_vnd'],
  ['contact_name', 'content.contact_name'],
  ['contact_phone', 'content.contact_phone'],
  ['contact_email', 'content.contact_email'],
] as const satisfies readonly (readonly [string, MessageKey])[]

/** The error summary's labels of the content fields (translated), in page order. */
export function useContentSummaryLabels() {
  const t = useT()
  return {
    labels: Object.fromEntries(CONTENT_SUMMARY_LABELS.map(([name, key]) => [name, t(key)])),
    rowLabels: { indicators: (n: number) => t('indicator.row', { n: String(n) }) },
  }
}

/**
 * The sections of the nomination content, in the order of the official forms,
 * shared by the model form and the entry form.
 */
export function ContentFields({
  form,
  fields,
  communes,
  withPeriod,
}: {
  form: AnyForm
  fields: Fields
  communes: { id: number; name: string }[]
  withPeriod?: boolean
}) {
  const t = useT()
  const f = fields as Record<string, Field>
  return (
    <div className="space-y-6">
      <Section id="section-general" title="section.general">
        <TextField field={f.title!} label="content.title" />
        <div className="grid gap-4 sm:grid-cols-2">
          <div>
            <label htmlFor={f.kind!.id} className={labelClass}>
              {t('content.kind')}
            </label>
            <select
              {...getSelectProps(f.kind!)}
              aria-describedby={describedBy(f.kind!)}
              className={inputClass}
            >
              <option value="">{t('content.chooseKind')}</option>
              {ENTRY_KINDS.map((k) => (
                <option key={k} value={k}>
                  {t(`kind.${k}`)}
                </option>
              ))}
            </select>
            <FieldErrors id={f.kind!.errorId} errors={f.kind!.errors} />
          </div>
          <div>
            <label htmlFor={f.field!.id} className={labelClass}>
              {t('content.field')}
            </label>
            <select
              {...getSelectProps(f.field!)}
              aria-describedby={describedBy(f.field!)}
              className={inputClass}
            >
              <option value="">{t('content.chooseField')}</option>
              {FIELDS.map((k) => (
                <option key={k} value={k}>
                  {t(`field.${k}`)}
                </option>
              ))}
            </select>
            <FieldErrors id={f.field!.errorId} errors={f.field!.errors} />
          </div>
        </div>
        <CommunePicker field={f.commune_ids!} communes={communes} />
        <div className="grid gap-4 sm:grid-cols-3">
          <TextField field={f.start_date!} label="content.start_date" type="date" />
          {withPeriod ? (
            <>
              <TextField field={f.period_start!} label="content.period_start" type="date" />
              <TextField field={f.period_end!} label="content.period_end" type="date" />
            </>
          ) : null}
        </div>
        <TextArea field={f.summary!} label="content.summary" rows={3} />
      </Section>
      <Section id="section-situation" title="section.situation">
        <TextArea field={f.context!} label="content.context" rows={5} />
        <TextArea field={f.objectives!} label="content.objectives" rows={3} />
      </Section>
      <Section id="section-method" title="section.method">
        <TextArea field={f.method!} label="content.method" rows={8} />
        <TextArea field={f.forces!} label="content.forces" rows={4} />
      </Section>
      <Section id="section-resources" title="section.resources">
        <div className="grid gap-4 sm:grid-cols-2">
          <TextField
            field={f.resources_vnd!}
            label="content.resources_vnd"
            inputMode="decimal"
            hint="content.hint.money"
          />
          <TextField
            field={f.resources_workdays!}
            label="content.resources_workdays"
            inputMode="numeric"
          />
          <TextField
            field={f.residents_involved!}
            label="content.residents_involved"
            inputMode="numeric"
          />
          <TextField
            field={f.ethnic_groups!}
            label="content.ethnic_groups"
            hint="content.hint.ethnic_groups"
          />
        </div>
        <TextArea
          field={f.resident_contributions!}
          label="content.resident_contributions"
          rows={3}
        />
      </Section>
      <Section id="section-results" title="section.results">
        <Indicators form={form} field={f.indicators as ListField} />
      </Section>
      <Section id="section-replication" title="section.replication">
        <TextArea field={f.sustainability!} label="content.sustainability" rows={4} />
        <TextArea
          field={f.replication_conditions!}
          label="content.replication_conditions"
          rows={3}
        />
        <TextArea field={f.replication_steps!} label="content.replication_steps" rows={5} />
        <TextField
          field={f.replication_cost_vnd!}
          label="content.replication_cost_vnd"
          inputMode="decimal"
          hint="content.hint.money"
        />
      </Section>
      <Section id="section-contact" title="section.contact">
        <div className="grid gap-4 sm:grid-cols-3">
          <TextField field={f.contact_name!} label="content.contact_name" autoComplete="name" />
          <TextField
            field={f.contact_phone!}
            label="content.contact_phone"
            type="tel"
            inputMode="tel"
            autoComplete="tel"
          />
          <TextField
            field={f.contact_email!}
            label="content.contact_email"
            type="email"
            autoComplete="email"
          />
        </div>
      </Section>
    </div>
  )
}
