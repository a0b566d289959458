import { sql, type Kysely } from 'kysely'
import type { Db } from '../index'
import { rebuildCatalog } from '../repos/catalog'
import { index } from './helpers'

/**
 * The public catalog of published models.
 *
 * - `model_search`: FTS5, contentless with delete support (`content=''`, `contentless_delete=1`),
 *   rowid = model id, four text columns (title, summary, method, places = unit, communes, district,
 *   province names) holding FOLDED text (app/catalog/fold.ts: no diacritics, đ → d, lower case),
 *   because unicode61's remove_diacritics does not fold đ; and a fifth column `tags` holding the
 *   model's filter tags as tokens (document.ts tagToken), so a search with filters is one
 *   full-text query (posting lists intersected inside FTS5, bm25 weight 0 for tags). Typed queries
 *   are confined to the four text columns. Contentless: the original text is in `models` already,
 *   so the index stores only its terms; highlights are computed on the original text in
 *   TypeScript (fold.ts `highlight`), never with snippet().
 * - `model_catalog`: one denormalised row per published model (what a result line shows).
 * - `model_catalog_tags`: one row per (filter value, model) with the sort keys repeated, so every
 *   filter + sort is one index range scan (see the ModelCatalogTagTable comment in db/schema.ts).
 * - `catalog_facets`: models per tag, kept by triggers: the filters' options and exact totals.
 *
 * All four are written only by reindexModel / rebuildCatalog (db/repos/catalog.ts), inside the
 * transaction of the write that changed the model. Deleting a model cascades to its catalog rows,
 * whose triggers remove the full-text row and decrement the facets.
 */
export async function up(db: Kysely<unknown>) {
  await sql`CREATE VIRTUAL TABLE model_search USING fts5(
    title, summary, method, places, tags,
    content = '', contentless_delete = 1,
    tokenize = 'unicode61 remove_diacritics 2'
  )`.execute(db)

  await db.schema
    .createTable('model_catalog')
    .addColumn('model_id', 'integer', (c) =>
      c.primaryKey().references('models.id').onDelete('cascade'),
    )
    .addColumn('slug', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('unit_name', 'text', (c) => c.notNull())
    .addColumn('places', 'text', (c) => c.notNull())
    .addColumn('field', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('published_at', 'text', (c) => c.notNull())
    .addColumn('replication_count', 'integer', (c) => c.notNull())
    .addColumn('award_year', 'integer')
    .addColumn('award_tier', 'text')
    .addColumn('score', 'real')
    .addCheckConstraint('model_catalog_count_ck', sql`replication_count >= 0`)
    .execute()

  await db.schema
    .createTable('model_catalog_tags')
    .addColumn('tag', 'text', (c) => c.notNull())
    .addColumn('model_id', 'integer', (c) =>
      c.notNull().references('model_catalog.model_id').onDelete('cascade'),
    )
    .addColumn('label', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('published_at', 'text', (c) => c.notNull())
    .addColumn('replication_count', 'integer', (c) => c.notNull())
    .addColumn('score', 'real')
    .addPrimaryKeyConstraint('model_catalog_tags_pk', ['tag', 'model_id'])
    .modifyEnd(sql`WITHOUT ROWID`)
    .execute()
  // One index per sort; the model id last breaks ties and makes the order total.
  await index(db, 'model_catalog_tags', ['tag', 'published_at', 'model_id'])
  await index(db, 'model_catalog_tags', ['tag', 'replication_count', 'model_id'])
  await index(db, 'model_catalog_tags', ['tag', 'score', 'model_id'])
  await index(db, 'model_catalog_tags', ['model_id'])

  // The model page lists the newest replications of a model without sorting all of them.
  await index(db, 'replications', ['source_model_id', 'start_date', 'id'])

  await db.schema
    .createTable('catalog_facets')
    .addColumn('tag', 'text', (c) => c.primaryKey())
    .addColumn('label', 'text', (c) => c.notNull())
    .addColumn('models', 'integer', (c) => c.notNull())
    .addCheckConstraint('catalog_facets_models_ck', sql`models >= 0`)
    .execute()

  await sql`CREATE TRIGGER model_catalog_ad AFTER DELETE ON model_catalog BEGIN
    DELETE FROM model_search WHERE rowid = old.model_id;
  END`.execute(db)
  await sql`CREATE TRIGGER model_catalog_tags_ai AFTER INSERT ON model_catalog_tags BEGIN
    INSERT INTO catalog_facets (tag, label, models) VALUES (new.tag, new.label, 1)
      ON CONFLICT (tag) DO UPDATE SET models = models + 1, label = excluded.label;
  END`.execute(db)
  await sql`CREATE TRIGGER model_catalog_tags_ad AFTER DELETE ON model_catalog_tags BEGIN
    UPDATE catalog_facets SET models = models - 1 WHERE tag = old.tag;
    DELETE FROM catalog_facets WHERE tag = old.tag AND models <= 0;
  END`.execute(db)

  // Backfill the models published before this migration (folding happens in TypeScript).
  await rebuildCatalog(db as unknown as Db)
}

export async function down(db: Kysely<unknown>) {
  await db.schema.dropIndex('replications_source_model_id_start_date_id_idx').execute()
  for (const t of ['model_catalog_tags_ad', 'model_catalog_tags_ai', 'model_catalog_ad']) {
    await sql`DROP TRIGGER IF EXISTS ${sql.id(t)}`.execute(db)
  }
  await db.schema.dropTable('catalog_facets').execute()
  await db.schema.dropTable('model_catalog_tags').execute()
  await db.schema.dropTable('model_catalog').execute()
  await sql`DROP TABLE model_search`.execute(db)
}
