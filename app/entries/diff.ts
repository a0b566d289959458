import type { EntrySnapshot } from './snapshot'

/**
 * What changed between two submitted versions, field by field, so the
 * organiser sees at a glance what the unit did with a returned entry.
 */
export interface FieldChange {
  field: string
  before: string
  after: string
}

function show(snapshot: EntrySnapshot, key: string): string {
  const v = (snapshot as unknown as Record<string, unknown>)[key]
  if (v == null) return ''
  if (key === 'communes') return (v as { name: string }[]).map((c) => c.name).join(', ')
  if (key === 'ethnic_groups') return (v as string[]).join(', ')
  if (key === 'unit') return (v as { name: string }).name
  if (key === 'indicators') {
    return (v as EntrySnapshot['indicators'])
      .map(
        (i) =>
          `${i.label}: ${i.value} ${i.unit}${i.baseline ? ` (${i.baseline})` : ''}${i.period ? ` — ${i.period}` : ''}`,
      )
      .join('\n')
  }
  if (key === 'photos' || key === 'documents') {
    return (v as { caption: string; storage_key: string }[])
      .map((p) => p.caption || p.storage_key)
      .join('\n')
  }
  return String(v)
}

const ORDER: (keyof EntrySnapshot)[] = [
  'title',
  'kind',
  'field',
  'unit',
  'communes',
  'start_date',
  'period_start',
  'period_end',
  'summary',
  'context',
  'objectives',
  'method',
  'forces',
  'resources_vnd',
  'resources_workdays',
  'resident_contributions',
  'residents_involved',
  'ethnic_groups',
  'indicators',
  'sustainability',
  'replication_conditions',
  'replication_steps',
  'replication_cost_vnd',
  'contact_name',
  'contact_phone',
  'contact_email',
  'photos',
  'documents',
]

export function diffSnapshots(before: EntrySnapshot, after: EntrySnapshot): FieldChange[] {
  const changes: FieldChange[] = []
  for (const key of ORDER) {
    const a = show(before, key)
    const b = show(after, key)
    if (a !== b) changes.push({ field: key, before: a, after: b })
  }
  return changes
}
