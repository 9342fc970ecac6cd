import type { Kysely } from 'kysely';

/**
 * Grants in the 360Giving shape, one row per 360Giving grant identifier within a partnership (so a re-import
 * updates rather than duplicates). Amounts are decimal text, never floats. Locations and themes are JSON text:
 * they are read with the grant and summed in the domain, never queried on their own.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('grants')
    .addColumn('partnership_id', 'text', (c) => c.notNull().references('partnerships.id').onDelete('cascade'))
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('currency', 'text', (c) => c.notNull())
    .addColumn('amount_awarded', 'text', (c) => c.notNull())
    .addColumn('award_date', 'text', (c) => c.notNull())
    .addColumn('planned_start_date', 'text')
    .addColumn('planned_end_date', 'text')
    .addColumn('planned_duration_months', 'integer')
    .addColumn('recipient_org_id', 'text')
    .addColumn('recipient_org_name', 'text')
    .addColumn('recipient_charity_number', 'text')
    .addColumn('recipient_company_number', 'text')
    .addColumn('recipient_location', 'text')
    .addColumn('matched_organisation_id', 'text', (c) =>
      c.references('organisations.id').onDelete('set null'),
    )
    .addColumn('match_method', 'text', (c) => c.notNull())
    .addColumn('match_confidence', 'real')
    .addColumn('funding_org_id', 'text', (c) => c.notNull())
    .addColumn('funding_org_name', 'text', (c) => c.notNull())
    .addColumn('beneficiary_locations', 'text', (c) => c.notNull())
    .addColumn('grant_programme', 'text')
    .addColumn('grant_kind', 'text', (c) => c.notNull())
    .addColumn('themes', 'text', (c) => c.notNull())
    .addColumn('data_source', 'text')
    .addColumn('imported_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('grants_pk', ['partnership_id', 'id'])
    .execute();
  await db.schema
    .createIndex('grants_partnership_award_date')
    .on('grants')
    .columns(['partnership_id', 'award_date'])
    .execute();
  await db.schema
    .createIndex('grants_partnership_match')
    .on('grants')
    .columns(['partnership_id', 'match_method'])
    .execute();
}
