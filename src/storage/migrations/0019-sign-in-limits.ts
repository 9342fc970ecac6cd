import type { Kysely } from 'kysely';

/**
 * Failed sign-ins, counted per email address and per network address, so every instance applies the same
 * limits and a restart does not clear them. Keys are SHA-256 hashes, never the address itself; rows older than
 * the counting window are deleted as new attempts arrive.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('sign_in_failures')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('key_kind', 'text', (c) => c.notNull())
    .addColumn('key_hash', 'text', (c) => c.notNull())
    .addColumn('failed_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('sign_in_failures_key')
    .on('sign_in_failures')
    .columns(['key_kind', 'key_hash', 'failed_at'])
    .execute();
  await db.schema
    .createIndex('sign_in_failures_failed_at')
    .on('sign_in_failures')
    .column('failed_at')
    .execute();
}
