import type { Kysely } from 'kysely'
import { sql } from 'kysely'
import {
  AGGREGATIONS,
  ASSIGNMENT_SOURCES,
  ASSIGNMENT_STATUSES,
  CONTEST_STATUSES,
  ENTRY_KINDS,
  ENTRY_STATES,
  FIELDS,
  LOCALES,
  MEDIA_KINDS,
  ORG_UNIT_KINDS,
  REPLICATION_STATUSES,
  ROLES,
  SCORE_SHEET_STATUSES,
  STORAGE_BACKENDS,
  UNIT_TYPES,
} from '../domain'
import { idColumn, index, oneOf, withTimestamps } from './helpers'

/**
 * The whole domain of PRODUCT.md in one schema. Dates are ISO-8601 text
 * (YYYY-MM-DD for calendar dates, full timestamps in UTC for instants);
 * decimals that must stay exact (indicator values) are canonical decimal text;
 * money is integer VND.
 */
export async function up(db: Kysely<unknown>) {
  // ── Organisation tree ────────────────────────────────────────────────
  await withTimestamps(
    db.schema
      .createTable('org_units')
      .addColumn('id', 'integer', idColumn)
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('code', 'text')
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('admin_type', 'text') // "Tỉnh", "Huyện", "Xã", "Phường", …
      .addColumn('unit_type', 'text')
      .addColumn('parent_id', 'integer', (c) => c.references('org_units.id').onDelete('restrict'))
      .addColumn('valid_from', 'text')
      .addColumn('valid_to', 'text')
      .addColumn('merged_into_id', 'integer', (c) =>
        c.references('org_units.id').onDelete('set null'),
      )
      .addCheckConstraint('org_units_kind_ck', oneOf('kind', ORG_UNIT_KINDS))
      .addCheckConstraint(
        'org_units_unit_type_ck',
        sql`(kind = 'unit' AND unit_type IS NOT NULL AND ${oneOf('unit_type', UNIT_TYPES)}) OR (kind <> 'unit' AND unit_type IS NULL)`,
      )
      .addCheckConstraint('org_units_name_ck', sql`length(trim(name)) > 0`)
      .addCheckConstraint(
        'org_units_validity_ck',
        sql`valid_to IS NULL OR valid_from IS NULL OR valid_to >= valid_from`,
      )
      .addCheckConstraint(
        'org_units_parent_ck',
        sql`(kind = 'province' AND parent_id IS NULL) OR (kind <> 'province' AND parent_id IS NOT NULL)`,
      )
      .addCheckConstraint('org_units_merge_ck', sql`merged_into_id IS NULL OR merged_into_id <> id`)
      .addUniqueConstraint('org_units_kind_code_uq', ['kind', 'code']),
  ).execute()
  await index(db, 'org_units', ['parent_id', 'kind'])
  await index(db, 'org_units', ['kind', 'name'])
  await index(db, 'org_units', ['merged_into_id'])

  // ── Users, roles, sessions ───────────────────────────────────────────
  await withTimestamps(
    db.schema
      .createTable('users')
      .addColumn('id', 'integer', idColumn)
      .addColumn('username', 'text', (c) => c.notNull().unique())
      .addColumn('display_name', 'text', (c) => c.notNull())
      .addColumn('password_hash', 'text', (c) => c.notNull())
      .addColumn('email', 'text')
      .addColumn('phone', 'text')
      .addColumn('locale', 'text', (c) => c.notNull().defaultTo('vi'))
      .addColumn('is_active', 'integer', (c) => c.notNull().defaultTo(1))
      .addColumn('last_login_at', 'text')
      .addCheckConstraint(
        'users_username_ck',
        sql`username = lower(username) AND length(username) BETWEEN 2 AND 40`,
      )
      .addCheckConstraint('users_active_ck', sql`is_active IN (0, 1)`)
      .addCheckConstraint('users_locale_ck', oneOf('locale', LOCALES)),
  ).execute()

  await db.schema
    .createTable('user_roles')
    .addColumn('id', 'integer', idColumn)
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('org_unit_id', 'integer', (c) => c.references('org_units.id').onDelete('restrict'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addCheckConstraint('user_roles_role_ck', oneOf('role', ROLES))
    .addCheckConstraint(
      'user_roles_scope_ck',
      sql`role NOT IN ('unit', 'commune') OR org_unit_id IS NOT NULL`,
    )
    .addUniqueConstraint('user_roles_user_role_uq', ['user_id', 'role'])
    .execute()
  await index(db, 'user_roles', ['role', 'org_unit_id'])

  await db.schema
    .createTable('sessions')
    .addColumn('id', 'text', (c) => c.primaryKey()) // SHA-256 of the cookie token, never the token
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('last_seen_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addColumn('revoked_at', 'text')
    .addColumn('ip', 'text')
    .addColumn('user_agent', 'text')
    .execute()
  await index(db, 'sessions', ['user_id'])
  await index(db, 'sessions', ['expires_at'])

  await db.schema
    .createTable('login_throttle')
    .addColumn('key', 'text', (c) => c.primaryKey()) // "user:<name>" or "ip:<addr>"
    .addColumn('failures', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('first_failure_at', 'text', (c) => c.notNull())
    .addColumn('last_failure_at', 'text', (c) => c.notNull())
    .addColumn('locked_until', 'text')
    .addCheckConstraint('login_throttle_failures_ck', sql`failures >= 0`)
    .execute()

  // ── Contests, rubric, tiers ──────────────────────────────────────────
  await withTimestamps(
    db.schema
      .createTable('contests')
      .addColumn('id', 'integer', idColumn)
      .addColumn('title', 'text', (c) => c.notNull())
      .addColumn('year', 'integer', (c) => c.notNull())
      .addColumn('level', 'text', (c) => c.notNull()) // province / district / commune level contest
      .addColumn('organiser_org_unit_id', 'integer', (c) =>
        c.notNull().references('org_units.id').onDelete('restrict'),
      )
      .addColumn('status', 'text', (c) => c.notNull().defaultTo('draft'))
      .addColumn('registration_opens_on', 'text', (c) => c.notNull())
      .addColumn('nomination_opens_on', 'text', (c) => c.notNull())
      .addColumn('nomination_deadline', 'text', (c) => c.notNull()) // instant, inclusive
      .addColumn('screening_ends_on', 'text', (c) => c.notNull())
      .addColumn('judging_opens_on', 'text', (c) => c.notNull())
      .addColumn('judging_closes_at', 'text', (c) => c.notNull())
      .addColumn('results_on', 'text', (c) => c.notNull())
      .addColumn('allowed_fields', 'text', (c) => c.notNull()) // JSON array of FIELDS
      .addColumn('allowed_kinds', 'text', (c) => c.notNull()) // JSON array of ENTRY_KINDS
      .addColumn('quota_per_unit', 'integer')
      .addColumn('judges_per_entry', 'integer', (c) => c.notNull().defaultTo(3))
      .addColumn('aggregation', 'text', (c) => c.notNull().defaultTo('mean'))
      .addColumn('normalise_scores', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('decision_number', 'text')
      .addColumn('decision_date', 'text')
      .addColumn('decision_signer_title', 'text')
      .addColumn('finalised_at', 'text')
      .addColumn('finalised_by', 'integer', (c) => c.references('users.id'))
      .addColumn('published_at', 'text')
      .addColumn('published_by', 'integer', (c) => c.references('users.id'))
      .addColumn('copied_from_id', 'integer', (c) =>
        c.references('contests.id').onDelete('set null'),
      )
      .addCheckConstraint('contests_status_ck', oneOf('status', CONTEST_STATUSES))
      .addCheckConstraint('contests_aggregation_ck', oneOf('aggregation', AGGREGATIONS))
      .addCheckConstraint('contests_year_ck', sql`year BETWEEN 2000 AND 2100`)
      .addCheckConstraint('contests_k_ck', sql`judges_per_entry BETWEEN 1 AND 15`)
      .addCheckConstraint('contests_quota_ck', sql`quota_per_unit IS NULL OR quota_per_unit > 0`)
      .addCheckConstraint('contests_normalise_ck', sql`normalise_scores IN (0, 1)`)
      .addCheckConstraint(
        'contests_dates_ck',
        sql`registration_opens_on <= nomination_opens_on AND nomination_opens_on <= nomination_deadline
            AND substr(nomination_deadline, 1, 10) <= screening_ends_on AND screening_ends_on <= judging_opens_on
            AND judging_opens_on <= judging_closes_at AND substr(judging_closes_at, 1, 10) <= results_on`,
      )
      .addCheckConstraint(
        'contests_finalised_ck',
        sql`(status IN ('finalised', 'published')) = (finalised_at IS NOT NULL)`,
      )
      .addCheckConstraint(
        'contests_published_ck',
        sql`(status = 'published') = (published_at IS NOT NULL)`,
      ),
  ).execute()
  await index(db, 'contests', ['year'])
  await index(db, 'contests', ['status'])

  await db.schema
    .createTable('criteria')
    .addColumn('id', 'integer', idColumn)
    .addColumn('contest_id', 'integer', (c) =>
      c.notNull().references('contests.id').onDelete('cascade'),
    )
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('max_points', 'real', (c) => c.notNull())
    .addCheckConstraint(
      'criteria_max_ck',
      sql`max_points > 0 AND max_points * 2 = CAST(max_points * 2 AS INTEGER)`,
    )
    .addCheckConstraint('criteria_position_ck', sql`position >= 1`)
    .addUniqueConstraint('criteria_contest_position_uq', ['contest_id', 'position'])
    // Lets scores reference (criterion, max) so the range check lives in a plain CHECK.
    .addUniqueConstraint('criteria_id_max_uq', ['id', 'max_points'])
    .execute()

  await db.schema
    .createTable('award_tiers')
    .addColumn('id', 'integer', idColumn)
    .addColumn('contest_id', 'integer', (c) =>
      c.notNull().references('contests.id').onDelete('cascade'),
    )
    .addColumn('position', 'integer', (c) => c.notNull()) // 1 = best
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('min_score', 'real', (c) => c.notNull())
    .addColumn('quota', 'integer')
    .addCheckConstraint('award_tiers_min_ck', sql`min_score >= 0`)
    .addCheckConstraint('award_tiers_quota_ck', sql`quota IS NULL OR quota > 0`)
    .addUniqueConstraint('award_tiers_contest_position_uq', ['contest_id', 'position'])
    .execute()

  // ── Models (the lasting registry) ────────────────────────────────────
  await withTimestamps(
    db.schema
      .createTable('models')
      .addColumn('id', 'integer', idColumn)
      .addColumn('slug', 'text', (c) => c.notNull().unique())
      .addColumn('unit_id', 'integer', (c) =>
        c.notNull().references('org_units.id').onDelete('restrict'),
      )
      .addColumn('title', 'text', (c) => c.notNull())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('field', 'text', (c) => c.notNull())
      .addColumn('start_date', 'text')
      .addColumn('summary', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('context', 'text', (c) => c.notNull().defaultTo('')) // thực trạng
      .addColumn('objectives', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('method', 'text', (c) => c.notNull().defaultTo('')) // cách làm
      .addColumn('forces', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('resources_vnd', 'integer')
      .addColumn('resources_workdays', 'integer')
      .addColumn('resident_contributions', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('residents_involved', 'integer')
      .addColumn('ethnic_groups', 'text', (c) => c.notNull().defaultTo('[]')) // JSON array
      .addColumn('sustainability', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('replication_conditions', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('replication_steps', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('replication_cost_vnd', 'integer')
      .addColumn('contact_name', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('contact_phone', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('contact_email', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('published_at', 'text')
      .addColumn('created_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
      .addCheckConstraint('models_kind_ck', oneOf('kind', ENTRY_KINDS))
      .addCheckConstraint('models_field_ck', oneOf('field', FIELDS))
      .addCheckConstraint('models_title_ck', sql`length(trim(title)) > 0`)
      .addCheckConstraint(
        'models_amounts_ck',
        sql`(resources_vnd IS NULL OR resources_vnd >= 0) AND (resources_workdays IS NULL OR resources_workdays >= 0)
            AND (residents_involved IS NULL OR residents_involved >= 0)
            AND (replication_cost_vnd IS NULL OR replication_cost_vnd >= 0)`,
      ),
  ).execute()
  await index(db, 'models', ['unit_id'])
  await index(db, 'models', ['field'])
  await index(db, 'models', ['published_at'])

  await db.schema
    .createTable('model_communes')
    .addColumn('model_id', 'integer', (c) =>
      c.notNull().references('models.id').onDelete('cascade'),
    )
    .addColumn('commune_id', 'integer', (c) =>
      c.notNull().references('org_units.id').onDelete('restrict'),
    )
    .addPrimaryKeyConstraint('model_communes_pk', ['model_id', 'commune_id'])
    .execute()
  await index(db, 'model_communes', ['commune_id'])

  // ── Entries (a model nominated to one contest) ───────────────────────
  await withTimestamps(
    db.schema
      .createTable('entries')
      .addColumn('id', 'integer', idColumn)
      .addColumn('contest_id', 'integer', (c) =>
        c.notNull().references('contests.id').onDelete('restrict'),
      )
      .addColumn('model_id', 'integer', (c) =>
        c.notNull().references('models.id').onDelete('restrict'),
      )
      .addColumn('unit_id', 'integer', (c) =>
        c.notNull().references('org_units.id').onDelete('restrict'),
      )
      .addColumn('state', 'text', (c) => c.notNull().defaultTo('draft'))
      .addColumn('title', 'text', (c) => c.notNull())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('field', 'text', (c) => c.notNull())
      .addColumn('period_start', 'text')
      .addColumn('period_end', 'text')
      .addColumn('draft', 'text', (c) => c.notNull().defaultTo('{}')) // JSON: the editable form
      .addColumn('snapshot', 'text') // JSON: frozen model at the last submission
      .addColumn('version', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('submitted_at', 'text')
      .addColumn('first_submitted_at', 'text') // tie-break: earlier submission
      .addColumn('decided_at', 'text')
      .addColumn('decided_by', 'integer', (c) => c.references('users.id'))
      .addColumn('return_reason', 'text')
      .addColumn('reject_reason', 'text')
      .addColumn('created_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
      .addCheckConstraint('entries_state_ck', oneOf('state', ENTRY_STATES))
      .addCheckConstraint('entries_kind_ck', oneOf('kind', ENTRY_KINDS))
      .addCheckConstraint('entries_field_ck', oneOf('field', FIELDS))
      .addCheckConstraint('entries_version_ck', sql`version >= 0`)
      .addCheckConstraint(
        'entries_submitted_ck',
        sql`state IN ('draft') OR (snapshot IS NOT NULL AND submitted_at IS NOT NULL AND version >= 1)`,
      )
      .addCheckConstraint(
        'entries_reason_ck',
        sql`(state <> 'returned' OR length(trim(coalesce(return_reason, ''))) > 0)
            AND (state <> 'rejected' OR length(trim(coalesce(reject_reason, ''))) > 0)`,
      )
      .addCheckConstraint(
        'entries_period_ck',
        sql`period_start IS NULL OR period_end IS NULL OR period_start <= period_end`,
      )
      .addUniqueConstraint('entries_contest_model_uq', ['contest_id', 'model_id']),
  ).execute()
  await index(db, 'entries', ['contest_id', 'state'])
  await index(db, 'entries', ['unit_id', 'contest_id'])
  await index(db, 'entries', ['model_id'])
  await index(db, 'entries', ['contest_id', 'field'])

  await db.schema
    .createTable('entry_versions')
    .addColumn('id', 'integer', idColumn)
    .addColumn('entry_id', 'integer', (c) =>
      c.notNull().references('entries.id').onDelete('cascade'),
    )
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('snapshot', 'text', (c) => c.notNull())
    .addColumn('submitted_at', 'text', (c) => c.notNull())
    .addColumn('submitted_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addCheckConstraint('entry_versions_version_ck', sql`version >= 1`)
    .addUniqueConstraint('entry_versions_entry_version_uq', ['entry_id', 'version'])
    .execute()

  await db.schema
    .createTable('entry_communes')
    .addColumn('entry_id', 'integer', (c) =>
      c.notNull().references('entries.id').onDelete('cascade'),
    )
    .addColumn('commune_id', 'integer', (c) =>
      c.notNull().references('org_units.id').onDelete('restrict'),
    )
    .addPrimaryKeyConstraint('entry_communes_pk', ['entry_id', 'commune_id'])
    .execute()
  await index(db, 'entry_communes', ['commune_id'])

  // ── Replications ────────────────────────────────────────────────────
  await withTimestamps(
    db.schema
      .createTable('replications')
      .addColumn('id', 'integer', idColumn)
      .addColumn('source_model_id', 'integer', (c) =>
        c.notNull().references('models.id').onDelete('restrict'),
      )
      .addColumn('commune_id', 'integer', (c) =>
        c.notNull().references('org_units.id').onDelete('restrict'),
      )
      .addColumn('responsible_unit_id', 'integer', (c) =>
        c.references('org_units.id').onDelete('set null'),
      )
      .addColumn('start_date', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull().defaultTo('planned'))
      .addColumn('adaptations', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('stop_reason', 'text')
      .addColumn('last_reported_at', 'text')
      // When the replication is itself registered as a model in its commune (lineage).
      .addColumn('derived_model_id', 'integer', (c) =>
        c.references('models.id').onDelete('set null'),
      )
      .addColumn('created_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
      .addCheckConstraint('replications_status_ck', oneOf('status', REPLICATION_STATUSES))
      .addCheckConstraint(
        'replications_stop_ck',
        sql`status <> 'stopped' OR length(trim(coalesce(stop_reason, ''))) > 0`,
      )
      .addUniqueConstraint('replications_model_commune_uq', ['source_model_id', 'commune_id']),
  ).execute()
  await index(db, 'replications', ['commune_id', 'status'])
  await index(db, 'replications', ['status', 'last_reported_at'])
  await index(db, 'replications', ['derived_model_id'])

  await db.schema
    .createTable('replication_reports')
    .addColumn('id', 'integer', idColumn)
    .addColumn('replication_id', 'integer', (c) =>
      c.notNull().references('replications.id').onDelete('cascade'),
    )
    .addColumn('reported_on', 'text', (c) => c.notNull())
    .addColumn('note', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('created_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute()
  await index(db, 'replication_reports', ['replication_id', 'reported_on'])

  // ── Indicators: a model's, an entry's (period figures), or a replication report's ──
  await db.schema
    .createTable('indicators')
    .addColumn('id', 'integer', idColumn)
    .addColumn('model_id', 'integer', (c) => c.references('models.id').onDelete('cascade'))
    .addColumn('entry_id', 'integer', (c) => c.references('entries.id').onDelete('cascade'))
    .addColumn('replication_report_id', 'integer', (c) =>
      c.references('replication_reports.id').onDelete('cascade'),
    )
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('label', 'text', (c) => c.notNull())
    .addColumn('value', 'text', (c) => c.notNull()) // canonical decimal text, e.g. "2300" or "3.5"
    .addColumn('unit', 'text', (c) => c.notNull())
    .addColumn('baseline', 'text') // canonical decimal text
    .addColumn('period', 'text', (c) => c.notNull().defaultTo(''))
    .addCheckConstraint(
      'indicators_owner_ck',
      sql`(model_id IS NOT NULL) + (entry_id IS NOT NULL) + (replication_report_id IS NOT NULL) = 1`,
    )
    .addCheckConstraint('indicators_label_ck', sql`length(trim(label)) > 0`)
    .addCheckConstraint(
      'indicators_value_ck',
      sql`value GLOB '[0-9]*' AND value NOT GLOB '*[^0-9.]*' AND value NOT GLOB '*.*.*'
          AND (baseline IS NULL OR (baseline GLOB '[0-9]*' AND baseline NOT GLOB '*[^0-9.]*' AND baseline NOT GLOB '*.*.*'))`,
    )
    .execute()
  await index(db, 'indicators', ['model_id', 'position'])
  await index(db, 'indicators', ['entry_id', 'position'])
  await index(db, 'indicators', ['replication_report_id', 'position'])

  // ── Media: photos and documents, with generated variants ─────────────
  await db.schema
    .createTable('media')
    .addColumn('id', 'integer', idColumn)
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('storage', 'text', (c) => c.notNull().defaultTo('local'))
    .addColumn('storage_key', 'text', (c) => c.notNull().unique())
    .addColumn('model_id', 'integer', (c) => c.references('models.id').onDelete('cascade'))
    .addColumn('entry_id', 'integer', (c) => c.references('entries.id').onDelete('cascade'))
    .addColumn('replication_id', 'integer', (c) =>
      c.references('replications.id').onDelete('cascade'),
    )
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('caption', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('is_cover', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('mime_type', 'text', (c) => c.notNull())
    .addColumn('byte_size', 'integer', (c) => c.notNull())
    .addColumn('width', 'integer')
    .addColumn('height', 'integer')
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('original_name', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('uploaded_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addCheckConstraint('media_kind_ck', oneOf('kind', MEDIA_KINDS))
    .addCheckConstraint('media_storage_ck', oneOf('storage', STORAGE_BACKENDS))
    .addCheckConstraint(
      'media_owner_ck',
      sql`(model_id IS NOT NULL) + (entry_id IS NOT NULL) + (replication_id IS NOT NULL) = 1`,
    )
    .addCheckConstraint('media_size_ck', sql`byte_size > 0`)
    .addCheckConstraint(
      'media_dims_ck',
      sql`(kind = 'document') OR (width IS NOT NULL AND height IS NOT NULL AND width > 0 AND height > 0 AND width <= 2560 AND height <= 2560)`,
    )
    .addCheckConstraint(
      'media_mime_ck',
      sql`(kind = 'photo' AND mime_type IN ('image/jpeg', 'image/png', 'image/webp'))
          OR (kind = 'document' AND mime_type = 'application/pdf')`,
    )
    .addCheckConstraint(
      'media_cover_ck',
      sql`is_cover IN (0, 1) AND (is_cover = 0 OR kind = 'photo')`,
    )
    .execute()
  await index(db, 'media', ['model_id', 'kind', 'position'])
  await index(db, 'media', ['entry_id', 'kind', 'position'])
  await index(db, 'media', ['replication_id', 'kind', 'position'])

  await db.schema
    .createTable('media_variants')
    .addColumn('id', 'integer', idColumn)
    .addColumn('media_id', 'integer', (c) => c.notNull().references('media.id').onDelete('cascade'))
    .addColumn('width', 'integer', (c) => c.notNull())
    .addColumn('height', 'integer', (c) => c.notNull())
    .addColumn('storage_key', 'text', (c) => c.notNull().unique())
    .addColumn('mime_type', 'text', (c) => c.notNull())
    .addColumn('byte_size', 'integer', (c) => c.notNull())
    .addCheckConstraint('media_variants_dims_ck', sql`width > 0 AND height > 0`)
    .addCheckConstraint('media_variants_size_ck', sql`byte_size > 0`)
    .addUniqueConstraint('media_variants_media_width_uq', ['media_id', 'width'])
    .execute()

  // ── Panels, judges, assignments, conflicts ───────────────────────────
  await db.schema
    .createTable('panels')
    .addColumn('id', 'integer', idColumn)
    .addColumn('contest_id', 'integer', (c) =>
      c.notNull().references('contests.id').onDelete('cascade'),
    )
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('field', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addCheckConstraint('panels_field_ck', sql`field IS NULL OR ${oneOf('field', FIELDS)}`)
    .addUniqueConstraint('panels_contest_name_uq', ['contest_id', 'name'])
    .execute()

  await db.schema
    .createTable('panel_members')
    .addColumn('panel_id', 'integer', (c) =>
      c.notNull().references('panels.id').onDelete('cascade'),
    )
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('restrict'))
    .addColumn('is_chair', 'integer', (c) => c.notNull().defaultTo(0))
    .addCheckConstraint('panel_members_chair_ck', sql`is_chair IN (0, 1)`)
    .addPrimaryKeyConstraint('panel_members_pk', ['panel_id', 'user_id'])
    .execute()
  await index(db, 'panel_members', ['user_id'])

  await db.schema
    .createTable('assignments')
    .addColumn('id', 'integer', idColumn)
    .addColumn('entry_id', 'integer', (c) =>
      c.notNull().references('entries.id').onDelete('cascade'),
    )
    .addColumn('judge_id', 'integer', (c) =>
      c.notNull().references('users.id').onDelete('restrict'),
    )
    .addColumn('panel_id', 'integer', (c) => c.references('panels.id').onDelete('set null'))
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('active'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addCheckConstraint('assignments_source_ck', oneOf('source', ASSIGNMENT_SOURCES))
    .addCheckConstraint('assignments_status_ck', oneOf('status', ASSIGNMENT_STATUSES))
    .addUniqueConstraint('assignments_entry_judge_uq', ['entry_id', 'judge_id'])
    .execute()
  await index(db, 'assignments', ['judge_id', 'status'])

  await db.schema
    .createTable('conflicts')
    .addColumn('id', 'integer', idColumn)
    .addColumn('judge_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('entry_id', 'integer', (c) => c.references('entries.id').onDelete('cascade'))
    .addColumn('org_unit_id', 'integer', (c) => c.references('org_units.id').onDelete('cascade'))
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('declared_at', 'text', (c) => c.notNull())
    .addCheckConstraint('conflicts_target_ck', sql`entry_id IS NOT NULL OR org_unit_id IS NOT NULL`)
    .addCheckConstraint('conflicts_reason_ck', sql`length(trim(reason)) > 0`)
    .execute()
  await index(db, 'conflicts', ['judge_id'])
  await index(db, 'conflicts', ['entry_id'])

  // ── Scores ───────────────────────────────────────────────────────────
  await db.schema
    .createTable('score_sheets')
    .addColumn('id', 'integer', idColumn)
    .addColumn('entry_id', 'integer', (c) =>
      c.notNull().references('entries.id').onDelete('cascade'),
    )
    .addColumn('judge_id', 'integer', (c) =>
      c.notNull().references('users.id').onDelete('restrict'),
    )
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('draft'))
    .addColumn('submitted_at', 'text')
    .addColumn('locked_at', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addCheckConstraint('score_sheets_status_ck', oneOf('status', SCORE_SHEET_STATUSES))
    .addCheckConstraint(
      'score_sheets_submitted_ck',
      sql`(status = 'submitted') = (submitted_at IS NOT NULL)`,
    )
    .addUniqueConstraint('score_sheets_entry_judge_uq', ['entry_id', 'judge_id'])
    .execute()
  await index(db, 'score_sheets', ['judge_id', 'status'])

  await db.schema
    .createTable('scores')
    .addColumn('id', 'integer', idColumn)
    .addColumn('entry_id', 'integer', (c) =>
      c.notNull().references('entries.id').onDelete('cascade'),
    )
    .addColumn('judge_id', 'integer', (c) =>
      c.notNull().references('users.id').onDelete('restrict'),
    )
    .addColumn('criterion_id', 'integer', (c) => c.notNull())
    .addColumn('max_points', 'real', (c) => c.notNull())
    .addColumn('points', 'real', (c) => c.notNull())
    .addColumn('comment', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addForeignKeyConstraint(
      'scores_criterion_fk',
      ['criterion_id', 'max_points'],
      'criteria',
      ['id', 'max_points'],
      (fk) => fk.onDelete('cascade').onUpdate('cascade'),
    )
    .addCheckConstraint(
      'scores_range_ck',
      sql`points >= 0 AND points <= max_points AND points * 2 = CAST(points * 2 AS INTEGER)`,
    )
    .addUniqueConstraint('scores_judge_entry_criterion_uq', [
      'judge_id',
      'entry_id',
      'criterion_id',
    ])
    .execute()
  await index(db, 'scores', ['entry_id'])
  await index(db, 'scores', ['criterion_id'])

  // ── Results and awards ───────────────────────────────────────────────
  await db.schema
    .createTable('results')
    .addColumn('id', 'integer', idColumn)
    .addColumn('contest_id', 'integer', (c) =>
      c.notNull().references('contests.id').onDelete('cascade'),
    )
    .addColumn('entry_id', 'integer', (c) =>
      c.notNull().unique().references('entries.id').onDelete('cascade'),
    )
    .addColumn('raw_score', 'real')
    .addColumn('normalised_score', 'real')
    .addColumn('score_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('rank', 'integer')
    .addColumn('computed_tier_id', 'integer', (c) =>
      c.references('award_tiers.id').onDelete('set null'),
    )
    .addColumn('tier_id', 'integer', (c) => c.references('award_tiers.id').onDelete('set null'))
    .addColumn('override_reason', 'text')
    .addColumn('overridden_by', 'integer', (c) => c.references('users.id'))
    .addColumn('overridden_at', 'text')
    .addColumn('computed_at', 'text', (c) => c.notNull())
    .addCheckConstraint(
      'results_scores_ck',
      sql`(raw_score IS NULL OR raw_score >= 0) AND (normalised_score IS NULL OR normalised_score >= 0) AND score_count >= 0`,
    )
    .addCheckConstraint('results_rank_ck', sql`rank IS NULL OR rank >= 1`)
    .addCheckConstraint(
      'results_override_ck',
      sql`tier_id IS computed_tier_id OR (length(trim(coalesce(override_reason, ''))) > 0 AND overridden_by IS NOT NULL)`,
    )
    .execute()
  await index(db, 'results', ['contest_id', 'rank'])

  await db.schema
    .createTable('awards')
    .addColumn('id', 'integer', idColumn)
    .addColumn('entry_id', 'integer', (c) =>
      c.notNull().unique().references('entries.id').onDelete('cascade'),
    )
    .addColumn('model_id', 'integer', (c) =>
      c.notNull().references('models.id').onDelete('cascade'),
    )
    .addColumn('contest_id', 'integer', (c) =>
      c.notNull().references('contests.id').onDelete('cascade'),
    )
    .addColumn('tier_id', 'integer', (c) =>
      c.notNull().references('award_tiers.id').onDelete('restrict'),
    )
    .addColumn('score', 'real')
    .addColumn('rank', 'integer')
    .addColumn('decision_number', 'text')
    .addColumn('decision_date', 'text')
    .addColumn('certificate_key', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute()
  await index(db, 'awards', ['model_id'])
  await index(db, 'awards', ['contest_id', 'tier_id'])

  // ── Notifications and audit ──────────────────────────────────────────
  await db.schema
    .createTable('notifications')
    .addColumn('id', 'integer', idColumn)
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull()) // translation key
    .addColumn('params', 'text', (c) => c.notNull().defaultTo('{}')) // JSON for the message
    .addColumn('link', 'text')
    .addColumn('read_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute()
  await index(db, 'notifications', ['user_id', 'read_at'])

  await db.schema
    .createTable('audit_log')
    .addColumn('id', 'integer', idColumn)
    .addColumn('actor_id', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('action', 'text', (c) => c.notNull()) // e.g. "user.create", "score.update"
    .addColumn('subject_type', 'text', (c) => c.notNull())
    .addColumn('subject_id', 'text')
    .addColumn('before', 'text') // JSON
    .addColumn('after', 'text') // JSON
    .addColumn('reason', 'text')
    .addColumn('ip', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute()
  await index(db, 'audit_log', ['subject_type', 'subject_id'])
  await index(db, 'audit_log', ['actor_id', 'created_at'])
  await index(db, 'audit_log', ['created_at'])
}

export async function down(db: Kysely<unknown>) {
  for (const t of [
    'audit_log',
    'notifications',
    'awards',
    'results',
    'scores',
    'score_sheets',
    'conflicts',
    'assignments',
    'panel_members',
    'panels',
    'media_variants',
    'media',
    'indicators',
    'replication_reports',
    'replications',
    'entry_communes',
    'entry_versions',
    'entries',
    'model_communes',
    'models',
    'award_tiers',
    'criteria',
    'contests',
    'login_throttle',
    'sessions',
    'user_roles',
    'users',
    'org_units',
  ]) {
    await db.schema.dropTable(t).execute()
  }
}
