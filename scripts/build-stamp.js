// Whether the compiled build is up to date with its sources, by a stamp of their paths, sizes and modification
// times: a few milliseconds, no type check (docs/adr/0018-compiled-build.md). `bin/common-ground.js` calls
// ensureBuild() before it loads dist/; scripts/build.js and scripts/build-assets.js write the stamps.
import { spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const distDir = path.join(root, 'dist');
const require = createRequire(import.meta.url);

const isSass = (file) => file.endsWith('.scss');
const isTestOnly = (file) => file.endsWith('.test.ts') || file.endsWith('.testing.ts');

/** The two parts of the build: what each is made from, and where the stamp of the sources it was made from lives. */
export const parts = {
  code: {
    stampFile: path.join(distDir, 'build-stamp.txt'),
    folders: [['src', (file) => !isSass(file) && !isTestOnly(file)]],
    files: [
      'tsconfig.json',
      'tsconfig.build.json',
      'package.json',
      'scripts/build.js',
      'scripts/build-stamp.js',
    ],
  },
  styles: {
    stampFile: path.join(root, 'public', 'build', 'build-stamp.txt'),
    folders: [['src/web/styles', isSass]],
    files: ['package.json', 'package-lock.json', 'scripts/build-assets.js', 'scripts/build-stamp.js'],
  },
};

function filesUnder(folder, keep, found = []) {
  for (const entry of fs.readdirSync(path.join(root, folder), { withFileTypes: true })) {
    const relative = path.posix.join(folder, entry.name);
    if (entry.isDirectory()) filesUnder(relative, keep, found);
    else if (keep(relative)) found.push(relative);
  }
  return found;
}

/** A hash of each source file's path, size and modification time: any edit, addition or removal changes it. */
export function sourceStamp(part) {
  const files = [...part.folders.flatMap(([folder, keep]) => filesUnder(folder, keep)), ...part.files].sort();
  const hash = crypto.createHash('sha256');
  for (const file of files) {
    const stat = fs.statSync(path.join(root, file), { throwIfNoEntry: false });
    hash.update(`${file}\t${stat?.size ?? 'missing'}\t${stat?.mtimeMs ?? ''}\n`);
  }
  return hash.digest('hex');
}

export function isFresh(part) {
  const recorded = fs.existsSync(part.stampFile) ? fs.readFileSync(part.stampFile, 'utf8').trim() : '';
  return recorded === sourceStamp(part);
}

export const staleParts = () => Object.keys(parts).filter((name) => !isFresh(parts[name]));

function canBuild() {
  try {
    require.resolve('typescript/bin/tsc');
    require.resolve('sass');
    return true;
  } catch {
    return false;
  }
}

/**
 * Builds the parts that are missing or older than their sources, in a child process so the compilers never
 * occupy the service's memory. Without the development dependencies (`npm install --omit=dev`) an existing
 * build is used as it is.
 */
export function ensureBuild() {
  const stale = staleParts();
  if (stale.length === 0) return;
  const built = fs.existsSync(path.join(distDir, 'main.js'));
  if (!canBuild()) {
    if (!built) {
      process.stderr.write(
        'There is no compiled build in dist/ and no compiler to make one: run npm install.\n',
      );
      process.exit(1);
    }
    process.stderr.write(
      'The sources are newer than dist/, but TypeScript is not installed: using dist/ as it is.\n',
    );
    return;
  }
  process.stderr.write(
    `Building Common Ground (${stale.join(' and ')} ${built ? 'changed' : 'not built yet'})…\n`,
  );
  const result = spawnSync(process.execPath, [path.join(root, 'scripts', 'build.js'), '--if-stale'], {
    stdio: ['ignore', process.stderr, process.stderr],
  });
  if (result.status !== 0) process.exit(result.status ?? 1);
}
