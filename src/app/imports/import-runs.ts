import type { Actor } from '../shared/audit.js';
import type { ImportReport } from './import-report.js';

/*
 * How the use-cases start an import kind without knowing how it reads its file: what they know of each kind, the
 * request and the events of one run. The kinds themselves (Importer) are in app/interchange.ts.
 */

/** An option an import kind reads, so the upload form can ask for it. */
export interface ImportOption {
  readonly name: string;
  readonly label: string;
  readonly hint?: string;
  readonly required?: boolean;
  /** A fixed list of values; free text when absent. */
  readonly choices?: readonly { readonly value: string; readonly text: string }[];
}

/** What the web and the use-cases know of an import kind without running it. */
export interface ImportKindInfo {
  readonly kind: string;
  readonly description: string;
  readonly needsPartnership: boolean;
  /** File types the upload form accepts, such as '.csv' or '.geojson,.json'. */
  readonly accept?: string;
  readonly options?: readonly ImportOption[];
}

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
