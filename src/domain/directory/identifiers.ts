/**
 * Organisation identifiers in the org-id.guide form: a list prefix and the id in that list.
 * GB-CHC (Charity Commission for England and Wales), GB-SC (Scottish charities), GB-NIC (Northern Ireland
 * charities), GB-COH (Companies House) and 360G- (an id a 360Giving publisher made up).
 */
const patterns: readonly [string, RegExp][] = [
  ['GB-CHC', /^GB-CHC-\d{6,8}$/],
  ['GB-SC', /^GB-SC-SC\d{6}$/],
  ['GB-NIC', /^GB-NIC-\d{6}$/],
  ['GB-COH', /^GB-COH-(\d{8}|[A-Z]{2}\d{6})$/],
  ['360G', /^360G-[A-Za-z0-9][A-Za-z0-9_.-]*$/],
];

/** True for an identifier in one of the forms above. */
export function isOrganisationIdentifier(value: string): boolean {
  return patterns.some(([, pattern]) => pattern.test(value));
}

/**
 * An identifier from a scheme and a number as files give them (a charity number "210843", a company number
 * "738693"), or null when it cannot be one. Company numbers are padded to 8 digits, as Companies House writes them.
 */
export function organisationIdentifier(scheme: string, raw: string | null | undefined): string | null {
  const value = (raw ?? '').trim().toUpperCase();
  if (!value || value === 'NA') return null;
  const prefix = scheme.trim().toUpperCase().replace(/-$/, '');
  const bare = value.startsWith(`${prefix}-`) ? value.slice(prefix.length + 1) : value;
  const id =
    prefix === 'GB-COH' && /^\d+$/.test(bare) ? `GB-COH-${bare.padStart(8, '0')}` : `${prefix}-${bare}`;
  return isOrganisationIdentifier(id) ? id : null;
}
