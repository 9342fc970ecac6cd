import type { Kysely } from 'kysely';

/**
 * Members answer rounds without an invitation. A member's place to answer is a round invitation row made on
 * first use, so it keeps identity apart from answers exactly as invitations do (a response is found by a keyed
 * hash of the row's id). `source` tells these rows from real invitations, so "invited" counts and threshold
 * warnings stay about invitations.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('round_invitations')
    .addColumn('source', 'text', (c) => c.notNull().defaultTo('invitation'))
    .execute();
}
