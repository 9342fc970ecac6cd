/**
 * Builds the Trafford sample pack (demo/trafford/) from the Open Government Licence files in ../shared/data:
 * `npm run build:trafford-pack [SOURCE_FOLDER]`. The same source files always give the same pack, byte for
 * byte, so the pack can be rebuilt and checked (test/scripts/build-trafford-pack.test.ts).
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { simplifyBoundary } from '../src/domain/areas/simplify-boundary.js';
import { pointInside } from '../src/domain/areas/representative-point.js';

export const traffordCode = 'E08000009';
/** About 5 metres: invisible at the zoom a ward or neighbourhood is drawn, and it halves the files. */
const tolerance = 0.00005;
const decimals = 5;

type Row = Record<string, string>;
type Collection = FeatureCollection<Polygon | MultiPolygon | null>;

/** The files the pack is made of, each with what it is built from. */
export const packFiles = [
  'authority.geojson',
  'wards.geojson',
  'neighbourhoods.geojson',
  'lookup.csv',
  'rural-urban.csv',
  'imd2025.csv',
  'imd2025-subdomains.csv',
  'population-lsoa.csv',
  'population-ward.csv',
  'charities.csv.gz',
  'community-hubs.csv',
  'libraries.geojson',
  'leisure-centres.csv',
  'food-banks.geojson',
  'places-of-worship.geojson',
  'mental-health-services.geojson',
  'grants-360giving.csv',
] as const;

const readCsv = (file: string): { headers: string[]; rows: Row[] } => {
  const rows = parse(fs.readFileSync(file, 'utf8'), { columns: true, bom: true }) as Row[];
  const headers = Object.keys(rows[0] ?? {});
  return { headers, rows };
};
const csvText = (headers: readonly string[], rows: readonly Row[]) =>
  stringify(
    rows.map((row) => headers.map((h) => row[h] ?? '')),
    { header: true, columns: [...headers] },
  );
/** A places file with its points rounded to 5 decimals (about a metre), as the boundaries are. */
const placesCsv = (file: string) => {
  const { headers, rows } = readCsv(file);
  const rounded = (value: string | undefined) =>
    value && Number.isFinite(Number(value)) ? String(Math.round(Number(value) * 1e5) / 1e5) : (value ?? '');
  return csvText(
    headers,
    rows.map((row) => ({ ...row, lon: rounded(row.lon), lat: rounded(row.lat) })),
  );
};
/** A CSV without the columns that are empty in every row. */
const withoutEmptyColumns = (file: string) => {
  const { headers, rows } = readCsv(file);
  return csvText(
    headers.filter((h) => rows.some((row) => (row[h] ?? '').trim() !== '')),
    rows,
  );
};
const readJson = <T>(file: string): T => JSON.parse(fs.readFileSync(file, 'utf8')) as T;
/** One feature per line: small, and a change to one area shows as one changed line. */
const geojsonText = (features: readonly Feature[]) =>
  `{"type":"FeatureCollection","features":[\n${features.map((f) => JSON.stringify(f)).join(',\n')}\n]}\n`;

function boundaries(
  collection: Collection,
  keep: (p: Row) => boolean,
  properties: (p: Row) => Row,
): Feature[] {
  return collection.features
    .filter((f) => f.geometry && keep(f.properties as Row))
    .map((f) => ({
      type: 'Feature',
      properties: properties(f.properties as Row),
      geometry: simplifyBoundary(f.geometry as Polygon | MultiPolygon, tolerance, decimals),
    }));
}

const roundPoint = (value: unknown) => Math.round(Number(value) * 10 ** decimals) / 10 ** decimals;
function points(collection: FeatureCollection, keep: (p: Row) => boolean = () => true): Feature[] {
  return collection.features
    .filter((f) => f.geometry?.type === 'Point' && keep(f.properties as Row))
    .map((f) => {
      const properties = Object.fromEntries(
        Object.entries(f.properties ?? {}).filter(([key]) => !key.startsWith('marker-')),
      );
      const [lng, lat] = (f.geometry as { coordinates: number[] }).coordinates;
      return {
        type: 'Feature',
        properties,
        geometry: { type: 'Point', coordinates: [roundPoint(lng), roundPoint(lat)] },
      };
    });
}

/** Places of worship are building outlines: one point inside each, one place for buildings of one name close together. */
function placesOfWorship(collection: Collection): Feature[] {
  const kept: { name: string; lat: number; lng: number }[] = [];
  const features: Feature[] = [];
  for (const feature of collection.features) {
    const p = feature.properties as Row;
    const name = String(p.DISTNAME ?? '').trim();
    if (!feature.geometry || !name) continue;
    const point = pointInside(feature.geometry);
    const near = kept.some(
      (k) => k.name === name && Math.hypot(k.lat - point.lat, (k.lng - point.lng) * 0.6) < 0.003,
    );
    if (near) continue;
    kept.push({ name, ...point });
    features.push({
      type: 'Feature',
      properties: { id: p.ID, name, description: 'Place of worship' },
      geometry: { type: 'Point', coordinates: [roundPoint(point.lng), roundPoint(point.lat)] },
    });
  }
  return features;
}

