import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { parse } from 'csv-parse/sync';
import YAML from 'yaml';
import type {
  AnalysisArea,
  AnalysisIndicator,
  AnalysisIndicatorValue,
  AnalysisNeed,
  AnalysisService,
  ThemeIndicatorLink,
} from '../src/domain/needs/analysis-types.js';
import { pointInside, type Boundary } from '../src/domain/areas/representative-point.js';
import { englandLsoaCount } from '../src/domain/needs/national-need.js';

/**
 * The gaps benchmark's inputs: every real LSOA in England (representative points, wards and authorities,
 * urban/rural, IMD 2025 domains) and seeded synthetic services and needs records placed on that geography.
 */

const data = (relative: string) => path.join(path.resolve('../shared/data'), relative);
const readCsv = (file: string) =>
  parse(fs.readFileSync(data(file)), { columns: true, skip_empty_lines: true }) as Record<string, string>[];

export interface EnglandLsoa extends AnalysisArea {
  readonly authorityCode: string;
  readonly wardCode: string;
}

const imdDomains = [
  'Income',
  'Employment',
  'Education',
  'Health',
  'Crime',
  'Housing_and_Services',
  'Environment',
] as const;

/** The 33,755 LSOAs of England with points, wards, authorities and urban/rural class, by authority then code. */
export function loadEnglandLsoas(): EnglandLsoa[] {
  const geojson = JSON.parse(
    zlib
      .gunzipSync(fs.readFileSync(data('geo/boundaries/lsoa_2021_england_bsc.geojson.gz')))
      .toString('utf8'),
  ) as { features: { properties: Record<string, string>; geometry: Boundary }[] };
  const rural = new Map(readCsv('geo/lookups/ruc2021_lsoa21.csv').map((r) => [r.lsoa21_code, r.ruc]));
  const wards = new Map(readCsv('geo/lookups/lookup_lsoa21_ward24_lad24.csv').map((r) => [r.lsoa21_code, r]));
  const lsoas = geojson.features.map((feature): EnglandLsoa => {
    const code = feature.properties.LSOA21CD ?? '';
    const ward = wards.get(code);
    const authorityCode = ward?.ltla24_code ?? feature.properties.LAD24CD ?? '';
    const wardCode = ward?.ward24_code ?? '';
    const ruc = rural.get(code);
    return {
      code,
      name: feature.properties.LSOA21NM ?? code,
      level: 'lsoa',
      point: pointInside(feature.geometry),
      population: 1500,
      ruralUrban: ruc === 'Rural' ? 'rural' : ruc === 'Urban' ? 'urban' : null,
      ancestorCodes: [wardCode, authorityCode].filter((c) => c !== ''),
      descendantCodes: [],
      authorityCode,
      wardCode,
    };
  });
  return lsoas.sort((a, b) => a.authorityCode.localeCompare(b.authorityCode) || a.code.localeCompare(b.code));
}

/** The seven IMD 2025 domains as indicators (score, rank and decile), higher score is more need. */
export function loadImdDomains(): AnalysisIndicator[] {
  const rows = readCsv('deprivation/imd2025_england_lsoa21.csv');
  const number = (text: string | undefined) => (text === undefined || text === '' ? null : Number(text));
  return imdDomains.map((domain) => {
    const values = new Map<string, AnalysisIndicatorValue>();
    for (const row of rows) {
      values.set(row.lsoa21_code ?? '', {
        value: number(row[`${domain}_score`]),
        rank: number(row[`${domain}_rank`]),
        decile: number(row[`${domain}_decile`]),
      });
    }
    return {
      key: `imd-${domain}`,
      name: domain,
      edition: 'IMD 2025',
      higherIsMoreNeed: true,
      rankedAreas: englandLsoaCount['lsoa-2021'] ?? null,
      values,
    };
  });
}

