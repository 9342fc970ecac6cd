import type { Allocation } from '../../domain/matching/allocation-types.js';
import { outcomesByAreaAndTheme } from '../../domain/matching/summarise.js';
import type { SavedRunInput } from './matching-run-input.js';

/** Need, placed and unmet people for one area and theme. */
export interface UnmetRow {
  readonly areaCode: string;
  readonly areaName: string;
  readonly level: 'authority' | 'ward' | 'lsoa';
  /** The ward the area is in (itself for a ward), or null for the authority. */
  readonly wardCode: string | null;
  readonly theme: string;
  readonly themeName: string;
  readonly units: number;
  readonly allocated: number;
  readonly unmet: number;
}

/** Unmet need by area and theme (the engine's summary, with names), most unmet first, then by area name. */
export function unmetByAreaAndTheme(input: SavedRunInput, allocation: Allocation): UnmetRow[] {
  const areas = new Map(input.areas.map((a) => [a.code, a]));
  const themeNames = new Map(input.themes.map((t) => [t.id, t.name]));
  return outcomesByAreaAndTheme(input.allocation, allocation)
    .map((r) => {
      const area = areas.get(r.areaCode);
      return {
        ...r,
        areaName: area?.name ?? r.areaCode,
        level: area?.level ?? 'lsoa',
        wardCode: area?.wardCode ?? null,
        themeName: themeNames.get(r.theme) ?? r.theme,
      };
    })
    .sort(
      (a, b) =>
        b.unmet - a.unmet || a.areaName.localeCompare(b.areaName) || a.themeName.localeCompare(b.themeName),
    );
}

/** Need and unmet people per ward (LSOA rows added to their ward), for the map. Authority-wide need is apart. */
export function unmetByWard(rows: readonly UnmetRow[]): Map<string, { units: number; unmet: number }> {
  const wards = new Map<string, { units: number; unmet: number }>();
  for (const row of rows) {
    if (!row.wardCode) continue;
    const ward = wards.get(row.wardCode) ?? { units: 0, unmet: 0 };
    ward.units += row.units;
    ward.unmet += row.unmet;
    wards.set(row.wardCode, ward);
  }
  return wards;
}

/** Unmet people per theme, in the order the run's themes were chosen. */
export function unmetByTheme(rows: readonly UnmetRow[], input: SavedRunInput) {
  return input.themes.map((theme) => {
    const mine = rows.filter((r) => r.theme === theme.id);
    return {
      theme: theme.id,
      themeName: theme.name,
      units: mine.reduce((n, r) => n + r.units, 0),
      allocated: mine.reduce((n, r) => n + r.allocated, 0),
      unmet: mine.reduce((n, r) => n + r.unmet, 0),
    };
  });
}

export interface LoadRow {
  readonly serviceId: string;
  readonly name: string;
  readonly organisationName: string | null;
  readonly open: boolean;
  readonly capacity: number;
  readonly capacityKnown: boolean;
  readonly load: number;
  /** Load over capacity, 0 to 1; null when the capacity is 0. */
  readonly share: number | null;
}

/** Each service's load against its capacity, busiest first (by share, then people). */
export function serviceLoads(input: SavedRunInput, allocation: Allocation): LoadRow[] {
  const services = new Map(input.allocation.services.map((s) => [s.id, s]));
  return allocation.loads
    .map((l) => {
      const service = services.get(l.serviceId);
      return {
        serviceId: l.serviceId,
        name: service?.name ?? l.serviceId,
        organisationName: input.serviceDetails[l.serviceId]?.organisationName ?? null,
        open: service?.open ?? false,
        capacity: l.capacity,
        capacityKnown: service?.capacity !== null && service?.capacity !== undefined,
        load: l.load,
        share: l.capacity > 0 ? l.load / l.capacity : null,
      };
    })
    .sort((a, b) => (b.share ?? -1) - (a.share ?? -1) || b.load - a.load || a.name.localeCompare(b.name));
}
