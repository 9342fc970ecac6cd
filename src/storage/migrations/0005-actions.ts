import type { Kysely } from 'kysely';

/**
 * Action plans: what a partnership agrees to do, linked to framework indicators, owned by one of its
 * organisations, with dated progress notes. `round_id` is the round an action came from, if any.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('actions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('partnership_id', 'text', (c) => c.notNull().references('partnerships.id').onDelete('cascade'))
    .addColumn('round_id', 'text', (c) => c.references('assessment_rounds.id').onDelete('set null'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('side', 'text', (c) => c.notNull())
    .addColumn('owner_organisation_id', 'text', (c) => c.references('organisations.id').onDelete('set null'))
    .addColumn('lead_name', 'text', (c) => c.notNull())
    .addColumn('due_on', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('actions_partnership')
    .on('actions')
    .columns(['partnership_id', 'created_at'])
    .execute();

  await db.schema
    .createTable('action_indicators')
    .addColumn('action_id', 'text', (c) => c.notNull().references('actions.id').onDelete('cascade'))
    .addColumn('indicator_code', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('action_indicators_pk', ['action_id', 'indicator_code'])
    .execute();

  await db.schema
    .createTable('action_progress_notes')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('action_id', 'text', (c) => c.notNull().references('actions.id').onDelete('cascade'))
    .addColumn('note', 'text', (c) => c.notNull())
    .addColumn('noted_on', 'text', (c) => c.notNull())
    .addColumn('author_label', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('action_notes_action')
    .on('action_progress_notes')
    .column('action_id')
    .execute();
}
