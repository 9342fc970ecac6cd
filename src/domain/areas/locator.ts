import bbox from '@turf/bbox';
import booleanPointInPolygon from '@turf/boolean-point-in-polygon';
import Flatbush from 'flatbush';
import type { Boundary, LatLng } from './representative-point.js';

export interface LocatableArea {
  readonly code: string;
  readonly boundary: Boundary;
}

/** Finds which of many areas holds a point: a Flatbush index of bounding boxes, then Turf point-in-polygon. */
export interface AreaLocator {
  locate(point: LatLng): string | undefined;
}

export function areaLocator(areas: readonly LocatableArea[]): AreaLocator {
  if (areas.length === 0) return { locate: () => undefined };
  const index = new Flatbush(areas.length);
  for (const area of areas) {
    const [minX, minY, maxX, maxY] = bbox(area.boundary);
    index.add(minX, minY, maxX, maxY);
  }
  index.finish();
  return {
    locate(point) {
      for (const i of index.search(point.lng, point.lat, point.lng, point.lat)) {
        const area = areas[i];
        if (area && booleanPointInPolygon([point.lng, point.lat], area.boundary)) return area.code;
      }
      return undefined;
    },
  };
}

/** The bounding box of a boundary as [west, south, east, north]. */
export function boundsOf(boundary: Boundary): [number, number, number, number] {
  const [minX, minY, maxX, maxY] = bbox(boundary);
  return [minX, minY, maxX, maxY];
}
