import { sql, type Kysely } from 'kysely';
import type { AreaStore } from '../../app/areas/area-records.js';
import type { Database } from '../schema.js';
import { batches, summaryColumns, toArea, toSummary } from './area-rows.js';
import { areaLookups } from './area-lookups.js';
import { areaStatistics } from './area-statistics.js';

/** Areas (boundaries, their levels and parents), their statistics and the lookups to them. */
export function areasRepository(db: Kysely<Database>): AreaStore {
  return {
    ...areaStatistics(db),
    ...areaLookups(db),
    async upsertAreas(areas) {
      for (const batch of batches(areas, 14)) {
        await db
          .insertInto('areas')
          .values(
            batch.map((a) => ({
              code: a.code,
              edition: a.edition,
              level: a.level,
              name: a.name,
              parent_code: a.parentCode,
              boundary: a.boundary,
              point_lat: a.pointLat,
              point_lng: a.pointLng,
              min_lng: a.bounds?.[0] ?? null,
              min_lat: a.bounds?.[1] ?? null,
              max_lng: a.bounds?.[2] ?? null,
              max_lat: a.bounds?.[3] ?? null,
              source: a.source,
              updated_at: a.updatedAt,
            })),
          )
          .onConflict((oc) =>
            oc.columns(['code', 'edition']).doUpdateSet((eb) => ({
              level: eb.ref('excluded.level'),
              name: eb.ref('excluded.name'),
              parent_code: eb.ref('excluded.parent_code'),
              boundary: eb.ref('excluded.boundary'),
              point_lat: eb.ref('excluded.point_lat'),
              point_lng: eb.ref('excluded.point_lng'),
              min_lng: eb.ref('excluded.min_lng'),
              min_lat: eb.ref('excluded.min_lat'),
              max_lng: eb.ref('excluded.max_lng'),
              max_lat: eb.ref('excluded.max_lat'),
              source: eb.ref('excluded.source'),
              updated_at: eb.ref('excluded.updated_at'),
            })),
          )
          .execute();
      }
    },
    async setParents(changes) {
      for (const batch of batches(changes, 3)) {
        const rows = batch.map((c) => sql`(${c.code}, ${c.edition}, ${c.parentCode})`);
        await sql`with v(code, edition, parent_code) as (values ${sql.join(rows)})
          update areas set parent_code = v.parent_code from v
          where areas.code = v.code and areas.edition = v.edition`.execute(db);
      }
    },
    async listSummaries(level, edition) {
      let query = db.selectFrom('areas').select(summaryColumns).where('level', '=', level);
      if (edition) query = query.where('edition', '=', edition);
      return (await query.orderBy('code').orderBy('edition').execute()).map(toSummary);
    },
    async listWithBoundaries(level, edition) {
      const rows = await db
        .selectFrom('areas')
        .selectAll()
        .where('level', '=', level)
        .where('edition', '=', edition)
        .orderBy('code')
        .execute();
      return rows.map(toArea);
    },
    async findByCode(code) {
      const rows = await db
        .selectFrom('areas')
        .selectAll()
        .where('code', '=', code)
        .orderBy('edition', 'desc')
        .execute();
      return rows.map(toArea);
    },
    async children(parentCode, edition) {
      let query = db.selectFrom('areas').selectAll().where('parent_code', '=', parentCode);
      if (edition) query = query.where('edition', '=', edition);
      return (await query.orderBy('name').orderBy('code').execute()).map(toArea);
    },
    async candidatesAt(level, edition, lat, lng) {
      const rows = await db
        .selectFrom('areas')
        .selectAll()
        .where('level', '=', level)
        .where('edition', '=', edition)
        .where('min_lng', '<=', lng)
        .where('max_lng', '>=', lng)
        .where('min_lat', '<=', lat)
        .where('max_lat', '>=', lat)
        .execute();
      return rows.map(toArea);
    },
  };
}
