import { CommandFailed, UsageError, type CliRuntime, type Output, type ParsedArgs } from './command.js';

/**
 * `classify-organisations --partnership S`: suggests themes for every organisation again from its own words
 * (after the theme lexicon changes, say), keeping the themes members confirmed or set aside. Undefined when the
 * command is another one.
 */
export async function runThemeCommand(
  command: string,
  args: ParsedArgs,
  runtime: CliRuntime,
  output: Output,
): Promise<number | undefined> {
  if (command !== 'classify-organisations') return undefined;
  const slug = args.values.partnership;
  if (!slug) throw new UsageError(`${command} needs --partnership S.`);
  const opened = await runtime.openRuntime(runtime.loadConfig());
  try {
    const partnership = await opened.services.partnerships.findBySlug(slug);
    if (!partnership) throw new CommandFailed(`There is no partnership with the short name ${slug}.`);
    const report = await opened.services.organisationThemes.classify(partnership.id);
    if (args.values.json) output.out(JSON.stringify(report));
    else
      output.out(
        `${report.withThemes.toLocaleString('en-GB')} of ${report.organisations.toLocaleString('en-GB')} ` +
          `organisations in ${partnership.name} have at least one theme ` +
          `(${report.changed.toLocaleString('en-GB')} suggestions changed).`,
      );
    return 0;
  } finally {
    await opened.close();
  }
}
