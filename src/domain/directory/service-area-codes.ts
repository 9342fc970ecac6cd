import { areaLevelNames, areaLevelOf, type AreaLevel } from '../areas/gss-code.js';

/**
 * Whether an imported service area's ONS code can be one of the partnership's areas. The rule:
 * 1. The code's country (its first letter) must be that of the partnership's authority: a Welsh code (W…) on an
 *    English partnership's service, or an English code on a Welsh one, is wrong.
 * 2. A code of a level Common Ground keeps boundaries for (authority E06–E09/W06, ward E05/W05, LSOA E01/W01) must
 *    be an area loaded at that level, in any boundary set. A level with no areas loaded at all is not checked,
 *    since nothing could pass.
 * Other well-formed codes (an MSOA, county, region or country) are taken as they are. A code that fails is a row
 * note; the service is kept without that area. Malformed codes never reach here: the importer finds no code.
 */

export interface KnownAreas {
  /** The partnership's local authority code. */
  readonly authorityCode: string;
  /** The codes loaded at each level (any boundary set). */
  readonly codes: ReadonlyMap<AreaLevel, ReadonlySet<string>>;
}

const countries: Record<string, string> = {
  E: 'England',
  W: 'Wales',
  S: 'Scotland',
  N: 'Northern Ireland',
};

const adjectives: Record<string, string> = {
  E: 'an English',
  W: 'a Welsh',
  S: 'a Scottish',
  N: 'a Northern Irish',
};

/** Why the code cannot be one of the partnership's areas, or null when it can. */
export function serviceAreaCodeProblem(code: string, known: KnownAreas): string | null {
  const country = code.charAt(0).toUpperCase();
  const home = known.authorityCode.charAt(0).toUpperCase();
  if (country !== home) {
    return `${code} is ${adjectives[country] ?? 'an unknown'} area code, but the partnership’s authority (${known.authorityCode}) is in ${countries[home] ?? 'another country'}; the area is left out and the service kept`;
  }
  const level = areaLevelOf(code);
  if (!level.ok) return null;
  const loaded = known.codes.get(level.level);
  if (!loaded || loaded.size === 0 || loaded.has(level.code)) return null;
  return `${code} is not a known ${areaLevelNames[level.level]}: no area with that code has been loaded; the area is left out and the service kept`;
}
