import type { Kysely } from 'kysely';

/**
 * The 360Giving fields each imported grant came with, as JSON text, so an export gives back every standard
 * field the file held (classifications, amounts applied for and disbursed, the source's dates …), not only
 * the ones we read. Null for grants made here and for grants imported before this column existed.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('grants').addColumn('standard_fields', 'text').execute();
}
