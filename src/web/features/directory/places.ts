import type { AreaProfile } from '../../../app/areas/area-profile.js';
import type { AreaService, DirectoryArea } from '../../../app/directory/directory-areas.js';
import { servicesPerPage } from '../../../app/directory/directory-search.js';
import type { PartnershipRecord } from '../../../app/ports.js';
import type { Services } from '../../../app/services.js';
import { text } from '../../forms.js';

/** Distance searches are in miles, the unit people in the UK give distances in. */
export const distanceChoices = [1, 2, 5, 10] as const;
export const defaultMiles = 2;
export const kmPerMile = 1.609344;

/** "0.4 miles", "1 mile", "less than 0.1 miles". */
export function formatMiles(km: number): string {
  const miles = km / kmPerMile;
  if (miles < 0.05) return 'less than 0.1 miles';
  const shown = miles.toFixed(1).replace(/\.0$/, '');
  return `${shown} ${shown === '1' ? 'mile' : 'miles'}`;
}

/** An area profile as the directory needs it. */
export function directoryArea(profile: AreaProfile): DirectoryArea {
  return {
    code: profile.area.code,
    boundary: profile.area.boundary,
    parentCodes: profile.trail.map((a) => a.code),
    point: profile.point ? { latitude: profile.point.lat, longitude: profile.point.lng } : null,
  };
}

export type PlaceSearch =
  | { readonly kind: 'none' }
  | { readonly kind: 'error'; readonly fields: Record<string, string> }
  | {
      readonly kind: 'near';
      readonly postcode: string;
      readonly latitude: number;
      readonly longitude: number;
      readonly miles: number;
    }
  | { readonly kind: 'area'; readonly name: string; readonly area: DirectoryArea; readonly level: string };

export interface PlaceValues {
  readonly postcode: string;
  readonly miles: number;
  readonly area: string;
  readonly lsoa: string;
}

/** The postcode, distance and area fields of the directory search form, as typed. */
export function placeValues(query: unknown): PlaceValues {
  const miles = Number(text(query, 'distance'));
  return {
    postcode: text(query, 'postcode').slice(0, 40),
    miles: (distanceChoices as readonly number[]).includes(miles) ? miles : defaultMiles,
    area: text(query, 'area').slice(0, 20).toUpperCase(),
    lsoa: text(query, 'lsoa').slice(0, 20).replace(/\s+/g, '').toUpperCase(),
  };
}

/**
 * Works out where to search: near a postcode (looked up in the postcode file), in a ward or the authority
 * (chosen from a list), or in a neighbourhood (LSOA) by its code. Problems come back as messages for the fields.
 */
export async function readPlaceSearch(
  services: Services,
  partnership: PartnershipRecord,
  values: PlaceValues,
): Promise<PlaceSearch> {
  const { postcode, area, lsoa } = values;
  if (postcode && (area || lsoa)) {
    return { kind: 'error', fields: { postcode: 'Search near a postcode or in an area, not both' } };
  }
  if (area && lsoa) {
    return { kind: 'error', fields: { lsoa: 'Choose a ward or enter a neighbourhood code, not both' } };
  }
  if (postcode) {
    const found = await services.areas.lookupPostcode(postcode);
    if (found.kind !== 'found') return { kind: 'error', fields: { postcode: found.message } };
    return {
      kind: 'near',
      postcode: found.postcode,
      latitude: found.point.lat,
      longitude: found.point.lng,
      miles: values.miles,
    };
  }
  if (lsoa) {
    if (!/^[EW]01\d{6}$/.test(lsoa)) {
      return {
        kind: 'error',
        fields: { lsoa: 'Enter a neighbourhood code of E01 or W01 and 6 numbers, like E01012345' },
      };
    }
    const profile = await services.areas.profile(partnership, lsoa);
    if (!profile || profile.area.level !== 'lsoa') {
      return {
        kind: 'error',
        fields: {
          lsoa: `${lsoa} is not a neighbourhood in this partnership’s area. Check the code on the area pages.`,
        },
      };
    }
    return { kind: 'area', name: profile.area.name, area: directoryArea(profile), level: 'lsoa' };
  }
  if (area) {
    const profile = await services.areas.profile(partnership, area);
    if (!profile || profile.area.level === 'lsoa') {
      return { kind: 'error', fields: { area: 'Choose a ward from the list' } };
    }
    return { kind: 'area', name: profile.area.name, area: directoryArea(profile), level: profile.area.level };
  }
  return { kind: 'none' };
}

/**
 * One page of the services in an area: located in it or covering it, nearest its representative point first,
 * with the other filters of the search form applied.
 */
export async function areaPage(
  services: Services,
  partnershipId: string,
  area: DirectoryArea,
  filters: { text: string; theme: string; needsChecking: boolean; organisationId?: string },
  page: number,
): Promise<{
  total: number;
  page: number;
  pages: number;
  items: AreaService[];
  themeCounts: Readonly<Record<string, number>>;
}> {
  const all = (
    await services.directory.inArea(partnershipId, area, {
      covering: true,
      text: filters.text,
      theme: services.directory.themes.themes.some((t) => t.id === filters.theme) ? filters.theme : '',
    })
  ).filter(
    (item) =>
      (!filters.needsChecking || item.stale) &&
      (!filters.organisationId || item.organisationId === filters.organisationId),
  );
  const pages = Math.max(1, Math.ceil(all.length / servicesPerPage));
  return {
    total: all.length,
    page,
    pages,
    items: all.slice((page - 1) * servicesPerPage, page * servicesPerPage),
    themeCounts: await services.directory.themeCounts(partnershipId),
  };
}
