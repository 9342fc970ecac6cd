import type {
  OrganisationDetails,
  Provenance,
  ServiceDetails,
  ServiceStatus,
  Weekday,
} from '../../domain/directory/model.js';
import type { OrganisationRecord } from '../partnerships/organisation-record.js';
import type { ServiceEditStore } from './service-edits-store.js';
import type { OrganisationThemeStore } from './organisation-themes-store.js';

/** An organisation with its directory fields and where it came from. */
export interface DirectoryOrganisationRecord extends OrganisationRecord {
  details: OrganisationDetails;
  /** Null for organisations typed in on a form. */
  provenance: Provenance | null;
  /** The "organisation not recorded" placeholder that services with no organisation go under. */
  isPlaceholder: boolean;
  lastCheckedAt: string | null;
  lastCheckedBy: string | null;
  /** When its fields last changed after it was recorded; absent or null until then. */
  updatedAt?: string | null;
}

export interface ServiceRecord {
  id: string;
  partnershipId: string;
  organisationId: string;
  details: ServiceDetails;
  provenance: Provenance;
  lastCheckedAt: string | null;
  lastCheckedBy: string | null;
  lastCheckedByUserId: string | null;
  createdAt: string;
  updatedAt: string;
}

/** A line in a list of services. */
export interface ServiceSummary {
  id: string;
  name: string;
  description: string;
  status: ServiceStatus;
  organisationId: string;
  organisationName: string;
  themes: string[];
  lastCheckedAt: string | null;
}

export interface ServiceQuery {
  /** Words that must all appear in the name, description or organisation name (any case). */
  text?: string;
  theme?: string;
  organisationId?: string;
  /** Only records last checked before this moment, or never (for "needs checking" lists). */
  checkedBefore?: string;
  /** Only these services. */
  ids?: readonly string[];
  limit: number;
  offset: number;
}

/** The Open Referral UK feed's filters on services, applied in SQL. */
export interface ServiceFilter {
  /** Words that must all appear in the name, description or organisation name (any case). */
  readonly text?: string;
  /** Only services with at least one of these themes (an empty list matches nothing). */
  readonly themes?: readonly string[];
  /** Only services whose youngest age is at least this. */
  readonly minimumAgeAtLeast?: number;
  /** Only services whose oldest age is at most this. */
  readonly maximumAgeAtMost?: number;
  /** Only services of this organisation. */
  readonly organisationId?: string;
  /** Only services changed at or after this ISO instant. */
  readonly changedSince?: string;
  /** Only services with a weekly opening on this day (when given) opening and closing within these times. */
  readonly opening?: {
    readonly day?: Weekday;
    readonly opensAtOrAfter?: string;
    readonly closesAtOrBefore?: string;
  };
}

/**
 * Shown (not hidden) places of services; with `near`, only public places (whose point is published) within a
 * distance of a point, nearest first.
 */
export interface PlaceFilter extends ServiceFilter {
  readonly near?: { readonly latitude: number; readonly longitude: number; readonly withinKm: number };
}

/** Whether a service comes with everything that hangs off it (`full`) or only its own fields. */
export type ServiceDepth = 'full' | 'fields';

/** One service at one of its shown places. */
export interface ShownPlace {
  readonly id: string;
  readonly serviceId: string;
  readonly position: number;
}

