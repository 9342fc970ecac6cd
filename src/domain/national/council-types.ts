/**
 * Council types and regions for the national view. A partnership's council type follows from its local
 * authority code (the GSS prefix says what kind of council it is); its region is recorded by the national team,
 * with London and Wales known from the code.
 */

export const councilTypes = [
  'unitary',
  'district',
  'metropolitan',
  'london-borough',
  'county',
  'welsh-principal',
] as const;
export type CouncilType = (typeof councilTypes)[number];

export const councilTypeLabels: Record<CouncilType, string> = {
  unitary: 'Unitary authority',
  district: 'District council',
  metropolitan: 'Metropolitan borough',
  'london-borough': 'London borough',
  county: 'County council',
  'welsh-principal': 'Welsh principal council',
};

const prefixes: Readonly<Record<string, CouncilType>> = {
  E06: 'unitary',
  E07: 'district',
  E08: 'metropolitan',
  E09: 'london-borough',
  E10: 'county',
  W06: 'welsh-principal',
};

/** The council type for a local authority code, or undefined for a code of no known kind. */
export function councilTypeOf(localAuthorityCode: string): CouncilType | undefined {
  return prefixes[localAuthorityCode.trim().toUpperCase().slice(0, 3)];
}

/** The nine English regions (ONS, 2024) and Wales. */
export const regions = [
  'North East',
  'North West',
  'Yorkshire and The Humber',
  'East Midlands',
  'West Midlands',
  'East of England',
  'London',
  'South East',
  'South West',
  'Wales',
] as const;
export type Region = (typeof regions)[number];

export function isRegion(value: unknown): value is Region {
  return typeof value === 'string' && (regions as readonly string[]).includes(value);
}

/** The region a partnership is in: the one recorded, else the one its code fixes (London, Wales), else none. */
export function regionOf(localAuthorityCode: string, recorded: string | null): Region | undefined {
  if (isRegion(recorded)) return recorded;
  const type = councilTypeOf(localAuthorityCode);
  if (type === 'london-borough') return 'London';
  if (type === 'welsh-principal') return 'Wales';
  return undefined;
}
