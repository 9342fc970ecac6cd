import type { Kysely } from 'kysely';

/**
 * The shared funding pipeline and commissioning intentions. Lists (themes, areas, outcomes, need cells,
 * services) are JSON text: they are only ever read with their parent row, and each partnership has few rows.
 * Amounts are whole minor units (pence) with their currency; they are never converted.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('funding_opportunities')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('partnership_id', 'text', (c) => c.notNull().references('partnerships.id').onDelete('cascade'))
    .addColumn('funder', 'text', (c) => c.notNull())
    .addColumn('fund_name', 'text', (c) => c.notNull())
    .addColumn('amount_min', 'bigint')
    .addColumn('amount_max', 'bigint')
    .addColumn('currency', 'text', (c) => c.notNull())
    .addColumn('deadline', 'text')
    .addColumn('themes', 'text', (c) => c.notNull())
    .addColumn('area_codes', 'text', (c) => c.notNull())
    .addColumn('link', 'text', (c) => c.notNull())
    .addColumn('notes', 'text', (c) => c.notNull())
    .addColumn('coordination_kind', 'text')
    .addColumn('coordination_action_id', 'text', (c) => c.references('actions.id').onDelete('set null'))
    .addColumn('created_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('funding_opportunities_partnership_deadline')
    .on('funding_opportunities')
    .columns(['partnership_id', 'deadline'])
    .execute();
  await db.schema
    .createTable('funding_interests')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('partnership_id', 'text', (c) => c.notNull().references('partnerships.id').onDelete('cascade'))
    .addColumn('opportunity_id', 'text', (c) =>
      c.notNull().references('funding_opportunities.id').onDelete('cascade'),
    )
    .addColumn('organisation_id', 'text', (c) =>
      c.notNull().references('organisations.id').onDelete('cascade'),
    )
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('note', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('funding_interests_opportunity_organisation')
    .unique()
    .on('funding_interests')
    .columns(['opportunity_id', 'organisation_id'])
    .execute();
  await db.schema
    .createTable('commissioning_intentions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('partnership_id', 'text', (c) => c.notNull().references('partnerships.id').onDelete('cascade'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('need_cells', 'text', (c) => c.notNull())
    .addColumn('outcomes', 'text', (c) => c.notNull())
    .addColumn('budget', 'bigint')
    .addColumn('currency', 'text', (c) => c.notNull())
    .addColumn('duration_months', 'integer')
    .addColumn('route', 'text', (c) => c.notNull())
    .addColumn('service_ids', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('commissioning_intentions_partnership')
    .on('commissioning_intentions')
    .columns(['partnership_id'])
    .execute();
}
