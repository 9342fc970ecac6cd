#!/usr/bin/env node
// Runs the compiled build in dist/, building it first when it is missing or older than the sources
// (docs/adr/0018-compiled-build.md).
import { ensureBuild } from '../scripts/build-stamp.js';

ensureBuild();
const { main } = await import('../dist/main.js');
process.exitCode = await main(process.argv.slice(2));
