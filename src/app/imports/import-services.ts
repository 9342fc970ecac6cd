import type { ServiceDeps } from '../service-deps.js';
import type { Actor } from '../shared/audit.js';
import {
  cancelImport,
  confirmImport,
  findImport,
  findImportStatus,
  kindsFor,
  listImports,
  startImport,
  type ImportJobDeps,
  type StartImportInput,
} from './import-jobs.js';
import { defaultImportLimits } from './import-limits.js';
import type { ImportRunner } from './import-runs.js';
import { failInterruptedImports, jobInstance } from './job-instance.js';
import { cleanUpUploads } from './upload-cleanup.js';
import { defaultUploadSettings, noUploadFiles } from './upload-files.js';

const noImports: ImportRunner = {
  start: (_request, events) => events.failed('This service was started without imports.'),
};

/** Uploaded imports as jobs: checked, confirmed or cancelled, and cleaned up after. */
export function importServices(deps: ServiceDeps) {
  const importDeps: ImportJobDeps = {
    store: deps.store,
    clock: deps.clock,
    runner: deps.imports?.runner ?? noImports,
    kinds: deps.imports?.kinds ?? [],
    uploads: deps.imports?.uploads ?? noUploadFiles,
    uploadSettings: deps.imports?.uploadSettings ?? defaultUploadSettings,
    limits: deps.imports?.limits ?? defaultImportLimits,
    progress: new Map(),
    instance: jobInstance(deps.imports?.instance),
  };
  return {
    kinds: (scope: 'partnership' | 'national') => kindsFor(importDeps, scope),
    start: (input: StartImportInput) => startImport(importDeps, input),
    confirm: (partnershipId: string | null, jobId: string, actor: Actor) =>
      confirmImport(importDeps, partnershipId, jobId, actor),
    cancel: (partnershipId: string | null, jobId: string) => cancelImport(importDeps, partnershipId, jobId),
    find: (partnershipId: string | null, jobId: string) => findImport(importDeps, partnershipId, jobId),
    status: (partnershipId: string | null, jobId: string) =>
      findImportStatus(importDeps, partnershipId, jobId),
    list: (partnershipId: string | null) => listImports(importDeps, partnershipId),
    /** Fails the jobs whose instance stopped: run at start, and every few minutes where instances share. */
    failInterrupted: () => failInterruptedImports(importDeps),
    /** Whether other instances may share this database and run jobs beside this one. */
    sharedWithInstances: importDeps.instance.shared,
    /** Removes uploads no longer needed: run at start and every few minutes. */
    cleanUpUploads: () => cleanUpUploads(importDeps),
    uploadSettings: importDeps.uploadSettings,
    /** How much of a file an import reads before refusing it. */
    limits: importDeps.limits,
  };
}
