import type { ReminderCounts } from '../app/reminders/run-reminders.js';
import { emailDelivery } from '../domain/shared/email-delivery.js';
import { describeRetention } from './retention-commands.js';
import type { CliRuntime, Output, ParsedArgs } from './command.js';

const kindNames: Record<keyof ReminderCounts, string> = {
  'round-open': 'Rounds now open (to members who can answer them)',
  'round-closing': 'Rounds closing soon (to invitees who have not answered)',
  'action-due': 'Actions due or overdue',
  'stale-records': 'Directory records to check (monthly digests)',
  'funding-deadline': 'Funding deadlines',
};

/** Prints how many reminders of each kind were sent. */
export function printReminderCounts(counts: ReminderCounts, output: Output): void {
  const total = Object.values(counts).reduce((sum, n) => sum + n, 0);
  output.out(total === 0 ? 'Sent no reminders: none were due.' : `Sent ${total} reminder email(s):`);
  for (const [kind, name] of Object.entries(kindNames)) {
    output.out(`  ${name}: ${counts[kind as keyof ReminderCounts]}`);
  }
}

/**
 * `run-jobs`: the scheduled work, for an external scheduler (cron, a systemd timer). Sends the reminders that are
 * due (each one only once, however often it runs), applies each partnership's retention setting (idempotent too),
 * refreshes the subscribed feeds that are due (the state of each is in the database), runs feed health checks left waiting, then delivers queued email when SMTP or GOV.UK Notify is configured.
 * Undefined when the command is another one.
 */
export async function runJobCommand(
  command: string,
  args: ParsedArgs,
  runtime: CliRuntime,
  output: Output,
): Promise<number | undefined> {
  if (command !== 'run-jobs') return undefined;
  const config = runtime.loadConfig();
  const opened = await runtime.openRuntime(config);
  const sender = runtime.mailSenderFor(config);
  try {
    const counts = await opened.services.reminders.run();
    const retention = await opened.services.privacy.applyRetention();
    const feeds = await opened.services.feeds.refreshDue();
    const feedChecks = await opened.services.feedHealth.runWaiting();
    const delivered = sender ? await opened.services.outbox.deliver(sender) : undefined;
    if (args.values.json) {
      output.out(
        JSON.stringify({
          reminders: counts,
          retention,
          feeds,
          feedChecks,
          ...(delivered ? { delivered } : {}),
        }),
      );
      return 0;
    }
    printReminderCounts(counts, output);
    output.out(describeRetention(retention));
    output.out(
      `Refreshed ${feeds} subscribed ${feeds === 1 ? 'feed' : 'feeds'} that ${feeds === 1 ? 'was' : 'were'} due.`,
    );
    if (feedChecks > 0)
      output.out(`Finished ${feedChecks} feed health ${feedChecks === 1 ? 'check' : 'checks'} left waiting.`);
    if (delivered)
      output.out(
        `Delivered ${delivered.sent} email(s); ${delivered.failed} could not be sent, and each is tried again later until it has had ${emailDelivery.maximumAttempts} tries.`,
      );
    else output.out('Neither SMTP nor GOV.UK Notify is configured: the emails wait in the outbox.');
    return 0;
  } finally {
    sender?.close();
    await opened.close();
  }
}

/**
 * The in-process schedule `serve` starts: runs the reminders every `minutes` (0: never), first a minute after
 * start. The timer is unref'd so it never keeps the process alive. Returns a function that stops it.
 */
export function startJobSchedule(run: () => Promise<unknown>, minutes: number, output: Output): () => void {
  if (minutes <= 0) return () => undefined;
  let running = false;
  const tick = () => {
    if (running) return;
    running = true;
    run()
      .catch((error: unknown) =>
        output.err(`The scheduled jobs failed and will run again later: ${String(error)}`),
      )
      .finally(() => {
        running = false;
      });
  };
  const first = setTimeout(tick, 60_000);
  const timer = setInterval(tick, minutes * 60_000);
  first.unref();
  timer.unref();
  return () => {
    clearTimeout(first);
    clearInterval(timer);
  };
}
