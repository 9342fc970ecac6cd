import type { Kysely } from 'kysely';

/**
 * Open Referral UK feeds a partnership's directory is subscribed to. Each subscription says whether a refresh
 * applies by itself or waits for an admin to confirm its preview, how the last refresh went and since when the
 * feed has been failing, when it is next due, and a lease (`refreshing_until`) so that only one instance
 * refreshes it at a time. A refresh waiting for confirmation keeps its preview and what it read (JSON text), so
 * confirming applies exactly what was shown. Each page of the feed keeps its validators (ETag, Last-Modified)
 * and the source ids of the services it held, to ask only for what changed and to notice withdrawn services.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('feed_subscriptions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('partnership_id', 'text', (c) => c.notNull().references('partnerships.id').onDelete('cascade'))
    .addColumn('address', 'text', (c) => c.notNull())
    .addColumn('apply_automatically', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('next_refresh_at', 'text', (c) => c.notNull())
    .addColumn('refreshing_until', 'text')
    .addColumn('last_refreshed_at', 'text')
    .addColumn('last_result', 'text')
    .addColumn('last_message', 'text')
    .addColumn('failing_since', 'text')
    .addColumn('pending_at', 'text')
    .addColumn('pending_preview', 'text')
    .addColumn('pending_payload', 'text')
    .addUniqueConstraint('feed_subscriptions_partnership_address', ['partnership_id', 'address'])
    .execute();
  await db.schema
    .createIndex('feed_subscriptions_next_refresh')
    .on('feed_subscriptions')
    .column('next_refresh_at')
    .execute();
  await db.schema
    .createTable('feed_subscription_pages')
    .addColumn('subscription_id', 'text', (c) =>
      c.notNull().references('feed_subscriptions.id').onDelete('cascade'),
    )
    .addColumn('page', 'integer', (c) => c.notNull())
    .addColumn('address', 'text', (c) => c.notNull())
    .addColumn('etag', 'text')
    .addColumn('last_modified', 'text')
    .addColumn('source_ids', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('feed_subscription_pages_pk', ['subscription_id', 'page'])
    .execute();
}
