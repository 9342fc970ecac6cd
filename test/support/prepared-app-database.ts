import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Clock } from '../../src/app/ports.js';
import { parseConfig, type Config } from '../../src/config.js';
import { openRuntime } from '../../src/main.js';
import { migratedTemplate } from './database.js';
import { copySqliteTemplate, databaseUrl, preparedTemplate, withServer } from './database-templates.js';

export interface AppDatabaseWish {
  readonly seed: boolean;
  readonly samplePacks: boolean;
  /** The test's clock; the seed is prepared once per time it reads, or at the system clock when absent. */
  readonly clock?: Clock;
  /** Every demo account's password. */
  readonly password: string;
}

/**
 * Puts a prepared copy where the app's configuration points, when that database is new (an SQLite file that does
 * not exist yet, or a PostgreSQL database without tables): the demo already loaded when a seed is wanted,
 * otherwise only migrated. Answers whether the demo is loaded, so the caller seeds only when it is not.
 * Without templates (see database-templates.ts) it does nothing and answers false.
 */
export async function prepareAppDatabase(config: Config, wish: AppDatabaseWish): Promise<boolean> {
  const target = config.database;
  if (target.kind === 'sqlite') {
    if (target.file === ':memory:' || fs.existsSync(target.file)) return false;
    const template = wish.seed ? await seededTemplate('sqlite', wish) : await migratedTemplate('sqlite');
    if (!template) return false;
    copySqliteTemplate(template, target.file);
    return wish.seed;
  }
  const serverUrl = process.env.TEST_DATABASE_URL?.trim();
  const url = new URL(target.url);
  const name = url.pathname.slice(1);
  if (!serverUrl || new URL(serverUrl).host !== url.host || !/^cg_test_[0-9a-f]+$/.test(name)) return false;
  if (!(await hasNoTables(target.url))) return false;
  const template = wish.seed ? await seededTemplate('postgres', wish) : await migratedTemplate('postgres');
  if (!template) return false;
  await withServer(serverUrl, async (client) => {
    await client.query(`drop database ${name}`);
    await client.query(`create database ${name} template ${template}`);
  });
  return wish.seed;
}

async function hasNoTables(url: string): Promise<boolean> {
  return withServer(url, async (client) => {
    const result = await client.query(
      "select count(*)::int as tables from information_schema.tables where table_schema = 'public'",
    );
    return (result.rows[0] as { tables: number }).tables === 0;
  });
}

/** The demo loaded at the wish's clock, prepared once per run for each clock time and sample-pack choice. */
function seededTemplate(kind: 'sqlite' | 'postgres', wish: AppDatabaseWish): Promise<string | undefined> {
  const clockTime = wish.clock ? wish.clock.now().toISOString() : 'system';
  const name = `seeded:${clockTime}:${wish.samplePacks ? 'packs' : 'no-packs'}:${wish.password}`;
  return preparedTemplate(kind, name, async (where) => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cg-template-'));
    try {
      const serverUrl = process.env.TEST_DATABASE_URL?.trim() ?? '';
      const config = parseConfig({
        NODE_ENV: 'test',
        DATA_DIR: dataDir,
        LOG_LEVEL: 'silent',
        ...(kind === 'postgres' ? { DATABASE_URL: databaseUrl(serverUrl, where) } : {}),
      });
      const runtime = await openRuntime(config, wish.clock ? { clock: wish.clock } : {});
      try {
        await runtime.services.demo.seed({ password: () => wish.password, samplePacks: wish.samplePacks });
      } finally {
        await runtime.close();
      }
      if (kind === 'sqlite') fs.renameSync(path.join(dataDir, 'common-ground.sqlite'), where);
    } finally {
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });
}
