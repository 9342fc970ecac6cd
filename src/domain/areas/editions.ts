import type { AreaLevel } from './gss-code.js';

/**
 * A boundary set: which vintage of a geography an area code belongs to. LSOA codes are shared between the
 * 2011 and 2021 sets for unchanged neighbourhoods, so an LSOA is always read with its set: `lsoa-2011` or
 * `lsoa-2021`. Wards and authorities get a new code whenever their boundary changes, so their set (such as
 * `ward-2024`, `lad-2024`) records where the boundary came from.
 */
export type BoundaryEdition = string;

export const currentLsoaEdition: BoundaryEdition = 'lsoa-2021';

const editionShape = /^(lsoa|ward|lad)-(\d{4})$/;

const levelPrefix: Record<AreaLevel, string> = { authority: 'lad', ward: 'ward', lsoa: 'lsoa' };

export type EditionResult = { ok: true; edition: BoundaryEdition } | { ok: false; reason: string };

/** Checks a boundary set name against the level it is for: `lsoa-2021` for LSOAs, `ward-2024` for wards. */
export function checkEdition(raw: string, level: AreaLevel): EditionResult {
  const edition = raw.trim().toLowerCase();
  const match = editionShape.exec(edition);
  if (!match || match[1] !== levelPrefix[level]) {
    return {
      ok: false,
      reason: `"${raw}" is not a boundary set for ${level === 'authority' ? 'local authorities' : `${level}s`}: use ${levelPrefix[level]}- and the year, like ${defaultEdition(level)}.`,
    };
  }
  return { ok: true, edition };
}

/** The boundary set used when an import does not say: the one the ONS lookup and IMD 2025 use. */
export function defaultEdition(level: AreaLevel): BoundaryEdition {
  return level === 'lsoa' ? 'lsoa-2021' : level === 'ward' ? 'ward-2024' : 'lad-2024';
}

/** The boundary set a column name implies: LSOA11CD → lsoa-2011, WD22CD → ward-2022, LAD24CD → lad-2024. */
export function editionFromColumn(column: string): BoundaryEdition | undefined {
  const match = /^(LSOA|WD|LAD)(\d{2})CD$/i.exec(column.trim());
  if (!match) return undefined;
  const prefix = { LSOA: 'lsoa', WD: 'ward', LAD: 'lad' }[(match[1] ?? '').toUpperCase()];
  return `${prefix}-20${match[2]}`;
}

/**
 * An indicator is published for one boundary set. Its figures may be joined to an area only when the area is
 * in the same set: IMD 2019 on 2011 LSOAs never fills in a 2021 LSOA, even where the code is the same. Ward
 * and authority codes change whenever a boundary changes, so for them the same kind of set is enough
 * (a `ward-2024` figure fits a ward drawn from a `ward-2022` file under the same code).
 */
export function sameGeography(indicatorEdition: BoundaryEdition, areaEdition: BoundaryEdition): boolean {
  if (indicatorEdition === areaEdition) return true;
  const kind = (edition: BoundaryEdition) => editionShape.exec(edition)?.[1];
  const indicatorKind = kind(indicatorEdition);
  return indicatorKind !== undefined && indicatorKind !== 'lsoa' && indicatorKind === kind(areaEdition);
}
