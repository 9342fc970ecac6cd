import type { Kysely } from 'kysely';

/**
 * Feed health checks: a check of a partnership's own published Open Referral UK feed (no subscription) or of
 * a feed it is subscribed to, against the standard's schemas. A check is queued by the page that asks for it,
 * run in the background under a lease (`running_until`, extended as it writes its progress) so that only one
 * instance runs it and the scheduled jobs take it over if that instance stops, and keeps its result as JSON.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('feed_health_checks')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('partnership_id', 'text', (c) => c.notNull().references('partnerships.id').onDelete('cascade'))
    .addColumn('subscription_id', 'text', (c) => c.references('feed_subscriptions.id').onDelete('cascade'))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('done', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('total', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('result', 'text')
    .addColumn('error', 'text')
    .addColumn('requested_by', 'text', (c) => c.notNull())
    .addColumn('requested_at', 'text', (c) => c.notNull())
    .addColumn('started_at', 'text')
    .addColumn('finished_at', 'text')
    .addColumn('running_until', 'text')
    .execute();
  await db.schema
    .createIndex('feed_health_checks_partnership')
    .on('feed_health_checks')
    .columns(['partnership_id', 'requested_at'])
    .execute();
  await db.schema
    .createIndex('feed_health_checks_status')
    .on('feed_health_checks')
    .column('status')
    .execute();
}
