import { parse } from 'csv-parse/sync';
import {
  ImportSourceError,
  type ImportContext,
  type ImportProblem,
  type ImportOption,
  type ProblemOutcome,
  type ImportReport,
  type Importer,
} from '../../app/interchange.js';
import type { Store } from '../../app/ports.js';
import { recordAudit } from '../../app/shared/audit.js';

/** What a national reference import would write: the report and the writes, applied only on confirmation. */
export interface ReferencePlan {
  readonly report: ImportReport;
  write(store: Store): Promise<void>;
}

export interface PlanInput {
  readonly store: Store;
  readonly text: string;
  readonly options: Readonly<Record<string, string>>;
  /** ISO time of the import, for `updated_at`. */
  readonly now: string;
}

/**
 * An importer of national reference data (no partnership): `preview` plans and writes nothing; `apply` plans
 * again inside one transaction and writes it all, so a failure leaves the database as it was.
 */
export function referenceImporter(
  kind: string,
  description: string,
  read: (source: string) => Promise<string>,
  plan: (input: PlanInput) => Promise<ReferencePlan>,
  form: { readonly accept?: string; readonly options?: readonly ImportOption[] } = {},
): Importer {
  const input = (store: Store, text: string, context: ImportContext): PlanInput => ({
    store,
    text,
    options: context.options ?? {},
    now: context.services.clock.now().toISOString(),
  });
  return {
    kind,
    description,
    needsPartnership: false,
    ...form,
    async preview(source, context) {
      const text = await read(source);
      return (await plan(input(context.services.store, text, context))).report;
    },
    async apply(source, context) {
      const text = await read(source);
      const { clock } = context.services;
      return context.services.store.transaction(async (store) => {
        const planned = await plan(input(store, text, context));
        await planned.write(store);
        const { report } = planned;
        if (report.imported + report.updated > 0) {
          await recordAudit(store, clock, {
            partnershipId: null,
            actor: context.actor,
            action: `${kind}-imported`,
            subject: `${report.imported} new, ${report.updated} updated`,
          });
        }
        return report;
      });
    },
  };
}

export type CsvRow = Record<string, string>;

/** Parses CSV with a header row; headers keep their spelling, values are trimmed. */
export function parseCsv(text: string): { headers: string[]; rows: CsvRow[] } {
  let headers: string[] = [];
  let rows: CsvRow[];
  try {
    rows = parse(text, {
      bom: true,
      columns: (header: string[]) => (headers = header.map((h) => h.trim())),
      skip_empty_lines: true,
      relax_column_count: true,
      trim: true,
    });
  } catch (error) {
    throw new ImportSourceError(`The file is not valid CSV: ${(error as Error).message}`);
  }
  return { headers, rows };
}

/** The first header matching, ignoring case: an exact name or a pattern. */
export function findColumn(headers: readonly string[], ...wanted: (string | RegExp)[]): string | undefined {
  for (const want of wanted) {
    const found = headers.find((h) =>
      typeof want === 'string' ? h.toLowerCase() === want.toLowerCase() : want.test(h),
    );
    if (found) return found;
  }
  return undefined;
}

/** A column the user named (`--code-field`), which must exist. */
export function namedColumn(headers: readonly string[], name: string, option: string): string {
  const found = findColumn(headers, name);
  if (!found) {
    throw new ImportSourceError(
      `The file has no column called "${name}" (from --${option}). Its columns are: ${headers.join(', ')}.`,
    );
  }
  return found;
}

/** Reads a number; empty is null; anything else that is not a number is a problem. */
export function readNumber(raw: string | undefined): number | null | 'invalid' {
  const text = (raw ?? '').trim();
  if (text === '' || /^(na|n\/a|null)$/i.test(text)) return null;
  const value = Number(text.replace(/,/g, ''));
  return Number.isFinite(value) ? value : 'invalid';
}

/** Counts and problems gathered while planning. */
export class ReportBuilder {
  read = 0;
  imported = 0;
  updated = 0;
  readonly skippedRows = new Set<number>();
  readonly problems: ImportProblem[] = [];

  /** A problem with a row, which is skipped unless `outcome` says it was kept. */
  problem(row: number, field: string, reason: string, outcome: ProblemOutcome = 'skipped'): void {
    if (outcome === 'skipped') this.skippedRows.add(row);
    this.problems.push({ row, field, reason, outcome });
  }

  build(): ImportReport {
    return {
      read: this.read,
      imported: this.imported,
      updated: this.updated,
      skipped: this.skippedRows.size,
      problems: this.problems,
    };
  }
}
