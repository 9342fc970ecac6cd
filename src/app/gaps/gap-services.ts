import type { AnalysisPoint, AnalysisService } from '../../domain/needs/analysis-types.js';
import type { Capacity, WeeklyOpening } from '../../domain/directory/model.js';
import type { ServiceRecord } from '../directory/directory-store.js';
import type { Store } from '../ports.js';

/** A service as the gap analysis and the map see it. Hidden places are never in it. */
export interface GapService extends AnalysisService {
  /** Places whose point may be shown on a map. */
  readonly publicPoints: readonly (AnalysisPoint & { readonly placeName: string | null })[];
  /** Places whose point is known but may only be shown as an area (counted, never drawn). */
  readonly areaOnlyPlaces: number;
}

const weeksPer: Record<Capacity['period'], number> = { day: 1 / 7, week: 1, month: 52 / 12, year: 52 };

/** People helped per week: a day's figure times seven, a month’s times 12/52, a year's over 52. */
export const capacityPerWeek = (capacity: Capacity | null): number | null =>
  capacity ? capacity.people / weeksPer[capacity.period] : null;

const minutes = (time: string) => {
  const [h, m] = time.split(':').map(Number);
  return (h ?? 0) * 60 + (m ?? 0);
};

/** Hours open in a week from the weekly openings (a closing at or before the opening runs past midnight). */
export function hoursPerWeek(schedules: readonly WeeklyOpening[]): number | null {
  if (schedules.length === 0) return null;
  let total = 0;
  for (const opening of schedules) {
    const span = minutes(opening.closes) - minutes(opening.opens);
    total += span > 0 ? span : span + 24 * 60;
  }
  return Math.round((total / 60) * 100) / 100;
}

function toGapService(record: ServiceRecord, organisationName: string | null): GapService {
  const d = record.details;
  const located = d.locations.filter(
    (l) => l.visibility !== 'hidden' && l.latitude !== null && l.longitude !== null,
  );
  return {
    id: record.id,
    name: d.name,
    organisationName,
    themes: d.themes,
    open: d.status === 'active',
    points: located.map((l) => ({ lat: l.latitude as number, lng: l.longitude as number })),
    publicPoints: located
      .filter((l) => l.visibility === 'public')
      .map((l) => ({ lat: l.latitude as number, lng: l.longitude as number, placeName: l.name })),
    areaOnlyPlaces: located.filter((l) => l.visibility === 'area-only').length,
    areaCodes: d.areas.flatMap((a) => (a.kind === 'area' ? [a.areaCode] : [])),
    polygons: d.areas.flatMap((a) => {
      if (a.kind !== 'polygon') return [];
      try {
        return [JSON.parse(a.geojson) as unknown];
      } catch {
        return [];
      }
    }),
    capacityPerWeek: capacityPerWeek(d.capacity),
    hoursPerWeek: hoursPerWeek(d.schedules),
  };
}

const pageSize = 500;

/** Every service of the partnership with one of these themes, in full, page by page. */
export async function servicesForThemes(
  store: Store,
  partnershipId: string,
  themes: readonly string[],
): Promise<GapService[]> {
  const records: ServiceRecord[] = [];
  for (let offset = 0; ; offset += pageSize) {
    const page = await store.directory.filterServices(
      partnershipId,
      { themes },
      { limit: pageSize, offset },
      'full',
    );
    records.push(...page.items);
    if (page.items.length < pageSize || records.length >= page.total) break;
  }
  const organisations = new Map(
    (
      await store.directory.organisationsWithIds(partnershipId, [
        ...new Set(records.map((r) => r.organisationId)),
      ])
    ).map((o) => [o.id, o]),
  );
  return records.map((r) => {
    const organisation = organisations.get(r.organisationId);
    return toGapService(r, organisation && !organisation.isPlaceholder ? organisation.name : null);
  });
}
