import type { Polygon, Position } from 'geojson';
import type { AreaLevel } from '../areas/gss-code.js';
import { meanPoint, pointInside, type LatLng } from '../areas/representative-point.js';
import { boundsOf } from '../areas/locator.js';
import { seededRandom } from '../shared/seeded-random.js';

/** A generated area of the fictional demo authority. */
export interface DemoArea {
  readonly code: string;
  readonly level: AreaLevel;
  readonly name: string;
  readonly parentCode: string | null;
  readonly boundary: Polygon;
  readonly point: LatLng;
  readonly bounds: [number, number, number, number];
  readonly population: number;
}

export interface DemoIndicatorValue {
  readonly domain: string;
  readonly areaCode: string;
  readonly score: number;
  readonly rank: number;
  readonly decile: number;
}

export interface DemoGeography {
  readonly areas: readonly DemoArea[];
  readonly values: readonly DemoIndicatorValue[];
}

/** The demo's deprivation domains: key, name, and the score range a most and least deprived place would have. */
export const demoDomains = [
  { key: 'imd', name: 'Index of Multiple Deprivation (demo)', low: 3, high: 65 },
  { key: 'income', name: 'Income deprivation (demo)', low: 0.02, high: 0.45 },
  { key: 'employment', name: 'Employment deprivation (demo)', low: 0.02, high: 0.35 },
  { key: 'education', name: 'Education, skills and training deprivation (demo)', low: 2, high: 70 },
  { key: 'health', name: 'Health deprivation and disability (demo)', low: -2.5, high: 2.5 },
  { key: 'crime', name: 'Crime (demo)', low: -2, high: 2 },
  { key: 'housing', name: 'Barriers to housing and services (demo)', low: 8, high: 45 },
  { key: 'environment', name: 'Living environment deprivation (demo)', low: 5, high: 60 },
] as const;

const wardNames = [
  'Moorside',
  'Riverside',
  'Northgate',
  'Hollins',
  'St Aidan’s',
  'Brookfield',
  'Castle Hill',
  'Wharfe Bank',
  'Low Fold',
  'Highfield',
  'Mill Lane',
  'Greenacres',
];

/** England has 33,755 LSOAs (2021): demo ranks are placed on the same scale. */
const nationalLsoas = 33_755;

const round6 = (value: number) => Math.round(value * 1e6) / 1e6;

/**
 * A fictional authority as a jittered grid: neighbourhoods (LSOA-like) are the cells, wards are blocks of
 * 2 × 2 cells, and neighbouring shapes share their corners so they tile without gaps. Deprivation rises
 * towards one corner (the "old mill town") with noise, so maps and aggregates have something to show.
 * `authorityNumber` (1–9) keeps each authority's codes apart: E05099{n}01…, E01099{n}01….
 */
