import type { Kysely } from 'kysely';

/**
 * Outbox delivery that sends each email once however many instances run. A delivery run claims a row by setting
 * status 'sending' with its own `claim_token` and `claimed_at` (the lease) before it sends; `next_attempt_at` holds
 * a failed row back until its retry is due. All three are nullable: rows written before (or by plain SQL with
 * only the older columns) are due at once.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('outbox').addColumn('next_attempt_at', 'text').execute();
  await db.schema.alterTable('outbox').addColumn('claim_token', 'text').execute();
  await db.schema.alterTable('outbox').addColumn('claimed_at', 'text').execute();
}
