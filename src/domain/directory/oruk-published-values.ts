/** Values as the Open Referral UK feed may publish them: empty ones left out, addresses and dates checked. */

type Json = { [key: string]: unknown };

/** The object without its null, undefined and empty-text values. */
export function compact<T extends Json>(value: T): T {
  return Object.fromEntries(
    Object.entries(value).filter(([, v]) => v !== null && v !== undefined && v !== ''),
  ) as T;
}

/** The outward half of a postcode ("M41"), all that an area-only place shows. */
export const postcodeDistrict = (postcode: string | null): string | null =>
  postcode?.trim().split(/\s+/)[0] ?? null;

/**
 * An email address strict enough for the schema's "email" format (the form ajv-formats checks), or null: a
 * record can hold an address our looser check let through, such as one ending in a full stop.
 */
const emailPattern =
  /^[a-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[a-z0-9!#$%&'*+/=?^_`{|}~-]+)*@(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/i;
export const publishableEmail = (email: string | null): string | null =>
  email && emailPattern.test(email) ? email : null;

/** A web address with a scheme and no spaces (the schema's "uri" format), or null. */
export const publishableUrl = (url: string | null): string | null =>
  url && /^https?:\/\/[^\s/?#]+\.[^\s]*$/i.test(url) ? url : null;

export const isoDate = (iso: string | null): string | null => (iso ? iso.slice(0, 10) : null);
