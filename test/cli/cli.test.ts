import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readBackup, type BackupFile } from '../../src/storage/backup.js';
import { openDatabase, type DatabaseTarget } from '../../src/storage/database.js';
import { createPostgresDatabase, databaseTargets, temporaryDirectory } from '../support/database.js';

/**
 * The real command line, run as a child process (`node bin/common-ground.js …`) the way an operator runs it.
 * Each start costs about a second, so the commands share one data folder and run in a fixed order.
 */

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const baseUrl = 'https://common-ground.example.org';
const withPostgres = databaseTargets().some((target) => target.name === 'postgres');

interface Result {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs the CLI with a clean environment: DATA_DIR chooses the SQLite folder unless DATABASE_URL is given. */
function cli(args: readonly string[], env: { DATA_DIR: string; DATABASE_URL?: string }): Promise<Result> {
  const environment: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: 'test',
    BASE_URL: baseUrl,
    LOG_LEVEL: 'silent',
  };
  delete environment.DATABASE_URL;
  delete environment.DEMO;
  Object.assign(environment, env);
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(root, 'bin/common-ground.js'), ...args], {
      cwd: root,
      env: environment,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/** A failure a person can read: the message, and no stack trace. */
function expectPlainFailure(result: Result, code: number, message: RegExp): void {
  expect(result.code, result.stderr).toBe(code);
  expect(result.stderr).toMatch(message);
  expect(result.stderr).not.toMatch(/^\s+at .+:\d+:\d+\)?$/m);
}

/** Every table's rows, sorted by key, for comparing two databases. */
async function contents(target: DatabaseTarget): Promise<BackupFile['tables']> {
  const handle = openDatabase(target);
  try {
    const { tables } = await readBackup(handle, new Date());
    const key = (row: Record<string, unknown>) => String(row.id ?? row.key ?? JSON.stringify(row));
    return Object.fromEntries(
      Object.entries(tables).map(([table, rows]) => [
        table,
        [...rows].sort((a, b) => key(a).localeCompare(key(b))),
      ]),
    );
  } finally {
    await handle.close();
  }
}

const sqliteIn = (directory: string): DatabaseTarget => ({
  kind: 'sqlite',
  file: path.join(directory, 'common-ground.sqlite'),
});

