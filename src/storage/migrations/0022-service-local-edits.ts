import type { Kysely } from 'kysely';

/**
 * Fields of a service changed in Common Ground (by its organisation or an admin), one row per service and field
 * (a key of the service's details, such as `phone` or `schedules`). Later imports and feed refreshes leave these
 * fields as they are, so a file that has not caught up never undoes a correction made here.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('service_local_edits')
    .addColumn('service_id', 'text', (c) => c.notNull().references('services.id').onDelete('cascade'))
    .addColumn('field', 'text', (c) => c.notNull())
    .addColumn('edited_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('service_local_edits_pk', ['service_id', 'field'])
    .execute();
}
