import type { Kysely } from 'kysely';
import { serviceAtLocationId } from '../../domain/directory/oruk-location.js';

/**
 * The Open Referral UK feed: services paged by name (then id) from an index, and places found by a box around a
 * point. A service's place ids become stable (made from the service id and the place's position), so
 * `/service_at_locations/{id}` keeps answering after the service is saved again; places stored before this
 * migration get their stable id here.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createIndex('services_partnership_name_id')
    .on('services')
    .columns(['partnership_id', 'name', 'id'])
    .execute();
  await db.schema
    .createIndex('service_locations_point')
    .on('service_locations')
    .columns(['latitude', 'longitude'])
    .execute();

  const places = db as unknown as Kysely<{
    service_locations: { id: string; service_id: string; position: number };
  }>;
  const rows = await places
    .selectFrom('service_locations')
    .select(['id', 'service_id', 'position'])
    .execute();
  for (const row of rows) {
    const id = serviceAtLocationId(row.service_id, Number(row.position));
    if (id !== row.id)
      await places.updateTable('service_locations').set({ id }).where('id', '=', row.id).execute();
  }
}
