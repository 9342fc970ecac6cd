import type { OrganisationDetails, ServiceDetails } from './model.js';

/**
 * One problem with one record of an import: which record (1 is the first in the list; 0 is the whole document),
 * which field, why, and whether the record was skipped or kept (with the value left out or put right).
 */
export interface RowProblem {
  readonly row: number;
  readonly field: string;
  readonly reason: string;
  readonly outcome: 'skipped' | 'kept';
}

export interface NormalisedOrganisation {
  readonly sourceId: string;
  readonly name: string;
  readonly identifier: string | null;
  readonly details: OrganisationDetails;
}

export interface NormalisedService {
  readonly row: number;
  /** The origin's id when the feed gives one (oruk-source-ids.ts), else the record's id in the feed. */
  readonly sourceId: string;
  /** The record's own id in the feed, or null when it has none. */
  readonly feedId: string | null;
  /** The organisation's source id; null when the feed names none (it goes under the placeholder). */
  readonly organisation: NormalisedOrganisation | null;
  readonly details: ServiceDetails;
  /** When the publisher last checked the record (ORUK assured_date), as an ISO date. */
  readonly lastCheckedAt: string | null;
}
