import type { GrantQualitySummary } from '../domain/funding/grant-quality.js';
import type { Services } from './services.js';
import type { Actor } from './shared/audit.js';

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

export interface ImportContext {
  readonly services: Services;
  readonly partnershipId: string | undefined;
  readonly actor: Actor;
  /** Kind-specific command-line or form options, such as `level`, `code-field` or `theme`. */
  readonly options?: Readonly<Record<string, string>>;
  /** Called now and then with rows (or records) handled so far and in all, for a progress bar. */
  readonly progress?: (done: number, total: number) => void;
}

/** An option an import kind reads, so the upload form can ask for it. */
export interface ImportOption {
  readonly name: string;
  readonly label: string;
  readonly hint?: string;
  readonly required?: boolean;
  /** A fixed list of values; free text when absent. */
  readonly choices?: readonly { readonly value: string; readonly text: string }[];
}

/** The whole source could not be read or has the wrong shape: nothing can be imported from it. */
export class ImportSourceError extends Error {
  override readonly name = 'ImportSourceError';
}

/** An import kind: `preview` writes nothing; `apply` writes everything it previewed in one transaction. */
export interface Importer {
  readonly kind: string;
  readonly description: string;
  readonly needsPartnership: boolean;
  /** File types the upload form accepts, such as '.csv' or '.geojson,.json'. */
  readonly accept?: string;
  readonly options?: readonly ImportOption[];
  preview(source: string, context: ImportContext): Promise<ImportReport>;
  apply(source: string, context: ImportContext): Promise<ImportReport>;
}

export interface Exporter {
  readonly kind: string;
  readonly description: string;
  /** Writes the export to `write` piece by piece, so large exports stream. */
  run(partnershipId: string, services: Services, write: (chunk: string) => void): Promise<void>;
}

/** What the web and the use-cases know of an import kind without running it. */
export type ImportKindInfo = Pick<
  Importer,
  'kind' | 'description' | 'needsPartnership' | 'accept' | 'options'
>;

export interface ImportRunRequest {
  readonly kind: string;
  /** The file to read (an uploaded copy, a path or an address). */
  readonly source: string;
  readonly partnershipId: string | null;
  readonly options: Readonly<Record<string, string>>;
  readonly mode: 'preview' | 'apply';
  readonly actor: Actor;
}

export interface ImportRunEvents {
  progress(done: number, total: number): void;
  finished(report: ImportReport): void;
  failed(message: string): void;
}

/** Runs imports away from the request that asked for them: in a worker thread, or in-process in tests. */
export interface ImportRunner {
  start(request: ImportRunRequest, events: ImportRunEvents): void;
}
