// The entry of a worker thread that runs one import when the service runs from the TypeScript sources (the tests):
// loads src/import-worker.ts through tsx. The compiled build starts dist/import-worker.js directly.
import { register } from 'tsx/esm/api';

register();
await import('../src/import-worker.ts');
