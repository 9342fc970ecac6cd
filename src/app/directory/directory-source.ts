import type { OrganisationDetails, ServiceDetails } from '../../domain/directory/model.js';
import type { RowProblem } from '../../domain/directory/oruk-import-records.js';
import type { OrganisationKind } from '../../domain/partnerships/organisation-kinds.js';
import type { ImportProblem } from '../imports/import-report.js';

/*
 * What a directory import reads: a batch held whole (most sources, a few thousand records at most) or a stream
 * of pieces (the services CSV, up to 100,000 rows), planned and written a piece at a time.
 */

/** An organisation as an import source gives it. */
export interface IncomingOrganisation {
  readonly sourceId: string;
  readonly name: string;
  readonly kind: OrganisationKind;
  readonly identifier: string | null;
  readonly details: OrganisationDetails;
}

/** A service as an import source gives it; `organisationSourceId` null puts it under the placeholder. */
export interface IncomingService {
  readonly sourceId: string;
  readonly organisationSourceId: string | null;
  readonly details: ServiceDetails;
  readonly lastCheckedAt: string | null;
}

/** Everything one import read: records, how many rows, which were skipped and every problem found. */
export interface DirectoryBatch {
  readonly sourceKind: string;
  /** A person-readable name of the source, recorded as who last checked imported records. */
  readonly sourceLabel: string;
  readonly read: number;
  readonly skipped: number;
  /** Every problem found, with whether its row was skipped or kept (when not given, worked out from the reason). */
  readonly problems: readonly (RowProblem & Partial<Pick<ImportProblem, 'outcome'>>)[];
  /** What a person should know about rows that were imported, such as names repeated at different places. */
  readonly notes?: readonly ImportProblem[];
  readonly organisations: readonly IncomingOrganisation[];
  readonly services: readonly IncomingService[];
  /** What the report counts: services (most imports) or organisations (the charity register). */
  readonly counts: 'services' | 'organisations';
}

/** A piece of a source, in source order: services, and the organisations first named in this piece. */
export interface DirectoryChunk {
  readonly organisations: readonly IncomingOrganisation[];
  readonly services: readonly IncomingService[];
}

/**
 * A source read a piece at a time, for files too large to hold whole (a 100,000-row services CSV): each piece
 * is planned, written and let go before the next is read.
 */
export interface DirectoryStream {
  readonly sourceKind: string;
  readonly sourceLabel: string;
  readonly counts: 'services' | 'organisations';
  /** About how many services there are, for a progress bar. */
  readonly expected: number;
  /** The pieces, in order; can be gone through once. */
  chunks(): AsyncIterable<DirectoryChunk>;
  /** Rows read, rows skipped and every problem found: complete once `chunks` has been gone through. */
  summary(): Pick<DirectoryBatch, 'read' | 'skipped' | 'problems' | 'notes'>;
}

/** How many services are planned and written at a time. */
export const servicesPerChunk = 1000;

/** A batch held in memory, as a stream: every organisation comes with the first piece. */
export function streamOfBatch(batch: DirectoryBatch): DirectoryStream {
  return {
    sourceKind: batch.sourceKind,
    sourceLabel: batch.sourceLabel,
    counts: batch.counts,
    expected: batch.services.length,
    async *chunks() {
      let start = 0;
      do {
        yield {
          organisations: start === 0 ? batch.organisations : [],
          services: batch.services.slice(start, start + servicesPerChunk),
        };
        start += servicesPerChunk;
      } while (start < batch.services.length);
    },
    summary: () => batch,
  };
}

export const isStream = (source: DirectoryBatch | DirectoryStream): source is DirectoryStream =>
  'chunks' in source;
