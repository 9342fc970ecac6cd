import type { Kysely } from 'kysely';

/**
 * A counter that goes up whenever a round's answers change, so results (derived, never stored) can be kept in
 * memory and reused until the next answer, by any process sharing the database.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('assessment_rounds')
    .addColumn('answers_version', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
}
