import {
  ImportSourceError,
  type Importer,
  type ImportRunEvents,
  type ImportRunRequest,
} from '../interchange.js';
import type { Services } from '../services.js';

/**
 * Runs one preview or apply with the given services and reports how it went. Used in the worker thread that
 * runs uploads, and in-process where a worker is not wanted (tests).
 */
export async function executeImport(
  importers: readonly Importer[],
  services: Services,
  request: ImportRunRequest,
  events: ImportRunEvents,
): Promise<void> {
  const importer = importers.find((candidate) => candidate.kind === request.kind);
  if (!importer) {
    events.failed(`There is no import kind called ${request.kind}.`);
    return;
  }
  const context = {
    services,
    partnershipId: request.partnershipId ?? undefined,
    actor: request.actor,
    options: request.options,
    progress: events.progress,
  };
  try {
    const report =
      request.mode === 'preview'
        ? await importer.preview(request.source, context)
        : await importer.apply(request.source, context);
    events.finished(report);
  } catch (error) {
    events.failed(
      error instanceof ImportSourceError
        ? error.message
        : `The import stopped because of an unexpected error, and nothing was imported: ${(error as Error).message}`,
    );
  }
}
