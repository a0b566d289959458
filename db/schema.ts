import type { Generated, Insertable, Selectable, Updateable } from 'kysely'
import type {
  Aggregation,
  ContestStatus,
  EntryKind,
  EntryState,
  Field,
  Locale,
  MediaKind,
  OrgUnitKind,
  ReplicationStatus,
  Role,
  StorageBackend,
  UnitType,
} from './domain'

/** ISO-8601 text: YYYY-MM-DD for dates, full UTC timestamps for instants. */
type Iso = string
/** 0 or 1 (SQLite has no boolean). */
type Flag = number

export interface OrgUnitTable {
  id: Generated<number>
  kind: OrgUnitKind
  code: string | null
  name: string
  admin_type: string | null
  unit_type: UnitType | null
  parent_id: number | null
  valid_from: Iso | null
  valid_to: Iso | null
  merged_into_id: number | null
  created_at: Iso
  updated_at: Iso
}

export interface UserTable {
  id: Generated<number>
  username: string
  display_name: string
  password_hash: string
  email: string | null
  phone: string | null
  locale: Generated<Locale>
  is_active: Generated<Flag>
  last_login_at: Iso | null
  created_at: Iso
  updated_at: Iso
}

export interface UserRoleTable {
  id: Generated<number>
  user_id: number
  role: Role
  org_unit_id: number | null
  created_at: Iso
}

export interface SessionTable {
  id: string
  user_id: number
  created_at: Iso
  last_seen_at: Iso
  expires_at: Iso
  revoked_at: Iso | null
  ip: string | null
  user_agent: string | null
}

export interface LoginThrottleTable {
  key: string
  failures: Generated<number>
  first_failure_at: Iso
  last_failure_at: Iso
  locked_until: Iso | null
}

export interface ContestTable {
  id: Generated<number>
  title: string
  year: number
  level: string
  organiser_org_unit_id: number
  status: Generated<ContestStatus>
  registration_opens_on: Iso
  nomination_opens_on: Iso
  nomination_deadline: Iso
  screening_ends_on: Iso
  judging_opens_on: Iso
  judging_closes_at: Iso
  results_on: Iso
  allowed_fields: string
  allowed_kinds: string
  quota_per_unit: number | null
  judges_per_entry: Generated<number>
  aggregation: Generated<Aggregation>
  normalise_scores: Generated<Flag>
  decision_number: string | null
  decision_date: Iso | null
  decision_signer_title: string | null
  finalised_at: Iso | null
  finalised_by: number | null
  published_at: Iso | null
  published_by: number | null
  copied_from_id: number | null
  created_at: Iso
  updated_at: Iso
}

export interface CriterionTable {
  id: Generated<number>
  contest_id: number
  position: number
  title: string
  description: Generated<string>
  max_points: number
}

export interface AwardTierTable {
  id: Generated<number>
  contest_id: number
  position: number
  name: string
  min_score: number
  quota: number | null
}

export interface ModelTable {
  id: Generated<number>
  slug: string
  unit_id: number
  title: string
  kind: EntryKind
  field: Field
  start_date: Iso | null
  summary: Generated<string>
  context: Generated<string>
  objectives: Generated<string>
  method: Generated<string>
  forces: Generated<string>
  resources_vnd: number | null
  resources_workdays: number | null
  resident_contributions: Generated<string>
  residents_involved: number | null
  ethnic_groups: Generated<string>
  sustainability: Generated<string>
  replication_conditions: Generated<string>
  replication_steps: Generated<string>
  replication_cost_vnd: number | null
  contact_name: Generated<string>
  contact_phone: Generated<string>
  contact_email: Generated<string>
  published_at: Iso | null
  created_by: number | null
  created_at: Iso
  updated_at: Iso
}

export interface ModelCommuneTable {
  model_id: number
  commune_id: number
}

