import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { parseConfig } from '../../src/config.js';
import { buildApp, openRuntime, type Runtime } from '../../src/main.js';
import { prepareAppDatabase } from '../../test/support/prepared-app-database.js';

/** Every demo account gets this password in the browser tests. */
export const demoPassword = 'known-test-password-123';

export const demoAccounts = {
  partnershipAdmin: 'admin@northmoor.example',
  councilMember: 'council@northmoor.example',
  vcsMember: 'vcs@northmoor.example',
  /** A VCS member of Moorside Money and Debt Advice, another organisation with services. */
  adviceVcsMember: 'advice@northmoor.example',
  viewer: 'viewer@northmoor.example',
  eastbrookAdmin: 'admin@eastbrook.example',
  nationalAdmin: 'national@common-ground.example',
} as const;

export interface TestServer {
  readonly baseUrl: string;
  readonly runtime: Runtime;
  readonly app: FastifyInstance;
  close(): Promise<void>;
}

/** A port that was free a moment ago, so BASE_URL (used in emailed links) can name it before we listen. */
async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.unref();
    probe.on('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      if (!address || typeof address === 'string') {
        probe.close();
        reject(new Error('could not find a free port'));
        return;
      }
      probe.close(() => resolve(address.port));
    });
  });
}

/**
 * Starts the real application in-process: a fresh SQLite database in a temporary folder, demo mode on,
 * the demo partnerships loaded with a known password for every account (and the sample packs of real data, such
 * as Trafford, when asked).
 */
export async function startServer(
  options: { samplePacks?: boolean; env?: Record<string, string> } = {},
): Promise<TestServer> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'common-ground-e2e-'));
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const config = parseConfig({
    NODE_ENV: 'test',
    DATA_DIR: dataDir,
    PORT: String(port),
    HOST: '127.0.0.1',
    BASE_URL: baseUrl,
    LOG_LEVEL: 'silent',
    SIGN_IN_ATTEMPTS_PER_15_MINUTES: '1000',
    SIGN_IN_FAILURES_PER_ADDRESS: '1000',
    ORUK_SCHEMAS_DIR: path.resolve('../shared/data/oruk'),
    ...options.env,
  });
  const samplePacks = options.samplePacks ?? false;
  const seeded = await prepareAppDatabase(config, { seed: true, samplePacks, password: demoPassword });
  const runtime = await openRuntime(config);
  let app: FastifyInstance | undefined;
  try {
    if (!seeded) await runtime.services.demo.seed({ password: () => demoPassword, samplePacks });
    app = await buildApp(runtime);
    await app.listen({ port, host: '127.0.0.1' });
  } catch (error) {
    await app?.close();
    await runtime.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
    throw error;
  }
  const started = app;
  return {
    baseUrl,
    runtime,
    app: started,
    async close() {
      await started.close();
      await runtime.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
