import { describe, expect, it } from 'vitest';
import { buildDemoGeography, demoAuthorityPlaces } from './demo-areas.js';
import { northmoorDemoServices } from './demo-directory.js';
import { locateDemoPlaces } from './demo-places.js';
import { buildDemoPostcodes } from './demo-postcodes.js';

describe('locateDemoPlaces', () => {
  const geography = buildDemoGeography({
    code: 'E06099001',
    name: 'Northmoor',
    centre: demoAuthorityPlaces.northmoor?.centre ?? { lat: 0, lng: 0 },
    authorityNumber: 1,
  });
  const postcodes = buildDemoPostcodes(geography, 'NM');

  it('gives every demo place a live generated postcode in the same district, with its point', () => {
    const live = new Map(postcodes.filter((p) => p.located && !p.terminatedOn).map((p) => [p.postcode, p]));
    for (const service of northmoorDemoServices) {
      const located = locateDemoPlaces(service.details, postcodes);
      located.locations.forEach((place, i) => {
        const before = service.details.locations[i];
        const found = live.get(place.postcode ?? '');
        expect(found, `${service.key}: ${place.postcode ?? ''}`).toBeDefined();
        expect(place.postcode?.split(' ')[0]).toBe(before?.postcode?.split(' ')[0]);
        expect([place.latitude, place.longitude]).toEqual([found?.lat, found?.lng]);
        expect(place.visibility).toBe(before?.visibility);
      });
    }
  });

  it('is the same every time and leaves places alone when there are no postcodes', () => {
    const first = northmoorDemoServices[0]?.details;
    if (!first) throw new Error('no demo services');
    expect(locateDemoPlaces(first, postcodes)).toEqual(locateDemoPlaces(first, postcodes));
    expect(locateDemoPlaces(first, [])).toEqual(first);
  });
});
