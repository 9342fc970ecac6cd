import type { Kysely } from 'kysely';

/**
 * When an organisation's published fields last changed after it was recorded (null until then), so the Open
 * Referral UK feed's Last-Modified moves when an organisation does.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('organisations').addColumn('updated_at', 'text').execute();
}
