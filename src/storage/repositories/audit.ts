import type { Kysely } from 'kysely';
import type { Store } from '../../app/ports.js';
import type { Database } from '../schema.js';

const accountActions = ['signed-in', 'signed-out', 'password-changed'];

export function auditRepository(db: Kysely<Database>): Store['audit'] {
  return {
    async record(event) {
      await db
        .insertInto('audit_events')
        .values({
          id: event.id,
          partnership_id: event.partnershipId,
          actor_user_id: event.actorUserId,
          actor_label: event.actorLabel,
          action: event.action,
          subject: event.subject,
          created_at: event.createdAt,
        })
        .execute();
    },
    async listForPartnership(partnershipId, limit) {
      const members = db
        .selectFrom('memberships')
        .select('user_id')
        .where('partnership_id', '=', partnershipId);
      const rows = await db
        .selectFrom('audit_events')
        .selectAll()
        .where((eb) =>
          eb.or([
            eb('partnership_id', '=', partnershipId),
            eb.and([
              eb('partnership_id', 'is', null),
              eb('action', 'in', accountActions),
              eb('actor_user_id', 'in', members),
            ]),
          ]),
        )
        .orderBy('created_at', 'desc')
        .orderBy('id')
        .limit(limit)
        .execute();
      return rows.map((row) => ({
        id: row.id,
        partnershipId: row.partnership_id,
        actorUserId: row.actor_user_id,
        actorLabel: row.actor_label,
        action: row.action,
        subject: row.subject,
        createdAt: row.created_at,
      }));
    },
  };
}
