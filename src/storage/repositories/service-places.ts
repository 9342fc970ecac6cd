import { sql, type ExpressionBuilder, type Kysely } from 'kysely';
import type { DirectoryRepository } from '../../app/ports.js';
import type { Database } from '../schema.js';
import { keptCount } from './feed-counts.js';
import { serviceConditions } from './service-filters.js';

/** Where services are: located places in a box, areas covered, and the places the feed shows. */
export function servicePlaces(
  db: Kysely<Database>,
): Pick<DirectoryRepository, 'locatedServices' | 'serviceAreasCovering' | 'shownPlaces' | 'findShownPlace'> {
  return {
    async locatedServices(partnershipId, box) {
      const rows = await db
        .selectFrom('service_locations')
        .innerJoin('services', 'services.id', 'service_locations.service_id')
        .where('services.partnership_id', '=', partnershipId)
        .where('service_locations.visibility', '!=', 'hidden')
        .where('service_locations.latitude', '>=', box.minLatitude)
        .where('service_locations.latitude', '<=', box.maxLatitude)
        .where('service_locations.longitude', '>=', box.minLongitude)
        .where('service_locations.longitude', '<=', box.maxLongitude)
        .select(['service_locations.service_id', 'service_locations.latitude', 'service_locations.longitude'])
        .execute();
      return rows.map((r) => ({
        serviceId: r.service_id,
        latitude: Number(r.latitude),
        longitude: Number(r.longitude),
      }));
    },
    async serviceAreasCovering(partnershipId, areaCodes) {
      const rows = await db
        .selectFrom('service_areas')
        .innerJoin('services', 'services.id', 'service_areas.service_id')
        .where('services.partnership_id', '=', partnershipId)
        .where((eb) =>
          eb.or([
            eb('service_areas.kind', '=', 'polygon'),
            ...(areaCodes.length > 0 ? [eb('service_areas.area_code', 'in', [...areaCodes])] : []),
          ]),
        )
        .select(['service_areas.service_id', 'service_areas.area_code', 'service_areas.geojson'])
        .orderBy('service_areas.service_id')
        .orderBy('service_areas.position')
        .execute();
      return rows.map((r) => ({ serviceId: r.service_id, areaCode: r.area_code, geojson: r.geojson }));
    },
    async shownPlaces(partnershipId, filter, page) {
      const near = filter.near;
      // Distances on a flat map scaled by the cosine of the latitude: close enough within 50 km, and plain
      // arithmetic that SQLite and PostgreSQL both do.
      const scale = near ? Math.cos((near.latitude * Math.PI) / 180) : 1;
      const squared = near
        ? sql<number>`((service_locations.latitude - ${near.latitude}) * (service_locations.latitude - ${near.latitude}) + (service_locations.longitude - ${near.longitude}) * ${scale} * (service_locations.longitude - ${near.longitude}) * ${scale})`
        : undefined;
      let base = db
        .selectFrom('service_locations')
        .innerJoin('services', 'services.id', 'service_locations.service_id')
        .where('service_locations.visibility', '!=', 'hidden')
        .where((eb) =>
          serviceConditions(eb as unknown as ExpressionBuilder<Database, 'services'>, partnershipId, filter),
        );
      if (near && squared) {
        const degrees = near.withinKm / 111.195;
        // Only places whose point is published: ranking area-only places by distance would give them away.
        base = base
          .where('service_locations.visibility', '=', 'public')
          .where('service_locations.latitude', '>=', near.latitude - degrees)
          .where('service_locations.latitude', '<=', near.latitude + degrees)
          .where('service_locations.longitude', '>=', near.longitude - degrees / Math.max(scale, 0.01))
          .where('service_locations.longitude', '<=', near.longitude + degrees / Math.max(scale, 0.01))
          .where(squared, '<=', degrees * degrees);
      }
      const total = await keptCount(db, partnershipId, { list: 'service_at_locations', filter }, async () =>
        Number((await base.select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n),
      );
      if (page.offset >= total) return { total, items: [] };
      let ordered = base.select([
        'service_locations.id',
        'service_locations.service_id',
        'service_locations.position',
      ]);
      ordered = squared
        ? ordered.orderBy(squared).orderBy('service_locations.id')
        : ordered.orderBy('services.name').orderBy('services.id').orderBy('service_locations.position');
      const rows = await ordered.limit(page.limit).offset(page.offset).execute();
      return {
        total,
        items: rows.map((r) => ({ id: r.id, serviceId: r.service_id, position: Number(r.position) })),
      };
    },
    async findShownPlace(partnershipId, id) {
      const row = await db
        .selectFrom('service_locations')
        .innerJoin('services', 'services.id', 'service_locations.service_id')
        .where('services.partnership_id', '=', partnershipId)
        .where('service_locations.id', '=', id)
        .where('service_locations.visibility', '!=', 'hidden')
        .select(['service_locations.id', 'service_locations.service_id', 'service_locations.position'])
        .executeTakeFirst();
      return row && { id: row.id, serviceId: row.service_id, position: Number(row.position) };
    },
  };
}
