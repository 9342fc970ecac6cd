/**
 * A local authority GSS code for a partnership: English unitary (E06), non-metropolitan district (E07),
 * metropolitan district (E08), London borough (E09), county (E10) or Welsh principal area (W06),
 * followed by six digits.
 */
const pattern = /^(E0[6-9]|E10|W06)\d{6}$/;

export function normaliseLocalAuthorityCode(value: string): string {
  return value.trim().toUpperCase();
}

export function isLocalAuthorityCode(value: string): boolean {
  return pattern.test(normaliseLocalAuthorityCode(value));
}

const slugPattern = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** Partnership slugs appear in every address: lower-case letters, digits and single hyphens, 2 to 60 long. */
export function isPartnershipSlug(value: string): boolean {
  return value.length >= 2 && value.length <= 60 && slugPattern.test(value);
}
