import { sql, type Kysely, type Selectable } from 'kysely';
import type {
  AreaRecord,
  AreaStore,
  AreaSummary,
  IndicatorDefinition,
  IndicatorValue,
  LsoaChange,
  PopulationRecord,
  PostcodeRecord,
} from '../../app/areas/area-records.js';
import type { AreaLevel } from '../../domain/areas/gss-code.js';
import type { Database } from '../schema.js';
import type { AreasTable, PostcodesTable } from '../schema-areas.js';

/** Bound parameters per statement: well under SQLite's 32,766 and PostgreSQL's 65,535. */
const parametersPerStatement = 10_000;

function* batches<T>(rows: readonly T[], columns: number): Generator<T[]> {
  const size = Math.max(1, Math.floor(parametersPerStatement / columns));
  for (let start = 0; start < rows.length; start += size) yield rows.slice(start, start + size);
}

const summaryColumns = [
  'code',
  'edition',
  'level',
  'name',
  'parent_code',
  'point_lat',
  'point_lng',
  'min_lng',
  'min_lat',
  'max_lng',
  'max_lat',
  'source',
  'updated_at',
] as const;

function toSummary(row: Omit<Selectable<AreasTable>, 'boundary'>): AreaSummary {
  const { min_lng, min_lat, max_lng, max_lat } = row;
  return {
    code: row.code,
    edition: row.edition,
    level: row.level as AreaLevel,
    name: row.name,
    parentCode: row.parent_code,
    pointLat: row.point_lat,
    pointLng: row.point_lng,
    bounds:
      min_lng === null || min_lat === null || max_lng === null || max_lat === null
        ? null
        : [min_lng, min_lat, max_lng, max_lat],
    source: row.source,
    updatedAt: row.updated_at,
  };
}

const toArea = (row: Selectable<AreasTable>): AreaRecord => ({ ...toSummary(row), boundary: row.boundary });

function toPostcode(row: Selectable<PostcodesTable>): PostcodeRecord {
  return {
    postcode: row.postcode,
    lat: row.lat,
    lng: row.lng,
    lsoaCode: row.lsoa_code,
    lsoaEdition: row.lsoa_edition,
    wardCode: row.ward_code,
    authorityCode: row.authority_code,
    terminatedOn: row.terminated_on,
    located: row.located === 1,
  };
}

