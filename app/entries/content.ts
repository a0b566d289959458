import type { Locale } from '#db/domain'
import { numberForInput } from '~/forms/number'
import { draftFields } from './draft-fields'
import type { EntryForm, ModelForm } from './schema'
import { entryFormSchema, indicatorKind, splitList } from './schema'
import type { EntrySnapshot, SnapshotDocument, SnapshotPhoto } from './snapshot'

/** Raw form values as Conform reads them back (strings, arrays, nested rows). */
export type FormValues = Record<string, unknown>

const DRAFT_MARK = '__form'

/**
 * A draft is the form exactly as the unit typed it (even half-finished or
 * invalid), so nothing typed is ever lost; only the form's own fields, bounded
 * (./draft-fields), are kept. Older drafts (and the seed's) are
 * snapshots; both read back as form values.
 */
export function serialiseDraft(payload: FormValues) {
  const { intent: _intent, ...rest } = draftFields(payload, entryFormSchema)
  return JSON.stringify({ [DRAFT_MARK]: 1, ...rest })
}

export function draftFormValues(json: string, locale: Locale): FormValues {
  const value = JSON.parse(json || '{}') as Record<string, unknown>
  if (value[DRAFT_MARK]) {
    const { [DRAFT_MARK]: _mark, ...rest } = value
    return rest
  }
  return 'title' in value ? formValuesFromSnapshot(value as unknown as EntrySnapshot, locale) : {}
}

/** Whole amounts and counts as their inputs show them ("450.000.000"). */
const numberText = (n: number | null | undefined) => numberForInput(n, 'integer')

/**
 * Canonical content → what the form shows. Numbers are written the Vietnamese way in both
 * languages (the one number reader reads them back exactly), so the locale is not needed.
 */
export function formValuesFromSnapshot(s: EntrySnapshot, _locale?: Locale): FormValues {
  return {
    title: s.title,
    kind: s.kind,
    field: s.field,
    commune_ids: s.communes.map((c) => String(c.id)),
    start_date: s.start_date ?? '',
    period_start: s.period_start ?? '',
    period_end: s.period_end ?? '',
    summary: s.summary,
    context: s.context,
    objectives: s.objectives,
    method: s.method,
    forces: s.forces,
    resources_vnd: numberText(s.resources_vnd),
    resources_workdays: numberText(s.resources_workdays),
    resident_contributions: s.resident_contributions,
    residents_involved: numberText(s.residents_involved),
    ethnic_groups: s.ethnic_groups.join(', '),
    sustainability: s.sustainability,
    replication_conditions: s.replication_conditions,
    replication_steps: s.replication_steps,
    replication_cost_vnd: numberText(s.replication_cost_vnd),
    contact_name: s.contact_name,
    contact_phone: s.contact_phone,
    contact_email: s.contact_email,
    indicators: s.indicators.map((i) => ({
      label: i.label,
      value: numberForInput(i.value, indicatorKind(i.unit)),
      unit: i.unit,
      baseline: numberForInput(i.baseline, indicatorKind(i.unit)),
      period: i.period,
    })),
  }
}

/** The model's columns from a validated model (or entry) form. */
export function modelColumnsFromForm(f: ModelForm) {
  return {
    title: f.title,
    kind: f.kind,
    field: f.field,
    start_date: f.start_date ?? null,
    summary: f.summary ?? '',
    context: f.context ?? '',
    objectives: f.objectives ?? '',
    method: f.method ?? '',
    forces: f.forces ?? '',
    resources_vnd: f.resources_vnd ?? null,
    resources_workdays: f.resources_workdays ?? null,
    resident_contributions: f.resident_contributions ?? '',
    residents_involved: f.residents_involved ?? null,
    ethnic_groups: JSON.stringify(splitList(f.ethnic_groups)),
    sustainability: f.sustainability ?? '',
    replication_conditions: f.replication_conditions ?? '',
    replication_steps: f.replication_steps ?? '',
    replication_cost_vnd: f.replication_cost_vnd ?? null,
    contact_name: f.contact_name ?? '',
    contact_phone: f.contact_phone ?? '',
    contact_email: f.contact_email ?? '',
  }
}

export function indicatorRowsFromForm(f: Pick<ModelForm, 'indicators'>) {
  return (f.indicators ?? []).map((i, n) => ({
    position: n + 1,
    label: i.label,
    value: i.value,
    unit: i.unit,
    baseline: i.baseline ?? null,
    period: i.period ?? '',
  }))
}

/** Freezes a validated entry form into the snapshot kept with each submitted version. */
export function snapshotFromForm(
  f: EntryForm,
  ctx: {
    unit: { id: number; name: string }
    communes: { id: number; name: string }[]
    photos: SnapshotPhoto[]
    documents: SnapshotDocument[]
  },
): EntrySnapshot {
  const columns = modelColumnsFromForm(f)
  return {
    ...columns,
    ethnic_groups: splitList(f.ethnic_groups),
    period_start: f.period_start ?? null,
    period_end: f.period_end ?? null,
    unit: ctx.unit,
    communes: ctx.communes,
    indicators: indicatorRowsFromForm(f),
    photos: ctx.photos,
    documents: ctx.documents,
  }
}

/** A model row (with its unit, communes and indicators) as snapshot-shaped content. */
export function snapshotFromModel(
  m: ReturnType<typeof modelColumnsFromForm>,
  ctx: {
    unit: { id: number; name: string }
    communes: { id: number; name: string }[]
    indicators: EntrySnapshot['indicators']
  },
): EntrySnapshot {
  return {
    ...m,
    ethnic_groups: JSON.parse(m.ethnic_groups) as string[],
    unit: ctx.unit,
    communes: ctx.communes,
    indicators: ctx.indicators,
    photos: [],
    documents: [],
  }
}
