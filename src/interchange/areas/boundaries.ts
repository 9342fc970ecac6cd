import type { MultiPolygon, Polygon } from 'geojson';
import type { AreaRecord } from '../../app/areas/area-records.js';
import { ImportSourceError, type Importer } from '../../app/interchange.js';
import {
  checkEdition,
  defaultEdition,
  editionFromColumn,
  type BoundaryEdition,
} from '../../domain/areas/editions.js';
import { areaLevelNames, areaLevelOf, parseAreaLevel, type AreaLevel } from '../../domain/areas/gss-code.js';
import { checkGeometry, firstOutsideUk } from '../../domain/areas/geometry-check.js';
import { boundsOf } from '../../domain/areas/locator.js';
import { pointInside } from '../../domain/areas/representative-point.js';
import { withoutControlCharacters } from '../../domain/shared/control-characters.js';
import { ReportBuilder, referenceImporter, type PlanInput, type ReferencePlan } from './reference-import.js';

interface Feature {
  readonly properties: Record<string, unknown>;
  readonly geometry: unknown;
}

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** A feature's properties and geometry; undefined when it is not a feature at all. */
function featureOf(value: unknown): Feature | undefined {
  if (!isPlainObject(value)) return undefined;
  return { properties: isPlainObject(value.properties) ? value.properties : {}, geometry: value.geometry };
}

const codePatterns: Record<AreaLevel, RegExp[]> = {
  lsoa: [/^LSOA\d\dCD$/i],
  ward: [/^WD\d\dCD$/i],
  authority: [/^LAD\d\dCD$/i, /^LTLA\d\dCD$/i],
};
const genericCode = [/^area_?code$/i, /^areacd$/i, /^code$/i, /^gss_?code$/i];
const genericName = [/^area_?name$/i, /^areanm$/i, /^name$/i];

function parseFeatures(text: string): unknown[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new ImportSourceError(`The file is not valid GeoJSON: ${(error as Error).message}`);
  }
  const collection = parsed as { type?: unknown; features?: unknown };
  if (collection?.type !== 'FeatureCollection' || !Array.isArray(collection.features)) {
    throw new ImportSourceError('The file is not a GeoJSON FeatureCollection (a list of features).');
  }
  return collection.features as unknown[];
}

function levelFrom(option: string | undefined, keys: readonly string[]): AreaLevel {
  if (option !== undefined) {
    const level = parseAreaLevel(option);
    if (!level) throw new ImportSourceError(`The level must be lad, ward or lsoa, not "${option}".`);
    return level;
  }
  for (const level of ['lsoa', 'ward', 'authority'] as const) {
    if (keys.some((k) => codePatterns[level].some((p) => p.test(k)))) return level;
  }
  throw new ImportSourceError(
    'Say which level the boundaries are: lad (local authorities), ward or lsoa (neighbourhoods).',
  );
}

function pick(keys: readonly string[], option: string | undefined, patterns: RegExp[], what: string): string {
  if (option !== undefined) {
    if (!keys.includes(option)) {
      throw new ImportSourceError(
        `The features have no property "${option}". Their properties are: ${keys.join(', ')}.`,
      );
    }
    return option;
  }
  const found = keys.find((k) => patterns.some((p) => p.test(k)));
  if (!found) {
    throw new ImportSourceError(
      `Could not tell which property holds the ${what}. Name it with --${what === 'area code' ? 'code' : 'name'}-field (properties: ${keys.join(', ')}).`,
    );
  }
  return found;
}

const fixIt =
  'Repair the boundary in a mapping program (such as QGIS, with “Fix geometries”) and import it again';

/** Why a feature's geometry cannot be a boundary, or undefined when it can. */
function boundaryProblem(code: string, geometry: unknown): string | undefined {
  const type = isPlainObject(geometry) ? geometry.type : undefined;
  if (type !== 'Polygon' && type !== 'MultiPolygon') return `${code} has no polygon boundary.`;
  const checked = checkGeometry(geometry);
  if (!checked.ok) return `${code}: ${checked.reason}. ${fixIt}.`;
  const outside = firstOutsideUk(checked.geometry);
  if (outside) {
    return `${code}: the boundary has a corner at longitude ${outside[0]}, latitude ${outside[1]}, outside the UK. Check that longitude comes before latitude and that the file uses longitude and latitude (WGS 84).`;
  }
  return undefined;
}

/** Rounds coordinates to 6 decimals (about 10 cm): smaller to store, and the same text on every import. */
function rounded(geometry: Polygon | MultiPolygon): Polygon | MultiPolygon {
  const round = (value: unknown): unknown =>
    Array.isArray(value) ? value.map(round) : Math.round((value as number) * 1e6) / 1e6;
  return { type: geometry.type, coordinates: round(geometry.coordinates) } as Polygon | MultiPolygon;
}

