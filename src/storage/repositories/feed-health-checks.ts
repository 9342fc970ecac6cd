import type { Kysely, Selectable } from 'kysely';
import type {
  FeedHealthCheckRecord,
  FeedHealthCheckStore,
  FeedHealthStatus,
} from '../../app/feeds/feed-health-ports.js';
import type { FeedHealthResult } from '../../domain/directory/feed-health.js';
import type { Database } from '../schema.js';
import type { FeedHealthChecksTable } from '../schema-feed-health-checks.js';

const toRecord = (row: Selectable<FeedHealthChecksTable>): FeedHealthCheckRecord => ({
  id: row.id,
  partnershipId: row.partnership_id,
  subscriptionId: row.subscription_id,
  status: row.status as FeedHealthStatus,
  done: Number(row.done),
  total: Number(row.total),
  result: row.result ? (JSON.parse(row.result) as FeedHealthResult) : null,
  error: row.error,
  requestedBy: row.requested_by,
  requestedAt: row.requested_at,
  startedAt: row.started_at,
  finishedAt: row.finished_at,
  runningUntil: row.running_until,
});

export function feedHealthChecksRepository(db: Kysely<Database>): FeedHealthCheckStore {
  const select = () => db.selectFrom('feed_health_checks').selectAll();
  return {
    async insert(check) {
      await db
        .insertInto('feed_health_checks')
        .values({
          id: check.id,
          partnership_id: check.partnershipId,
          subscription_id: check.subscriptionId,
          status: check.status,
          done: check.done,
          total: check.total,
          result: check.result ? JSON.stringify(check.result) : null,
          error: check.error,
          requested_by: check.requestedBy,
          requested_at: check.requestedAt,
          started_at: check.startedAt,
          finished_at: check.finishedAt,
          running_until: check.runningUntil,
        })
        .execute();
    },
    async find(partnershipId, id) {
      const row = await select()
        .where('partnership_id', '=', partnershipId)
        .where('id', '=', id)
        .executeTakeFirst();
      return row && toRecord(row);
    },
    async latest(partnershipId) {
      const rows = await select()
        .where('partnership_id', '=', partnershipId)
        .orderBy('requested_at', 'desc')
        .orderBy('id', 'desc')
        .execute();
      const seen = new Set<string | null>();
      return rows
        .filter((row) => !seen.has(row.subscription_id) && seen.add(row.subscription_id))
        .map(toRecord);
    },
    async claim(id, now, until) {
      const result = await db
        .updateTable('feed_health_checks')
        .set({ status: 'running', running_until: until, started_at: now })
        .where('id', '=', id)
        .where((eb) =>
          eb.or([
            eb('status', '=', 'queued'),
            eb.and([eb('status', '=', 'running'), eb('running_until', '<', now)]),
          ]),
        )
        .executeTakeFirst();
      return Number(result.numUpdatedRows) === 1;
    },
    async update(id, change) {
      await db
        .updateTable('feed_health_checks')
        .set({
          ...(change.status !== undefined ? { status: change.status } : {}),
          ...(change.done !== undefined ? { done: change.done } : {}),
          ...(change.total !== undefined ? { total: change.total } : {}),
          ...(change.result !== undefined
            ? { result: change.result ? JSON.stringify(change.result) : null }
            : {}),
          ...(change.error !== undefined ? { error: change.error } : {}),
          ...(change.startedAt !== undefined ? { started_at: change.startedAt } : {}),
          ...(change.finishedAt !== undefined ? { finished_at: change.finishedAt } : {}),
          ...(change.runningUntil !== undefined ? { running_until: change.runningUntil } : {}),
        })
        .where('id', '=', id)
        .execute();
    },
    async waiting(now, limit) {
      const rows = await select()
        .where((eb) =>
          eb.or([
            eb('status', '=', 'queued'),
            eb.and([eb('status', '=', 'running'), eb('running_until', '<', now)]),
          ]),
        )
        .orderBy('requested_at')
        .orderBy('id')
        .limit(limit)
        .execute();
      return rows.map(toRecord);
    },
    async removeOlder(partnershipId, subscriptionId, keepId) {
      await db
        .deleteFrom('feed_health_checks')
        .where('partnership_id', '=', partnershipId)
        .where((eb) =>
          subscriptionId === null
            ? eb('subscription_id', 'is', null)
            : eb('subscription_id', '=', subscriptionId),
        )
        .where('id', '!=', keepId)
        .execute();
    },
  };
}
