import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseConfig } from '../src/config.js';
import { buildApp, openRuntime } from '../src/main.js';
import { generatedDirectory } from '../test/support/generated-directory.js';
import { measure, type Benchmark } from './measure.js';
import { withPostgresDatabase } from './postgres-database.js';

const services = 100_000;
const batch = 5_000;
const runs = 10;

type Print = (line: Record<string, unknown>) => void;

/** Each list endpoint of the feed, unfiltered and with each filter, as a query string to page through. */
function listQueries(taxonomy: {
  readonly terms: readonly { id: string }[];
  readonly taxonomies: readonly { id: string }[];
}): readonly string[] {
  const term = taxonomy.terms[0]?.id ?? '';
  const taxonomyId = taxonomy.taxonomies[0]?.id ?? '';
  const filters = [
    'search=food',
    `taxonomy_term_id=${term}`,
    `taxonomy_id=${taxonomyId}`,
    'minimum_age=5',
    'maximum_age=80',
    'day=MO',
    'start_time=09:00',
    'end_time=17:00',
    'modified_after=2026-01-01',
  ];
  return [
    'services',
    ...filters.map((filter) => `services?${filter}`),
    'services?full=true',
    'service_at_locations',
    ...filters.map((filter) => `service_at_locations?${filter}`),
    'service_at_locations?latitude=53.45&longitude=-2.27&proximity=50000',
    'organizations',
    'taxonomies',
    'taxonomy_terms',
  ];
}

async function runAgainst(
  database: 'sqlite' | 'postgres',
  env: Record<string, string>,
  print: Print,
): Promise<void> {
  const runtime = await openRuntime(parseConfig({ ...env, LOG_LEVEL: 'silent', DEMO: 'true' }));
  try {
    await runtime.services.demo.seed({ password: () => 'bench-password-1234' });
    const partnership = await runtime.services.partnerships.findBySlug('eastbrook');
    if (!partnership) throw new Error('The demo has no eastbrook partnership');
    const themeIds = runtime.services.directory.themes.themes.map((t) => t.id);
    const started = Date.now();
    const { organisations, services: all } = generatedDirectory(partnership.id, services, themeIds);
    await runtime.services.store.directory.insertOrganisations(organisations);
    for (let start = 0; start < all.length; start += batch) {
      await runtime.services.store.directory.insertServices(all.slice(start, start + batch));
    }
    const insertMs = Date.now() - started;
    const rss = Math.round(process.resourceUsage().maxRSS / 1024);
    print({ database, step: 'insert', services, runs: 1, ms: insertMs, p95_ms: insertMs, rss_mb: rss });
    const app = await buildApp(runtime);
    const middle = all[Math.floor(all.length / 2)]?.id ?? '';
    const urls: string[] = [];
    for (const query of listQueries(runtime.services.oruk.taxonomy)) {
      const joiner = query.includes('?') ? '&' : '?';
      for (const page of [1, 1000]) urls.push(`/oruk/eastbrook/${query}${joiner}page=${page}&per_page=50`);
    }
    urls.push(`/oruk/eastbrook/services/${middle}`);
    for (const url of urls) {
      let items = 0;
      let totalItems = 0;
      const result = await measure(runs, async () => {
        const response = await app.inject({ method: 'GET', url });
        if (response.statusCode !== 200) throw new Error(`${url} answered ${response.statusCode}`);
        const body = response.json<{ contents?: unknown[]; total_items?: number }>();
        items = body.contents?.length ?? 1;
        totalItems = body.total_items ?? 1;
      });
      print({ database, url, services, items, total_items: totalItems, ...result });
    }
    await app.close();
  } finally {
    await runtime.close();
  }
}

/**
 * The Open Referral UK feed over 100,000 services, through the real app: page 1 and page 1,000 (50 a page) of
 * every list endpoint, unfiltered and with each filter, and one service in full. On an SQLite file, and on
 * PostgreSQL too when BENCH_DATABASE_URL names a server. Target: median under 50 ms.
 */
export const orukServicesBenchmark: Benchmark = {
  name: 'oruk-services',
  async run(print) {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cg-bench-'));
    try {
      await runAgainst('sqlite', { DATA_DIR: dataDir }, print);
    } finally {
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
    const serverUrl = process.env.BENCH_DATABASE_URL?.trim();
    if (serverUrl) {
      const postgresDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cg-bench-'));
      try {
        await withPostgresDatabase(serverUrl, (url) =>
          runAgainst('postgres', { DATA_DIR: postgresDir, DATABASE_URL: url }, print),
        );
      } finally {
        fs.rmSync(postgresDir, { recursive: true, force: true });
      }
    }
  },
};