export function loadThemes(): { id: string; name: string }[] {
  const content = YAML.parse(fs.readFileSync('content/themes/themes.yaml', 'utf8')) as {
    themes: { id: string; name: string }[];
  };
  return content.themes.map(({ id, name }) => ({ id, name }));
}

/** Each theme counts two IMD domains, one twice as much as the other. */
export function benchLinks(themes: readonly { id: string }[]): ThemeIndicatorLink[] {
  return themes.flatMap((theme, i) => [
    { theme: theme.id, indicatorKey: `imd-${imdDomains[i % 7]}`, weight: 2 },
    { theme: theme.id, indicatorKey: `imd-${imdDomains[(i + 3) % 7]}`, weight: 1 },
  ]);
}

/** A small seeded random number generator (mulberry32), so every run places the same services. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const square = (lat: number, lng: number, halfDegrees: number) => ({
  type: 'Polygon',
  coordinates: [
    [
      [lng - halfDegrees, lat - halfDegrees],
      [lng + halfDegrees, lat - halfDegrees],
      [lng + halfDegrees, lat + halfDegrees],
      [lng - halfDegrees, lat + halfDegrees],
      [lng - halfDegrees, lat - halfDegrees],
    ],
  ],
});

/**
 * `count` services on the given LSOAs: one to three themes, a place within about 300 m of an LSOA's point (a
 * fifth have a second place), 10% closed, half with a capacity and most with hours; 10% cover their ward or
 * authority by code and 2% a square polygon about 4 km across.
 */
export function syntheticServices(
  lsoas: readonly EnglandLsoa[],
  themes: readonly { id: string }[],
  count: number,
  seed = 1,
): AnalysisService[] {
  const random = seededRandom(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
  const near = (lsoa: EnglandLsoa) => ({
    lat: lsoa.point.lat + (random() - 0.5) * 0.006,
    lng: lsoa.point.lng + (random() - 0.5) * 0.009,
  });
  const services: AnalysisService[] = [];
  for (let i = 0; i < count; i += 1) {
    const home = pick(lsoas);
    const themeCount = 1 + Math.floor(random() * 3);
    const serviceThemes = new Set<string>();
    while (serviceThemes.size < themeCount) serviceThemes.add(pick(themes).id);
    const coverage = random();
    services.push({
      id: `bench-${i}`,
      name: `Bench service ${i}`,
      organisationName: `Bench organisation ${i % 2000}`,
      themes: [...serviceThemes],
      open: random() >= 0.1,
      points: random() < 0.2 ? [near(home), near(pick(lsoas))] : [near(home)],
      areaCodes: coverage < 0.05 ? [home.wardCode] : coverage < 0.1 ? [home.authorityCode] : [],
      polygons: coverage > 0.98 ? [square(home.point.lat, home.point.lng, 0.02)] : [],
      capacityPerWeek: random() < 0.5 ? 5 + Math.floor(random() * 300) : null,
      hoursPerWeek: random() < 0.7 ? 2 + Math.floor(random() * 58) : null,
    });
  }
  return services;
}

/** `count` needs records: 60% for an LSOA, 30% ward-wide, 10% authority-wide. */
export function syntheticNeeds(
  lsoas: readonly EnglandLsoa[],
  themes: readonly { id: string }[],
  count: number,
  seed = 2,
): AnalysisNeed[] {
  const random = seededRandom(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
  return Array.from({ length: count }, (_, i) => {
    const lsoa = pick(lsoas);
    const where = random();
    return {
      id: `need-${i}`,
      areaCode: where < 0.6 ? lsoa.code : where < 0.9 ? lsoa.wardCode : lsoa.authorityCode,
      theme: pick(themes).id,
      severity: (1 + Math.floor(random() * 4)) as 1 | 2 | 3 | 4,
      peopleAffected: random() < 0.5 ? 10 + Math.floor(random() * 200) : null,
      reportedOn: '2026-10-01',
      source: 'survey',
    };
  });
}
