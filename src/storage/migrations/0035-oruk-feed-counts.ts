import type { Kysely } from 'kysely';

/**
 * Counts of the Open Referral UK feed's lists, kept per partnership and filter at the directory version they were
 * counted at, so a deep page does not count a join of 100,000 services on every request. Every write to a
 * partnership's services or organisations raises its version, after the write, so an older count is never used.
 * Two indexes answer the feed's Last-Modified (services' update times, and which organisations run services) from
 * the index alone, without reading every service.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('directory_versions')
    .addColumn('partnership_id', 'text', (c) =>
      c.primaryKey().references('partnerships.id').onDelete('cascade'),
    )
    .addColumn('version', 'integer', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('oruk_feed_counts')
    .addColumn('partnership_id', 'text', (c) => c.notNull().references('partnerships.id').onDelete('cascade'))
    .addColumn('query_key', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('total', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('oruk_feed_counts_pk', ['partnership_id', 'query_key'])
    .execute();
  await db.schema
    .createIndex('services_partnership_updated')
    .on('services')
    .columns(['partnership_id', 'updated_at'])
    .execute();
  await db.schema
    .createIndex('services_partnership_organisation')
    .on('services')
    .columns(['partnership_id', 'organisation_id'])
    .execute();
}
