import type { ServiceRecord, Store } from '../ports.js';
import { capacityPerWeek, hoursPerWeek } from '../gaps/gap-services.js';

/**
 * People per week assumed for a service whose record gives no capacity. Shown as an assumption on every run that
 * uses it, so nobody mistakes it for a published figure.
 */
export const defaultCapacityPerWeek = 20;

/** A service as matching sees it: where it is, whom it is for and how many people a week it can help. */
export interface SupplyService {
  readonly id: string;
  readonly name: string;
  readonly organisationName: string | null;
  readonly themes: readonly string[];
  readonly open: boolean;
  /** Places whose point is known and not hidden (area-only places count, but are never drawn). */
  readonly points: readonly { readonly lat: number; readonly lng: number }[];
  /** Places that may be drawn on a map. */
  readonly publicPoints: readonly { readonly lat: number; readonly lng: number }[];
  readonly areaCodes: readonly string[];
  readonly polygons: readonly unknown[];
  /** People per week; the default when the record gives none (`capacityKnown` false). */
  readonly capacityPerWeek: number;
  readonly capacityKnown: boolean;
  readonly hoursPerWeek: number | null;
  readonly minimumAge: number | null;
  readonly maximumAge: number | null;
  readonly languages: readonly string[];
  readonly accessibility: string | null;
  readonly lastCheckedAt: string | null;
}

export function toSupplyService(record: ServiceRecord, organisationName: string | null): SupplyService {
  const d = record.details;
  const located = d.locations.filter(
    (l) => l.visibility !== 'hidden' && l.latitude !== null && l.longitude !== null,
  );
  const perWeek = capacityPerWeek(d.capacity);
  return {
    id: record.id,
    name: d.name,
    organisationName,
    themes: d.themes,
    open: d.status === 'active',
    points: located.map((l) => ({ lat: l.latitude as number, lng: l.longitude as number })),
    publicPoints: located
      .filter((l) => l.visibility === 'public')
      .map((l) => ({ lat: l.latitude as number, lng: l.longitude as number })),
    areaCodes: d.areas.flatMap((a) => (a.kind === 'area' ? [a.areaCode] : [])),
    polygons: d.areas.flatMap((a) => {
      if (a.kind !== 'polygon') return [];
      try {
        return [JSON.parse(a.geojson) as unknown];
      } catch {
        return [];
      }
    }),
    capacityPerWeek: perWeek === null ? defaultCapacityPerWeek : Math.max(0, Math.floor(perWeek)),
    capacityKnown: perWeek !== null,
    hoursPerWeek: hoursPerWeek(d.schedules),
    minimumAge: d.eligibility.minimumAge,
    maximumAge: d.eligibility.maximumAge,
    languages: d.languages,
    accessibility: d.accessibility,
    lastCheckedAt: record.lastCheckedAt,
  };
}

const pageSize = 500;

/** Every service of the partnership with one of these themes (open or not), page by page. */
export async function supplyForThemes(
  store: Store,
  partnershipId: string,
  themes: readonly string[],
): Promise<SupplyService[]> {
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
    return toSupplyService(r, organisation && !organisation.isPlaceholder ? organisation.name : null);
  });
}