export function buildDemoGeography(
  authority: { code: string; name: string; centre: LatLng; authorityNumber: number },
  seed = 2026,
): DemoGeography {
  const random = seededRandom(seed + authority.authorityNumber);
  const columns = 8;
  const rows = 6;
  const cellLng = 0.03;
  const cellLat = 0.02;
  const west = authority.centre.lng - (columns * cellLng) / 2;
  const north = authority.centre.lat + (rows * cellLat) / 2;
  const vertex: Position[][] = [];
  for (let r = 0; r <= rows; r += 1) {
    vertex.push([]);
    for (let c = 0; c <= columns; c += 1) {
      const jitter = (size: number) => (random.next() - 0.5) * size * 0.45;
      vertex[r]?.push([
        round6(west + c * cellLng + jitter(cellLng)),
        round6(north - r * cellLat + jitter(cellLat)),
      ]);
    }
  }
  const at = (r: number, c: number): Position => vertex[r]?.[c] ?? [0, 0];
  /** The ring around cells [r0, r1) × [c0, c1), clockwise from the top-left corner, closed. */
  const ring = (r0: number, c0: number, r1: number, c1: number): Polygon => {
    const points: Position[] = [];
    for (let c = c0; c <= c1; c += 1) points.push(at(r0, c));
    for (let r = r0 + 1; r <= r1; r += 1) points.push(at(r, c1));
    for (let c = c1 - 1; c >= c0; c -= 1) points.push(at(r1, c));
    for (let r = r1 - 1; r >= r0; r -= 1) points.push(at(r, c0));
    return { type: 'Polygon', coordinates: [points] };
  };

  const n = authority.authorityNumber;
  const areas: DemoArea[] = [];
  const values: DemoIndicatorValue[] = [];
  const wards: DemoArea[] = [];
  let lsoaIndex = 0;
  for (let wr = 0; wr < rows / 2; wr += 1) {
    for (let wc = 0; wc < columns / 2; wc += 1) {
      const wardNumber = wr * (columns / 2) + wc + 1;
      const wardCode = `E05099${n}${String(wardNumber).padStart(2, '0')}`;
      const lsoas: DemoArea[] = [];
      for (const [dr, dc] of [
        [0, 0],
        [0, 1],
        [1, 0],
        [1, 1],
      ] as const) {
        lsoaIndex += 1;
        const r = wr * 2 + dr;
        const c = wc * 2 + dc;
        const boundary = ring(r, c, r + 1, c + 1);
        const code = `E01099${n}${String(lsoaIndex).padStart(2, '0')}`;
        const lsoa: DemoArea = {
          code,
          level: 'lsoa',
          name: `${authority.name} ${String(wardNumber).padStart(3, '0')}${'ABCD'[dr * 2 + dc]}`,
          parentCode: wardCode,
          boundary,
          point: pointInside(boundary),
          bounds: boundsOf(boundary),
          population: random.integer(1_250, 2_300),
        };
        lsoas.push(lsoa);
        // 0 (least deprived) to 1 (most): highest in the south-east corner, with noise.
        const gradient = (r / (rows - 1)) * 0.5 + (c / (columns - 1)) * 0.5;
        const need = Math.min(1, Math.max(0, gradient * 0.85 + (random.next() - 0.5) * 0.35));
        for (const domain of demoDomains) {
          const domainNeed = Math.min(1, Math.max(0, need + (random.next() - 0.5) * 0.2));
          const rank = Math.max(
            1,
            Math.min(nationalLsoas, Math.round((1 - domainNeed) * (nationalLsoas - 1)) + 1),
          );
          values.push({
            domain: domain.key,
            areaCode: code,
            score: Math.round((domain.low + (domain.high - domain.low) * domainNeed) * 1000) / 1000,
            rank,
            decile: Math.min(10, Math.ceil((rank / nationalLsoas) * 10)),
          });
        }
      }
      const boundary = ring(wr * 2, wc * 2, wr * 2 + 2, wc * 2 + 2);
      const ward: DemoArea = {
        code: wardCode,
        level: 'ward',
        name: wardNames[wardNumber - 1] ?? `Ward ${wardNumber}`,
        parentCode: authority.code,
        boundary,
        point:
          meanPoint(lsoas.map((l) => ({ ...l.point, population: l.population })))?.point ??
          pointInside(boundary),
        bounds: boundsOf(boundary),
        population: lsoas.reduce((sum, l) => sum + l.population, 0),
      };
      wards.push(ward);
      areas.push(...lsoas);
    }
  }
  const outline = ring(0, 0, rows, columns);
  const lsoaAreas = areas.slice();
  areas.unshift(
    {
      code: authority.code,
      level: 'authority',
      name: authority.name,
      parentCode: null,
      boundary: outline,
      point:
        meanPoint(lsoaAreas.map((l) => ({ ...l.point, population: l.population })))?.point ??
        pointInside(outline),
      bounds: boundsOf(outline),
      population: lsoaAreas.reduce((sum, l) => sum + l.population, 0),
    },
    ...wards,
  );
  return { areas, values };
}

/** Where each demo partnership's fictional authority is drawn, and what it is called. */
export const demoAuthorityPlaces: Readonly<
  Record<string, { name: string; centre: LatLng; postcodeArea: string }>
> = {
  // NM and EK are not real UK postcode areas, so demo postcodes can never be mistaken for real ones.
  northmoor: { name: 'Northmoor', centre: { lat: 53.9, lng: -1.9 }, postcodeArea: 'NM' },
  eastbrook: { name: 'Eastbrook', centre: { lat: 52.6, lng: 0.9 }, postcodeArea: 'EK' },
};
