import type { Kysely } from 'kysely';

/**
 * People's data: a round's results saved as JSON when its individual answers are deleted under the
 * partnership's retention setting, so results pages, CSV, PDFs and the API read the same figures afterwards.
 * The saved copy holds counts and figures only (and pooled comments unless the partnership removes them).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('round_result_snapshots')
    .addColumn('round_id', 'text', (c) =>
      c.primaryKey().references('assessment_rounds.id').onDelete('cascade'),
    )
    .addColumn('results_json', 'text', (c) => c.notNull())
    .addColumn('progress_json', 'text', (c) => c.notNull())
    .addColumn('comments_removed', 'integer', (c) => c.notNull())
    .addColumn('answers_deleted_at', 'text', (c) => c.notNull())
    .execute();
}
