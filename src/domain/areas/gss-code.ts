/** The levels of geography Common Ground keeps: local authority, electoral ward, LSOA (neighbourhood). */
export type AreaLevel = 'authority' | 'ward' | 'lsoa';

export const areaLevels: readonly AreaLevel[] = ['authority', 'ward', 'lsoa'];

/** Plain-English names for each level, for pages and messages. */
export const areaLevelNames: Record<AreaLevel, string> = {
  authority: 'local authority',
  ward: 'ward',
  lsoa: 'neighbourhood (lower layer super output area, LSOA)',
};

const prefixes: Record<string, AreaLevel> = {
  E06: 'authority', // English unitary authority
  E07: 'authority', // non-metropolitan district
  E08: 'authority', // metropolitan district
  E09: 'authority', // London borough
  W06: 'authority', // Welsh principal area
  E05: 'ward',
  W05: 'ward',
  E01: 'lsoa',
  W01: 'lsoa',
};

export type LevelResult = { ok: true; code: string; level: AreaLevel } | { ok: false; reason: string };

/**
 * The level of an ONS GSS code (three characters then six digits): E06/E07/E08/E09/W06 local authorities,
 * E05/W05 wards and E01/W01 LSOAs. Anything else is refused with a reason a person can act on.
 */
export function areaLevelOf(raw: string): LevelResult {
  const code = raw.trim().toUpperCase();
  if (code === '') return { ok: false, reason: 'The area code is empty.' };
  if (!/^[EWSN]\d{8}$/.test(code)) {
    return {
      ok: false,
      reason: `${raw.trim()} is not an ONS area code: codes are a letter and 8 digits, like E01006074.`,
    };
  }
  if (code.startsWith('S') || code.startsWith('N')) {
    const country = code.startsWith('S') ? 'Scottish' : 'Northern Irish';
    return { ok: false, reason: `${code} is a ${country} area: Common Ground covers England and Wales.` };
  }
  const level = prefixes[code.slice(0, 3)];
  if (!level) {
    return {
      ok: false,
      reason: `${code} is not a local authority (E06, E07, E08, E09, W06), ward (E05) or LSOA (E01) code.`,
    };
  }
  return { ok: true, code, level };
}

/** Reads the `--level` option: lad, authority, ward or lsoa. */
export function parseAreaLevel(raw: string | undefined): AreaLevel | undefined {
  switch ((raw ?? '').trim().toLowerCase()) {
    case 'lad':
    case 'ltla':
    case 'authority':
    case 'la':
      return 'authority';
    case 'ward':
    case 'wd':
      return 'ward';
    case 'lsoa':
      return 'lsoa';
    default:
      return undefined;
  }
}
