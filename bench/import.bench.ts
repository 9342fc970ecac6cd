import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance } from 'fastify';
import { parseConfig } from '../src/config.js';
import { buildApp, openRuntime, uploadDirFor, type Runtime } from '../src/main.js';
import type { Benchmark } from './measure.js';
import { withPostgresDatabase } from './postgres-database.js';

const ROWS = Number(process.env.BENCH_IMPORT_ROWS ?? 100_000);
const SPREADSHEET_ROWS = Number(process.env.BENCH_SPREADSHEET_ROWS ?? 1_000_000);
type Print = (line: Record<string, unknown>) => void;

/**
 * Runs one of the bench's scripts in a child process: writing the test files is the benchmark's work, not the
 * service's, and a spreadsheet import measured alone has its own peak memory. Resolves with what it printed.
 */
async function runScript(
  name: string,
  args: readonly string[],
  env: NodeJS.ProcessEnv = process.env,
): Promise<{ stdout: string; stderr: string }> {
  const script = fileURLToPath(new URL(`./${name}`, import.meta.url));
  const child = spawn(process.execPath, ['--import', 'tsx', script, ...args], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env,
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const code = await new Promise<number | null>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', resolve);
  });
  if (code === null || code > 1) throw new Error(`${name} failed (exit code ${code}): ${stderr}`);
  return { stdout, stderr };
}

const megabytes = (file: string) => Math.round(fs.statSync(file).size / 1024 / 102.4) / 10;

/**
 * A 100,000-row services CSV previewed and then imported through the web's import jobs (a worker thread),
 * while the server answers /healthz every 100 ms: the time of each phase, the slowest /healthz answer during
 * it, and the process's peak memory (server and worker thread together).
 */
async function servicesCsv(runtime: Runtime, app: FastifyInstance, database: string, print: Print) {
  const partnership = await runtime.services.partnerships.findBySlug('northmoor');
  if (!partnership) throw new Error('The demo partnership is missing');
  // Each upload has a folder of its own, which the job removes once applied.
  let file = path.join(uploadDirFor(runtime.config), 'bench-1', 'services.csv');
  await runScript('services-csv-file.ts', [file, String(ROWS)]);
  const bytes = fs.statSync(file).size;
  const actor = { userId: null, label: 'Benchmark' };

  let peakRss = process.memoryUsage().rss;
  print({ phase: 'before', database, rows: ROWS, rss_mb: Math.round(peakRss / 1024 / 1024) });
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
          database,
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
  await phase('apply', 'applied', () => runtime.services.imports.confirm(partnership.id, first.id, actor));
  file = path.join(uploadDirFor(runtime.config), 'bench-2', 'services.csv');
  await runScript('services-csv-file.ts', [file, String(ROWS)]);
  const second = await phase('preview again', 'previewed', start);
  await phase('apply again (changes nothing)', 'applied', () =>
    runtime.services.imports.confirm(partnership.id, second.id, actor),
  );
}

/**
 * The million-row workbook refused, each time in a process of its own whose peak memory is measured: uploaded
 * (an import job in a worker thread, as the import page runs it) and given to `import grants` on the command
 * line; with the default limits, and with the unpacked-size limit raised so that only the row limit stops it.
 */
async function spreadsheetRefusals(env: NodeJS.ProcessEnv, workbook: string, database: string, print: Print) {
  const scenarios = [
    { label: 'default limits', settings: {} },
    { label: 'IMPORT_MAX_UNPACKED_MB=1000', settings: { IMPORT_MAX_UNPACKED_MB: '1000' } },
  ];
  let upload = 0;
  for (const how of ['upload', 'command'] as const) {
    for (const { label, settings } of scenarios) {
      let file = workbook;
      if (how === 'upload') {
        upload += 1;
        file = path.join(uploadDirFor(parseConfig(env)), `bench-xlsx-${upload}`, 'grants.xlsx');
        fs.mkdirSync(path.dirname(file), { recursive: true });
        fs.copyFileSync(workbook, file);
      }
      const { stdout, stderr } = await runScript('spreadsheet-refusal.ts', [how, file], {
        ...env,
        ...settings,
      });
      const result = JSON.parse(stdout.trim().split('\n').at(-1) ?? '{}') as Record<string, unknown>;
      const said = how === 'command' ? stderr.trim().split('\n').at(-1) : result.outcome;
      print({
        phase: `spreadsheet refused (${how === 'upload' ? 'uploaded' : 'command line'})`,
        database,
        rows: SPREADSHEET_ROWS,
        file_mb: megabytes(workbook),
        settings: label,
        runs: 1,
        ms: result.ms,
        rss_mb: result.rss_mb,
        refused: said,
      });
    }
  }
}

async function runAgainst(
  database: string,
  settings: Record<string, string>,
  workbook: string,
  print: Print,
) {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cg-bench-import-'));
  const env = { DATA_DIR: dataDir, LOG_LEVEL: 'silent', DEMO: 'true', ...settings };
  try {
    const runtime = await openRuntime(parseConfig(env));
    try {
      await runtime.services.demo.seed({ password: () => 'bench-password-1234' });
      const app = await buildApp(runtime);
      await servicesCsv(runtime, app, database, print);
      await app.close();
    } finally {
      await runtime.close();
    }
    const { DATABASE_URL: _unused, ...inherited } = process.env;
    await spreadsheetRefusals({ ...inherited, ...env }, workbook, database, print);
  } finally {
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

/**
 * `npm run bench -- import`: the 100,000-row services CSV import (time and peak memory) and the million-row
 * spreadsheet refused (peak memory), on an SQLite file and on PostgreSQL too when BENCH_DATABASE_URL names a
 * server. The workbook (about 12 MB) is written to a temporary folder and removed afterwards.
 */
export const importBenchmark: Benchmark = {
  name: 'import',
  async run(print) {
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'cg-bench-workbook-'));
    try {
      const workbook = path.join(folder, 'grants.xlsx');
      const began = performance.now();
      await runScript('spreadsheet-file.ts', [workbook, String(SPREADSHEET_ROWS)]);
      print({
        phase: 'spreadsheet written',
        rows: SPREADSHEET_ROWS,
        file_mb: megabytes(workbook),
        ms: Math.round(performance.now() - began),
      });
      await runAgainst('sqlite', {}, workbook, print);
      const serverUrl = process.env.BENCH_DATABASE_URL?.trim();
      if (serverUrl) {
        await withPostgresDatabase(serverUrl, (url) =>
          runAgainst('postgres', { DATABASE_URL: url }, workbook, print),
        );
      }
    } finally {
      fs.rmSync(folder, { recursive: true, force: true });
    }
  },
};
