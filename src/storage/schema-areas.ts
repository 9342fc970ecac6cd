/** Row shapes of the areas and indicators tables (migration 0006-areas). */

export interface AreasTable {
  code: string;
  edition: string;
  level: string;
  name: string;
  parent_code: string | null;
  boundary: string | null;
  point_lat: number | null;
  point_lng: number | null;
  min_lng: number | null;
  min_lat: number | null;
  max_lng: number | null;
  max_lat: number | null;
  source: string;
  updated_at: string;
}

export interface AreaPopulationsTable {
  area_code: string;
  period: string;
  population: number;
  source: string;
}

export interface IndicatorDefinitionsTable {
  key: string;
  name: string;
  unit: string;
  source: string;
  edition: string;
  published_on: string | null;
  geography_edition: string;
  higher_is_more_need: number;
}

export interface IndicatorValuesTable {
  indicator_key: string;
  area_code: string;
  value: number | null;
  rank: number | null;
  decile: number | null;
}

export interface PostcodesTable {
  postcode: string;
  lat: number | null;
  lng: number | null;
  lsoa_code: string | null;
  lsoa_edition: string | null;
  ward_code: string | null;
  authority_code: string | null;
  terminated_on: string | null;
  located: number;
}

export interface LsoaChangesTable {
  lsoa11_code: string;
  lsoa21_code: string;
  change_code: string;
}
