import type { ImportReport } from './imports/import-report.js';
import type { ImportKindInfo } from './imports/import-runs.js';
import type { Services } from './services.js';
import type { Actor } from './shared/audit.js';

export { ImportSourceError } from './imports/import-report.js';
export type { ImportProblem, ImportReport, KeptLocalEdits, ProblemOutcome } from './imports/import-report.js';
export type {
  ImportKindInfo,
  ImportOption,
  ImportRunEvents,
  ImportRunner,
  ImportRunRequest,
} from './imports/import-runs.js';

export interface ImportContext {
  readonly services: Services;
  readonly partnershipId: string | undefined;
  readonly actor: Actor;
  /** Kind-specific command-line or form options, such as `level`, `code-field` or `theme`. */
  readonly options?: Readonly<Record<string, string>>;
  /** Called now and then with rows (or records) handled so far and in all, for a progress bar. */
  readonly progress?: (done: number, total: number) => void;
}

/** An import kind: `preview` writes nothing; `apply` writes everything it previewed in one transaction. */
export interface Importer extends ImportKindInfo {
  preview(source: string, context: ImportContext): Promise<ImportReport>;
  apply(source: string, context: ImportContext): Promise<ImportReport>;
}

export interface Exporter {
  readonly kind: string;
  readonly description: string;
  /** Writes the export to `write` piece by piece, so large exports stream. */
  run(partnershipId: string, services: Services, write: (chunk: string) => void): Promise<void>;
}