describe('common-ground command line', { timeout: 120_000 }, () => {
  let folder: ReturnType<typeof temporaryDirectory>;
  let dataDir: string;
  let backupFile: string;

  beforeAll(() => {
    folder = temporaryDirectory('cg-cli-');
    dataDir = path.join(folder.path, 'data');
    backupFile = path.join(folder.path, 'backup.json');
  });
  afterAll(() => {
    folder.remove();
  });

  it('answers bad usage with exit code 2 and says what is wrong, without opening a database', async () => {
    const env = { DATA_DIR: path.join(folder.path, 'never-created') };
    const [unknown, badImport, bareExport, missingSlug] = await Promise.all([
      cli(['frobnicate'], env),
      cli(['import', 'nothing', 'x.csv'], env),
      cli(['export'], env),
      cli(['create-partnership', '--name', 'Trafford Partnership', '--la', 'E08000009'], env),
    ]);
    expectPlainFailure(unknown, 2, /Unknown command "frobnicate"/);
    expect(unknown.stderr).toMatch(/Usage: common-ground/);
    expectPlainFailure(badImport, 2, /Unknown import kind "nothing"/);
    expectPlainFailure(bareExport, 2, /Say what to export/);
    expectPlainFailure(missingSlug, 2, /--slug is required/);
  });

  it('migrates a new data folder', async () => {
    const result = await cli(['migrate'], { DATA_DIR: dataDir });
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toMatch(/Applied migrations: 0001-foundation/);
  });

  it('loads the demo once, printing its 7 accounts on standard error, and refuses a second time', async () => {
    const first = await cli(['seed-demo'], { DATA_DIR: dataDir });
    expect(first.code, first.stderr).toBe(0);
    const accounts = first.stderr
      .split('\n')
      .filter((line) => /^\s+\S+@\S+\.example\s+\S+\s+\(.+\)$/.test(line));
    expect(accounts).toHaveLength(7);
    // The demo admin can open the Trafford sample of real public data too.
    expect(first.stderr).toMatch(/admin@northmoor\.example .*partnership-admin in trafford\)/);
    expect(first.stderr).toContain(`${baseUrl}/sign-in`);
    expect(first.stdout).toBe('');

    const second = await cli(['seed-demo'], { DATA_DIR: dataDir });
    expectPlainFailure(second, 1, /already has data/);
  });

  it('creates a partnership (beside the demo’s Trafford), and refuses a bad local authority code by naming it', async () => {
    const created = await cli(
      [
        'create-partnership',
        '--slug',
        'trafford-together',
        '--name',
        'Trafford Together',
        '--la',
        'E08000009',
      ],
      { DATA_DIR: dataDir },
    );
    expect(created.code, created.stderr).toBe(0);
    expect(created.stderr).toContain(`${baseUrl}/p/trafford-together/`);

    const bad = await cli(['create-partnership', '--slug', 'other', '--name', 'Other', '--la', 'X123'], {
      DATA_DIR: dataDir,
    });
    expectPlainFailure(bad, 1, /local authority code/);
    const stored = await contents(sqliteIn(dataDir));
    expect(stored.partnerships?.map((p) => p.slug)).toContain('trafford-together');
    expect(stored.partnerships?.map((p) => p.slug)).not.toContain('other');
  });

  it('creates a partnership member and a national admin, each with a one-time password link', async () => {
    const [member, national] = await Promise.all([
      cli(
        ['create-user', '--email', 'a@b.example', '--role', 'viewer', '--partnership', 'trafford-together'],
        {
          DATA_DIR: dataDir,
        },
      ),
      cli(['create-user', '--email', 'national@b.example', '--role', 'national-admin'], {
        DATA_DIR: dataDir,
      }),
    ]);
    for (const result of [member, national]) {
      expect(result.code, result.stderr).toBe(0);
      expect(result.stdout).toMatch(new RegExp(`^${baseUrl}/password/[A-Za-z0-9_-]{20,}\\n$`));
      expect(result.stderr).not.toContain('/password/');
    }
    const stored = await contents(sqliteIn(dataDir));
    const users = stored.users ?? [];
    const viewer = users.find((u) => u.email === 'a@b.example');
    const admin = users.find((u) => u.email === 'national@b.example');
    expect(admin?.is_national_admin).toBe(1);
    const trafford = stored.partnerships?.find((p) => p.slug === 'trafford-together');
    expect(stored.memberships).toContainEqual(
      expect.objectContaining({ user_id: viewer?.id, partnership_id: trafford?.id, role: 'viewer' }),
    );
    expect(stored.memberships?.filter((m) => m.user_id === admin?.id)).toEqual([]);
  });

  it('backs up and restores into another data folder, row for row, and only into an empty one', async () => {
    const backup = await cli(['backup', backupFile], { DATA_DIR: dataDir });
    expect(backup.code, backup.stderr).toBe(0);
    expect(backup.stderr).toMatch(/Backed up \d+ rows/);

    const otherDir = path.join(folder.path, 'restored');
    const restored = await cli(['restore', backupFile], { DATA_DIR: otherDir });
    expect(restored.code, restored.stderr).toBe(0);
    const original = await contents(sqliteIn(dataDir));
    expect(original.users?.length).toBe(9);
    expect(await contents(sqliteIn(otherDir))).toEqual(original);

    const again = await cli(['restore', backupFile], { DATA_DIR: otherDir });
    expectPlainFailure(again, 1, /not empty/);
    expect(await contents(sqliteIn(otherDir))).toEqual(original);
  });

  it.runIf(withPostgres)('restores a SQLite backup into PostgreSQL and back again', async () => {
    const database = await createPostgresDatabase();
    try {
      const env = { DATA_DIR: path.join(folder.path, 'unused'), DATABASE_URL: database.url };
      const restored = await cli(['restore', backupFile], env);
      expect(restored.code, restored.stderr).toBe(0);
      const original = await contents(sqliteIn(dataDir));
      expect(await contents({ kind: 'postgres', url: database.url })).toEqual(original);

      const fromPostgres = path.join(folder.path, 'from-postgres.json');
      const backup = await cli(['backup', fromPostgres], env);
      expect(backup.code, backup.stderr).toBe(0);
      const roundTrip = path.join(folder.path, 'round-trip');
      const back = await cli(['restore', fromPostgres], { DATA_DIR: roundTrip });
      expect(back.code, back.stderr).toBe(0);
      expect(await contents(sqliteIn(roundTrip))).toEqual(original);
    } finally {
      await database.drop();
    }
  });
});
