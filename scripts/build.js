// `npm run build`: compiles the TypeScript in src/ to dist/ (with the templates beside the code, where it looks
// for them) and the stylesheet to public/build/. With --if-stale, only the parts whose sources changed since
// their stamp (scripts/build-stamp.js). Types are checked by `npm run typecheck`, not here.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { distDir, isFresh, parts, root, sourceStamp } from './build-stamp.js';

const require = createRequire(import.meta.url);
const onlyStale = process.argv.includes('--if-stale');
const lockFile = path.join(root, 'dist.lock');

function run(args) {
  const result = spawnSync(process.execPath, args, { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) throw new Error(`${path.basename(args[0])} failed (exit code ${result.status})`);
}

function isRunning(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return error.code === 'EPERM';
  }
}

/** One build at a time (several `npm start`s or test processes may find the build stale together). */
async function withLock(work) {
  for (;;) {
    try {
      fs.writeFileSync(lockFile, String(process.pid), { flag: 'wx' });
      break;
    } catch (error) {
      if (error.code !== 'EEXIST') throw error;
      const holder = Number(fs.readFileSync(lockFile, 'utf8'));
      if (holder && !isRunning(holder)) fs.rmSync(lockFile, { force: true });
      else await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
  try {
    work();
  } finally {
    fs.rmSync(lockFile, { force: true });
  }
}

function copyTemplates(from, to) {
  for (const entry of fs.readdirSync(from, { withFileTypes: true })) {
    const source = path.join(from, entry.name);
    if (entry.isDirectory()) copyTemplates(source, path.join(to, entry.name));
    else if (entry.name.endsWith('.njk')) {
      fs.mkdirSync(to, { recursive: true });
      fs.copyFileSync(source, path.join(to, entry.name));
    }
  }
}

/** Compiles into a fresh folder and swaps it in, so a running process never sees half a build. */
function buildCode() {
  const stamp = sourceStamp(parts.code);
  const next = `${distDir}.next-${process.pid}`;
  const old = `${distDir}.old-${process.pid}`;
  fs.rmSync(next, { recursive: true, force: true });
  run([require.resolve('typescript/bin/tsc'), '-p', 'tsconfig.build.json', '--noCheck', '--outDir', next]);
  copyTemplates(path.join(root, 'src'), next);
  fs.writeFileSync(path.join(next, path.basename(parts.code.stampFile)), `${stamp}\n`);
  if (fs.existsSync(distDir)) fs.renameSync(distDir, old);
  fs.renameSync(next, distDir);
  fs.rmSync(old, { recursive: true, force: true });
  console.log(`Compiled src/ to dist/`);
}

await withLock(() => {
  if (!onlyStale || !isFresh(parts.code)) buildCode();
  if (!onlyStale || !isFresh(parts.styles)) run([path.join(root, 'scripts', 'build-assets.js')]);
});
