import type { Kysely } from 'kysely';

/**
 * The themes each organisation works on: suggested by the classifier from its own words (with the words that
 * matched), or confirmed or set aside by a member. Imports replace suggestions only, so members' decisions
 * outlast re-imports. One row per organisation and theme.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('organisation_themes')
    .addColumn('organisation_id', 'text', (c) =>
      c.notNull().references('organisations.id').onDelete('cascade'),
    )
    .addColumn('partnership_id', 'text', (c) => c.notNull())
    .addColumn('theme_id', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('matched', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('decided_by', 'text')
    .addColumn('decided_at', 'text')
    .addPrimaryKeyConstraint('organisation_themes_pk', ['organisation_id', 'theme_id'])
    .execute();
  await db.schema
    .createIndex('organisation_themes_partnership_theme')
    .on('organisation_themes')
    .columns(['partnership_id', 'theme_id'])
    .execute();
}
