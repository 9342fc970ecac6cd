import pointOnFeature from '@turf/point-on-feature';
import type { Geometry } from 'geojson';
import { ImportSourceError, type ImportProblem } from '../app/interchange.js';
import { checkGeometry } from '../domain/areas/geometry-check.js';
import { readCsv } from './csv-rows.js';
import type { Unit } from './resource-notes.js';

/** One record of a resources file, with where it is: a CSV line (the header is line 1) or a feature's place. */
export interface ResourceRecord {
  readonly line: number;
  readonly values: Record<string, unknown>;
  /** The point a GeoJSON feature's geometry gives: the point itself, or one inside an outline. */
  readonly point?: { readonly longitude: unknown; readonly latitude: unknown };
}

/** The records that can be read, with how many there were and a problem for each that could not. */
export interface ResourceRecords {
  /** What `line` counts. */
  readonly unit: Unit;
  readonly read: number;
  readonly skipped: number;
  readonly records: readonly ResourceRecord[];
  readonly problems: readonly ImportProblem[];
}

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const skippedFeature = (line: number, field: string, reason: string): ImportProblem => ({
  row: line,
  field,
  reason: `${reason}; the feature is skipped`,
  outcome: 'skipped',
});

/** The point a checked geometry gives, or a kept problem when it gives none. */
function pointOf(
  geometry: Geometry,
  line: number,
): { point?: ResourceRecord['point']; problem?: ImportProblem } {
  if (geometry.type === 'Point') {
    const [longitude, latitude] = geometry.coordinates;
    return { point: { longitude, latitude } };
  }
  if (geometry.type === 'Polygon' || geometry.type === 'MultiPolygon') {
    // A building or site outline: keep a point inside it, so the place can still be found on a map.
    try {
      const inside = pointOnFeature({ type: 'Feature', properties: {}, geometry });
      const [longitude, latitude] = inside.geometry.coordinates;
      return { point: { longitude, latitude } };
    } catch {
      const reason = 'is an outline with no point inside it that can be found; kept without a point';
      return { problem: { row: line, field: 'geometry', reason, outcome: 'kept' } };
    }
  }
  return {
    problem: {
      row: line,
      field: 'geometry',
      reason: `is a ${geometry.type}, not a point or an outline; kept without a point`,
      outcome: 'kept',
    },
  };
}

function geojsonRecords(text: string): ResourceRecords {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new ImportSourceError(`The file is not valid GeoJSON: ${(error as Error).message}`);
  }
  const features = isPlainObject(json) ? json.features : undefined;
  if (!Array.isArray(features)) {
    throw new ImportSourceError(
      'The file is JSON but not a GeoJSON FeatureCollection (it has no "features" list).',
    );
  }
  const records: ResourceRecord[] = [];
  const problems: ImportProblem[] = [];
  features.forEach((feature: unknown, index) => {
    const line = index + 1;
    if (!isPlainObject(feature)) {
      problems.push(skippedFeature(line, 'feature', 'is not a GeoJSON feature'));
      return;
    }
    const { properties, geometry } = feature;
    if (properties !== null && properties !== undefined && !isPlainObject(properties)) {
      problems.push(skippedFeature(line, 'properties', 'are not a set of named values'));
      return;
    }
    const values = { ...(properties ?? {}) };
    if (geometry === null || geometry === undefined) {
      records.push({ line, values });
      return;
    }
    const checked = checkGeometry(geometry);
    if (!checked.ok) {
      problems.push(skippedFeature(line, 'geometry', checked.reason));
      return;
    }
    const { point, problem } = pointOf(checked.geometry, line);
    if (problem) problems.push(problem);
    records.push(point ? { line, values, point } : { line, values });
  });
  const skipped = features.length - records.length;
  return { unit: 'feature', read: features.length, skipped, records, problems };
}

function csvRecords(text: string): ResourceRecords {
  // The shared CSV reader gives each row's line (the header is line 1) and a problem for each row left out.
  const table = readCsv(text);
  const records = table.rows.map((row) => ({ line: row.line, values: row.values }));
  return {
    unit: 'line',
    read: table.rows.length + table.skipped,
    skipped: table.skipped,
    records,
    problems: table.problems,
  };
}

/** Records from GeoJSON (a FeatureCollection of points or outlines) or CSV text. */
export function resourceRecords(text: string): ResourceRecords {
  const trimmed = text.trimStart();
  return trimmed.startsWith('{') || trimmed.startsWith('[') ? geojsonRecords(text) : csvRecords(text);
}
