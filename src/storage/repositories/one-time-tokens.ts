import type { Kysely } from 'kysely';
import type { OneTimeTokenPurpose, Store } from '../../app/ports.js';
import type { Database } from '../schema.js';

export function oneTimeTokensRepository(db: Kysely<Database>): Store['oneTimeTokens'] {
  return {
    async insert(token) {
      await db
        .insertInto('one_time_tokens')
        .values({
          id: token.id,
          user_id: token.userId,
          purpose: token.purpose,
          created_at: token.createdAt,
          expires_at: token.expiresAt,
          used_at: token.usedAt,
        })
        .execute();
    },
    async findById(id) {
      const row = await db.selectFrom('one_time_tokens').selectAll().where('id', '=', id).executeTakeFirst();
      return (
        row && {
          id: row.id,
          userId: row.user_id,
          purpose: row.purpose as OneTimeTokenPurpose,
          createdAt: row.created_at,
          expiresAt: row.expires_at,
          usedAt: row.used_at,
        }
      );
    },
    async markUsed(id, usedAt) {
      const result = await db
        .updateTable('one_time_tokens')
        .set({ used_at: usedAt })
        .where('id', '=', id)
        .where('used_at', 'is', null)
        .executeTakeFirst();
      return Number(result.numUpdatedRows) === 1;
    },
  };
}
