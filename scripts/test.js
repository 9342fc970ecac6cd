// The README's test command: every stage in order, stopping at the first failure, then the time each stage
// took, so a slow stage is visible in every run (locally and in CI).
import { spawnSync } from 'node:child_process';

const stages = [
  ['Lint and formatting', 'npm', ['run', 'lint']],
  ['Type check', 'npm', ['run', 'typecheck']],
  ['Build', 'npm', ['run', 'build']],
  ['Unit, HTTP and storage tests', 'npx', ['vitest', 'run']],
  ['Browser journeys', 'npx', ['vitest', 'run', '--config', 'e2e/vitest.config.ts']],
];

const timings = [];
let failed;
const started = Date.now();
for (const [name, command, args] of stages) {
  console.log(`\n==== ${name} ====`);
  const stageStarted = Date.now();
  const result = spawnSync(command, args, { stdio: 'inherit' });
  timings.push([name, Date.now() - stageStarted]);
  if (result.status !== 0) {
    failed = name;
    break;
  }
}

const seconds = (ms) => `${(ms / 1000).toFixed(1)} s`;
console.log('\n==== Time per stage ====');
for (const [name, ms] of timings) console.log(`${name.padEnd(32)} ${seconds(ms).padStart(9)}`);
console.log(`${'Total'.padEnd(32)} ${seconds(Date.now() - started).padStart(9)}`);
if (failed) {
  console.error(`\nFailed at: ${failed}`);
  process.exit(1);
}
