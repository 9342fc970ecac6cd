import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { expect } from 'vitest';
import {
  ImportSourceError,
  type ImportContext,
  type Importer,
  type ImportReport,
} from '../../src/app/interchange.js';
import { parseConfig } from '../../src/config.js';
import { openRuntime, type Runtime } from '../../src/main.js';
import { createPostgresDatabase, testDatabaseUrl } from './database.js';
import {
  controlCharacters,
  csvFile,
  encode,
  jsonFile,
  type Encoding,
  type Expected,
} from './generated-files.js';
import { anyField, type RowMaker } from './import-values.js';
import { dumpTables } from './test-app.js';

export * from './import-values.js';

/*
 * Property-based tests of the importers: files of thousands of generated rows (see import-values.ts and
 * generated-files.ts), each previewed and applied on a real database, and the report checked against what was
 * generated: every bad value is a problem on its line, no good row is skipped, a preview writes nothing and an
 * apply writes all it promised. Runs are few and rows many, so 10,000 rows go through each importer within its
 * time limit.
 */

export interface ImporterProperty {
  /** The importer, given the functions that read a file. */
  readonly importer: Importer;
  /** The database the import is run on, with what it needs (a partnership, its areas). */
  readonly context: () => ImportContext;
  readonly format:
    | { readonly kind: 'csv'; readonly header: readonly string[] }
    | { readonly kind: 'json'; readonly wrap: (records: unknown[]) => unknown; readonly extension: string };
  readonly rows: fc.Arbitrary<RowMaker>;
  readonly runs: number;
  readonly rowsPerRun: number;
  /** How many records the import writes to hold now, to check an apply adds as many as its preview said. */
  readonly count?: () => Promise<number>;
}

/** The rows of one report at each line, problems and notes together. */
function problemsByLine(report: ImportReport) {
  const byLine = new Map<number, { field: string; outcome: string; reason: string }[]>();
  for (const problem of [...report.problems, ...(report.notes ?? [])]) {
    const list = byLine.get(problem.row) ?? [];
    list.push(problem);
    byLine.set(problem.row, list);
  }
  return byLine;
}

/** Checks a report against what the generated rows should produce. */
export function checkReport(report: ImportReport, expected: readonly Expected[]): void {
  const byLine = problemsByLine(report);
  const lines = new Set(expected.map((row) => row.line));
  for (const row of byLine.keys()) {
    if (row !== 0 && !lines.has(row)) throw new Error(`A problem names line ${row}, where no row starts`);
  }
  expect(report.read).toBe(expected.length);
  const skippedLines = new Set(
    report.problems.filter((p) => p.outcome === 'skipped' && p.row !== 0).map((p) => p.row),
  );
  expect(report.skipped).toBe(skippedLines.size);
  for (const row of expected) {
    const found = byLine.get(row.line) ?? [];
    const context = () => `line ${row.line} ${row.description}: found ${JSON.stringify(found)}`;
    if (row.bad.length === 0) {
      if (found.length > 0) throw new Error(`A good row was reported: ${context()}`);
      continue;
    }
    const fieldMatches = (bad: { field?: string }, problem: { field: string }) =>
      bad.field === undefined || bad.field === anyField || problem.field === bad.field;
    const skipping = row.bad.filter((bad) => bad.bad === 'skips');
    const skipped = skipping.length > 0;
    if (skipped) {
      // A skipped row must say why; the smaller defects of a row that is not kept need not be listed too.
      if (!found.some((p) => p.outcome === 'skipped' && skipping.some((bad) => fieldMatches(bad, p))))
        throw new Error(`No skipped problem for ${skipping.map((b) => b.field).join(', ')}: ${context()}`);
    } else {
      for (const bad of row.bad) {
        if (!found.some((p) => fieldMatches(bad, p)))
          throw new Error(`No problem for ${bad.field ?? 'a bad value'}: ${context()}`);
      }
      if (found.some((p) => p.outcome === 'skipped'))
        throw new Error(`A row with only values that are put right was skipped: ${context()}`);
    }
    if (skipped && !skippedLines.has(row.line)) throw new Error(`A bad row was not skipped: ${context()}`);
  }
}

/**
 * Runs the property: `runs` files of `rowsPerRun` generated rows, each previewed (writing nothing) and applied
 * (the same report, and as many new records as it said); the last is previewed again (nothing left to do).
 */
