import { firstStartBenchmark } from './first-start.bench.js';
import { gapsBenchmark } from './gaps.bench.js';
import { importBenchmark } from './import.bench.js';
import { matchingBenchmark } from './matching.bench.js';
import { orukServicesBenchmark } from './oruk-services.bench.js';
import { pagesBenchmark } from './pages.bench.js';
import { resultsBenchmark } from './results.bench.js';
import { startBenchmark } from './start.bench.js';
import type { Benchmark } from './measure.js';

/** Every benchmark, in the order `npm run bench` runs them. Later issues add theirs here. */
const benchmarks: readonly Benchmark[] = [
  pagesBenchmark,
  resultsBenchmark,
  importBenchmark,
  orukServicesBenchmark,
  gapsBenchmark,
  matchingBenchmark,
  firstStartBenchmark,
  startBenchmark,
];

export async function runBenchmarks(argv: readonly string[]): Promise<number> {
  const wanted = argv.filter((arg) => !arg.startsWith('-'));
  const unknown = wanted.filter((name) => !benchmarks.some((b) => b.name === name));
  if (unknown.length > 0) {
    process.stderr.write(
      `Unknown benchmark: ${unknown.join(', ')}. Known: ${benchmarks.map((b) => b.name).join(', ')}\n`,
    );
    return 2;
  }
  for (const benchmark of benchmarks) {
    if (wanted.length > 0 && !wanted.includes(benchmark.name)) continue;
    await benchmark.run((line) =>
      process.stdout.write(`${JSON.stringify({ bench: benchmark.name, ...line })}\n`),
    );
  }
  return 0;
}
