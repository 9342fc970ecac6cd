import fs from 'node:fs';
import path from 'node:path';
import type { FeatureCollection, Geometry, Position } from 'geojson';
import { describe, expect, it } from 'vitest';
import { rfc7946Geometry } from '../../src/domain/areas/rfc7946.js';
import { decimalsOf, signedArea } from '../support/signed-area.js';

const boundaries = path.resolve('../shared/data/geo/boundaries');

function ringsOf(geometry: Geometry): { ring: Position[]; outer: boolean }[] {
  const polygons =
    geometry.type === 'Polygon'
      ? [geometry.coordinates]
      : geometry.type === 'MultiPolygon'
        ? geometry.coordinates
        : [];
  return polygons.flatMap((polygon) => polygon.map((ring, i) => ({ ring, outer: i === 0 })));
}

/** How many outer rings and holes run the way RFC 7946 asks, and the most decimals of any coordinate. */
function survey(geometries: Geometry[]) {
  const rings = geometries.flatMap(ringsOf);
  return {
    rings: rings.length,
    wound: rings.filter(({ ring, outer }) => signedArea(ring) > 0 === outer).length,
    decimals: Math.max(...rings.flatMap(({ ring }) => ring.flat().map(decimalsOf))),
  };
}

/** Real ONS boundaries (the ward extracts run clockwise, the LSOA extracts anticlockwise) as the downloads write them. */
describe('RFC 7946 geometry of real boundaries', () => {
  it.each([
    // file, features, rings, rings already the right way round
    ['wards_2022_bristol.geojson', 34, 34, 0],
    ['wards_2022_sunderland.geojson', 25, 26, 0],
    ['lsoa_2021_bristol.geojson', 268, 270, 270],
    ['lsoa_2021_trafford.geojson', 139, 139, 139],
  ])('%s: every ring the right way round, at most 6 decimals', (file, features, rings, woundBefore) => {
    const collection = JSON.parse(fs.readFileSync(path.join(boundaries, file), 'utf8')) as FeatureCollection;
    expect(collection.features).toHaveLength(features);
    const geometries = collection.features.flatMap((f) => (f.geometry ? [f.geometry] : []));
    const before = survey(geometries);
    const after = survey(geometries.map(rfc7946Geometry));
    expect({ rings: before.rings, wound: before.wound }).toEqual({ rings, wound: woundBefore });
    expect({ rings: after.rings, wound: after.wound }).toEqual({ rings, wound: rings });
    expect(after.decimals).toBeLessThanOrEqual(6);
  });
});
