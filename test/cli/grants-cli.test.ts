import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { temporaryDirectory } from '../support/database.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const data = path.resolve(root, '../shared/data/360giving');

interface Result {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

function cli(args: readonly string[], dataDir: string): Promise<Result> {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: 'test',
    BASE_URL: 'https://common-ground.example.org',
    LOG_LEVEL: 'silent',
    DATA_DIR: dataDir,
  };
  delete env.DATABASE_URL;
  delete env.DEMO;
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(root, 'bin/common-ground.js'), ...args], {
      cwd: root,
      env,
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

/** `import grants FILE --partnership S` and `export grants --partnership S`, run as an operator runs them. */
describe('grants on the command line', () => {
  let folder: ReturnType<typeof temporaryDirectory>;
  beforeAll(async () => {
    folder = temporaryDirectory('cg-grants-cli-');
    const created = await cli(
      ['create-partnership', '--slug', 'trafford', '--name', 'Trafford', '--la', 'E08000009'],
      folder.path,
    );
    expect(created.code, created.stderr).toBe(0);
  }, 120_000);
  afterAll(() => folder.remove());

  it('imports the Trafford CSV and exports it as a 360Giving package on standard output', async () => {
    const preview = await cli(
      [
        'import',
        'grants',
        path.join(data, 'grants/trafford_council_vcs_grants.csv'),
        '--partnership',
        'trafford',
      ],
      folder.path,
    );
    expect(preview.code, preview.stderr).toBe(0);
    expect(preview.stderr).toContain('read 555, new 555, updated 0, skipped 0');
    expect(preview.stderr).not.toContain('Related Activity');
    expect(preview.stderr).toContain("Data quality (360Giving's checks, over 555 grants):");
    expect(preview.stderr).toContain(
      'identified only by a 360G- identifier (no charity or company number): 289 (for example 360G-traffordmbc-VSG1342',
    );
    const imported = await cli(
      [
        'import',
        'grants',
        path.join(data, 'grants/trafford_council_vcs_grants.csv'),
        '--partnership',
        'trafford',
        '--yes',
      ],
      folder.path,
    );
    expect(imported.code, imported.stderr).toBe(0);
    const exported = await cli(['export', 'grants', '--partnership', 'trafford'], folder.path);
    expect(exported.code, exported.stderr).toBe(0);
    const parsed = JSON.parse(exported.stdout) as { grants: { amountAwarded: number }[] };
    expect(parsed.grants).toHaveLength(555);
    expect(parsed.grants.reduce((sum, g) => sum + Math.round(g.amountAwarded * 100), 0)).toBe(129143654);
  }, 120_000);

  it('turns away the malformed file with one plain error and no stack trace', async () => {
    const result = await cli(
      [
        'import',
        'grants',
        path.join(data, 'fixtures/fundingproviders-grants_malformed.json'),
        '--partnership',
        'trafford',
        '--yes',
      ],
      folder.path,
    );
    expect(result.code).not.toBe(0);
    expect(result.stderr).toMatch(/The file is not valid JSON, so nothing was imported/);
    expect(result.stderr).not.toMatch(/^\s+at .+:\d+:\d+\)?$/m);
  }, 120_000);
});
