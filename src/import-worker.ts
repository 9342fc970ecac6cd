/**
 * A worker thread's composition root: opens its own runtime on the same database, runs one import request and
 * posts its progress and outcome to the thread that started it (see src/platform/worker-import-runner.ts).
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { ImportRunRequest } from './app/interchange.js';
import { executeImport } from './app/imports/execute-import.js';
import type { Config } from './config.js';
import { importersFor } from './importers.js';
import { openSource, readSource } from './interchange/read-source.js';
import { openRuntime } from './runtime.js';
import type { ImportWorkerMessage } from './platform/worker-import-runner.js';

const { config, request } = workerData as { config: Config; request: ImportRunRequest };
const post = (message: ImportWorkerMessage) => parentPort?.postMessage(message);

const runtime = await openRuntime(config, { migrate: false });
let lastProgress = 0;
try {
  await executeImport(importersFor(readSource, openSource), runtime.services, request, {
    progress: (done, total) => {
      const now = Date.now();
      if (now - lastProgress < 100 && done < total) return;
      lastProgress = now;
      post({ type: 'progress', done, total });
    },
    finished: (report) => post({ type: 'finished', report }),
    failed: (message) => post({ type: 'failed', message }),
  });
} finally {
  await runtime.close();
}