export async function checkImporterProperty(runtime: Runtime, property: ImporterProperty): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cg-import-property-'));
  const n = property.rowsPerRun;
  let file = 0;
  try {
    await fc.assert(
      fc.asyncProperty(
        fc.array(property.rows, { minLength: n, maxLength: n }),
        fc.array(
          fc.constantFrom(
            'none',
            'none',
            'none',
            'none',
            'none',
            'none',
            'none',
            'none',
            'columns',
            'control',
          ),
          {
            minLength: n,
            maxLength: n,
          },
        ),
        fc.array(fc.constantFrom(...controlCharacters), { minLength: n, maxLength: n }),
        fc
          .array(fc.boolean(), { minLength: n, maxLength: n })
          .map((blank) => blank.map((b, i) => b && i % 7 === 0)),
        fc.constantFrom<Encoding>('utf-8', 'utf-8-bom', 'utf-16le-bom', 'utf-16be-bom', 'utf-16le'),
        fc.constantFrom<'\n' | '\r\n'>('\n', '\r\n'),
        async (makers, damage, controls, blankLines, encoding, eol) => {
          const rows = makers.map((make, index) => make(index));
          const { format } = property;
          const { text, expected } =
            format.kind === 'csv'
              ? csvFile(format.header, rows, damage, controls, eol, blankLines)
              : jsonFile(rows, format.wrap);
          file += 1;
          const source = path.join(dir, `file-${file}.${format.kind === 'csv' ? 'csv' : format.extension}`);
          fs.writeFileSync(source, encode(text, format.kind === 'csv' ? encoding : 'utf-8'));

          const context = property.context();
          const before = await dumpTables(runtime);
          const countBefore = await property.count?.();
          const preview = await property.importer.preview(source, context);
          expect(await dumpTables(runtime)).toEqual(before);
          checkReport(preview, expected);

          const applied = await property.importer.apply(source, context);
          expect(applied).toEqual(preview);
          if (property.count && countBefore !== undefined)
            expect(await property.count()).toBe(countBefore + preview.imported);
          // Once is enough to show an apply leaves nothing undone; every run would double the time.
          if (file === property.runs)
            expect(await property.importer.preview(source, context)).toMatchObject({
              imported: 0,
              updated: 0,
            });
        },
      ),
      { numRuns: property.runs, endOnFailure: true },
    );
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** Files the importer must refuse whole: each throws an ImportSourceError on preview and apply and writes nothing. */
export async function checkRefusals(
  runtime: Runtime,
  importer: Importer,
  context: ImportContext,
  files: Readonly<Record<string, Buffer | string>>,
): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cg-import-refusal-'));
  try {
    const before = await dumpTables(runtime);
    for (const [name, content] of Object.entries(files)) {
      const source = path.join(dir, name);
      fs.writeFileSync(source, content);
      for (const run of [importer.preview, importer.apply]) {
        const outcome = await run.call(importer, source, context).then(
          (report) => report,
          (error: unknown) => error,
        );
        if (!(outcome instanceof ImportSourceError))
          throw new Error(
            `${name} was not refused: ${outcome instanceof Error ? outcome.stack : JSON.stringify(outcome)}`,
          );
      }
    }
    expect(await dumpTables(runtime)).toEqual(before);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** A runtime on SQLite, or on a PostgreSQL database of its own when `postgres`; `close` removes it all. */
export async function propertyRuntime(
  postgres: boolean,
): Promise<{ runtime: Runtime; close(): Promise<void> }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cg-property-'));
  const env: Record<string, string> = { DATA_DIR: dir, LOG_LEVEL: 'silent' };
  let drop: (() => Promise<void>) | undefined;
  if (postgres) {
    const database = await createPostgresDatabase();
    env.DATABASE_URL = database.url;
    drop = database.drop;
  }
  const runtime = await openRuntime(parseConfig(env));
  return {
    runtime,
    async close() {
      await runtime.close();
      await drop?.();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A property runtime with one partnership (Trafford's code) and the import context for it. */
export async function propertyPartnership(
  postgres: boolean,
): Promise<{ database: Awaited<ReturnType<typeof propertyRuntime>>; context: ImportContext }> {
  const database = await propertyRuntime(postgres);
  const { services } = database.runtime;
  const actor = { userId: null, label: 'Test' };
  const partnership = await services.partnerships.create(
    { name: 'Property test', slug: 'property-test', localAuthorityCode: 'E08000009' },
    actor,
  );
  return { database, context: { services, partnershipId: partnership.id, actor } };
}

/** The databases the properties run on: SQLite, and PostgreSQL when TEST_DATABASE_URL is set. */
export const propertyTargets = [
  { name: 'sqlite', postgres: false },
  ...(testDatabaseUrl() ? [{ name: 'postgres', postgres: true }] : []),
];
