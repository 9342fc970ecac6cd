import { boxAround, distanceKm, type LatLng } from '../../domain/directory/distance.js';
import { isStale, monthsBefore, staleAfterMonths } from '../../domain/directory/freshness.js';
import type { ContactForm } from '../../domain/directory/contact-form.js';
import type { OpeningTimesForm } from '../../domain/directory/opening-times-form.js';
import type { PlaceForm } from '../../domain/directory/place-form.js';
import { checkServiceForm, mayEditService, type ServiceForm } from '../../domain/directory/service-form.js';
import { NotFoundError, ValidationError } from '../errors.js';
import type {
  DirectoryOrganisationRecord,
  MembershipRecord,
  ServiceQuery,
  ServiceRecord,
  ServiceSummary,
  UserRecord,
} from '../ports.js';
import { recordAudit, type Actor } from '../shared/audit.js';
import type { DirectoryDeps } from './directory-deps.js';
import { servicesForArea, type AreaSearch, type DirectoryArea } from './directory-areas.js';
import {
  applyDirectoryImport,
  planDirectoryImport,
  type DirectoryBatch,
  type DirectoryStream,
} from './directory-import.js';
import { knownAreas } from './known-areas.js';
import { classifyOrganisations } from './organisation-themes.js';
import {
  addService,
  changeContacts,
  changeOpeningTimes,
  changePlaces,
  editableService,
  fieldsChangedHere,
  organisationsForNewService,
  saveServiceChange,
  type NewService,
} from './service-changes.js';

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

export interface ServiceView {
  readonly service: ServiceRecord;
  readonly organisation: DirectoryOrganisationRecord;
  readonly stale: boolean;
  /** Whether the person looking may change it and confirm it. */
  readonly editable: boolean;
}

export async function viewService(
  deps: DirectoryDeps,
  partnershipId: string,
  serviceId: string,
  member: MembershipRecord | undefined,
): Promise<ServiceView> {
  const service = await deps.store.directory.findService(partnershipId, serviceId);
  const organisation =
    service && (await deps.store.directory.findOrganisation(partnershipId, service.organisationId));
  if (!service || !organisation) throw new NotFoundError('There is no such service in this partnership.');
  return {
    service,
    organisation,
    stale: isStale(service.lastCheckedAt, deps.clock.now()),
    editable: member !== undefined && mayEditService(member, service),
  };
}

/** Saves the service form; a change also counts as checking the record. Audited. */
export async function updateService(
  deps: DirectoryDeps,
  partnershipId: string,
  serviceId: string,
  member: MembershipRecord,
  user: UserRecord,
  form: ServiceForm,
  actor: Actor,
): Promise<ServiceRecord> {
  const service = await editableService(deps, partnershipId, serviceId, member);
  const checked = checkServiceForm(
    form,
    service.details,
    deps.themes.themes.map((t) => t.id),
  );
  if (!checked.ok) throw new ValidationError(checked.problems);
  return saveServiceChange(deps, service, checked.value, user, actor);
}

/** "Still correct": one step that records who checked the service and when. Audited. */
export async function confirmService(
  deps: DirectoryDeps,
  partnershipId: string,
  serviceId: string,
  member: MembershipRecord,
  user: UserRecord,
  actor: Actor,
): Promise<void> {
  const service = await editableService(deps, partnershipId, serviceId, member);
  await deps.store.transaction(async (trx) => {
    await trx.directory.markServiceChecked(partnershipId, service.id, {
      at: deps.clock.now().toISOString(),
      by: user.displayName,
      userId: user.id,
    });
    await recordAudit(trx, deps.clock, {
      partnershipId,
      actor,
      action: 'service-confirmed',
      subject: `${service.details.name}: confirmed still correct`,
    });
  });
}

type ImportProgress = (done: number, total: number) => void;

export function directoryUseCases(deps: DirectoryDeps) {
  return {
    themes: deps.themes,
    search: (partnershipId: string, search: DirectorySearch) => searchDirectory(deps, partnershipId, search),
    themeCounts: (partnershipId: string) => deps.store.directory.themeCounts(partnershipId),
    inArea: (partnershipId: string, area: DirectoryArea, search?: AreaSearch) =>
      servicesForArea(deps, partnershipId, area, search),
    organisation: (partnershipId: string, organisationId: string) =>
      viewOrganisation(deps, partnershipId, organisationId),
    view: (partnershipId: string, serviceId: string, member: MembershipRecord | undefined) =>
      viewService(deps, partnershipId, serviceId, member),
    update: (
      partnershipId: string,
      serviceId: string,
      member: MembershipRecord,
      user: UserRecord,
      form: ServiceForm,
      actor: Actor,
    ) => updateService(deps, partnershipId, serviceId, member, user, form, actor),
    organisationsForNewService: (partnershipId: string, member: MembershipRecord) =>
      organisationsForNewService(deps, partnershipId, member),
    add: (
      partnershipId: string,
      member: MembershipRecord,
      user: UserRecord,
      input: NewService,
      actor: Actor,
    ) => addService(deps, partnershipId, member, user, input, actor),
    changePlaces: (
      partnershipId: string,
      serviceId: string,
      member: MembershipRecord,
      user: UserRecord,
      forms: readonly PlaceForm[],
      actor: Actor,
    ) => changePlaces(deps, partnershipId, serviceId, member, user, forms, actor),
    changeOpeningTimes: (
      partnershipId: string,
      serviceId: string,
      member: MembershipRecord,
      user: UserRecord,
      form: OpeningTimesForm,
      actor: Actor,
    ) => changeOpeningTimes(deps, partnershipId, serviceId, member, user, form, actor),
    changeContacts: (
      partnershipId: string,
      serviceId: string,
      member: MembershipRecord,
      user: UserRecord,
      forms: readonly ContactForm[],
      actor: Actor,
    ) => changeContacts(deps, partnershipId, serviceId, member, user, forms, actor),
    fieldsChangedHere: (partnershipId: string, serviceId: string) =>
      fieldsChangedHere(deps, partnershipId, serviceId),
    confirm: (
      partnershipId: string,
      serviceId: string,
      member: MembershipRecord,
      user: UserRecord,
      actor: Actor,
    ) => confirmService(deps, partnershipId, serviceId, member, user, actor),
    /** The areas an imported service area's code is checked against. */
    knownAreas: (partnershipId: string) => knownAreas(deps.store, partnershipId),
    previewImport: async (
      partnershipId: string,
      source: DirectoryBatch | DirectoryStream,
      progress?: ImportProgress,
    ) => {
      const plan = await planDirectoryImport(
        deps.store,
        partnershipId,
        source,
        deps.clock.now().toISOString(),
        {
          organisations: async () => undefined,
          services: async () => undefined,
          ...(progress ? { progress } : {}),
        },
      );
      return plan.report;
    },
    /** Imports, then suggests themes for the partnership's organisations from their own words. */
    applyImport: async (
      partnershipId: string,
      source: DirectoryBatch | DirectoryStream,
      actor: Actor,
      progress?: ImportProgress,
    ) => {
      const report = await applyDirectoryImport(
        deps.store,
        deps.clock,
        partnershipId,
        source,
        actor,
        progress,
      );
      await classifyOrganisations(deps, partnershipId);
      return report;
    },
  };
}

export type { DirectoryDeps } from './directory-deps.js';
