import { CommandFailed, type CliRuntime, type Output, type ParsedArgs } from './run-cli.js';

/**
 * `apply-retention`: deletes what each partnership's retention setting says is due (individual answers, after
 * saving the round's results; invitation email addresses; old copies of emails) and prints the counts. Safe to
 * run every night: a second run deletes nothing more. `--date` applies it as of another day (for checking).
 */
export async function runRetentionCommand(
  command: string,
  args: ParsedArgs,
  runtime: CliRuntime,
  output: Output,
): Promise<number | undefined> {
  if (command !== 'apply-retention') return undefined;
  const date = args.values.date;
  if (date !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(date))
    throw new CommandFailed(`--date must be a day written like 2027-03-31, not ${date}.`);
  const opened = await runtime.openRuntime(runtime.loadConfig());
  try {
    const now = date ? new Date(`${date}T12:00:00.000Z`) : new Date();
    const report = await opened.services.privacy.applyRetention(now);
    if (args.values.json) output.out(JSON.stringify(report));
    else
      output.err(
        `Retention applied in ${report.partnerships} partnerships: deleted ${report.responses} individual responses ` +
          `from ${report.rounds} rounds (their results are kept), ${report.invitationEmails} invitation email ` +
          `addresses, ${report.emails} copies of emails and ${report.invitations} expired invitations.`,
      );
    return 0;
  } finally {
    await opened.close();
  }
}