async function plan({ store, text, options, now }: PlanInput): Promise<ReferencePlan> {
  const features = parseFeatures(text).map(featureOf);
  const keys = [...new Set(features.flatMap((f) => (f ? Object.keys(f.properties) : [])))];
  const level = levelFrom(options.level, keys);
  const codeField = pick(keys, options['code-field'], [...codePatterns[level], ...genericCode], 'area code');
  const nameField = pick(
    keys.filter((k) => k !== codeField),
    options['name-field'],
    [new RegExp(`^${codeField.replace(/CD$/i, 'NM')}$`, 'i'), ...genericName],
    'area name',
  );
  let edition: BoundaryEdition = editionFromColumn(codeField) ?? defaultEdition(level);
  if (options.edition !== undefined) {
    const checked = checkEdition(options.edition, level);
    if (!checked.ok) throw new ImportSourceError(checked.reason);
    edition = checked.edition;
  }
  // A ward file may name each ward's authority (LAD24CD): that is its parent.
  const parentField =
    level === 'ward' ? keys.find((k) => codePatterns.authority.some((p) => p.test(k))) : undefined;

  const existing = new Map((await store.areas.listWithBoundaries(level, edition)).map((a) => [a.code, a]));
  const report = new ReportBuilder();
  const writes: AreaRecord[] = [];
  const seen = new Map<string, number>();
  features.forEach((feature, index) => {
    const row = index + 1;
    report.read += 1;
    if (!feature) return report.problem(row, 'feature', 'is not a GeoJSON feature.');
    const { properties } = feature;
    const rawCode = String(properties[codeField] ?? '');
    const checked = areaLevelOf(rawCode);
    if (!checked.ok) return report.problem(row, codeField, checked.reason);
    if (checked.level !== level) {
      return report.problem(
        row,
        codeField,
        `${checked.code} is a ${areaLevelNames[checked.level]} code, but this import is for ${areaLevelNames[level]} boundaries.`,
      );
    }
    const geometryProblem = boundaryProblem(checked.code, feature.geometry);
    if (geometryProblem) return report.problem(row, 'geometry', geometryProblem);
    const geometry = feature.geometry as Polygon | MultiPolygon;
    const first = seen.get(checked.code);
    if (first !== undefined) {
      return report.problem(row, codeField, `${checked.code} appears twice (first at feature ${first}).`);
    }
    seen.set(checked.code, row);
    const rawName = properties[nameField];
    const name =
      (typeof rawName === 'string' || typeof rawName === 'number'
        ? withoutControlCharacters(String(rawName)).trim()
        : '') || checked.code;
    const boundary = rounded(geometry);
    const point = pointInside(boundary);
    const before = existing.get(checked.code);
    const fileParent = parentField ? areaLevelOf(String(properties[parentField] ?? '')) : undefined;
    const record: AreaRecord = {
      code: checked.code,
      edition,
      level,
      name,
      parentCode: (fileParent?.ok ? fileParent.code : undefined) ?? before?.parentCode ?? null,
      boundary: JSON.stringify(boundary),
      pointLat: point.lat,
      pointLng: point.lng,
      bounds: boundsOf(boundary),
      source: 'boundaries import',
      updatedAt: now,
    };
    if (!before) report.imported += 1;
    else if (
      before.name !== record.name ||
      before.boundary !== record.boundary ||
      before.parentCode !== record.parentCode
    ) {
      report.updated += 1;
    } else return;
    writes.push(record);
  });
  return { report: report.build(), write: (target) => target.areas.upsertAreas(writes) };
}

/** `import boundaries FILE --level lad|ward|lsoa [--code-field F] [--name-field F] [--edition lsoa-2021]`. */
export function boundariesImporter(read: (source: string) => Promise<string>): Importer {
  return referenceImporter(
    'boundaries',
    'Area boundaries from GeoJSON, for local authorities, wards or neighbourhoods (ONS code and name properties are recognised)',
    read,
    plan,
    {
      accept: '.geojson,.json,.gz',
      options: [
        {
          name: 'level',
          label: 'Level',
          required: true,
          choices: [
            { value: 'lad', text: 'Local authorities' },
            { value: 'ward', text: 'Wards' },
            { value: 'lsoa', text: 'Neighbourhoods (LSOAs)' },
          ],
        },
        {
          name: 'code-field',
          label: 'Property holding the area code',
          hint: 'Only if it is not a usual ONS name such as LSOA21CD or WD22CD.',
        },
        { name: 'name-field', label: 'Property holding the area name' },
        {
          name: 'edition',
          label: 'Boundary set',
          hint: 'Such as lsoa-2021 or ward-2024. Worked out from the property names when left blank.',
        },
      ],
    },
  );
}
