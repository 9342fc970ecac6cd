import { describe, expect, it } from 'vitest';
import { boxAround, distanceKm } from './distance.js';

describe('distanceKm', () => {
  it.each([
    // Manchester Town Hall to Trafford Town Hall, and London (Charing Cross) to Manchester.
    [{ latitude: 53.4794, longitude: -2.2453 }, { latitude: 53.4588, longitude: -2.2896 }, 3.73],
    [{ latitude: 51.5073, longitude: -0.1277 }, { latitude: 53.4808, longitude: -2.2426 }, 262],
    [{ latitude: 53, longitude: -2 }, { latitude: 53, longitude: -2 }, 0],
  ])('%o to %o is about %s km', (a, b, km) => {
    expect(distanceKm(a, b)).toBeCloseTo(km, 0);
  });

  it('boxes every point within the distance', () => {
    const centre = { latitude: 53.45, longitude: -2.3 };
    const box = boxAround(centre, 5);
    for (const bearing of [0, 45, 90, 135, 180, 225, 270, 315]) {
      const r = (bearing * Math.PI) / 180;
      const point = {
        latitude: centre.latitude + (4.99 / 111.2) * Math.cos(r),
        longitude:
          centre.longitude + ((4.99 / 111.2) * Math.sin(r)) / Math.cos((centre.latitude * Math.PI) / 180),
      };
      expect(distanceKm(centre, point)).toBeLessThan(5);
      expect(point.latitude).toBeGreaterThanOrEqual(box.minLatitude);
      expect(point.latitude).toBeLessThanOrEqual(box.maxLatitude);
      expect(point.longitude).toBeGreaterThanOrEqual(box.minLongitude);
      expect(point.longitude).toBeLessThanOrEqual(box.maxLongitude);
    }
  });
});
