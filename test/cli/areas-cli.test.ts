import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPostgresDatabase, databaseTargets, temporaryDirectory } from '../support/database.js';

/** The areas imports from the real command line, on SQLite and (when available) PostgreSQL. */

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const data = (relative: string) => path.join(root, '../shared/data', relative);

interface Result {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

function cli(args: readonly string[], env: { DATA_DIR: string; DATABASE_URL?: string }): Promise<Result> {
  const environment: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: 'test',
    BASE_URL: 'https://common-ground.example.org',
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

describe.each(databaseTargets())('import areas from the command line on $name', (target) => {
  const folder = temporaryDirectory('cg-areas-cli-');
  let env: { DATA_DIR: string; DATABASE_URL?: string } = { DATA_DIR: folder.path };
  let drop: (() => Promise<void>) | undefined;

  beforeAll(async () => {
    if (target.name === 'postgres') {
      const database = await createPostgresDatabase();
      env = { ...env, DATABASE_URL: database.url };
      drop = database.drop;
    }
  });
  afterAll(async () => {
    await drop?.();
    folder.remove();
  });

  it('previews, imports, then changes nothing on a second import, with no --partnership', async () => {
    const file = data('geo/boundaries/lsoa_2021_trafford.geojson');
    const preview = await cli(['import', 'boundaries', file, '--level', 'lsoa'], env);
    expect(preview.code, preview.stderr).toBe(0);
    expect(preview.stderr).toContain('Preview (nothing written; add --yes to import): read 139, new 139');
    const first = await cli(['import', 'boundaries', file, '--level', 'lsoa', '--yes', '--json'], env);
    expect(JSON.parse(first.stdout)).toMatchObject({ read: 139, imported: 139, updated: 0, skipped: 0 });
    const second = await cli(['import', 'boundaries', file, '--level', 'lsoa', '--yes', '--json'], env);
    expect(JSON.parse(second.stdout)).toMatchObject({ read: 139, imported: 0, updated: 0, skipped: 0 });
  }, 60_000);

  it('imports the population file counting Persons rows only', async () => {
    const file = data('population/trafford_mid2024_population_ward.csv');
    const result = await cli(['import', 'population', file, '--yes', '--json'], env);
    expect(JSON.parse(result.stdout)).toMatchObject({ read: 21, imported: 21, skipped: 0 });
  }, 30_000);

  it('says plainly what an indicator import is missing', async () => {
    const result = await cli(
      ['import', 'indicator', data('deprivation/imd2025_england_ltla24.csv'), '--name', 'X'],
      env,
    );
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('Give the indicator’s unit, source, edition and date published.');
    expect(result.stderr).not.toMatch(/^\s+at .+:\d+:\d+\)?$/m);
  }, 30_000);
});
