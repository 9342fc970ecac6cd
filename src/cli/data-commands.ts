import { ImportSourceError, type Exporter, type ImportProblem, type Importer } from '../app/interchange.js';
import { CommandFailed, UsageError, type CliRuntime, type Output, type ParsedArgs } from './command.js';

const commandLineActor = { userId: null, label: 'Command line' };

const kindList = (kinds: readonly { kind: string }[]) =>
  kinds.length ? kinds.map((k) => k.kind).join(', ') : 'none yet';

const notImportOptions = new Set([
  'partnership',
  'yes',
  'json',
  'help',
  'slug',
  'la',
  'email',
  'role',
  'themes',
  'max-km',
  'need',
  'area',
  'postcode',
  'age',
  'language',
]);

/** Every string option except the command's own, for the import kind to read (`--level lsoa` → level). */
function importOptions(args: ParsedArgs): Record<string, string> {
  const options: Record<string, string> = {};
  for (const [key, value] of Object.entries(args.values)) {
    if (typeof value === 'string' && !notImportOptions.has(key)) options[key] = value;
  }
  return options;
}

/** Prints "Importing: 40% (40,000 of 100,000 rows)" to standard error at each tenth of the way. */
function progressPrinter(output: Output, verb: string) {
  let lastTenth = -1;
  return (done: number, total: number) => {
    if (total <= 0) return;
    const tenth = Math.floor((done / total) * 10);
    if (tenth === lastTenth) return;
    lastTenth = tenth;
    output.err(
      `${verb}: ${tenth * 10}% (${done.toLocaleString('en-GB')} of ${total.toLocaleString('en-GB')} rows)`,
    );
  };
}

/** "line 3, kind (skipped): … " for one problem or note. */
function problemLine(problem: ImportProblem): string {
  const where = problem.row === 0 ? 'whole file' : `line ${problem.row}`;
  return `${where}${problem.field ? `, ${problem.field}` : ''} (${problem.outcome}): ${problem.reason}`;
}

export async function runDataCommand(
  command: string,
  positionals: readonly string[],
  args: ParsedArgs,
  runtime: CliRuntime,
  output: Output,
): Promise<number | undefined> {
  if (command !== 'import' && command !== 'export') return undefined;
  const [kind, source] = positionals;
  const list = command === 'import' ? runtime.importers : runtime.exporters;
  if (!kind) throw new UsageError(`Say what to ${command}. Kinds: ${kindList(list)}.`);
  const found = list.find((entry) => entry.kind === kind);
  if (!found) throw new UsageError(`Unknown ${command} kind "${kind}". Kinds: ${kindList(list)}.`);

  const config = runtime.loadConfig();
  const opened = await runtime.openRuntime(config);
  try {
    const slug = args.values.partnership;
    const partnership = slug ? await opened.services.partnerships.findBySlug(slug) : undefined;
    if (slug && !partnership) throw new CommandFailed(`There is no partnership with the short name ${slug}.`);

    if (command === 'export') {
      if (!partnership) throw new UsageError('export needs --partnership S.');
      await (found as Exporter).run(partnership.id, opened.services, (chunk) => process.stdout.write(chunk));
      return 0;
    }
    const importer = found as Importer;
    if (!source) throw new UsageError('import needs a FILE or URL.');
    if (importer.needsPartnership && !partnership)
      throw new UsageError(`import ${kind} needs --partnership S.`);
    const context = {
      services: opened.services,
      partnershipId: partnership?.id,
      actor: commandLineActor,
      options: importOptions(args),
      ...(args.values.json
        ? {}
        : { progress: progressPrinter(output, args.values.yes ? 'Importing' : 'Checking') }),
    };
    const report = await (
      args.values.yes ? importer.apply(source, context) : importer.preview(source, context)
    ).catch((error: unknown) => {
      if (error instanceof ImportSourceError) throw new CommandFailed(error.message);
      throw error;
    });
    if (args.values.json) output.out(JSON.stringify(report));
    else {
      output.err(
        `${args.values.yes ? 'Imported' : 'Preview (nothing written; add --yes to import)'}: read ${report.read}, new ${report.imported}, updated ${report.updated}, skipped ${report.skipped}.`,
      );
      if (report.problems.length > 0)
        output.err(
          'Problems (line numbers count the header as line 1; a record in a JSON file is its place in the list):',
        );
      for (const problem of report.problems) output.err(`  ${problemLine(problem)}`);
      if (report.notes?.length) output.err('Notes (these rows were imported; check what was changed):');
      for (const note of report.notes ?? []) output.err(`  ${problemLine(note)}`);
      if (report.quality) {
        output.err(`Data quality (360Giving's checks, over ${report.quality.grants} grants):`);
        for (const check of report.quality.checks) {
          const examples = check.examples.length > 0 ? ` (for example ${check.examples.join(', ')})` : '';
          output.err(`  ${check.label}: ${check.count}${examples}`);
        }
      }
    }
    if (report.read === 0) throw new CommandFailed('The file has no rows to import.');
    if (report.skipped === report.read) {
      throw new CommandFailed(
        report.problems.length > 0
          ? 'Nothing in the file could be imported: every row was skipped because of the problems listed.'
          : 'Nothing in the file could be imported: every row was skipped.',
      );
    }
    return 0;
  } finally {
    await opened.close();
  }
}
