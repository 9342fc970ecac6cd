import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import type { Clock, MailSender, PartnershipRecord } from '../../src/app/ports.js';
import { parseConfig } from '../../src/config.js';
import { buildApp, openRuntime, type Runtime, type RuntimeOptions } from '../../src/main.js';
import { readBackup } from '../../src/storage/backup.js';
import { prepareAppDatabase } from './prepared-app-database.js';

/** Every demo account gets this password in tests. */
export const knownPassword = 'known-test-password-123';

export const demoAccounts = {
  northmoorAdmin: 'admin@northmoor.example',
  northmoorCouncil: 'council@northmoor.example',
  northmoorVcs: 'vcs@northmoor.example',
  /** A VCS member of Moorside Money and Debt Advice, another organisation with services. */
  northmoorAdviceVcs: 'advice@northmoor.example',
  northmoorViewer: 'viewer@northmoor.example',
  eastbrookAdmin: 'admin@eastbrook.example',
  national: 'national@common-ground.example',
} as const;

/** A clock that only moves when told to. */
export class FakeClock implements Clock {
  private current: number;

  constructor(start = new Date('2026-03-02T09:00:00.000Z')) {
    this.current = start.getTime();
  }

  now(): Date {
    return new Date(this.current);
  }

  advanceMinutes(minutes: number): void {
    this.current += minutes * 60_000;
  }
}

export interface TestAppOptions {
  /** Extra environment settings, on top of a quiet test configuration with a generous sign-in limit. */
  readonly env?: Record<string, string>;
  readonly clock?: Clock;
  /** Load the demo partnerships with `knownPassword` for every account (default true). */
  readonly seed?: boolean;
  /** Load the demo's sample packs of real data too, such as Trafford (default false: it takes a few seconds). */
  readonly samplePacks?: boolean;
  readonly mailSender?: MailSender;
  /** How imports run, and how often they write their heartbeat. */
  readonly runtime?: Pick<RuntimeOptions, 'importRunner' | 'importHeartbeat'>;
}

export interface TestApp {
  readonly app: FastifyInstance;
  readonly runtime: Runtime;
  readonly dataDir: string;
  /** The partnership with this slug; throws when there is none. */
  partnership(slug: string): Promise<PartnershipRecord>;
  close(): Promise<void>;
}

/** The real app over a real SQLite file in a new temporary folder. Call `close` to remove it all. */
export async function createTestApp(options: TestAppOptions = {}): Promise<TestApp> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'common-ground-http-'));
  const config = parseConfig({
    NODE_ENV: 'test',
    DATA_DIR: dataDir,
    LOG_LEVEL: 'silent',
    BASE_URL: 'http://localhost:3000',
    SIGN_IN_ATTEMPTS_PER_15_MINUTES: '1000',
    SIGN_IN_FAILURES_PER_ADDRESS: '1000',
    // Compiled only when a feed is checked, so apps that never check one pay nothing for it.
    ORUK_SCHEMAS_DIR: path.resolve('../shared/data/oruk'),
    ...options.env,
  });
  const seed = options.seed ?? true;
  const seeded = await prepareAppDatabase(config, {
    seed,
    samplePacks: options.samplePacks ?? false,
    password: knownPassword,
    ...(options.clock ? { clock: options.clock } : {}),
  });
  const runtime = await openRuntime(config, {
    ...options.runtime,
    ...(options.clock ? { clock: options.clock } : {}),
  });
  if (seed && !seeded) {
    await runtime.services.demo.seed({
      password: () => knownPassword,
      samplePacks: options.samplePacks ?? false,
    });
  }
  const app = await buildApp(runtime, options.mailSender);
  return {
    app,
    runtime,
    dataDir,
    async partnership(slug) {
      const found = await runtime.services.partnerships.findBySlug(slug);
      if (!found) throw new Error(`No partnership ${slug}`);
      return found;
    },
    async close() {
      await app.close();
      await runtime.close().catch(() => undefined);
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export type TableDump = Record<string, Record<string, unknown>[]>;

/** Every row of every table, for proving that a request changed nothing. */
export async function dumpTables(runtime: Runtime): Promise<TableDump> {
  return (await readBackup(runtime.handle, new Date(0))).tables;
}
