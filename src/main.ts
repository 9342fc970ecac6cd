import { randomBytes } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { registerOrukFeed } from './api/oruk/routes.js';
import { registerApiV1 } from './api/v1/routes.js';
import type { MailSender } from './app/ports.js';
import type { CliRuntime } from './cli/command.js';
import { runCli } from './cli/run-cli.js';
import { ConfigError, parseConfig, type Config } from './config.js';
import { exporters, importersFor } from './importers.js';
import { openSource, readSource } from './interchange/read-source.js';
import { notifyMailSender } from './platform/notify-mail-sender.js';
import { smtpMailSender } from './platform/smtp-mail-sender.js';
import { restoreBackup, writeBackup } from './storage/backup.js';
import { openDatabase } from './storage/database.js';
import { migrateToLatest } from './storage/migrate.js';
import { buildWebServer } from './web/server.js';
import { openRuntime, uploadDirFor, type Runtime } from './runtime.js';

export { openRuntime, uploadDirFor, type Runtime, type RuntimeOptions } from './runtime.js';

/** The cookie signing secret: from SESSION_SECRET, or generated once and kept in the database. */
async function cookieSecret(runtime: Runtime): Promise<string> {
  if (runtime.config.sessionSecret) return runtime.config.sessionSecret;
  const store = runtime.services.store;
  const existing = await store.settings.get('cookie-secret');
  if (existing) return existing;
  const secret = randomBytes(32).toString('base64url');
  await store.settings.set('cookie-secret', secret);
  return secret;
}

export async function buildApp(runtime: Runtime, mailSender?: MailSender): Promise<FastifyInstance> {
  const { config, services } = runtime;
  const app = await buildWebServer(services, {
    cookieSecret: await cookieSecret(runtime),
    secureCookies: config.secureCookies,
    demoMode: config.demo,
    trustProxy: config.trustProxy,
    logLevel: config.logLevel,
    uploadDir: uploadDirFor(config),
    mapTileUrl: config.mapTileUrl,
    notifyConfigured: config.notify !== undefined,
    ...(mailSender ? { mailSender } : {}),
  });
  await registerApiV1(app, services);
  registerOrukFeed(app, services);
  return app;
}

/** GOV.UK Notify or SMTP, whichever is configured (never both); undefined when emails wait in the outbox. */
export function mailSenderFor(config: Config): (MailSender & { close(): void }) | undefined {
  if (config.notify) return notifyMailSender(config.notify);
  return config.smtp ? smtpMailSender(config.smtp, config.mailFrom) : undefined;
}

const cliRuntime: CliRuntime = {
  loadConfig: () => parseConfig(process.env),
  openRuntime: (config) => openRuntime(config),
  buildApp: (runtime, sender) => buildApp(runtime as Runtime, sender),
  mailSenderFor,
  migrate: async (config) => {
    const handle = openDatabase(config.database);
    try {
      return await migrateToLatest(handle);
    } finally {
      await handle.close();
    }
  },
  backup: (runtime, file) => writeBackup((runtime as Runtime).handle, file, new Date()),
  restore: (runtime, file) => restoreBackup((runtime as Runtime).handle, file),
  importers: importersFor(readSource, openSource),
  exporters,
};

export async function main(argv: readonly string[]): Promise<number> {
  try {
    return await runCli(argv, cliRuntime);
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\nSee .env.example for every setting.\n`);
      return 1;
    }
    throw error;
  }
}
