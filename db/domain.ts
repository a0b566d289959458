/**
 * The closed vocabularies of the domain. The database CHECK constraints, the zod
 * schemas and the UI all read these lists, so a state name exists in one place.
 */
export const ORG_UNIT_KINDS = ['province', 'district', 'commune', 'unit'] as const
export type OrgUnitKind = (typeof ORG_UNIT_KINDS)[number]

/** Kinds of nominating unit (đơn vị): Party, state, Front and mass organisations, armed forces, commune units. */
export const UNIT_TYPES = [
  'party_cell',
  'party_committee',
  'government',
  'front',
  'mass_org',
  'police',
  'military',
  'border_guard',
  'commune_unit',
] as const
export type UnitType = (typeof UNIT_TYPES)[number]

export const ROLES = ['admin', 'unit', 'judge', 'commune'] as const
export type Role = (typeof ROLES)[number]

export const FIELDS = [
  'economy',
  'culture_society',
  'defence_security',
  'political_system',
] as const
export type Field = (typeof FIELDS)[number]

export const ENTRY_KINDS = ['model', 'exemplar_collective', 'exemplar_individual'] as const
export type EntryKind = (typeof ENTRY_KINDS)[number]

export const CONTEST_STATUSES = ['draft', 'open', 'finalised', 'published'] as const
export type ContestStatus = (typeof CONTEST_STATUSES)[number]

export const CONTEST_PHASES = [
  'draft',
  'registration',
  'nomination',
  'screening',
  'judging',
  'finalised',
  'published',
] as const
export type ContestPhase = (typeof CONTEST_PHASES)[number]

export const AGGREGATIONS = ['mean', 'trimmed_mean'] as const
export type Aggregation = (typeof AGGREGATIONS)[number]

export const ENTRY_STATES = [
  'draft',
  'submitted',
  'returned',
  'accepted',
  'rejected',
  'scored',
  'awarded',
  'not_awarded',
  'published',
] as const
export type EntryState = (typeof ENTRY_STATES)[number]

export const MEDIA_KINDS = ['photo', 'document'] as const
export type MediaKind = (typeof MEDIA_KINDS)[number]

export const STORAGE_BACKENDS = ['local', 'uploadthing'] as const
export type StorageBackend = (typeof STORAGE_BACKENDS)[number]

export const SCORE_SHEET_STATUSES = ['draft', 'submitted'] as const
export const ASSIGNMENT_SOURCES = ['auto', 'manual'] as const
export const ASSIGNMENT_STATUSES = ['active', 'conflicted', 'removed'] as const

export const REPLICATION_STATUSES = ['planned', 'in_progress', 'achieved', 'stopped'] as const
export type ReplicationStatus = (typeof REPLICATION_STATUSES)[number]

export const LOCALES = ['vi', 'en'] as const
export type Locale = (typeof LOCALES)[number]

/** Default rubric of PRODUCT.md (100 points). */
export const DEFAULT_CRITERIA = [
  { key: 'novelty', maxPoints: 20 },
  { key: 'leadership', maxPoints: 15 },
  { key: 'participation', maxPoints: 20 },
  { key: 'effectiveness', maxPoints: 25 },
  { key: 'sustainability', maxPoints: 20 },
] as const

/** Default award tiers of PRODUCT.md, best first. */
export const DEFAULT_TIERS = [
  { key: 'excellent', minScore: 90 },
  { key: 'outstanding', minScore: 80 },
  { key: 'recognised', minScore: 65 },
] as const
