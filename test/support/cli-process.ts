import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export interface CliResult {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/**
 * Runs `bin/common-ground.js` as a real process over the SQLite database in `dataDir`, with no PostgreSQL, demo
 * or SMTP or Notify settings inherited from the environment.
 */
export function cli(args: readonly string[], dataDir: string): Promise<CliResult> {
  const environment: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: 'test',
    BASE_URL: 'https://common-ground.example.org',
    LOG_LEVEL: 'silent',
    DATA_DIR: dataDir,
  };
  delete environment.DATABASE_URL;
  delete environment.DEMO;
  delete environment.SMTP_HOST;
  delete environment.NOTIFY_API_KEY;
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