export function areasRepository(db: Kysely<Database>): AreaStore {
  return {
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

    async upsertPopulations(records) {
      for (const batch of batches(records, 4)) {
        await db
          .insertInto('area_populations')
          .values(
            batch.map((r) => ({
              area_code: r.areaCode,
              period: r.period,
              population: r.population,
              source: r.source,
            })),
          )
          .onConflict((oc) =>
            oc.columns(['area_code', 'period']).doUpdateSet((eb) => ({
              population: eb.ref('excluded.population'),
              source: eb.ref('excluded.source'),
            })),
          )
          .execute();
      }
    },
    async listPopulations(codes) {
      const read = async (subset?: readonly string[]): Promise<PopulationRecord[]> => {
        let query = db.selectFrom('area_populations').selectAll();
        if (subset) query = query.where('area_code', 'in', subset);
        const rows = await query.orderBy('area_code').orderBy('period').execute();
        return rows.map((r) => ({
          areaCode: r.area_code,
          period: r.period,
          population: Number(r.population),
          source: r.source,
        }));
      };
      if (!codes) return read();
      const out: PopulationRecord[] = [];
      for (const batch of batches(codes, 1)) out.push(...(await read(batch)));
      return out;
    },

    async upsertIndicator(definition) {
      const row = {
        key: definition.key,
        name: definition.name,
        unit: definition.unit,
        source: definition.source,
        edition: definition.edition,
        published_on: definition.publishedOn,
        geography_edition: definition.geographyEdition,
        higher_is_more_need: definition.higherIsMoreNeed ? 1 : 0,
      };
      const { key: _key, ...change } = row;
      await db
        .insertInto('indicator_definitions')
        .values(row)
        .onConflict((oc) => oc.column('key').doUpdateSet(change))
        .execute();
    },
    async listIndicators(): Promise<IndicatorDefinition[]> {
      const rows = await db.selectFrom('indicator_definitions').selectAll().orderBy('key').execute();
      return rows.map((r) => ({
        key: r.key,
        name: r.name,
        unit: r.unit,
        source: r.source,
        edition: r.edition,
        publishedOn: r.published_on,
        geographyEdition: r.geography_edition,
        higherIsMoreNeed: r.higher_is_more_need === 1,
      }));
    },
    async upsertIndicatorValues(values) {
      for (const batch of batches(values, 5)) {
        await db
          .insertInto('indicator_values')
          .values(
            batch.map((v) => ({
              indicator_key: v.indicatorKey,
              area_code: v.areaCode,
              value: v.value,
              rank: v.rank,
              decile: v.decile,
            })),
          )
          .onConflict((oc) =>
            oc.columns(['indicator_key', 'area_code']).doUpdateSet((eb) => ({
              value: eb.ref('excluded.value'),
              rank: eb.ref('excluded.rank'),
              decile: eb.ref('excluded.decile'),
            })),
          )
          .execute();
      }
    },
    async listIndicatorValues(keys) {
      if (keys.length === 0) return [];
      const rows = await db
        .selectFrom('indicator_values')
        .selectAll()
        .where('indicator_key', 'in', keys)
        .execute();
      return rows.map(toValue);
    },
    async valuesForAreas(codes) {
      const out: IndicatorValue[] = [];
      for (const batch of batches(codes, 1)) {
        const rows = await db
          .selectFrom('indicator_values')
          .selectAll()
          .where('area_code', 'in', batch)
          .orderBy('indicator_key')
          .orderBy('area_code')
          .execute();
        out.push(...rows.map(toValue));
      }
      return out;
    },

    async upsertPostcodes(records) {
      for (const batch of batches(records, 9)) {
        await db
          .insertInto('postcodes')
          .values(
            batch.map((r) => ({
              postcode: r.postcode,
              lat: r.lat,
              lng: r.lng,
              lsoa_code: r.lsoaCode,
              lsoa_edition: r.lsoaEdition,
              ward_code: r.wardCode,
              authority_code: r.authorityCode,
              terminated_on: r.terminatedOn,
              located: r.located ? 1 : 0,
            })),
          )
          .onConflict((oc) =>
            oc.column('postcode').doUpdateSet((eb) => ({
              lat: eb.ref('excluded.lat'),
              lng: eb.ref('excluded.lng'),
              lsoa_code: eb.ref('excluded.lsoa_code'),
              lsoa_edition: eb.ref('excluded.lsoa_edition'),
              ward_code: eb.ref('excluded.ward_code'),
              authority_code: eb.ref('excluded.authority_code'),
              terminated_on: eb.ref('excluded.terminated_on'),
              located: eb.ref('excluded.located'),
            })),
          )
          .execute();
      }
    },
    async findPostcode(postcode) {
      const row = await db
        .selectFrom('postcodes')
        .selectAll()
        .where('postcode', '=', postcode)
        .executeTakeFirst();
      return row && toPostcode(row);
    },
    async examplePostcode(authorityCode) {
      const row = await db
        .selectFrom('postcodes')
        .select('postcode')
        .where('authority_code', '=', authorityCode)
        .where('terminated_on', 'is', null)
        .where('located', '=', 1)
        .orderBy('postcode')
        .limit(1)
        .executeTakeFirst();
      return row?.postcode;
    },
    async listPostcodes(postcodes) {
      const out: PostcodeRecord[] = [];
      for (const batch of batches(postcodes, 1)) {
        const rows = await db.selectFrom('postcodes').selectAll().where('postcode', 'in', batch).execute();
        out.push(...rows.map(toPostcode));
      }
      return out;
    },

    async upsertLsoaChanges(changes) {
      for (const batch of batches(changes, 3)) {
        await db
          .insertInto('lsoa_changes')
          .values(
            batch.map((c) => ({
              lsoa11_code: c.lsoa11Code,
              lsoa21_code: c.lsoa21Code,
              change_code: c.changeCode,
            })),
          )
          .onConflict((oc) =>
            oc
              .columns(['lsoa11_code', 'lsoa21_code'])
              .doUpdateSet((eb) => ({ change_code: eb.ref('excluded.change_code') })),
          )
          .execute();
      }
    },
    async listLsoaChanges(lsoa11Codes) {
      const read = async (subset?: readonly string[]): Promise<LsoaChange[]> => {
        let query = db.selectFrom('lsoa_changes').selectAll();
        if (subset) query = query.where('lsoa11_code', 'in', subset);
        const rows = await query.orderBy('lsoa11_code').orderBy('lsoa21_code').execute();
        return rows.map((r) => ({
          lsoa11Code: r.lsoa11_code,
          lsoa21Code: r.lsoa21_code,
          changeCode: r.change_code,
        }));
      };
      if (!lsoa11Codes) return read();
      const out: LsoaChange[] = [];
      for (const batch of batches(lsoa11Codes, 1)) out.push(...(await read(batch)));
      return out;
    },
  };
}

function toValue(r: {
  indicator_key: string;
  area_code: string;
  value: number | null;
  rank: number | null;
  decile: number | null;
}): IndicatorValue {
  return {
    indicatorKey: r.indicator_key,
    areaCode: r.area_code,
    value: r.value,
    rank: r.rank,
    decile: r.decile,
  };
}
