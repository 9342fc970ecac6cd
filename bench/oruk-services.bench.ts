import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseConfig } from '../src/config.js';
import { buildApp, openRuntime } from '../src/main.js';
import { generatedDirectory } from '../test/support/generated-directory.js';
import { measure, type Benchmark } from './measure.js';

const services = 100_000;
const batch = 5_000;

/**
 * The Open Referral UK feed over 100,000 services on SQLite: pages of 50 services at several page numbers, a
 * page of services at places, and one service in full, through the real app. Target: median under 50 ms.
 */
export const orukServicesBenchmark: Benchmark = {
  name: 'oruk-services',
  async run(print) {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cg-bench-'));
    const runtime = await openRuntime(parseConfig({ DATA_DIR: dataDir, LOG_LEVEL: 'silent', DEMO: 'true' }));
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
      print({ step: 'insert', services, runs: 1, ms: insertMs, p95_ms: insertMs, rss_mb: rss });
      const app = await buildApp(runtime);
      const middle = all[Math.floor(all.length / 2)]?.id ?? '';
      const urls = [
        ...[1, 100, 1000, 2000].map((page) => `/oruk/eastbrook/services?page=${page}&per_page=50`),
        '/oruk/eastbrook/services?page=1000&per_page=50&taxonomy_term_id=' +
          (runtime.services.oruk.taxonomy.terms[0]?.id ?? ''),
        '/oruk/eastbrook/service_at_locations?page=1000&per_page=50',
        `/oruk/eastbrook/services/${middle}`,
      ];
      for (const url of urls) {
        const result = await measure(50, async () => {
          const response = await app.inject({ method: 'GET', url });
          if (response.statusCode !== 200) throw new Error(`${url} answered ${response.statusCode}`);
        });
        print({ url, services, ...result });
      }
      await app.close();
    } finally {
      await runtime.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  },
};
