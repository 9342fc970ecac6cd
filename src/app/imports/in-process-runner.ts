import type { Importer, ImportRunner } from '../interchange.js';
import type { Services } from '../services.js';
import { executeImport } from './execute-import.js';

/** Runs imports on this thread, after the current request has been answered. */
export function inProcessImportRunner(
  importers: readonly Importer[],
  services: () => Services,
): ImportRunner {
  return {
    start(request, events) {
      setImmediate(() => void executeImport(importers, services(), request, events));
    },
  };
}
