/**
 * Opens the database and builds the services: the part of the composition root that the web server, the
 * command line and the import worker thread share. It loads no web, API or command-line code, so a worker
 * thread that only runs an import does not carry them in its memory (src/main.ts adds those).
 */
import path from 'node:path';
import { frameworkLibrary } from './app/assessments/framework-library.js';
import { guidanceLibrary } from './app/guidance/guidance-library.js';
import type { ImportRunner } from './app/interchange.js';
import { createServices, type Services } from './app/services.js';
import type { Config } from './config.js';
import { importersFor } from './importers.js';
import { contentDir, loadFrameworks } from './interchange/framework-content.js';
import { loadGuidance } from './interchange/guidance-content.js';
import { openSource, readSource } from './interchange/read-source.js';
import { loadThemes } from './interchange/themes-content.js';
import { loadThemeLexicon } from './interchange/theme-lexicon-content.js';
import { loadIndicatorThemes } from './interchange/indicator-themes-content.js';
import { loadSamplePacks } from './interchange/sample-pack.js';
import { argon2idHasher } from './platform/argon2-hasher.js';
import { systemClock } from './platform/system-clock.js';
import { uploadFolder } from './platform/upload-folder.js';
import { workerImportRunner } from './platform/worker-import-runner.js';
import { defaultFeedFetchLimits, guardedFeedFetcher } from './platform/guarded-feed-fetcher.js';
import { orukFeedReader } from './interchange/oruk-feed-reader.js';
import { feedHealthPageWalker } from './interchange/feed-health-pages.js';
import { installedOrukSchemaChecker } from './platform/open-referral-schemas.js';
import { openDatabase, type DatabaseHandle } from './storage/database.js';
import { migrateToLatest } from './storage/migrate.js';
import { createStore } from './storage/store.js';

/** Compiled, the worker is dist/import-worker.js; from the sources (the tests), bin/ loads them through tsx. */
const importWorkerScript = import.meta.url.endsWith('.ts')
  ? new URL('../bin/import-worker.js', import.meta.url)
  : new URL('./import-worker.js', import.meta.url);

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
  /** How often running imports write their heartbeat, and how long until one is taken for stopped (tests). */
  readonly importHeartbeat?: { readonly heartbeatMs?: number; readonly staleAfterMs?: number };
}

/** Where uploaded import files wait between their preview and their import. */
export const uploadDirFor = (config: Config) => path.join(config.dataDir, 'uploads');

export async function openRuntime(config: Config, overrides: RuntimeOptions = {}): Promise<Runtime> {
  const handle = openDatabase(config.database);
  if (overrides.migrate !== false) await migrateToLatest(handle);
  const frameworks = frameworkLibrary(await loadFrameworks(path.join(contentDir, 'framework')));
  const guidance = guidanceLibrary(await loadGuidance(path.join(contentDir, 'guidance'), frameworks.current));
  const themes = await loadThemes(path.join(contentDir, 'themes', 'themes.yaml'));
  const importers = importersFor(readSource, openSource);
  const feedFetcher = guardedFeedFetcher({
    ...defaultFeedFetchLimits,
    allowLoopbackAndHttp: config.feeds.allowLoopback,
  });
  // The packs import through the services they are part of, so they are given them once they exist.
  const demoSamplePacks = await loadSamplePacks(importers, () => services);
  const services: Services = createServices({
    store: createStore(handle.db),
    clock: overrides.clock ?? systemClock,
    hasher: argon2idHasher(),
    sessionPolicy: config.session,
    signInLimits: config.signInLimits,
    baseUrl: config.baseUrl,
    frameworks,
    guidance,
    imports: {
      kinds: importers,
      runner:
        overrides.importRunner ??
        workerImportRunner({
          script: importWorkerScript,
          workerData: { config },
        }),
      uploads: uploadFolder(uploadDirFor(config)),
      uploadSettings: config.uploads,
      limits: config.importLimits,
      // Several instances may share a PostgreSQL database; an SQLite file is served by one.
      instance: { ...overrides.importHeartbeat, shared: handle.kind === 'postgres' },
    },
    themes,
    indicatorThemes: await loadIndicatorThemes(
      path.join(contentDir, 'needs', 'indicator-themes.yaml'),
      themes,
    ),
    demoSamplePacks,
    feeds: {
      reader: orukFeedReader(feedFetcher),
      refreshHours: config.feeds.refreshHours,
      allowPlainHttp: config.feeds.allowLoopback,
      walker: feedHealthPageWalker(feedFetcher),
      schemas: installedOrukSchemaChecker(config.feeds.schemasDir),
    },
    themeLexicon: await loadThemeLexicon(path.join(contentDir, 'themes', 'lexicon.yaml'), themes),
  });
  return { config, handle, services, close: () => handle.close() };
}