export interface EntryTable {
  id: Generated<number>
  contest_id: number
  model_id: number
  unit_id: number
  state: Generated<EntryState>
  title: string
  kind: EntryKind
  field: Field
  period_start: Iso | null
  period_end: Iso | null
  draft: Generated<string>
  snapshot: string | null
  version: Generated<number>
  submitted_at: Iso | null
  first_submitted_at: Iso | null
  decided_at: Iso | null
  decided_by: number | null
  return_reason: string | null
  reject_reason: string | null
  created_by: number | null
  created_at: Iso
  updated_at: Iso
}

export interface EntryVersionTable {
  id: Generated<number>
  entry_id: number
  version: number
  snapshot: string
  submitted_at: Iso
  submitted_by: number | null
}

export interface EntryCommuneTable {
  entry_id: number
  commune_id: number
}

export interface ReplicationTable {
  id: Generated<number>
  source_model_id: number
  commune_id: number
  responsible_unit_id: number | null
  start_date: Iso
  status: Generated<ReplicationStatus>
  adaptations: Generated<string>
  stop_reason: string | null
  last_reported_at: Iso | null
  derived_model_id: number | null
  created_by: number | null
  created_at: Iso
  updated_at: Iso
}

export interface ReplicationReportTable {
  id: Generated<number>
  replication_id: number
  reported_on: Iso
  note: Generated<string>
  created_by: number | null
  created_at: Iso
}

export interface IndicatorTable {
  id: Generated<number>
  model_id: number | null
  entry_id: number | null
  replication_report_id: number | null
  position: number
  label: string
  /** Canonical decimal text ("2300", "3.5"): exact, never a float. */
  value: string
  unit: string
  baseline: string | null
  period: Generated<string>
}

export interface MediaTable {
  id: Generated<number>
  kind: MediaKind
  storage: Generated<StorageBackend>
  storage_key: string
  model_id: number | null
  entry_id: number | null
  replication_id: number | null
  position: number
  caption: Generated<string>
  is_cover: Generated<Flag>
  mime_type: string
  byte_size: number
  width: number | null
  height: number | null
  sha256: string
  original_name: Generated<string>
  uploaded_by: number | null
  created_at: Iso
}

export interface MediaVariantTable {
  id: Generated<number>
  media_id: number
  width: number
  height: number
  storage_key: string
  mime_type: string
  byte_size: number
}

export interface PanelTable {
  id: Generated<number>
  contest_id: number
  name: string
  field: Field | null
  created_at: Iso
}

export interface PanelMemberTable {
  panel_id: number
  user_id: number
  is_chair: Generated<Flag>
}

export interface AssignmentTable {
  id: Generated<number>
  entry_id: number
  judge_id: number
  panel_id: number | null
  source: 'auto' | 'manual'
  status: Generated<'active' | 'conflicted' | 'removed'>
  created_at: Iso
  created_by: number | null
}

export interface ConflictTable {
  id: Generated<number>
  judge_id: number
  entry_id: number | null
  org_unit_id: number | null
  reason: string
  declared_at: Iso
}

export interface ScoreSheetTable {
  id: Generated<number>
  entry_id: number
  judge_id: number
  status: Generated<'draft' | 'submitted'>
  submitted_at: Iso | null
  locked_at: Iso | null
  updated_at: Iso
}

export interface ScoreTable {
  id: Generated<number>
  entry_id: number
  judge_id: number
  criterion_id: number
  /** Copy of the criterion's maximum, tied to it by a composite foreign key so a CHECK can bound points. */
  max_points: number
  points: number
  comment: Generated<string>
  updated_at: Iso
}

export interface ResultTable {
  id: Generated<number>
  contest_id: number
  entry_id: number
  raw_score: number | null
  normalised_score: number | null
  score_count: Generated<number>
  rank: number | null
  computed_tier_id: number | null
  tier_id: number | null
  override_reason: string | null
  overridden_by: number | null
  overridden_at: Iso | null
  computed_at: Iso
}

