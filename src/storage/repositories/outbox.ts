import { PostgresAdapter, type ExpressionBuilder, type Kysely, type Selectable } from 'kysely';
import type { OutboxClaim, OutboxMessage, OutboxStatus, Store } from '../../app/ports.js';
import type { Database } from '../schema.js';
import type { OutboxTable } from '../schema-platform.js';

/** Kept on a message whose send was cut off (by a crash or a stop) and that was claimed again. */
export const interruptedNote = 'delivery was interrupted; retried';
const interruptedTooOftenNote = 'delivery was interrupted too many times; not retried';

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
    nextAttemptAt: row.next_attempt_at,
  };
}

/** Queued and due (no retry time, or one that has come), or left 'sending' by a claim whose lease ran out. */
function isDue(claim: OutboxClaim) {
  return (eb: ExpressionBuilder<Database, 'outbox'>) =>
    eb.or([
      eb.and([
        eb('status', '=', 'queued'),
        eb.or([eb('next_attempt_at', 'is', null), eb('next_attempt_at', '<=', claim.now)]),
      ]),
      eb.and([
        eb('status', '=', 'sending'),
        eb.or([eb('claimed_at', 'is', null), eb('claimed_at', '<=', claim.leaseExpiredBefore)]),
      ]),
    ]);
}

/**
 * Claims with one UPDATE ... RETURNING whose subquery picks the rows, so a row is claimed whole or not at all.
 * PostgreSQL picks them with FOR UPDATE SKIP LOCKED, so concurrent claims take different rows without waiting;
 * SQLite runs one writing statement at a time, so the subquery sees every claim made before it.
 */
async function claimDue(db: Kysely<Database>, claim: OutboxClaim): Promise<OutboxMessage[]> {
  // Read first: reads never wait for SQLite's write lock, so an idle poll never queues behind a long write.
  const anyDue = await db.selectFrom('outbox').select('id').where(isDue(claim)).limit(1).executeTakeFirst();
  if (!anyDue) return [];

  const postgres = db.getExecutor().adapter instanceof PostgresAdapter;
  const rows = await db
    .updateTable('outbox')
    .set((eb) => {
      const interrupted = eb('status', '=', 'sending');
      const givenUp = eb.and([interrupted, eb(eb('attempts', '+', 1), '>=', claim.maximumAttempts)]);
      return {
        status: eb.case().when(givenUp).then('failed').else('sending').end(),
        attempts: eb
          .case()
          .when(interrupted)
          .then(eb('attempts', '+', 1))
          .else(eb.ref('attempts'))
          .end(),
        last_error: eb
          .case()
          .when(givenUp)
          .then(interruptedTooOftenNote)
          .when(interrupted)
          .then(interruptedNote)
          .else(eb.ref('last_error'))
          .end(),
        claim_token: eb.case().when(givenUp).then(null).else(claim.token).end(),
        claimed_at: eb.case().when(givenUp).then(null).else(claim.now).end(),
      };
    })
    .where(
      'id',
      'in',
      db
        .selectFrom('outbox')
        .select('id')
        .where(isDue(claim))
        .orderBy('created_at')
        .orderBy('id')
        .limit(claim.limit)
        .$if(postgres, (query) => query.forUpdate().skipLocked()),
    )
    .returningAll()
    .execute();
  return rows
    .filter((row) => row.status === 'sending')
    .map(toMessage)
    .sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id));
}

export function outboxRepository(db: Kysely<Database>): Store['outbox'] {
  const ownClaim = (id: string, token: string) =>
    db
      .updateTable('outbox')
      .where('id', '=', id)
      .where('claim_token', '=', token)
      .where('status', '=', 'sending');
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
          next_attempt_at: message.nextAttemptAt,
        })
        .execute();
    },
    async findById(id) {
      const row = await db.selectFrom('outbox').selectAll().where('id', '=', id).executeTakeFirst();
      return row && toMessage(row);
    },
    claimDue: (claim) => claimDue(db, claim),
    async renewClaim(id, token, at) {
      const result = await ownClaim(id, token).set({ claimed_at: at }).executeTakeFirst();
      return Number(result.numUpdatedRows) === 1;
    },
    async markSent(id, token, sentAt) {
      const result = await ownClaim(id, token)
        .set((eb) => ({
          status: 'sent',
          sent_at: sentAt,
          attempts: eb('attempts', '+', 1),
          // An earlier error no longer matters once sent; an interrupted attempt does (it may have arrived too).
          last_error: eb
            .case()
            .when('last_error', '=', interruptedNote)
            .then(interruptedNote)
            .else(null)
            .end(),
          next_attempt_at: null,
          claim_token: null,
          claimed_at: null,
        }))
        .executeTakeFirst();
      return Number(result.numUpdatedRows) === 1;
    },
    async markAttemptFailed(id, token, error, retryAt) {
      const result = await ownClaim(id, token)
        .set((eb) => ({
          status: retryAt === null ? 'failed' : 'queued',
          attempts: eb('attempts', '+', 1),
          last_error: error.slice(0, 500),
          next_attempt_at: retryAt,
          claim_token: null,
          claimed_at: null,
        }))
        .executeTakeFirst();
      return Number(result.numUpdatedRows) === 1;
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
          'next_attempt_at',
          'claim_token',
          'claimed_at',
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
