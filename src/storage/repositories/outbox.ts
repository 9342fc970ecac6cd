import type { Kysely, Selectable } from 'kysely';
import type { OutboxMessage, OutboxStatus, Store } from '../../app/ports.js';
import type { Database, OutboxTable } from '../schema.js';

function toMessage(row: Selectable<OutboxTable>): OutboxMessage {
  return {
    id: row.id,
    partnershipId: row.partnership_id,
    recipient: row.recipient,
    subject: row.subject,
    bodyText: row.body_text,
    kind: row.kind,
    status: row.status as OutboxStatus,
    attempts: Number(row.attempts),
    createdAt: row.created_at,
    sentAt: row.sent_at,
    lastError: row.last_error,
  };
}

export function outboxRepository(db: Kysely<Database>): Store['outbox'] {
  return {
    async enqueue(message) {
      await db
        .insertInto('outbox')
        .values({
          id: message.id,
          partnership_id: message.partnershipId,
          recipient: message.recipient,
          subject: message.subject,
          body_text: message.bodyText,
          kind: message.kind,
          status: message.status,
          attempts: message.attempts,
          created_at: message.createdAt,
          sent_at: message.sentAt,
          last_error: message.lastError,
        })
        .execute();
    },
    async findById(id) {
      const row = await db.selectFrom('outbox').selectAll().where('id', '=', id).executeTakeFirst();
      return row && toMessage(row);
    },
    async listQueued(limit) {
      const rows = await db
        .selectFrom('outbox')
        .selectAll()
        .where('status', '=', 'queued')
        .orderBy('created_at')
        .limit(limit)
        .execute();
      return rows.map(toMessage);
    },
    async markSent(id, sentAt) {
      await db
        .updateTable('outbox')
        .set((eb) => ({
          status: 'sent',
          sent_at: sentAt,
          attempts: eb('attempts', '+', 1),
          last_error: null,
        }))
        .where('id', '=', id)
        .execute();
    },
    async markAttemptFailed(id, error, giveUp) {
      await db
        .updateTable('outbox')
        .set((eb) => ({
          status: giveUp ? 'failed' : 'queued',
          attempts: eb('attempts', '+', 1),
          last_error: error.slice(0, 500),
        }))
        .where('id', '=', id)
        .execute();
    },
    async listMetadata(partnershipId, limit) {
      const rows = await db
        .selectFrom('outbox')
        .select([
          'id',
          'partnership_id',
          'recipient',
          'subject',
          'kind',
          'status',
          'attempts',
          'created_at',
          'sent_at',
          'last_error',
        ])
        .where('partnership_id', '=', partnershipId)
        .orderBy('created_at', 'desc')
        .limit(limit)
        .execute();
      return rows.map((row) => {
        const { bodyText: _neverShown, ...metadata } = toMessage({ ...row, body_text: '' });
        return metadata;
      });
    },
    async listRecent(limit) {
      const rows = await db
        .selectFrom('outbox')
        .selectAll()
        .orderBy('created_at', 'desc')
        .limit(limit)
        .execute();
      return rows.map(toMessage);
    },
  };
}
