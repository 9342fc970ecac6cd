import type { RetentionReport } from '../app/privacy/apply-retention.js';
import { CommandFailed, type CliRuntime, type Output, type ParsedArgs } from './command.js';

const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

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
    else output.err(describeRetention(report));
    return 0;
  } finally {
    await opened.close();
  }
}

/** One sentence saying what a retention sweep deleted. */
export function describeRetention(report: RetentionReport): string {
  return [
    `Retention applied in ${count(report.partnerships, 'partnership', 'partnerships')}:`,
    `deleted ${count(report.responses, 'individual response', 'individual responses')}`,
    `from ${count(report.rounds, 'round', 'rounds')} (their results are kept),`,
    `${count(report.invitationEmails, 'invitation email address', 'invitation email addresses')},`,
    `${count(report.emails, 'copy of an email', 'copies of emails')} and`,
    `${count(report.invitations, 'expired invitation', 'expired invitations')}.`,
  ].join(' ');
}
