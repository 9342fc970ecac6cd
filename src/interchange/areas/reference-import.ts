import {
  ImportSourceError,
  type ImportContext,
  type ImportProblem,
  type ImportOption,
  type ImportReport,
  type Importer,
} from '../../app/interchange.js';
import type { Store } from '../../app/ports.js';
import { recordAudit } from '../../app/shared/audit.js';
import { numberFrom } from '../../domain/directory/values.js';
import { rowProblems, type CsvReading } from '../csv-rows.js';

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

/** A column the user named, such as the area code column, which must exist. */
export function namedColumn(headers: readonly string[], name: string, what: string): string {
  const found = findColumn(headers, name);
  if (!found) {
    throw new ImportSourceError(
      `The file has no column called "${name}" (given as the ${what}). Its columns are: ${headers.join(', ')}.`,
    );
  }
  return found;
}

/** Reads a number; empty is null; anything else that is not a number is a problem. */
export function readNumber(raw: string | undefined): number | null | 'invalid' {
  const text = (raw ?? '').trim();
  if (text === '' || /^(na|n\/a|null)$/i.test(text)) return null;
  return numberFrom(text.replace(/,/g, '')) ?? 'invalid';
}

/** A year (2024), a month (2024-06) or a real day (2024-06-30). */
export function isPeriod(text: string): boolean {
  const match = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(text);
  if (!match) return false;
  const [, year, month, day] = match;
  if (month === undefined) return true;
  const date = new Date(Date.UTC(Number(year), Number(month) - 1, Number(day ?? '1')));
  return date.toISOString().slice(0, day === undefined ? 7 : 10) === text;
}

/** Counts and problems gathered while planning. Every row with a problem is skipped. */
export class ReportBuilder {
  read = 0;
  imported = 0;
  updated = 0;
  readonly skippedRows = new Set<number>();
  readonly problems: ImportProblem[] = [];

  /** Starts with what reading the file found: rows it skipped (counted as read), values it put right. */
  constructor(reading?: CsvReading) {
    for (const problem of reading?.problems ?? []) {
      if (problem.outcome === 'skipped') this.skippedRows.add(problem.row);
      this.problems.push(problem);
    }
    this.read = reading?.skipped ?? 0;
  }

  /** A problem the row is skipped for. */
  problem(row: number, field: string, reason: string): void {
    this.skippedRows.add(row);
    this.problems.push({ row, field, reason, outcome: 'skipped' });
  }

  /** A value left out or put right on a row that is still imported. */
  note(row: number, field: string, reason: string): void {
    this.problems.push({ row, field, reason, outcome: 'kept' });
  }

  build(): ImportReport {
    return {
      read: this.read,
      imported: this.imported,
      updated: this.updated,
      skipped: this.skippedRows.size,
      problems: rowProblems(this.problems),
    };
  }
}
