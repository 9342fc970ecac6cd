import type { Selectable } from 'kysely';
import type {
  AreaRecord,
  AreaSummary,
  IndicatorValue,
  PostcodeRecord,
} from '../../app/areas/area-records.js';
import type { AreaLevel } from '../../domain/areas/gss-code.js';
import type { AreasTable, PostcodesTable } from '../schema-areas.js';

/** Area tables' rows as records, and statement batches sized for them. */

/** Bound parameters per statement: well under SQLite's 32,766 and PostgreSQL's 65,535. */
const parametersPerStatement = 10_000;

export function* batches<T>(rows: readonly T[], columns: number): Generator<T[]> {
  const size = Math.max(1, Math.floor(parametersPerStatement / columns));
  for (let start = 0; start < rows.length; start += size) yield rows.slice(start, start + size);
}

export const summaryColumns = [
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

export function toSummary(row: Omit<Selectable<AreasTable>, 'boundary'>): AreaSummary {
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

export const toArea = (row: Selectable<AreasTable>): AreaRecord => ({
  ...toSummary(row),
  boundary: row.boundary,
});

export function toPostcode(row: Selectable<PostcodesTable>): PostcodeRecord {
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

export function toValue(r: {
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
