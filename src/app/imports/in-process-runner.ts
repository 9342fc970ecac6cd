import type { Importer, ImportRunner } from '../interchange.js';
import type { Services } from '../services.js';
import { executeImport } from './execute-import.js';

/** Runs imports on this thread, after the current request has been answered. */
export function inProcessImportRunner(
  importers: readonly Importer[],
  services: () => Services,
  discard: (source: string) => Promise<void> = async () => undefined,
): ImportRunner {
  return {
    start(request, events) {
      setImmediate(() => void executeImport(importers, services(), request, events));
    },
    discard,
  };
}
