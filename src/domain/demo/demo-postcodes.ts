import booleanPointInPolygon from '@turf/boolean-point-in-polygon';
import { seededRandom } from '../shared/seeded-random.js';
import type { DemoGeography } from './demo-areas.js';

export interface DemoPostcode {
  readonly postcode: string;
  readonly lat: number | null;
  readonly lng: number | null;
  readonly lsoaCode: string;
  readonly wardCode: string;
  readonly authorityCode: string;
  readonly terminatedOn: string | null;
  readonly located: boolean;
}

const letters = 'ABDEFGHJLNPQRSTUWXYZ'; // the letters Royal Mail uses in the inward code

/**
 * Generated postcodes for a demo authority: three live ones at random points inside each neighbourhood, in a
 * district per ward (`NM1`, `NM2`…), plus one terminated and one with no location, so the postcode page can
 * show every answer. The same geography and seed always give the same postcodes.
 */
export function buildDemoPostcodes(geography: DemoGeography, area: string, seed = 2026): DemoPostcode[] {
  const random = seededRandom(seed);
  const wards = geography.areas.filter((a) => a.level === 'ward');
  const authority = geography.areas.find((a) => a.level === 'authority');
  const out: DemoPostcode[] = [];
  const used = new Set<string>();
  const inward = () => {
    for (;;) {
      const code = `${random.integer(1, 9)}${random.pick([...letters])}${random.pick([...letters])}`;
      if (!used.has(code)) {
        used.add(code);
        return code;
      }
    }
  };
  wards.forEach((ward, index) => {
    const district = `${area}${index + 1}`;
    used.clear();
    for (const lsoa of geography.areas.filter((a) => a.parentCode === ward.code)) {
      const [west, south, east, north] = lsoa.bounds;
      for (let made = 0; made < 3;) {
        const lng = west + random.next() * (east - west);
        const lat = south + random.next() * (north - south);
        if (!booleanPointInPolygon([lng, lat], lsoa.boundary)) continue;
        made += 1;
        out.push({
          postcode: `${district} ${inward()}`,
          lat: Math.round(lat * 1e6) / 1e6,
          lng: Math.round(lng * 1e6) / 1e6,
          lsoaCode: lsoa.code,
          wardCode: ward.code,
          authorityCode: authority?.code ?? '',
          terminatedOn: null,
          located: true,
        });
      }
    }
  });
  const first = out[0];
  if (first) {
    out.push({ ...first, postcode: `${area}1 9ZZ`, terminatedOn: '2019-06' });
    out.push({ ...first, postcode: `${area}1 9ZY`, lat: null, lng: null, located: false });
  }
  return out;
}
