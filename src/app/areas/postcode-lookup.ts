import { currentLsoaEdition } from '../../domain/areas/editions.js';
import { areaLocator } from '../../domain/areas/locator.js';
import { normalisePostcode } from '../../domain/areas/postcode.js';
import type { Boundary, LatLng } from '../../domain/areas/representative-point.js';
import type { Store } from '../ports.js';
import type { AreaRecord } from './area-records.js';

export type PostcodeLookup =
  | { readonly kind: 'invalid'; readonly message: string }
  | {
      readonly kind: 'unknown' | 'terminated' | 'unlocated';
      readonly postcode: string;
      readonly message: string;
    }
  | {
      readonly kind: 'found';
      readonly postcode: string;
      readonly point: LatLng;
      readonly lsoa: AreaRecord | undefined;
      readonly ward: AreaRecord | undefined;
      readonly authority: AreaRecord | undefined;
      /** How the LSOA was found: in the 2021 LSOA boundaries, through the 2011→2021 lookup, or not at all. */
      readonly method: 'boundaries' | '2011 to 2021 lookup' | 'postcode file';
    };

const months = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

function monthYear(yearMonth: string): string {
  const [year, month] = yearMonth.split('-');
  return `${months[Number(month) - 1] ?? ''} ${year ?? ''}`.trim();
}

const first = async (store: Store, code: string | null | undefined, level?: AreaRecord['level']) => {
  if (!code) return undefined;
  const found = await store.areas.findByCode(code);
  return found.find(
    (a) => (level ? a.level === level : true) && (a.level !== 'lsoa' || a.edition === currentLsoaEdition),
  );
};

/**
 * A postcode's point and areas: the 2021 LSOA whose imported boundary holds the point (Turf), then its ward and
 * authority from the lookup; without boundaries, the ward and authority the postcode file gives. Terminated,
 * unlocated and unknown postcodes get a message saying so.
 */
export async function lookupPostcode(store: Store, raw: string): Promise<PostcodeLookup> {
  const normalised = normalisePostcode(raw);
  if (!normalised.ok) return { kind: 'invalid', message: normalised.reason };
  const { postcode } = normalised;
  const record = await store.areas.findPostcode(postcode);
  if (!record) {
    return {
      kind: 'unknown',
      postcode,
      message: `${postcode} is not in the postcode file we have. Check it, or try a nearby postcode.`,
    };
  }
  if (record.terminatedOn) {
    return {
      kind: 'terminated',
      postcode,
      message: `${postcode} stopped being used in ${monthYear(record.terminatedOn)}. Try the postcode that replaced it, or a nearby one.`,
    };
  }
  if (!record.located || record.lat === null || record.lng === null) {
    return {
      kind: 'unlocated',
      postcode,
      message: `${postcode} is a real postcode, but the postcode file gives no location for it. Try a nearby postcode.`,
    };
  }
  const point = { lat: record.lat, lng: record.lng };
  const candidates = await store.areas.candidatesAt('lsoa', currentLsoaEdition, point.lat, point.lng);
  const located = areaLocator(
    candidates.flatMap((c) =>
      c.boundary ? [{ code: c.code, boundary: JSON.parse(c.boundary) as Boundary }] : [],
    ),
  ).locate(point);
  let lsoa = candidates.find((c) => c.code === located);
  let method: 'boundaries' | '2011 to 2021 lookup' | 'postcode file' = lsoa ? 'boundaries' : 'postcode file';
  if (!lsoa && record.lsoaCode && record.lsoaEdition === 'lsoa-2011') {
    // Without a boundary, a 2011 LSOA that was unchanged or merged has exactly one 2021 successor.
    const successors = await store.areas.listLsoaChanges([record.lsoaCode]);
    if (successors.length === 1 && successors[0]) {
      lsoa = await first(store, successors[0].lsoa21Code, 'lsoa');
      if (lsoa) method = '2011 to 2021 lookup';
    }
  } else if (!lsoa && record.lsoaCode && record.lsoaEdition === currentLsoaEdition) {
    lsoa = await first(store, record.lsoaCode, 'lsoa');
  }
  const ward =
    (lsoa && (await first(store, lsoa.parentCode, 'ward'))) ?? (await first(store, record.wardCode, 'ward'));
  const authority = await first(store, ward?.parentCode ?? record.authorityCode, 'authority');
  return {
    kind: 'found',
    postcode,
    point,
    lsoa,
    ward,
    authority,
    method,
  };
}
