import { sql, type Kysely } from 'kysely'

/**
 * Changes to a published model wait for the organiser: a unit's edit becomes a revision
 * (the model form's validated values as JSON), and the public page, catalog and open data keep
 * showing the model as last approved until the organiser approves it (or rejects it, with a
 * reason). At most one revision per model is pending; a newer edit replaces its content.
 * Self-contained: literals only, no imports of the application's living code.
 */
export async function up(db: Kysely<unknown>) {
  await sql`CREATE TABLE model_revisions (
    id integer PRIMARY KEY AUTOINCREMENT,
    model_id integer NOT NULL REFERENCES models (id) ON DELETE CASCADE,
    status text NOT NULL DEFAULT 'pending',
    content text NOT NULL,
    submitted_by integer REFERENCES users (id) ON DELETE SET NULL,
    submitted_at text NOT NULL,
    decided_by integer REFERENCES users (id) ON DELETE SET NULL,
    decided_at text,
    reject_reason text,
    CONSTRAINT model_revisions_status_ck CHECK (status IN ('pending', 'approved', 'rejected')),
    CONSTRAINT model_revisions_decided_ck CHECK ((status = 'pending') = (decided_at IS NULL)),
    CONSTRAINT model_revisions_reason_ck
      CHECK (status <> 'rejected' OR length(trim(coalesce(reject_reason, ''))) > 0)
  )`.execute(db)
  await sql`CREATE UNIQUE INDEX model_revisions_one_pending_uq
    ON model_revisions (model_id) WHERE status = 'pending'`.execute(db)
  await sql`CREATE INDEX model_revisions_status_idx
    ON model_revisions (status, submitted_at)`.execute(db)
}

export async function down(db: Kysely<unknown>) {
  await sql`DROP TABLE model_revisions`.execute(db)
}
