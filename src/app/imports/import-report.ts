import type { GrantQualitySummary } from '../../domain/funding/grant-quality.js';

/** What became of the row a problem is on: left out of the import, or imported with the value left out or put right. */
export type ProblemOutcome = 'skipped' | 'kept';

/** One problem in an import: where in the file, which field, why, and whether its row was skipped or kept. */
export interface ImportProblem {
  /**
   * Where the problem is in the file. In a CSV file or a spreadsheet, the line (row) number as an editor shows
   * it: the header is line 1, so the first row under it is line 2, and a row whose quoted value holds line breaks
   * is numbered by the line it starts on. In a JSON or GeoJSON file, the record's or feature's place in its list
   * (1 is the first). 0 means the whole file.
   */
  readonly row: number;
  readonly field: string;
  readonly reason: string;
  readonly outcome: ProblemOutcome;
}

/** What an import would do (preview) or did (applied). The CLI prints it as JSON with --json. */
export interface ImportReport {
  readonly read: number;
  readonly imported: number;
  readonly updated: number;
  readonly skipped: number;
  readonly problems: readonly ImportProblem[];
  /**
   * What was put right or left out while reading rows that were still imported (row 0 means the whole file),
   * such as a date read as day/month/year or columns the standard does not define. Every note's row is kept.
   */
  readonly notes?: readonly ImportProblem[];
  /** Directory imports: fields left as they are because they were changed in Common Ground. */
  readonly kept?: KeptLocalEdits;
  /** Grant imports: 360Giving's data-quality checks over the file, with counts and examples. */
  readonly quality?: GrantQualitySummary;
}

/** Fields of services a directory import left as they were, because someone changed them in Common Ground. */
export interface KeptLocalEdits {
  readonly fields: number;
  readonly services: number;
  /** The first few services, by name, with the fields kept ("phone and opening times"). */
  readonly examples: readonly { readonly service: string; readonly fields: string }[];
}

/** The whole source could not be read or has the wrong shape: nothing can be imported from it. */
export class ImportSourceError extends Error {
  override readonly name = 'ImportSourceError';
}
