import rewind from '@turf/rewind';
import type { Feature, GeoJsonProperties, Geometry, Polygon, MultiPolygon, Position } from 'geojson';

/** Six decimal places of a degree are about 10 cm: finer than any boundary we hold, and a third of the size. */
const scale = 1e6;

export const roundCoordinate = (value: number): number => Math.round(value * scale) / scale || 0;

const roundPosition = (position: Position): Position => position.map(roundCoordinate);
const roundLine = (line: Position[]): Position[] => line.map(roundPosition);
const roundRings = (rings: Position[][]): Position[][] => rings.map(roundLine);

/**
 * A geometry as RFC 7946 asks: coordinates rounded to 6 decimal places, and then (so that the winding is that
 * of the positions written) every polygon's outer ring anticlockwise and its holes clockwise. The geometry given
 * is left as it was.
 */
export function rfc7946Geometry(geometry: Geometry): Geometry {
  switch (geometry.type) {
    case 'Point':
      return { type: 'Point', coordinates: roundPosition(geometry.coordinates) };
    case 'MultiPoint':
      return { type: 'MultiPoint', coordinates: roundLine(geometry.coordinates) };
    case 'LineString':
      return { type: 'LineString', coordinates: roundLine(geometry.coordinates) };
    case 'MultiLineString':
      return { type: 'MultiLineString', coordinates: roundRings(geometry.coordinates) };
    case 'Polygon': {
      const polygon: Polygon = { type: 'Polygon', coordinates: roundRings(geometry.coordinates) };
      return rewind(polygon, { mutate: true }) as Polygon;
    }
    case 'MultiPolygon': {
      const multi: MultiPolygon = { type: 'MultiPolygon', coordinates: geometry.coordinates.map(roundRings) };
      return rewind(multi, { mutate: true }) as MultiPolygon;
    }
    case 'GeometryCollection':
      return { type: 'GeometryCollection', geometries: geometry.geometries.map(rfc7946Geometry) };
  }
}

/** A feature with the `id` RFC 7946 lets readers use to tell features apart, and its geometry as above. */
export function rfc7946Feature(
  id: string,
  geometry: Geometry,
  properties: GeoJsonProperties,
): Feature<Geometry, GeoJsonProperties> {
  return { type: 'Feature', id, geometry: rfc7946Geometry(geometry), properties };
}
