import { normalisePostcode } from '../areas/postcode.js';
import { locationVisibilities, type LocationVisibility, type ServiceLocation } from './model.js';
import { cleanText } from './values.js';

/** One place on the places form, as typed. A place whose boxes are all blank is removed. */
export interface PlaceForm {
  readonly name: string;
  readonly address: string;
  readonly postcode: string;
  readonly visibility: string;
}

/** A checked place. `lookUp` says its point must be found from its postcode (new, or the postcode changed). */
export interface CheckedPlace {
  readonly location: ServiceLocation;
  readonly lookUp: boolean;
}

export type PlacesCheck =
  | { readonly ok: true; readonly places: readonly CheckedPlace[] }
  | { readonly ok: false; readonly problems: Readonly<Record<string, string>> };

export const blankPlace: PlaceForm = { name: '', address: '', postcode: '', visibility: 'public' };

/** The places form for a service: one box set per place it has, and one blank to add another. */
export function placeFormsFor(locations: readonly ServiceLocation[]): PlaceForm[] {
  return [
    ...locations.map((l) => ({
      name: l.name ?? '',
      address: l.address ?? '',
      postcode: l.postcode ?? '',
      visibility: l.visibility,
    })),
    blankPlace,
  ];
}

const isBlank = (form: PlaceForm) => !form.name.trim() && !form.address.trim() && !form.postcode.trim();

const multiline = (value: string): string | null => {
  const lines = value
    .replace(/\r\n/g, '\n')
    .split('\n')
    .map((line) => line.replace(/\s+/g, ' ').trim())
    .filter((line) => line !== '');
  return lines.length > 0 ? lines.join(', ') : null;
};

/**
 * Checks the places form. Box set `i` is the service's place `i` before the change (the rest are new), so a place
 * keeps its point and source id while its postcode stays the same. Problems are keyed `places-<i>-<field>`.
 */
export function checkPlaces(forms: readonly PlaceForm[], before: readonly ServiceLocation[]): PlacesCheck {
  const problems: Record<string, string> = {};
  const places: CheckedPlace[] = [];
  forms.forEach((form, index) => {
    if (isBlank(form)) return;
    const key = (field: string) => `places-${index}-${field}`;
    const was = before[index];
    const name = cleanText(form.name);
    if (name && name.length > 200)
      problems[key('name')] = 'Shorten the name of the place to 200 characters or fewer';
    const address = multiline(form.address);
    if (address && address.length > 500)
      problems[key('address')] = 'Shorten the address to 500 characters or fewer';
    const visibility = form.visibility as LocationVisibility;
    if (!(locationVisibilities as readonly string[]).includes(visibility)) {
      problems[key('visibility')] = 'Select who can see where this place is';
    }
    let postcode: string | null = null;
    if (form.postcode.trim()) {
      const normalised = normalisePostcode(form.postcode);
      if (normalised.ok) postcode = normalised.postcode;
      else problems[key('postcode')] = normalised.reason;
    } else if (!was || was.postcode) {
      problems[key('postcode')] =
        'Enter the postcode of the place, like NM1 2AB, so it can be shown on the map';
    }
    if (!name && !address) problems[key('address')] = 'Enter the address of the place, or its name';
    const samePostcode = was !== undefined && was.postcode === postcode;
    places.push({
      location: {
        sourceId: was?.sourceId ?? null,
        name,
        address,
        postcode,
        latitude: samePostcode ? was.latitude : null,
        longitude: samePostcode ? was.longitude : null,
        visibility,
      },
      lookUp: postcode !== null && !(samePostcode && was.latitude !== null && was.longitude !== null),
    });
  });
  return Object.keys(problems).length > 0 ? { ok: false, problems } : { ok: true, places };
}
