import type { AreaLevel } from '../areas/gss-code.js';

/**
 * Locally recorded needs: what partners see on the ground, for an area and a theme. Always aggregate: a need
 * describes a group of people ("about 40 families in this estate"), never a person.
 */

export const needSeverities = [1, 2, 3, 4] as const;
export type NeedSeverity = (typeof needSeverities)[number];

export const needSeverityLabels: Record<NeedSeverity, string> = {
  1: 'Low',
  2: 'Moderate',
  3: 'High',
  4: 'Severe',
};

export const needSources = [
  'vcs-frontline',
  'council-data',
  'health-data',
  'survey',
  'resident-feedback',
  'other',
] as const;
export type NeedSource = (typeof needSources)[number];

export const needSourceLabels: Record<NeedSource, string> = {
  'vcs-frontline': 'Voluntary and community sector frontline',
  'council-data': 'Council data',
  'health-data': 'Health data',
  survey: 'Survey',
  'resident-feedback': 'Resident feedback',
  other: 'Other',
};

/** What a person records about a need. */
export interface NeedDetails {
  /** ONS GSS code of an LSOA, ward or the partnership's authority. */
  readonly areaCode: string;
  /** A theme id from the themes vocabulary. */
  readonly theme: string;
  readonly severity: NeedSeverity;
  /** Roughly how many people are affected, when known. */
  readonly peopleAffected: number | null;
  /** What the need is and how partners know (aggregate words only). */
  readonly evidence: string;
  readonly source: NeedSource;
  /** The partnership organisation that reported it, if any. */
  readonly reportingOrganisationId: string | null;
  /** When the need was seen or reported (YYYY-MM-DD). */
  readonly reportedOn: string;
}

export interface NeedRecord extends NeedDetails {
  readonly id: string;
  readonly partnershipId: string;
  /** Id in the file it was imported from (for idempotent re-imports), or null when entered on a form. */
  readonly sourceId: string | null;
  readonly createdBy: string | null;
  readonly createdAt: string;
  readonly updatedAt: string;
}

/** The level a need's area is at, for grouping and for the map. */
export type NeedAreaLevel = AreaLevel;
