import type { Kysely } from 'kysely';
import type { Store } from '../../app/ports.js';
import type { Database } from '../schema.js';

export function sessionsRepository(db: Kysely<Database>): Store['sessions'] {
  return {
    async insert(session) {
      await db
        .insertInto('sessions')
        .values({
          id: session.id,
          user_id: session.userId,
          created_at: session.createdAt,
          last_seen_at: session.lastSeenAt,
          current_partnership_id: session.currentPartnershipId,
        })
        .execute();
    },
    async findById(id) {
      const row = await db.selectFrom('sessions').selectAll().where('id', '=', id).executeTakeFirst();
      return (
        row && {
          id: row.id,
          userId: row.user_id,
          createdAt: row.created_at,
          lastSeenAt: row.last_seen_at,
          currentPartnershipId: row.current_partnership_id,
        }
      );
    },
    async touch(id, lastSeenAt) {
      await db.updateTable('sessions').set({ last_seen_at: lastSeenAt }).where('id', '=', id).execute();
    },
    async setCurrentPartnership(id, partnershipId) {
      await db
        .updateTable('sessions')
        .set({ current_partnership_id: partnershipId })
        .where('id', '=', id)
        .execute();
    },
    async remove(id) {
      await db.deleteFrom('sessions').where('id', '=', id).execute();
    },
    async removeForUser(userId) {
      await db.deleteFrom('sessions').where('user_id', '=', userId).execute();
    },
  };
}
