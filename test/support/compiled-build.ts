import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/**
 * The command-line tests run bin/common-ground.js, which runs the compiled build: bring it up to date once,
 * before any test file starts, rather than inside the first of those tests' time limits.
 */
export default function buildOnce(): void {
  const result = spawnSync(process.execPath, [path.join(root, 'scripts/build.js'), '--if-stale'], {
    cwd: root,
    stdio: 'inherit',
  });
  if (result.status !== 0) throw new Error(`npm run build failed (exit code ${result.status})`);
}
