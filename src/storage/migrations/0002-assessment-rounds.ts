import type { Kysely } from 'kysely';

/**
 * Assessment rounds, respondent groups, invitations and responses. Identity (invitations, with email addresses)
 * and answers (responses, ratings) live in separate tables with no column linking them: a response is found by a
 * keyed hash of its invitation, which only the running service can compute.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('assessment_rounds')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('partnership_id', 'text', (c) => c.notNull().references('partnerships.id').onDelete('cascade'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('framework_version', 'text', (c) => c.notNull())
    .addColumn('threshold', 'integer', (c) => c.notNull())
    .addColumn('opens_on', 'text', (c) => c.notNull())
    .addColumn('closes_on', 'text', (c) => c.notNull())
    .addColumn('closed_at', 'text')
    .addColumn('threshold_locked_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('rounds_partnership')
    .on('assessment_rounds')
    .columns(['partnership_id', 'opens_on'])
    .execute();

  await db.schema
    .createTable('respondent_groups')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('round_id', 'text', (c) => c.notNull().references('assessment_rounds.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('side', 'text', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('share_token_hash', 'text', (c) => c.unique())
    .execute();
  await db.schema.createIndex('groups_round').on('respondent_groups').column('round_id').execute();

  await db.schema
    .createTable('round_invitations')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('round_id', 'text', (c) => c.notNull().references('assessment_rounds.id').onDelete('cascade'))
    .addColumn('group_id', 'text', (c) => c.notNull().references('respondent_groups.id').onDelete('cascade'))
    .addColumn('email', 'text', (c) => c.notNull())
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('round_invitations_round_email', ['round_id', 'email'])
    .execute();

  await db.schema
    .createTable('responses')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('round_id', 'text', (c) => c.notNull().references('assessment_rounds.id').onDelete('cascade'))
    .addColumn('group_id', 'text', (c) => c.notNull().references('respondent_groups.id').onDelete('cascade'))
    .addColumn('respondent_key', 'text', (c) => c.notNull().unique())
    .addColumn('status', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('responses_round').on('responses').columns(['round_id', 'group_id']).execute();

  await db.schema
    .createTable('response_ratings')
    .addColumn('response_id', 'text', (c) => c.notNull().references('responses.id').onDelete('cascade'))
    .addColumn('indicator_code', 'text', (c) => c.notNull())
    .addColumn('rating', 'text', (c) => c.notNull())
    .addColumn('comment', 'text')
    .addColumn('evidence_url', 'text')
    .addPrimaryKeyConstraint('response_ratings_pk', ['response_id', 'indicator_code'])
    .execute();

  await db.schema
    .createTable('workshop_records')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('round_id', 'text', (c) => c.notNull().references('assessment_rounds.id').onDelete('cascade'))
    .addColumn('principle_code', 'text', (c) => c.notNull())
    .addColumn('agreed_level', 'integer')
    .addColumn('reasons', 'text', (c) => c.notNull())
    .addColumn('agreed_actions', 'text', (c) => c.notNull())
    .addColumn('recorded_at', 'text', (c) => c.notNull())
    .addColumn('recorded_by', 'text', (c) => c.notNull())
    .addUniqueConstraint('workshop_round_principle', ['round_id', 'principle_code'])
    .execute();
}
