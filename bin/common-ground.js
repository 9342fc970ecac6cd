#!/usr/bin/env node
// Runs the TypeScript sources directly through tsx (see docs/adr/0004-node-20-and-typescript-at-runtime.md).
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../src/main.ts');
process.exitCode = await main(process.argv.slice(2));
