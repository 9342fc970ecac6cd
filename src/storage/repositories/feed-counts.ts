import type { Kysely } from 'kysely';
import type { Database } from '../schema.js';

/**
 * Counts of the feed's lists kept in the database (so every instance shares them), each valid at the directory
 * version it was counted at. Writers raise the version after they write; a reader uses a count only at the
 * current version, and otherwise counts and keeps the new figure.
 */

/** Raises each partnership's directory version and forgets its counts: call after writing its directory. */
export async function directoryWritten(
  db: Kysely<Database>,
  partnershipIds: Iterable<string>,
): Promise<void> {
  for (const partnershipId of new Set(partnershipIds)) {
    await db
      .insertInto('directory_versions')
      .values({ partnership_id: partnershipId, version: 1 })
      .onConflict((oc) =>
        oc
          .column('partnership_id')
          .doUpdateSet((eb) => ({ version: eb('directory_versions.version', '+', 1) })),
      )
      .execute();
    await db.deleteFrom('oruk_feed_counts').where('partnership_id', '=', partnershipId).execute();
  }
}

/** The count kept for this list at the current directory version, or a fresh one (then kept). */
export async function keptCount(
  db: Kysely<Database>,
  partnershipId: string,
  list: unknown,
  count: () => Promise<number>,
): Promise<number> {
  const key = JSON.stringify(list);
  const current = await db
    .selectFrom('directory_versions')
    .select('version')
    .where('partnership_id', '=', partnershipId)
    .executeTakeFirst();
  const version = Number(current?.version ?? 0);
  const kept = await db
    .selectFrom('oruk_feed_counts')
    .select('total')
    .where('partnership_id', '=', partnershipId)
    .where('query_key', '=', key)
    .where('version', '=', version)
    .executeTakeFirst();
  if (kept) return Number(kept.total);
  const total = await count();
  await db
    .insertInto('oruk_feed_counts')
    .values({ partnership_id: partnershipId, query_key: key, version, total })
    .onConflict((oc) => oc.columns(['partnership_id', 'query_key']).doUpdateSet({ version, total }))
    .execute();
  return total;
}
