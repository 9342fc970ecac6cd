import type { Capacity } from '../../domain/directory/model.js';
import type { MatchService } from '../../domain/matching/allocation-types.js';
import type { ServiceRecord } from '../directory/directory-store.js';
import type { Store } from '../ports.js';
import { capacityPerWeek, hoursPerWeek } from '../gaps/gap-services.js';

/**
 * People per week assumed for a service whose record gives no capacity. Shown as an assumption on every run that
 * uses it, so nobody mistakes it for a published figure.
 */
export const defaultCapacityPerWeek = 20;

/** A service as matching sees it, with what the pages need beside it. */
export interface SupplyService extends MatchService {
  readonly organisationName: string | null;
  /** Places that may be drawn on a map (area-only places count for distance, but are never drawn). */
  readonly publicPoints: readonly { readonly lat: number; readonly lng: number }[];
}

/** People per week from a record's capacity, in whole people; null when the record gives none. */
export const wholePeoplePerWeek = (capacity: Capacity | null): number | null => {
  const perWeek = capacityPerWeek(capacity);
  return perWeek === null ? null : Math.max(0, Math.floor(perWeek));
};

export function toSupplyService(record: ServiceRecord, organisationName: string | null): SupplyService {
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
      .map((l) => ({ lat: l.latitude as number, lng: l.longitude as number })),
    areaCodes: d.areas.flatMap((a) => (a.kind === 'area' ? [a.areaCode] : [])),
    capacity: wholePeoplePerWeek(d.capacity),
    eligibility: { minimumAge: d.eligibility.minimumAge, maximumAge: d.eligibility.maximumAge },
    languages: d.languages,
    accessibility: d.accessibility,
    hoursPerWeek: hoursPerWeek(d.schedules),
    lastCheckedOn: record.lastCheckedAt,
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
