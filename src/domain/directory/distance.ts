/** A point in WGS 84 decimal degrees. */
export interface LatLng {
  readonly latitude: number;
  readonly longitude: number;
}

const earthRadiusKm = 6371.0088;
const radians = (degrees: number) => (degrees * Math.PI) / 180;

/** The great-circle distance between two points in kilometres (haversine formula). */
export function distanceKm(a: LatLng, b: LatLng): number {
  const dLat = radians(b.latitude - a.latitude);
  const dLng = radians(b.longitude - a.longitude);
  const h =
    Math.sin(dLat / 2) ** 2 +
    Math.cos(radians(a.latitude)) * Math.cos(radians(b.latitude)) * Math.sin(dLng / 2) ** 2;
  return 2 * earthRadiusKm * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** A box that holds every point within `km` of `centre` (a little more near its corners). */
export function boxAround(
  centre: LatLng,
  km: number,
): { minLatitude: number; maxLatitude: number; minLongitude: number; maxLongitude: number } {
  const dLat = (km / earthRadiusKm) * (180 / Math.PI);
  const cos = Math.max(Math.cos(radians(centre.latitude)), 0.01);
  const dLng = dLat / cos;
  return {
    minLatitude: centre.latitude - dLat,
    maxLatitude: centre.latitude + dLat,
    minLongitude: centre.longitude - dLng,
    maxLongitude: centre.longitude + dLng,
  };
}