export interface AwardTable {
  id: Generated<number>
  entry_id: number
  model_id: number
  contest_id: number
  tier_id: number
  score: number | null
  rank: number | null
  decision_number: string | null
  decision_date: Iso | null
  certificate_key: string | null
  created_at: Iso
}

export interface NotificationTable {
  id: Generated<number>
  user_id: number
  kind: string
  params: Generated<string>
  link: string | null
  read_at: Iso | null
  created_at: Iso
}

/** A unit's change to a published model, waiting for the organiser (migration 0003). */
export interface ModelRevisionTable {
  id: Generated<number>
  model_id: number
  status: Generated<'pending' | 'approved' | 'rejected'>
  /** The model form's validated values (ModelForm) as JSON. */
  content: string
  submitted_by: number | null
  submitted_at: Iso
  decided_by: number | null
  decided_at: Iso | null
  reject_reason: string | null
}

export interface AuditLogTable {
  id: Generated<number>
  actor_id: number | null
  action: string
  subject_type: string
  subject_id: string | null
  before: string | null
  after: string | null
  reason: string | null
  ip: string | null
  created_at: Iso
}

export interface Database {
  org_units: OrgUnitTable
  users: UserTable
  user_roles: UserRoleTable
  sessions: SessionTable
  login_throttle: LoginThrottleTable
  contests: ContestTable
  criteria: CriterionTable
  award_tiers: AwardTierTable
  models: ModelTable
  model_communes: ModelCommuneTable
  entries: EntryTable
  entry_versions: EntryVersionTable
  entry_communes: EntryCommuneTable
  replications: ReplicationTable
  replication_reports: ReplicationReportTable
  indicators: IndicatorTable
  media: MediaTable
  media_variants: MediaVariantTable
  panels: PanelTable
  panel_members: PanelMemberTable
  assignments: AssignmentTable
  conflicts: ConflictTable
  score_sheets: ScoreSheetTable
  scores: ScoreTable
  results: ResultTable
  awards: AwardTable
  notifications: NotificationTable
  audit_log: AuditLogTable
  model_revisions: ModelRevisionTable
  model_catalog: ModelCatalogTable
  model_catalog_tags: ModelCatalogTagTable
  catalog_facets: CatalogFacetTable
}

export type OrgUnit = Selectable<OrgUnitTable>
export type NewOrgUnit = Insertable<OrgUnitTable>
export type User = Selectable<UserTable>
export type NewUser = Insertable<UserTable>
export type UserUpdate = Updateable<UserTable>
export type Contest = Selectable<ContestTable>
export type Model = Selectable<ModelTable>
export type Entry = Selectable<EntryTable>

/**
 * The public catalog (migration 0002): one row per published model, kept in step with the
 * model, its communes, awards and replications by reindexModel (db/repos/catalog.ts) in the
 * same transaction as every write. The full-text index is the FTS5 table model_search
 * (rowid = model id; not typed here: queried with sql``).
 */
export interface ModelCatalogTable {
  model_id: number
  slug: string
  title: string
  unit_name: string
  /** The model's communes, comma-separated, then its province. */
  places: string
  field: Field
  kind: EntryKind
  published_at: Iso
  replication_count: number
  /** The latest award of a published contest: its year and tier name. */
  award_year: number | null
  award_tier: string | null
  /** Best awarded score, if any. */
  score: number | null
}

/**
 * One row per (filter value, published model): tag 'all' for every model, 'f:<field>', 'k:<kind>',
 * 'p:<province id>', 'c:<commune id>', 'u:<unit type>', 'y:<award year>', 't:<tier position>',
 * 'e:<folded ethnic group>'. The sort keys are repeated on every row, so each filter + sort is
 * one index range scan.
 */
export interface ModelCatalogTagTable {
  tag: string
  model_id: number
  label: string
  published_at: Iso
  replication_count: number
  score: number | null
}

/** How many published models carry each tag (maintained by triggers): the filters' options. */
export interface CatalogFacetTable {
  tag: string
  label: string
  models: number
}
