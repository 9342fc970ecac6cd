import type { AreaLevel } from '../../domain/areas/gss-code.js';

/** One area in one boundary set. `boundary` is GeoJSON geometry text (Polygon or MultiPolygon), if known. */
export interface AreaRecord {
  code: string;
  edition: string;
  level: AreaLevel;
  name: string;
  parentCode: string | null;
  boundary: string | null;
  pointLat: number | null;
  pointLng: number | null;
  /** The boundary's box [west, south, east, north], so a point's candidates are found without a spatial index. */
  bounds: [number, number, number, number] | null;
  source: string;
  updatedAt: string;
}

/** An area without its boundary: what lists and lookups need. */
export type AreaSummary = Omit<AreaRecord, 'boundary'>;

export interface PopulationRecord {
  areaCode: string;
  /** The date the estimate is for, such as 2024-06-30. */
  period: string;
  population: number;
  source: string;
}

export interface IndicatorDefinition {
  /** Stable key, such as `imd-2025/income`, unique across editions. */
  key: string;
  name: string;
  /** What the value measures, such as "score", "rate per 1,000 people" or "%". */
  unit: string;
  source: string;
  /** The edition of the statistic, such as "IMD 2025". */
  edition: string;
  /** When the figures were published or are for (ISO date). */
  publishedOn: string | null;
  /** The boundary set the figures are for: `lsoa-2021`, `lsoa-2011`, `ward-2024`… */
  geographyEdition: string;
  /** True when a higher value means more need (IMD scores); false when lower does. */
  higherIsMoreNeed: boolean;
}

export interface IndicatorValue {
  indicatorKey: string;
  areaCode: string;
  value: number | null;
  /** National rank, 1 the most deprived (or most in need), if published. */
  rank: number | null;
  /** National decile, 1 the most deprived 10%, if published. */
  decile: number | null;
}

export interface PostcodeRecord {
  /** Canonical form, such as `SR1 1AA`. */
  postcode: string;
  lat: number | null;
  lng: number | null;
  lsoaCode: string | null;
  /** The boundary set of `lsoaCode` (NSPL 2021 files give 2011 LSOAs). */
  lsoaEdition: string | null;
  wardCode: string | null;
  authorityCode: string | null;
  /** Year and month the postcode stopped being used (YYYY-MM), if it has. */
  terminatedOn: string | null;
  /** False when the file gives no location (NSPL writes latitude 99.999999). */
  located: boolean;
}

/** One row of the ONS 2011→2021 LSOA lookup: U unchanged, S split, M merged, X redrawn. */
export interface LsoaChange {
  lsoa11Code: string;
  lsoa21Code: string;
  changeCode: string;
}

/** The Store's part for areas, populations, indicators and postcodes. Bulk writes are batched. */
export interface AreaStore {
  /** Inserts or replaces areas by code and boundary set. */
  upsertAreas(areas: readonly AreaRecord[]): Promise<void>;
  /** Sets the parent of existing areas (by code and boundary set). */
  setParents(changes: readonly { code: string; edition: string; parentCode: string | null }[]): Promise<void>;
  /** Every area of a level (any boundary set unless given), without boundaries. */
  listSummaries(level: AreaLevel, edition?: string): Promise<AreaSummary[]>;
  /** Areas with their boundaries, of a level and boundary set, for comparing on import. */
  listWithBoundaries(level: AreaLevel, edition: string): Promise<AreaRecord[]>;
  /** The areas with this code, newest boundary set first. */
  findByCode(code: string): Promise<AreaRecord[]>;
  /** The children of an area (any boundary set unless given), by name. */
  children(parentCode: string, edition?: string): Promise<AreaRecord[]>;
  /** Areas of a level and set whose box holds the point: candidates for point-in-polygon. */
  candidatesAt(level: AreaLevel, edition: string, lat: number, lng: number): Promise<AreaRecord[]>;

  upsertPopulations(records: readonly PopulationRecord[]): Promise<void>;
  listPopulations(codes?: readonly string[]): Promise<PopulationRecord[]>;

  upsertIndicator(definition: IndicatorDefinition): Promise<void>;
  listIndicators(): Promise<IndicatorDefinition[]>;
  upsertIndicatorValues(values: readonly IndicatorValue[]): Promise<void>;
  /** Every value of these indicators (for comparing on import). */
  listIndicatorValues(keys: readonly string[]): Promise<IndicatorValue[]>;
  /** The values of every indicator for these areas. */
  valuesForAreas(codes: readonly string[]): Promise<IndicatorValue[]>;

  upsertPostcodes(records: readonly PostcodeRecord[]): Promise<void>;
  findPostcode(postcode: string): Promise<PostcodeRecord | undefined>;
  listPostcodes(postcodes: readonly string[]): Promise<PostcodeRecord[]>;
  /** One live, located postcode in the authority (the first in order), to show as an example people can try. */
  examplePostcode(authorityCode: string): Promise<string | undefined>;

  upsertLsoaChanges(changes: readonly LsoaChange[]): Promise<void>;
  /** Every row of the 2011→2021 lookup, or those for these 2011 LSOAs. */
  listLsoaChanges(lsoa11Codes?: readonly string[]): Promise<LsoaChange[]>;
}

/** The areas area's part of the store. */
export interface AreaStores {
  /** National reference data: areas, populations, indicators and postcodes. */
  readonly areas: AreaStore;
}
