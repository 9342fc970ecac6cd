import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseConfig } from '../src/config.js';
import { buildApp, openRuntime } from '../src/main.js';
import { measure, type Benchmark } from './measure.js';

/**
 * The first start of `npm start` (after its asset build): from an empty data folder to a server listening, with
 * the migrations, the fictional demo and the Trafford sample pack loaded on the way. Issue 14 keeps it under 10 s.
 */
async function firstStart(phases?: Record<string, number>): Promise<void> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cg-bench-first-start-'));
  let last = performance.now();
  const phase = (name: string) => {
    const now = performance.now();
    if (phases) phases[name] = Math.round(now - last);
    last = now;
  };
  const runtime = await openRuntime(parseConfig({ DATA_DIR: dataDir, LOG_LEVEL: 'silent', PORT: '0' }));
  try {
    phase('open_and_migrate_ms');
    const credentials = await runtime.services.demo.seedIfEmpty({ samplePacks: true });
    if (!credentials) throw new Error('The demo was not loaded into the empty database.');
    phase('demo_and_sample_pack_ms');
    const app = await buildApp(runtime);
    await app.listen({ port: 0, host: '127.0.0.1' });
    phase('build_and_listen_ms');
    await app.close();
  } finally {
    await runtime.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

export const firstStartBenchmark: Benchmark = {
  name: 'first-start',
  async run(print) {
    const phases: Record<string, number> = {};
    await firstStart(phases);
    print({ step: 'one first start, by phase', ...phases });
    print({ step: 'empty data folder to listening', ...(await measure(3, () => firstStart(), 0)) });
  },
};
