#!/usr/bin/env node
// `npm run bench -- [name]`: runs the benchmarks in bench/ and prints one JSON object per line.
import { register } from 'tsx/esm/api';

register();
const { runBenchmarks } = await import('../bench/run.ts');
process.exitCode = await runBenchmarks(process.argv.slice(2));
