import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { ReminderStore } from '../../app/reminders/reminder-records.js';
import { isReminderKind } from '../../domain/reminders/reminders.js';
import type { Database } from '../schema.js';

export function remindersRepository(db: Kysely<Database>): ReminderStore {
  return {
    async claim(record) {
      const result = await db
        .insertInto('reminders_sent')
        .values({
          id: record.id,
          partnership_id: record.partnershipId,
          kind: record.kind,
          subject_id: record.subjectId,
          recipient: record.recipient,
          period: record.period,
          sent_at: record.sentAt,
        })
        .onConflict((oc) => oc.columns(['kind', 'subject_id', 'recipient', 'period']).doNothing())
        .executeTakeFirst();
      return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
    },
    async optedOut(ownerId) {
      const rows = await db
        .selectFrom('reminder_opt_outs')
        .select('kind')
        .where('owner_id', '=', ownerId)
        .orderBy('kind')
        .execute();
      return rows.map((row) => row.kind).filter(isReminderKind);
    },
    async replaceOptOuts(ownerId, kinds, at) {
      await db.deleteFrom('reminder_opt_outs').where('owner_id', '=', ownerId).execute();
      if (kinds.length === 0) return;
      await db
        .insertInto('reminder_opt_outs')
        .values(
          [...new Set(kinds)].map((kind) => ({ id: randomUUID(), owner_id: ownerId, kind, created_at: at })),
        )
        .execute();
    },
    async addOptOut(ownerId, kind, at) {
      await db
        .insertInto('reminder_opt_outs')
        .values({ id: randomUUID(), owner_id: ownerId, kind, created_at: at })
        .onConflict((oc) => oc.columns(['owner_id', 'kind']).doNothing())
        .execute();
    },
    async invitationsForRound(roundId) {
      const rows = await db
        .selectFrom('round_invitations')
        .selectAll()
        .where('round_id', '=', roundId)
        .orderBy('created_at')
        .orderBy('id')
        .execute();
      return rows.map((row) => ({
        id: row.id,
        roundId: row.round_id,
        groupId: row.group_id,
        email: row.email,
        tokenHash: row.token_hash,
        createdAt: row.created_at,
      }));
    },
  };
}
