import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseConfig } from '../src/config.js';
import { buildApp, openRuntime, uploadDirFor } from '../src/main.js';
import type { Benchmark } from './measure.js';

const ROWS = Number(process.env.BENCH_IMPORT_ROWS ?? 100_000);

/**
 * Writes the services CSV in a child process: making 100,000 rows is the benchmark's work, not the service's,
 * and its garbage would otherwise count in the memory measured here.
 */
async function writeServicesCsv(file: string, rows: number): Promise<void> {
  const script = fileURLToPath(new URL('./services-csv-file.ts', import.meta.url));
  const child = spawn(process.execPath, ['--import', 'tsx', script, file, String(rows)], {
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const code = await new Promise<number | null>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', resolve);
  });
  if (code !== 0) throw new Error(`Writing the services CSV failed (exit code ${code})`);
}

/**
 * `npm run bench -- import`: a 100,000-row services CSV previewed and then imported through the web's import
 * jobs (a worker thread), while the server answers /healthz every 100 ms. Prints the time of each phase, the
 * slowest /healthz answer during it, and the process's peak memory (server and worker thread together).
 */
export const importBenchmark: Benchmark = {
  name: 'import',
  async run(print) {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cg-bench-import-'));
    const config = parseConfig({ DATA_DIR: dataDir, LOG_LEVEL: 'silent', DEMO: 'true' });
    const runtime = await openRuntime(config);
    try {
      await runtime.services.demo.seed({ password: () => 'bench-password-1234' });
      const app = await buildApp(runtime);
      const partnership = await runtime.services.partnerships.findBySlug('northmoor');
      if (!partnership) throw new Error('The demo partnership is missing');
      // Each upload has a folder of its own, which the job removes once applied.
      let file = path.join(uploadDirFor(config), 'bench-1', 'services.csv');
      await writeServicesCsv(file, ROWS);
      const bytes = fs.statSync(file).size;
      const actor = { userId: null, label: 'Benchmark' };

      let peakRss = process.memoryUsage().rss;
      print({ phase: 'before', rows: ROWS, rss_mb: Math.round(peakRss / 1024 / 1024) });
      const phase = async (name: string, until: string, start: () => Promise<{ id: string }>) => {
        const began = performance.now();
        const job = await start();
        const health: number[] = [];
        for (;;) {
          const asked = performance.now();
          const response = await app.inject({ method: 'GET', url: '/healthz' });
          if (response.statusCode !== 200) throw new Error(`/healthz answered ${response.statusCode}`);
          health.push(performance.now() - asked);
          peakRss = Math.max(peakRss, process.memoryUsage().rss);
          // As the job page's progress bar does (status.json): the report is read once, at the end.
          const status = await runtime.services.imports.status(partnership.id, job.id);
          if (status.job.status === 'failed') throw new Error(`The import failed: ${status.job.error}`);
          if (status.job.status === until) {
            const view = await runtime.services.imports.find(partnership.id, job.id);
            const ms = performance.now() - began;
            health.sort((a, b) => a - b);
            const round = (value: number) => Math.round(value * 10) / 10;
            print({
              phase: name,
              rows: ROWS,
              file_mb: Math.round(bytes / 1024 / 1024),
              runs: 1,
              ms: Math.round(ms),
              healthz_checks: health.length,
              healthz_p95_ms: round(health[Math.floor(health.length * 0.95)] ?? 0),
              healthz_max_ms: round(health.at(-1) ?? 0),
              rss_mb: Math.round(peakRss / 1024 / 1024),
              report: view.report
                ? {
                    read: view.report.read,
                    imported: view.report.imported,
                    updated: view.report.updated,
                    skipped: view.report.skipped,
                  }
                : undefined,
            });
            return job;
          }
          await new Promise((resolve) => setTimeout(resolve, 100));
        }
      };

      const start = () =>
        runtime.services.imports.start({
          partnershipId: partnership.id,
          kind: 'services-csv',
          sourceName: 'services.csv',
          sourcePath: file,
          options: {},
          actor,
        });
      const first = await phase('preview', 'previewed', start);
      await phase('apply', 'applied', () =>
        runtime.services.imports.confirm(partnership.id, first.id, actor),
      );
      file = path.join(uploadDirFor(config), 'bench-2', 'services.csv');
      await writeServicesCsv(file, ROWS);
      const second = await phase('preview again', 'previewed', start);
      await phase('apply again (changes nothing)', 'applied', () =>
        runtime.services.imports.confirm(partnership.id, second.id, actor),
      );
      await app.close();
    } finally {
      await runtime.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  },
};
