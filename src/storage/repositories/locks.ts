import type { Kysely } from 'kysely';
import type { Store } from '../../app/ports.js';
import type { Database } from '../schema.js';

/**
 * Locks kept as rows of the settings table (key `lock:<name>`, value `<taken at> <holder>`), so every instance
 * on the database sees them and a crashed holder's lock goes stale instead of lasting for ever. Taking a lock is
 * one atomic insert, or one compare-and-set update of a stale value; a lock already held is seen by a read, so a
 * holder's long SQLite write transaction never makes another instance wait.
 */
export function locksRepository(db: Kysely<Database>): Store['locks'] {
  const keyOf = (name: string) => `lock:${name}`;
  const current = async (key: string) =>
    (await db.selectFrom('settings').select('value').where('key', '=', key).executeTakeFirst())?.value;
  return {
    async acquire(name, holder, at, staleBefore) {
      const key = keyOf(name);
      const value = `${at} ${holder}`;
      const existing = await current(key);
      if (existing === undefined) {
        const inserted = await db
          .insertInto('settings')
          .values({ key, value })
          .onConflict((oc) => oc.column('key').doNothing())
          .executeTakeFirst();
        return Number(inserted.numInsertedOrUpdatedRows ?? 0) === 1;
      }
      const takenAt = existing.split(' ')[0] ?? '';
      if (takenAt >= staleBefore) return false;
      const taken = await db
        .updateTable('settings')
        .set({ value })
        .where('key', '=', key)
        .where('value', '=', existing)
        .executeTakeFirst();
      return Number(taken.numUpdatedRows) === 1;
    },
    async release(name, holder) {
      const key = keyOf(name);
      const existing = await current(key);
      if (existing?.endsWith(` ${holder}`)) {
        await db.deleteFrom('settings').where('key', '=', key).where('value', '=', existing).execute();
      }
    },
  };
}
