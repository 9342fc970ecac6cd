import type { Services } from './services.js';
import type { Actor } from './shared/audit.js';

/** One problem row in an import: which row (1 is the first data row), which field and why. */
export interface ImportProblem {
  readonly row: number;
  readonly field: string;
  readonly reason: string;
}

/** What an import would do (preview) or did (applied). The CLI prints it as JSON with --json. */
export interface ImportReport {
  readonly read: number;
  readonly imported: number;
  readonly updated: number;
  readonly skipped: number;
  readonly problems: readonly ImportProblem[];
}

export interface ImportContext {
  readonly services: Services;
  readonly partnershipId: string | undefined;
  readonly actor: Actor;
  /** Kind-specific command-line or form options, such as `level`, `code-field` or `theme`. */
  readonly options?: Readonly<Record<string, string>>;
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
  preview(source: string, context: ImportContext): Promise<ImportReport>;
  apply(source: string, context: ImportContext): Promise<ImportReport>;
}

export interface Exporter {
  readonly kind: string;
  readonly description: string;
  /** Writes the export to `write` piece by piece, so large exports stream. */
  run(partnershipId: string, services: Services, write: (chunk: string) => void): Promise<void>;
}
