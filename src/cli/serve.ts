import type { Services } from '../app/services.js';
import type { Config } from '../config.js';
import type { CliRuntime, Output } from './command.js';
import { printCredentials } from './admin-commands.js';
import { startJobSchedule } from './job-commands.js';

/**
 * With DEMO on, loads the demo into an empty database and prints its accounts. When another instance starting
 * at the same time loads it instead, this one carries on quietly.
 */
export async function loadDemoOnFirstStart(
  config: Pick<Config, 'demo' | 'baseUrl'>,
  services: Pick<Services, 'demo'>,
  output: Output,
): Promise<void> {
  if (!config.demo) return;
  const credentials = await services.demo.seedIfEmpty({ samplePacks: true });
  if (credentials) printCredentials(credentials, config.baseUrl, output);
}

/** Starts the service; on an empty embedded database (or with DEMO=true) it loads the demo first. */
export async function serve(runtime: CliRuntime, output: Output): Promise<number> {
  const config = runtime.loadConfig();
  const opened = await runtime.openRuntime(config);
  const { services } = opened;
  await loadDemoOnFirstStart(config, services, output);
  await services.imports.failInterrupted();
  const sender = runtime.mailSenderFor(config);
  const app = await runtime.buildApp(opened, sender);
  const stopJobs = startJobSchedule(
    async () => {
      await services.reminders.run();
      await services.privacy.applyRetention();
      await services.feeds.refreshDue();
      await services.feedHealth.runWaiting();
    },
    config.jobsIntervalMinutes,
    output,
  );
  const stop = async () => {
    stopJobs();
    await app.close();
    sender?.close();
    await opened.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop());
  process.once('SIGTERM', () => void stop());
  await app.listen({ port: config.port, host: config.host });
  const database = config.database.kind === 'sqlite' ? `SQLite at ${config.database.file}` : 'PostgreSQL';
  output.err(`Common Ground is running at ${config.baseUrl} (database: ${database}).`);
  if (!sender) {
    output.err(
      config.demo
        ? `Emails are kept in the outbox. Read them at ${config.baseUrl}/demo/mail`
        : 'Neither SMTP nor GOV.UK Notify is configured: emails wait in the outbox until SMTP_HOST or NOTIFY_API_KEY is set.',
    );
  }
  return new Promise<number>(() => undefined);
}
