// The entry of a worker thread that runs one import (see src/import-worker.ts), through tsx like the CLI.
import { register } from 'tsx/esm/api';

register();
await import('../src/import-worker.ts');
