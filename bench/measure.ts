/** One benchmark: a name that `npm run bench -- NAME` selects, and a body that prints its JSON lines. */
export interface Benchmark {
  readonly name: string;
  run(print: (line: Record<string, unknown>) => void): Promise<void>;
}

export interface Measurement {
  readonly runs: number;
  readonly ms: number;
  readonly p95_ms: number;
  readonly rss_mb: number;
}

function percentile(sorted: readonly number[], fraction: number): number {
  const index = Math.min(sorted.length - 1, Math.ceil(fraction * sorted.length) - 1);
  return sorted[Math.max(0, index)] ?? Number.NaN;
}

/** Runs `work` a few times to warm up, then `runs` times; reports the median, 95th percentile and peak memory. */
export async function measure(runs: number, work: () => Promise<unknown>, warmUp = 3): Promise<Measurement> {
  for (let i = 0; i < warmUp; i += 1) await work();
  const times: number[] = [];
  for (let i = 0; i < runs; i += 1) {
    const start = process.hrtime.bigint();
    await work();
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  times.sort((a, b) => a - b);
  const round = (value: number) => Math.round(value * 100) / 100;
  return {
    runs,
    ms: round(percentile(times, 0.5)),
    p95_ms: round(percentile(times, 0.95)),
    rss_mb: Math.round(process.resourceUsage().maxRSS / 1024),
  };
}
