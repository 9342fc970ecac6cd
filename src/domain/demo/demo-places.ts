import type { ServiceDetails } from '../directory/model.js';
import type { DemoPostcode } from './demo-postcodes.js';

/**
 * Puts the demo directory's places on the generated map: each place written with a district such as `NM1` gets one
 * of that district's live, located demo postcodes (the same one every time) and its point, so distance searches
 * find the demo services. Places in a district with no generated postcodes are left as they are.
 */
export function locateDemoPlaces(
  details: ServiceDetails,
  postcodes: readonly DemoPostcode[],
): ServiceDetails {
  const byDistrict = new Map<string, DemoPostcode[]>();
  for (const p of postcodes) {
    if (!p.located || p.terminatedOn !== null || p.lat === null || p.lng === null) continue;
    const district = p.postcode.split(' ')[0] ?? '';
    byDistrict.set(district, [...(byDistrict.get(district) ?? []), p]);
  }
  return {
    ...details,
    locations: details.locations.map((location) => {
      const [district = '', inward = ''] = (location.postcode ?? '').split(' ');
      const choices = byDistrict.get(district);
      if (!choices?.length) return location;
      const index = [...inward].reduce((sum, c) => sum + c.charCodeAt(0), 0) % choices.length;
      const chosen = choices[index] as DemoPostcode;
      return { ...location, postcode: chosen.postcode, latitude: chosen.lat, longitude: chosen.lng };
    }),
  };
}
