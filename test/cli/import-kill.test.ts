import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type DatabaseTarget } from '../../src/storage/database.js';
import { createPostgresDatabase, databaseTargets, temporaryDirectory } from '../support/database.js';

/**
 * An import killed with SIGKILL while it writes leaves the database as it was: the import is one transaction.
 * The command line runs as a child process; it is killed as soon as it reports that it is writing services.
 */

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const ROWS = 30_000;

function servicesCsv(file: string): void {
  const lines = ['id,name,organisation,description,themes,postcode,latitude,longitude'];
  for (let i = 0; i < ROWS; i += 1) {
    lines.push(
      `KILL-${i},Kill test service ${i},Kill test organisation ${i % 300},Help number ${i},food,SR1 1AA,` +
        `${(54.9 + (i % 100) / 1000).toFixed(4)},${(-1.38 - (i % 100) / 1000).toFixed(4)}`,
    );
  }
  fs.writeFileSync(file, lines.join('\n'));
}

function run(args: readonly string[], env: Record<string, string>, killWhen?: RegExp) {
  return new Promise<{ code: number | null; signal: string | null; stderr: string }>((resolve, reject) => {
    const environment: NodeJS.ProcessEnv = {
      ...process.env,
      NODE_ENV: 'test',
      LOG_LEVEL: 'silent',
      BASE_URL: 'https://common-ground.example.org',
    };
    delete environment.DATABASE_URL;
    Object.assign(environment, env);
    const child = spawn(process.execPath, [path.join(root, 'bin/common-ground.js'), ...args], {
      cwd: root,
      env: environment,
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
      if (killWhen && killWhen.test(stderr)) child.kill('SIGKILL');
    });
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({ code, signal, stderr }));
  });
}

async function count(target: DatabaseTarget, table: 'services' | 'organisations'): Promise<number> {
  const handle = openDatabase(target);
  try {
    const result = await sql<{ n: number | string }>`select count(*) as n from ${sql.table(table)}`.execute(
      handle.db,
    );
    return Number(result.rows[0]?.n ?? 0);
  } finally {
    await handle.close();
  }
}

describe.each(databaseTargets())('an import killed part way, on $name', (target) => {
  const folder = temporaryDirectory('cg-kill-');
  const file = path.join(folder.path, 'services.csv');
  let env: Record<string, string>;
  let database: DatabaseTarget;
  let dropDatabase: (() => Promise<void>) | undefined;

  beforeAll(async () => {
    servicesCsv(file);
    if (target.name === 'postgres') {
      const created = await createPostgresDatabase();
      env = { DATA_DIR: folder.path, DATABASE_URL: created.url, DEMO: 'true' };
      database = { kind: 'postgres', url: created.url };
      dropDatabase = created.drop;
    } else {
      env = { DATA_DIR: folder.path };
      database = { kind: 'sqlite', file: path.join(folder.path, 'common-ground.sqlite') };
    }
    const seeded = await run(['seed-demo'], env);
    expect(seeded.code, seeded.stderr).toBe(0);
  }, 120_000);
  afterAll(async () => {
    await dropDatabase?.();
    folder.remove();
  });

  it('writes nothing when killed while writing, and everything when run again', async () => {
    const servicesBefore = await count(database, 'services');
    const organisationsBefore = await count(database, 'organisations');
    const killed = await run(
      ['import', 'services-csv', file, '--partnership', 'northmoor', '--yes'],
      env,
      /Importing: [1-9]0%/,
    );
    expect(killed.signal, killed.stderr).toBe('SIGKILL');
    expect(await count(database, 'services')).toBe(servicesBefore);
    expect(await count(database, 'organisations')).toBe(organisationsBefore);

    const again = await run(['import', 'services-csv', file, '--partnership', 'northmoor', '--yes'], env);
    expect(again.code, again.stderr).toBe(0);
    expect(await count(database, 'services')).toBe(servicesBefore + ROWS);
  }, 180_000);
});
