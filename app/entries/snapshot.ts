import type { EntryKind, Field } from '#db/domain'

/**
 * The frozen content of a nomination: the model's fields by their column names,
 * with its unit, communes, indicators and photos. Entry versions and the seed use
 * the same shape. Values are canonical (decimals as exact text, money in đồng).
 */
export interface SnapshotIndicator {
  position: number
  label: string
  value: string
  unit: string
  baseline: string | null
  period: string
}

export interface SnapshotPhoto {
  storage_key: string
  caption: string
  position: number
  is_cover: boolean
}

export interface SnapshotDocument {
  storage_key: string
  caption: string
  position: number
}

export interface EntrySnapshot {
  title: string
  kind: EntryKind
  field: Field
  start_date: string | null
  period_start?: string | null
  period_end?: string | null
  summary: string
  context: string
  objectives: string
  method: string
  forces: string
  resources_vnd: number | null
  resources_workdays: number | null
  resident_contributions: string
  residents_involved: number | null
  ethnic_groups: string[]
  sustainability: string
  replication_conditions: string
  replication_steps: string
  replication_cost_vnd: number | null
  contact_name: string
  contact_phone: string
  contact_email: string
  unit: { id: number; name: string }
  communes: { id: number; name: string }[]
  indicators: SnapshotIndicator[]
  photos: SnapshotPhoto[]
  documents?: SnapshotDocument[]
}

/** The text fields of the content, in the order the form and the views show them. */
export const TEXT_FIELDS = [
  'summary',
  'context',
  'objectives',
  'method',
  'forces',
  'resident_contributions',
  'sustainability',
  'replication_conditions',
  'replication_steps',
] as const

export const NUMBER_FIELDS = [
  'resources_vnd',
  'resources_workdays',
  'residents_involved',
  'replication_cost_vnd',
] as const

export const CONTACT_FIELDS = ['contact_name', 'contact_phone', 'contact_email'] as const

export function parseSnapshot(json: string | null): EntrySnapshot | null {
  if (!json) return null
  const value: unknown = JSON.parse(json)
  return value && typeof value === 'object' && 'title' in value ? (value as EntrySnapshot) : null
}