/** Writes every file of the pack into `outDir` from the shared data folder `sourceDir`. */
export function buildTraffordPack(sourceDir: string, outDir: string): void {
  const source = (relative: string) => path.join(sourceDir, relative);
  const write = (name: (typeof packFiles)[number], contents: string | Buffer) =>
    fs.writeFileSync(path.join(outDir, name), contents);
  fs.mkdirSync(outDir, { recursive: true });

  const lookup = readCsv(source('geo/lookups/lookup_lsoa21_ward24_lad24.csv'));
  const lookupRows = lookup.rows.filter((r) => r.ltla24_code === traffordCode);
  const lsoas = new Set(lookupRows.map((r) => r.lsoa21_code));
  const forTrafford = (file: string) => {
    const { headers, rows } = readCsv(source(file));
    return csvText(
      headers,
      rows.filter((r) => lsoas.has(r.lsoa21_code ?? '')),
    );
  };

  write(
    'authority.geojson',
    geojsonText(
      boundaries(
        readJson(source('geo/boundaries/lad_2024_uk_buc.geojson')),
        (p) => p.LAD24CD === traffordCode,
        (p) => ({ LAD24CD: p.LAD24CD ?? '', LAD24NM: p.LAD24NM ?? '' }),
      ),
    ),
  );
  write(
    'wards.geojson',
    geojsonText(
      boundaries(
        readJson(source('geo/boundaries/wards_2023_trafford.geojson')),
        () => true,
        (p) => ({ area_code: p.area_code ?? '', area_name: p.area_name ?? '' }),
      ),
    ),
  );
  write(
    'neighbourhoods.geojson',
    geojsonText(
      boundaries(
        readJson(source('geo/boundaries/lsoa_2021_trafford.geojson')),
        (p) => p.LAD24CD === traffordCode,
        (p) => ({ LSOA21CD: p.LSOA21CD ?? '', LSOA21NM: p.LSOA21NM ?? '' }),
      ),
    ),
  );
  write('lookup.csv', csvText(lookup.headers, lookupRows));
  write('rural-urban.csv', forTrafford('geo/lookups/ruc2021_lsoa21.csv'));
  write('imd2025.csv', forTrafford('deprivation/imd2025_england_lsoa21.csv'));
  write('imd2025-subdomains.csv', forTrafford('deprivation/imd2025_england_lsoa21_subdomains.csv'));
  for (const [name, file] of [
    ['population-lsoa.csv', 'population/trafford_mid2024_population_lsoa21.csv'],
    ['population-ward.csv', 'population/trafford_mid2024_population_ward.csv'],
  ] as const) {
    const { rows } = readCsv(source(file));
    const headers = ['period', 'area_code', 'area_name', 'geography', 'sex', 'all_ages'];
    const broadBands = ['aged_0_to_15', 'aged_16_to_64', 'aged_65_and_over'];
    write(
      name,
      csvText(
        [...headers, ...broadBands],
        rows.filter((r) => r.sex === 'Persons'),
      ),
    );
  }
  // Every charity in the extract works in Trafford; the file is kept as published, only compressed.
  write(
    'charities.csv.gz',
    gzipSync(fs.readFileSync(source('resources/charities/charities_operating_in_trafford_2023-04-04.csv')), {
      level: 9,
    }),
  );
  const services = (file: string) => source(`resources/trafford_services/${file}`);
  write('community-hubs.csv', placesCsv(services('trafford_community_hubs.csv')));
  write('leisure-centres.csv', placesCsv(services('trafford_leisure_centres.csv')));
  write('libraries.geojson', geojsonText(points(readJson(services('trafford_libraries.geojson')))));
  write(
    'mental-health-services.geojson',
    geojsonText(points(readJson(services('trafford_mental_health_services_2018.geojson')))),
  );
  write(
    'places-of-worship.geojson',
    geojsonText(placesOfWorship(readJson(services('trafford_places_of_worship.geojson')))),
  );
  write(
    'food-banks.geojson',
    geojsonText(
      points(
        readJson(source('resources/food_banks/gm_food_banks_2018.geojson')),
        (p) => p['Area code'] === traffordCode,
      ),
    ),
  );
  // Every grant is Trafford Council's, to Trafford's voluntary sector: every row kept, empty columns left out.
  write(
    'grants-360giving.csv',
    withoutEmptyColumns(source('360giving/grants/trafford_council_vcs_grants.csv')),
  );
}

const repositoryRoot = fileURLToPath(new URL('..', import.meta.url));
export const defaultSourceDir = path.resolve(repositoryRoot, '../shared/data');
export const packDir = path.join(repositoryRoot, 'demo', 'trafford');

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  const sourceDir = path.resolve(process.argv[2] ?? defaultSourceDir);
  if (!fs.existsSync(sourceDir)) {
    process.stderr.write(
      `There is no shared data folder at ${sourceDir}. Give the folder that holds geo/, deprivation/ and resources/.\n`,
    );
    process.exit(1);
  }
  buildTraffordPack(sourceDir, packDir);
  const bytes = packFiles.reduce((sum, name) => sum + fs.statSync(path.join(packDir, name)).size, 0);
  process.stdout.write(
    `Built the Trafford sample pack in ${packDir}: ${packFiles.length} files, ${Math.round(bytes / 1024)} KB.\n`,
  );
}
