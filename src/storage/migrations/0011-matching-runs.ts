import type { Kysely } from 'kysely';

/**
 * Saved allocation runs (matching needs to services): the question asked, the engine's input and result as JSON
 * text (so a run can be reopened exactly as it was) and headline figures for the list of runs.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('matching_runs')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('partnership_id', 'text', (c) => c.notNull().references('partnerships.id').onDelete('cascade'))
    .addColumn('themes', 'text', (c) => c.notNull())
    .addColumn('max_km', 'double precision', (c) => c.notNull())
    .addColumn('need_units', 'integer', (c) => c.notNull())
    .addColumn('met_units', 'integer', (c) => c.notNull())
    .addColumn('unmet_units', 'integer', (c) => c.notNull())
    .addColumn('service_count', 'integer', (c) => c.notNull())
    .addColumn('total_cost', 'double precision', (c) => c.notNull())
    .addColumn('greedy_cost', 'double precision')
    .addColumn('input_json', 'text', (c) => c.notNull())
    .addColumn('result_json', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_by_name', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('matching_runs_partnership_created')
    .on('matching_runs')
    .columns(['partnership_id', 'created_at'])
    .execute();
}
