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
  let id: string;
  if (prefix === 'GB-COH') id = `GB-COH-${/^\d+$/.test(value) ? value.padStart(8, '0') : value}`;
  else if (prefix === '360G') id = value.startsWith('360G-') ? value : `360G-${value}`;
  else id = value.startsWith(`${prefix}-`) ? value : `${prefix}-${value}`;
  return isOrganisationIdentifier(id) ? id : null;
}
