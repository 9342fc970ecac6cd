/**
 * The resource directory: services offered by organisations, where and when, for whom, and how fresh the
 * record is. Aligned with Open Referral UK (HSDS 3.0) so it can be imported and published without loss.
 */

export const serviceStatuses = ['active', 'inactive', 'defunct', 'temporarily closed'] as const;
export type ServiceStatus = (typeof serviceStatuses)[number];

export const serviceStatusLabels: Record<ServiceStatus, string> = {
  active: 'Running',
  inactive: 'Not running at the moment',
  defunct: 'Closed for good',
  'temporarily closed': 'Temporarily closed',
};

/**
 * Who may see where a location is: `public` shows the address and point; `area-only` shows only the area
 * (for example a service run from a private home); `hidden` never shows the place at all (refuges).
 */
export const locationVisibilities = ['public', 'area-only', 'hidden'] as const;
export type LocationVisibility = (typeof locationVisibilities)[number];

export const capacityPeriods = ['day', 'week', 'month', 'year'] as const;
export type CapacityPeriod = (typeof capacityPeriods)[number];

export const weekdays = [
  'monday',
  'tuesday',
  'wednesday',
  'thursday',
  'friday',
  'saturday',
  'sunday',
] as const;
export type Weekday = (typeof weekdays)[number];

/** Where a record came from: the kind of source (oruk, charities, resources, services-csv, form) and its id there. */
export interface Provenance {
  readonly sourceKind: string;
  readonly sourceId: string;
}

export interface Eligibility {
  readonly description: string | null;
  readonly minimumAge: number | null;
  readonly maximumAge: number | null;
}

/** How many people the service can help in a period, when known. */
export interface Capacity {
  readonly people: number;
  readonly period: CapacityPeriod;
}

export interface ServiceLocation {
  readonly sourceId: string | null;
  readonly name: string | null;
  readonly address: string | null;
  readonly postcode: string | null;
  readonly latitude: number | null;
  readonly longitude: number | null;
  readonly visibility: LocationVisibility;
}

/** Where the service is offered: an area by its ONS GSS code, or a GeoJSON polygon. */
export type ServiceArea =
  | { readonly kind: 'area'; readonly areaCode: string; readonly name: string | null }
  | { readonly kind: 'polygon'; readonly geojson: string; readonly name: string | null };

/** One weekly opening: a day with opening and closing times (HH:MM, 24-hour). */
export interface WeeklyOpening {
  readonly day: Weekday;
  readonly opens: string;
  readonly closes: string;
}

export interface Contact {
  readonly name: string | null;
  readonly role: string | null;
  readonly email: string | null;
  readonly phone: string | null;
}

/** A service as the directory holds it, without storage ids or partnership. */
export interface ServiceDetails {
  readonly name: string;
  readonly description: string;
  readonly url: string | null;
  readonly email: string | null;
  readonly phone: string | null;
  readonly status: ServiceStatus;
  readonly themes: readonly string[];
  readonly eligibility: Eligibility;
  readonly cost: string | null;
  readonly howToAccess: string | null;
  readonly languages: readonly string[];
  readonly accessibility: string | null;
  readonly capacity: Capacity | null;
  readonly locations: readonly ServiceLocation[];
  readonly areas: readonly ServiceArea[];
  readonly schedules: readonly WeeklyOpening[];
  readonly contacts: readonly Contact[];
}

/** The directory fields of an organisation, beyond the name, kind and identifier every organisation has. */
export interface OrganisationDetails {
  readonly description: string | null;
  readonly url: string | null;
  readonly email: string | null;
  readonly phone: string | null;
  readonly address: string | null;
  readonly postcode: string | null;
}

export const emptyEligibility: Eligibility = { description: null, minimumAge: null, maximumAge: null };
