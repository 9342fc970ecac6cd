import { Worker } from 'node:worker_threads';
import type { ImportReport, ImportRunner } from '../app/interchange.js';

/** What a worker thread running an import posts back. */
export type ImportWorkerMessage =
  | { readonly type: 'progress'; readonly done: number; readonly total: number }
  | { readonly type: 'finished'; readonly report: ImportReport }
  | { readonly type: 'failed'; readonly message: string };

export interface WorkerImportRunnerOptions {
  /** The worker's entry script (plain JavaScript that loads the TypeScript sources). */
  readonly script: URL;
  /** Passed to the worker with each request: what it needs to open its own database connection. */
  readonly workerData: Record<string, unknown>;
  /** The worker's heap limit (default 1 GB): an import that needs more fails alone, with a message. */
  readonly maxHeapMb?: number;
}

/**
 * Runs each import in a worker thread with its own database connection, so a long import never holds up the
 * requests this thread serves (the embedded SQLite driver has one connection per thread).
 */
export function workerImportRunner(options: WorkerImportRunnerOptions): ImportRunner {
  return {
    start(request, events) {
      let settled = false;
      const worker = new Worker(options.script, {
        workerData: { ...options.workerData, request },
        resourceLimits: { maxOldGenerationSizeMb: options.maxHeapMb ?? 1024 },
      });
      worker.on('message', (message: ImportWorkerMessage) => {
        if (message.type === 'progress') events.progress(message.done, message.total);
        else if (!settled) {
          settled = true;
          if (message.type === 'finished') events.finished(message.report);
          else events.failed(message.message);
        }
      });
      worker.on('error', (error) => {
        if (settled) return;
        settled = true;
        events.failed(
          `The import stopped because of an unexpected error, and nothing was imported: ${error.message}`,
        );
      });
      worker.on('exit', () => {
        if (settled) return;
        settled = true;
        events.failed('The import stopped before it finished, and nothing was imported. Try again.');
      });
    },
  };
}
