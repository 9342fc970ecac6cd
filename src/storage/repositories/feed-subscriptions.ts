import type { Kysely, Selectable } from 'kysely';
import type {
  FeedRefreshResult,
  FeedSubscriptionRecord,
  FeedSubscriptionStore,
} from '../../app/feeds/feed-subscription-store.js';
import type { Database } from '../schema.js';
import type { FeedSubscriptionsTable } from '../schema-feed-subscriptions.js';

const columns = [
  'id',
  'partnership_id',
  'address',
  'apply_automatically',
  'created_at',
  'created_by',
  'next_refresh_at',
  'refreshing_until',
  'last_refreshed_at',
  'last_result',
  'last_message',
  'failing_since',
  'pending_at',
] as const;

type Row = Pick<Selectable<FeedSubscriptionsTable>, (typeof columns)[number]>;

const toRecord = (row: Row): FeedSubscriptionRecord => ({
  id: row.id,
  partnershipId: row.partnership_id,
  address: row.address,
  applyAutomatically: Number(row.apply_automatically) === 1,
  createdAt: row.created_at,
  createdBy: row.created_by,
  nextRefreshAt: row.next_refresh_at,
  refreshingUntil: row.refreshing_until,
  lastRefreshedAt: row.last_refreshed_at,
  lastResult: row.last_result as FeedRefreshResult | null,
  lastMessage: row.last_message,
  failingSince: row.failing_since,
  pendingAt: row.pending_at,
});

export function feedSubscriptionsRepository(db: Kysely<Database>): FeedSubscriptionStore {
  const select = () => db.selectFrom('feed_subscriptions').select(columns);
  return {
    async insert(s) {
      await db
        .insertInto('feed_subscriptions')
        .values({
          id: s.id,
          partnership_id: s.partnershipId,
          address: s.address,
          apply_automatically: s.applyAutomatically ? 1 : 0,
          created_at: s.createdAt,
          created_by: s.createdBy,
          next_refresh_at: s.nextRefreshAt,
          refreshing_until: s.refreshingUntil,
          last_refreshed_at: s.lastRefreshedAt,
          last_result: s.lastResult,
          last_message: s.lastMessage,
          failing_since: s.failingSince,
          pending_at: s.pendingAt,
        })
        .execute();
    },
    async list(partnershipId) {
      const rows = await select()
        .where('partnership_id', '=', partnershipId)
        .orderBy('created_at')
        .orderBy('id')
        .execute();
      return rows.map(toRecord);
    },
    async find(partnershipId, id) {
      const row = await select()
        .where('partnership_id', '=', partnershipId)
        .where('id', '=', id)
        .executeTakeFirst();
      return row && toRecord(row);
    },
    async findByAddress(partnershipId, address) {
      const row = await select()
        .where('partnership_id', '=', partnershipId)
        .where('address', '=', address)
        .executeTakeFirst();
      return row && toRecord(row);
    },
    async remove(partnershipId, id) {
      await db.deleteFrom('feed_subscription_pages').where('subscription_id', '=', id).execute();
      const result = await db
        .deleteFrom('feed_subscriptions')
        .where('partnership_id', '=', partnershipId)
        .where('id', '=', id)
        .executeTakeFirst();
      return Number(result.numDeletedRows) > 0;
    },
    async claim(id, now, until) {
      const result = await db
        .updateTable('feed_subscriptions')
        .set({ refreshing_until: until })
        .where('id', '=', id)
        .where((eb) => eb.or([eb('refreshing_until', 'is', null), eb('refreshing_until', '<', now)]))
        .executeTakeFirst();
      return Number(result.numUpdatedRows) === 1;
    },
    async due(now, limit) {
      const rows = await select()
        .where('next_refresh_at', '<=', now)
        .where((eb) => eb.or([eb('refreshing_until', 'is', null), eb('refreshing_until', '<', now)]))
        .orderBy('next_refresh_at')
        .orderBy('id')
        .limit(limit)
        .execute();
      return rows.map(toRecord);
    },
    async update(id, change) {
      const set: Partial<FeedSubscriptionsTable> = {};
      if (change.nextRefreshAt !== undefined) set.next_refresh_at = change.nextRefreshAt;
      if (change.refreshingUntil !== undefined) set.refreshing_until = change.refreshingUntil;
      if (change.lastRefreshedAt !== undefined) set.last_refreshed_at = change.lastRefreshedAt;
      if (change.lastResult !== undefined) set.last_result = change.lastResult;
      if (change.lastMessage !== undefined) set.last_message = change.lastMessage;
      if (change.failingSince !== undefined) set.failing_since = change.failingSince;
      if (change.pendingAt !== undefined) set.pending_at = change.pendingAt;
      if (change.pending !== undefined) {
        set.pending_preview = change.pending?.preview ?? null;
        set.pending_payload = change.pending?.payload ?? null;
      }
      if (Object.keys(set).length === 0) return;
      await db.updateTable('feed_subscriptions').set(set).where('id', '=', id).execute();
    },
    async pending(partnershipId, id) {
      const row = await db
        .selectFrom('feed_subscriptions')
        .select(['pending_preview', 'pending_payload'])
        .where('partnership_id', '=', partnershipId)
        .where('id', '=', id)
        .executeTakeFirst();
      return row?.pending_preview && row.pending_payload
        ? { preview: row.pending_preview, payload: row.pending_payload }
        : undefined;
    },
    async pages(subscriptionId) {
      const rows = await db
        .selectFrom('feed_subscription_pages')
        .selectAll()
        .where('subscription_id', '=', subscriptionId)
        .orderBy('page')
        .execute();
      return rows.map((row) => ({
        page: Number(row.page),
        address: row.address,
        etag: row.etag,
        lastModified: row.last_modified,
        sourceIds: JSON.parse(row.source_ids) as string[],
      }));
    },
    async replacePages(subscriptionId, pages) {
      await db.deleteFrom('feed_subscription_pages').where('subscription_id', '=', subscriptionId).execute();
      if (pages.length === 0) return;
      await db
        .insertInto('feed_subscription_pages')
        .values(
          pages.map((page) => ({
            subscription_id: subscriptionId,
            page: page.page,
            address: page.address,
            etag: page.etag,
            last_modified: page.lastModified,
            source_ids: JSON.stringify(page.sourceIds),
          })),
        )
        .execute();
    },
  };
}
