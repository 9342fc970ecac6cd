import path from 'node:path';
import { randomBytes } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { registerOrukFeed } from './api/oruk/routes.js';
import { registerApiV1 } from './api/v1/routes.js';
import { frameworkLibrary } from './app/assessments/framework-library.js';
import { guidanceLibrary } from './app/guidance/guidance-library.js';
import { createServices, type Services } from './app/services.js';
import { contentDir, loadFrameworks } from './interchange/framework-content.js';
import { loadGuidance } from './interchange/guidance-content.js';
import { loadThemes } from './interchange/themes-content.js';
import { loadIndicatorThemes } from './interchange/indicator-themes-content.js';
import type { MailSender } from './app/ports.js';
import { runCli, type CliRuntime } from './cli/run-cli.js';
import { ConfigError, parseConfig, type Config } from './config.js';
import { exporters, importersFor } from './importers.js';
import type { ImportRunner } from './app/interchange.js';
import { workerImportRunner } from './platform/worker-import-runner.js';
import { readSource } from './interchange/read-source.js';
import { argon2idHasher } from './platform/argon2-hasher.js';
import { smtpMailSender } from './platform/smtp-mail-sender.js';
import { systemClock } from './platform/system-clock.js';
import { restoreBackup, writeBackup } from './storage/backup.js';
import { openDatabase, type DatabaseHandle } from './storage/database.js';
import { migrateToLatest } from './storage/migrate.js';
import { createStore } from './storage/store.js';
import { buildWebServer } from './web/server.js';

export interface Runtime {
  readonly config: Config;
  readonly handle: DatabaseHandle;
  readonly services: Services;
  close(): Promise<void>;
}

/** Opens the database, applies migrations and builds the services: the composition root. */
export interface RuntimeOptions {
  readonly clock?: Services['clock'];
  /** How uploaded imports run; by default each in a worker thread of its own. */
  readonly importRunner?: ImportRunner;
  /** Apply migrations first (default true); an import worker opens an already migrated database. */
  readonly migrate?: boolean;
}

/** Where uploaded import files wait between their preview and their import. */
export const uploadDirFor = (config: Config) => path.join(config.dataDir, 'uploads');

export async function openRuntime(config: Config, overrides: RuntimeOptions = {}): Promise<Runtime> {
  const handle = openDatabase(config.database);
  if (overrides.migrate !== false) await migrateToLatest(handle);
  const frameworks = frameworkLibrary(await loadFrameworks(path.join(contentDir, 'framework')));
  const guidance = guidanceLibrary(await loadGuidance(path.join(contentDir, 'guidance'), frameworks.current));
  const themes = await loadThemes(path.join(contentDir, 'themes', 'themes.yaml'));
  const services = createServices({
    store: createStore(handle.db),
    clock: overrides.clock ?? systemClock,
    hasher: argon2idHasher(),
    sessionPolicy: config.session,
    baseUrl: config.baseUrl,
    frameworks,
    guidance,
    imports: {
      kinds: importersFor(readSource),
      runner:
        overrides.importRunner ??
        workerImportRunner({
          script: new URL('../bin/import-worker.js', import.meta.url),
          workerData: { config },
          uploadDir: uploadDirFor(config),
        }),
    },
    themes,
    indicatorThemes: await loadIndicatorThemes(
      path.join(contentDir, 'needs', 'indicator-themes.yaml'),
      themes,
    ),
  });
  return { config, handle, services, close: () => handle.close() };
}

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
    signInAttemptsPer15Minutes: config.signInAttemptsPer15Minutes,
    logLevel: config.logLevel,
    uploadDir: uploadDirFor(config),
    mapTileUrl: config.mapTileUrl,
    ...(mailSender ? { mailSender } : {}),
  });
  registerApiV1(app, services);
  registerOrukFeed(app, services);
  return app;
}

export function mailSenderFor(config: Config): (MailSender & { close(): void }) | undefined {
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
  importers: importersFor(readSource),
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
