import type { Kysely } from 'kysely';
import type { SignInFailureStore } from '../../app/accounts/sign-in-failure-store.js';
import type { Database } from '../schema.js';

export function signInFailuresRepository(db: Kysely<Database>): SignInFailureStore {
  return {
    async add(failures) {
      if (failures.length === 0) return;
      await db
        .insertInto('sign_in_failures')
        .values(
          failures.map((failure) => ({
            id: failure.id,
            key_kind: failure.kind,
            key_hash: failure.hash,
            failed_at: failure.failedAt,
          })),
        )
        .execute();
    },
    async listAfter(key, after) {
      const rows = await db
        .selectFrom('sign_in_failures')
        .select(['id', 'failed_at'])
        .where('key_kind', '=', key.kind)
        .where('key_hash', '=', key.hash)
        .where('failed_at', '>', after)
        .orderBy('failed_at')
        .execute();
      return rows.map((row) => ({ id: row.id, failedAt: row.failed_at }));
    },
    async remove(ids) {
      if (ids.length === 0) return;
      await db
        .deleteFrom('sign_in_failures')
        .where('id', 'in', [...ids])
        .execute();
    },
    async clear(key) {
      await db
        .deleteFrom('sign_in_failures')
        .where('key_kind', '=', key.kind)
        .where('key_hash', '=', key.hash)
        .execute();
    },
    async removeUntil(until) {
      await db.deleteFrom('sign_in_failures').where('failed_at', '<=', until).execute();
    },
  };
}
