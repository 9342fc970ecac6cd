import type { MatchDemand } from '../../domain/matching/allocation-types.js';
import type { RuralUrban } from '../../domain/needs/analysis-types.js';
import type { NeedRecord } from '../../domain/needs/model.js';
import { analysisAreas, areasAtLevel, loadGeography, type PartnershipGeography } from '../gaps/gap-areas.js';
import type { PartnershipRecord } from '../partnerships/partnership-store.js';
import type { Store } from '../ports.js';

/**
 * People assumed per severity step for a needs record that gives no number of people: a record of severity 3
 * ("High") with no number counts as 30 people. Shown as an assumption on every run that uses it.
 */
export const defaultPeoplePerSeverity = 10;

/** An area demand can sit in, with what the pages need to name it and draw it. */
export interface DemandArea {
  readonly code: string;
  readonly name: string;
  readonly level: 'authority' | 'ward' | 'lsoa';
  readonly point: { readonly lat: number; readonly lng: number };
  /** The ward an LSOA is in; the ward itself for a ward; null for the authority. */
  readonly wardCode: string | null;
  /** Its class for the reach rule, when known (runs saved before the reach rule have none). */
  readonly ruralUrban?: RuralUrban | null;
}

export interface PartnershipPlaces {
  readonly geography: PartnershipGeography;
  readonly areas: ReadonlyMap<string, DemandArea>;
}

/** The partnership's authority, wards and LSOAs with a representative point each. */
export async function partnershipPlaces(
  store: Store,
  partnership: PartnershipRecord,
): Promise<PartnershipPlaces> {
  const geography = await loadGeography(store, partnership);
  const wardOf = new Map<string, string>();
  for (const [ward, lsoas] of geography.lsoasByWard) for (const l of lsoas) wardOf.set(l.code, ward);
  const areas = new Map<string, DemandArea>();
  for (const level of ['authority', 'ward', 'lsoa'] as const) {
    for (const area of analysisAreas(geography, areasAtLevel(geography, level), false)) {
      areas.set(area.code, {
        code: area.code,
        name: area.name,
        level,
        point: area.point,
        wardCode: level === 'ward' ? area.code : level === 'lsoa' ? (wardOf.get(area.code) ?? null) : null,
        ruralUrban: area.ruralUrban,
      });
    }
  }
  return { geography, areas };
}

/** People a record stands for: its own number, or the documented default for its severity. */
export const peopleOf = (need: NeedRecord) =>
  need.peopleAffected !== null
    ? { people: Math.max(0, Math.round(need.peopleAffected)), known: true }
    : { people: defaultPeoplePerSeverity * need.severity, known: false };

/** The codes of the areas around an area and inside it, so a service covering any of them covers it. */
export function relatedAreaCodes(area: DemandArea, areas: ReadonlyMap<string, DemandArea>): string[] {
  const all = [...areas.values()];
  const authority = all.find((a) => a.level === 'authority')?.code;
  if (area.level === 'authority') return all.filter((a) => a.code !== area.code).map((a) => a.code);
  if (area.level === 'ward')
    return [
      ...(authority ? [authority] : []),
      ...all.filter((a) => a.level === 'lsoa' && a.wardCode === area.code).map((a) => a.code),
    ];
  return [...(area.wardCode ? [area.wardCode] : []), ...(authority ? [authority] : [])];
}

/**
 * The needs records of these themes as demand: a record with N people affected is N units at its area's
 * representative point; a record with no number counts as the default for its severity (`peopleKnown` false).
 * Records for areas with no point (outside the partnership's loaded areas) are returned apart, so the page can
 * say they were left out.
 */
export function demandFromNeeds(
  needs: readonly NeedRecord[],
  areas: ReadonlyMap<string, DemandArea>,
  themes: ReadonlySet<string>,
  /** How far the people of a record in this area can travel (the reach rule); none sets no reach of their own. */
  reachOf?: (area: DemandArea) => number,
): { demands: (MatchDemand & { readonly peopleKnown: boolean })[]; unplaced: NeedRecord[] } {
  const demands: (MatchDemand & { readonly peopleKnown: boolean })[] = [];
  const unplaced: NeedRecord[] = [];
  for (const need of needs) {
    if (!themes.has(need.theme)) continue;
    const area = areas.get(need.areaCode);
    if (!area) {
      unplaced.push(need);
      continue;
    }
    const { people, known } = peopleOf(need);
    if (people === 0) continue;
    demands.push({
      id: need.id,
      needId: need.id,
      areaCode: need.areaCode,
      relatedAreaCodes: relatedAreaCodes(area, areas),
      theme: need.theme,
      point: area.point,
      units: people,
      peopleKnown: known,
      ...(reachOf ? { maxTravelKm: reachOf(area) } : {}),
    });
  }
  return { demands, unplaced };
}