export interface DirectoryRepository {
  listOrganisations(partnershipId: string): Promise<DirectoryOrganisationRecord[]>;
  findOrganisation(partnershipId: string, id: string): Promise<DirectoryOrganisationRecord | undefined>;
  /** Inserts many organisations in a few statements. */
  insertOrganisations(organisations: readonly DirectoryOrganisationRecord[]): Promise<void>;
  /** Replaces the name, kind, identifier, directory fields and provenance of an organisation. */
  updateOrganisation(organisation: DirectoryOrganisationRecord): Promise<void>;
  /** Every service of the partnership from one kind of source, in full, for an import to compare against. */
  servicesFromSource(partnershipId: string, sourceKind: string): Promise<ServiceRecord[]>;
  /** The services with these source ids (from one kind of source), in full. */
  servicesWithSourceIds(
    partnershipId: string,
    sourceKind: string,
    sourceIds: readonly string[],
  ): Promise<ServiceRecord[]>;
  findService(partnershipId: string, id: string): Promise<ServiceRecord | undefined>;
  /** Inserts many services with their themes, locations, areas, opening times and contacts. */
  insertServices(services: readonly ServiceRecord[]): Promise<void>;
  /** Replaces a service's fields and everything that hangs off it (not its partnership, source or creation). */
  updateService(service: ServiceRecord): Promise<void>;
  markServiceChecked(
    partnershipId: string,
    id: string,
    check: { at: string; by: string; userId: string | null },
  ): Promise<boolean>;
  searchServices(
    partnershipId: string,
    query: ServiceQuery,
  ): Promise<{ total: number; items: ServiceSummary[] }>;
  /** Every shown (not hidden) location point of the partnership's services inside a box. */
  locatedServices(
    partnershipId: string,
    box: { minLatitude: number; maxLatitude: number; minLongitude: number; maxLongitude: number },
  ): Promise<{ serviceId: string; latitude: number; longitude: number }[]>;
  /**
   * The areas that services of the partnership say they cover, for "which services cover this area": those naming
   * one of these area codes, and every polygon.
   */
  serviceAreasCovering(
    partnershipId: string,
    areaCodes: readonly string[],
  ): Promise<{ serviceId: string; areaCode: string | null; geojson: string | null }[]>;
  /** How many services each theme has, for the theme filter. */
  themeCounts(partnershipId: string): Promise<Record<string, number>>;
  /**
   * A page of services (by name, then id), filtered and counted in SQL. In full by default; with `fields`, only
   * the service's own fields: themes, places, areas, opening times and contacts come back empty.
   */
  filterServices(
    partnershipId: string,
    filter: ServiceFilter,
    page: { readonly limit: number; readonly offset: number },
    depth?: ServiceDepth,
  ): Promise<{ total: number; items: ServiceRecord[] }>;
  /** The services with these ids (in no particular order), in full unless `fields` (see filterServices). */
  servicesWithIds(
    partnershipId: string,
    ids: readonly string[],
    depth?: ServiceDepth,
  ): Promise<ServiceRecord[]>;
  organisationsWithIds(partnershipId: string, ids: readonly string[]): Promise<DirectoryOrganisationRecord[]>;
  /** A page of the organisations that run at least one of the partnership's services, by name, counted in SQL. */
  organisationsWithServices(
    partnershipId: string,
    page: { readonly limit: number; readonly offset: number },
  ): Promise<{ total: number; items: DirectoryOrganisationRecord[] }>;
  /**
   * When the partnership's directory last changed: its newest service change, or the newest record, change or
   * check of an organisation that runs a service.
   */
  directoryChangedAt(partnershipId: string): Promise<string | null>;
  /** A page of services at their shown places (by service name, or nearest first), counted in SQL. */
  shownPlaces(
    partnershipId: string,
    filter: PlaceFilter,
    page: { readonly limit: number; readonly offset: number },
  ): Promise<{ total: number; items: ShownPlace[] }>;
  /** A service at one of its places by the place's id, unless the place is hidden. */
  findShownPlace(partnershipId: string, id: string): Promise<ShownPlace | undefined>;
}

/** The directory area's part of the store. */
export interface DirectoryStores {
  readonly directory: DirectoryRepository;
  /** Fields of services changed in Common Ground, which imports leave as they are. */
  readonly serviceEdits: ServiceEditStore;
  /** The themes organisations work on: suggested from their own words, confirmed or set aside by members. */
  readonly organisationThemes: OrganisationThemeStore;
}
