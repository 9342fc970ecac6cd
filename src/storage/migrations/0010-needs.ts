import type { Kysely } from 'kysely';

/**
 * The needs register: aggregate needs partners see on the ground, for an area (LSOA, ward or authority) and a
 * theme. `source_id` is the id a need had in the file it was imported from, unique within a partnership when
 * set, so a re-import updates rather than duplicates.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('needs')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('partnership_id', 'text', (c) => c.notNull().references('partnerships.id').onDelete('cascade'))
    .addColumn('area_code', 'text', (c) => c.notNull())
    .addColumn('theme', 'text', (c) => c.notNull())
    .addColumn('severity', 'integer', (c) => c.notNull())
    .addColumn('people_affected', 'integer')
    .addColumn('evidence', 'text', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('reporting_organisation_id', 'text', (c) =>
      c.references('organisations.id').onDelete('set null'),
    )
    .addColumn('reported_on', 'text', (c) => c.notNull())
    .addColumn('source_id', 'text')
    .addColumn('created_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('needs_partnership_theme')
    .on('needs')
    .columns(['partnership_id', 'theme'])
    .execute();
  await db.schema
    .createIndex('needs_partnership_area')
    .on('needs')
    .columns(['partnership_id', 'area_code'])
    .execute();
  // Both databases treat NULLs as distinct here, so only needs with a source id are held to one per partnership.
  await db.schema
    .createIndex('needs_partnership_source_id')
    .unique()
    .on('needs')
    .columns(['partnership_id', 'source_id'])
    .execute();
}
