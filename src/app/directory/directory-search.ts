import { boxAround, distanceKm, type LatLng } from '../../domain/directory/distance.js';
import { isStale, monthsBefore, staleAfterMonths } from '../../domain/directory/freshness.js';
import { NotFoundError } from '../errors.js';
import type { DirectoryOrganisationRecord, ServiceQuery, ServiceSummary } from './directory-store.js';
import type { DirectoryDeps } from './directory-deps.js';

export const servicesPerPage = 20;

export interface DirectorySearch {
  readonly text?: string;
  readonly theme?: string;
  /** Only records nobody has confirmed for 12 months. */
  readonly needsChecking?: boolean;
  /** Only this organisation's services (for "my organisation's services"). */
  readonly organisationId?: string;
  /** Only services with a shown place within `withinKm` (0.1 to 50) of a point, nearest first. */
  readonly near?: LatLng & { readonly withinKm: number };
  readonly page?: number;
}

/** The most services a distance search ranks. */
const nearLimit = 5000;

export interface DirectoryPage {
  readonly total: number;
  readonly page: number;
  readonly pages: number;
  readonly items: readonly (ServiceSummary & { stale: boolean; distanceKm?: number })[];
  readonly themeCounts: Readonly<Record<string, number>>;
}

/** The store's filters for a directory search: known themes only, text trimmed, "needs checking" as a date. */
function searchFilters(deps: DirectoryDeps, search: DirectorySearch, now: Date) {
  const theme =
    search.theme && deps.themes.themes.some((t) => t.id === search.theme) ? search.theme : undefined;
  return {
    ...(search.text?.trim() ? { text: search.text.trim().slice(0, 200) } : {}),
    ...(theme ? { theme } : {}),
    ...(search.organisationId ? { organisationId: search.organisationId } : {}),
    ...(search.needsChecking ? { checkedBefore: monthsBefore(now, staleAfterMonths).toISOString() } : {}),
  };
}

/** How many services a directory search (without a place) would find, without reading any of them. */
export async function countDirectory(
  deps: DirectoryDeps,
  partnershipId: string,
  search: Omit<DirectorySearch, 'near' | 'page'>,
): Promise<number> {
  const filters = searchFilters(deps, search, deps.clock.now());
  const result = await deps.store.directory.searchServices(partnershipId, {
    ...filters,
    limit: 0,
    offset: 0,
  });
  return result.total;
}

export async function searchDirectory(
  deps: DirectoryDeps,
  partnershipId: string,
  search: DirectorySearch,
): Promise<DirectoryPage> {
  const now = deps.clock.now();
  const page = Math.max(1, Math.floor(search.page ?? 1));
  const filters = searchFilters(deps, search, now);
  if (search.near) return searchNear(deps, partnershipId, search.near, filters, page, now);
  const result = await deps.store.directory.searchServices(partnershipId, {
    ...filters,
    limit: servicesPerPage,
    offset: (page - 1) * servicesPerPage,
  });
  return {
    total: result.total,
    page,
    pages: Math.max(1, Math.ceil(result.total / servicesPerPage)),
    items: result.items.map((item) => ({ ...item, stale: isStale(item.lastCheckedAt, now) })),
    themeCounts: await deps.store.directory.themeCounts(partnershipId),
  };
}

export interface OrganisationView {
  readonly organisation: DirectoryOrganisationRecord;
  readonly services: readonly (ServiceSummary & { stale: boolean })[];
  readonly total: number;
}

/** An organisation with its directory fields and (the first 200 of) its services. */
export async function viewOrganisation(
  deps: DirectoryDeps,
  partnershipId: string,
  organisationId: string,
): Promise<OrganisationView> {
  const organisation = await deps.store.directory.findOrganisation(partnershipId, organisationId);
  if (!organisation) throw new NotFoundError('There is no such organisation in this partnership.');
  const now = deps.clock.now();
  const result = await deps.store.directory.searchServices(partnershipId, {
    organisationId,
    limit: 200,
    offset: 0,
  });
  return {
    organisation,
    total: result.total,
    services: result.items.map((item) => ({ ...item, stale: isStale(item.lastCheckedAt, now) })),
  };
}

/** Services with a shown place near a point, nearest first, each with its distance to the nearest place. */
async function searchNear(
  deps: DirectoryDeps,
  partnershipId: string,
  near: LatLng & { readonly withinKm: number },
  filters: Omit<ServiceQuery, 'limit' | 'offset'>,
  page: number,
  now: Date,
): Promise<DirectoryPage> {
  const withinKm = Math.min(Math.max(near.withinKm, 0.1), 50);
  const nearest = new Map<string, number>();
  for (const point of await deps.store.directory.locatedServices(partnershipId, boxAround(near, withinKm))) {
    const km = distanceKm(near, point);
    if (km <= withinKm && km < (nearest.get(point.serviceId) ?? Infinity)) nearest.set(point.serviceId, km);
  }
  const ordered = [...nearest].sort((a, b) => a[1] - b[1] || a[0].localeCompare(b[0])).slice(0, nearLimit);
  const matching = await deps.store.directory.searchServices(partnershipId, {
    ...filters,
    ids: ordered.map(([id]) => id),
    limit: Math.max(ordered.length, 1),
    offset: 0,
  });
  const byId = new Map(matching.items.map((item) => [item.id, item]));
  const all = ordered.flatMap(([id, km]) => {
    const item = byId.get(id);
    return item
      ? [{ ...item, stale: isStale(item.lastCheckedAt, now), distanceKm: Math.round(km * 100) / 100 }]
      : [];
  });
  return {
    total: all.length,
    page,
    pages: Math.max(1, Math.ceil(all.length / servicesPerPage)),
    items: all.slice((page - 1) * servicesPerPage, page * servicesPerPage),
    themeCounts: await deps.store.directory.themeCounts(partnershipId),
  };
}
