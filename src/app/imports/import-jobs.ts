import { NotFoundError, ValidationError } from '../errors.js';
import type { ImportReport } from './import-report.js';
import type { ImportKindInfo, ImportRunEvents } from './import-runs.js';
import type { ImportJobChange, ImportJobRecord } from './import-job-store.js';
import { recordAudit, type Actor } from '../shared/audit.js';
import { newId } from '../shared/secrets.js';
import { discardJobFiles, localFileOf, storeUploadedFile } from './job-files.js';
import { startHeartbeat } from './job-instance.js';
import type { ImportJobDeps } from './import-job-deps.js';

export interface StartImportInput {
  readonly partnershipId: string | null;
  readonly kind: string;
  readonly sourceName: string;
  readonly sourcePath: string;
  readonly options: Readonly<Record<string, string>>;
  readonly actor: Actor;
}

/** A job as the pages show it: its record, its report parsed, and live progress while it runs. */
export interface ImportJobView {
  readonly job: ImportJobRecord;
  readonly report: ImportReport | undefined;
  readonly done: number;
  readonly total: number;
}

/** A job's progress without its report. */
export interface ImportJobStatusView {
  readonly job: Omit<ImportJobRecord, 'report'>;
  readonly done: number;
  readonly total: number;
}

/** The kinds that may be imported where: a partnership's own data, or national reference data. */
export function kindsFor(deps: ImportJobDeps, scope: 'partnership' | 'national'): ImportKindInfo[] {
  return deps.kinds.filter((kind) => kind.needsPartnership === (scope === 'partnership'));
}

function checkOptions(
  kind: ImportKindInfo,
  options: Readonly<Record<string, string>>,
): Record<string, string> {
  const problems: Record<string, string> = {};
  const clean: Record<string, string> = {};
  for (const option of kind.options ?? []) {
    const value = (options[option.name] ?? '').trim();
    if (value === '') {
      if (option.required) problems[option.name] = `Enter ${option.label.toLowerCase()}`;
      continue;
    }
    if (option.choices && !option.choices.some((choice) => choice.value === value)) {
      problems[option.name] = `Select ${option.label.toLowerCase()} from the list`;
      continue;
    }
    clean[option.name] = value;
  }
  if (Object.keys(problems).length > 0) throw new ValidationError(problems);
  return clean;
}

function run(deps: ImportJobDeps, job: ImportJobRecord, mode: 'preview' | 'apply', actor: Actor): void {
  deps.progress.set(job.id, { done: 0, total: 0 });
  const stopHeartbeat = startHeartbeat(deps, job.id);
  let localFile: string | undefined;
  const settle = async (change: ImportJobChange) => {
    stopHeartbeat();
    deps.progress.delete(job.id);
    await deps.store.importJobs.update(job.id, { ...change, updatedAt: deps.clock.now().toISOString() });
  };
  const events: ImportRunEvents = {
    progress: (done, total) => deps.progress.set(job.id, { done, total }),
    finished: (report) => {
      const finish = async () => {
        // Tidying up comes before the job says "applied", so an applied job has no upload left and is audited.
        if (mode === 'apply') {
          await discardJobFiles(deps, job, localFile).catch(() => undefined);
          await recordAudit(deps.store, deps.clock, {
            partnershipId: job.partnershipId,
            actor,
            action: 'import-applied',
            subject: `${job.kind} from ${job.sourceName}: ${report.imported} new, ${report.updated} updated, ${report.skipped} skipped`,
          }).catch(() => undefined);
        }
        await settle({
          status: mode === 'preview' ? 'previewed' : 'applied',
          done: report.read,
          total: report.read,
          report: JSON.stringify(report),
          // What it did is what happened, even if an instance took this one for stopped meanwhile.
          error: null,
        });
      };
      // The import itself is already written: a failure to record the job is not a failed import.
      finish().catch(() => undefined);
    },
    failed: (message) => {
      // A failed job is never run again (its page asks for the file again), so its upload goes first.
      discardJobFiles(deps, job, localFile)
        .catch(() => undefined)
        .then(() => settle({ status: 'failed', error: message }))
        .catch(() => undefined);
    },
  };
  localFileOf(deps, job).then(
    (source) => {
      localFile = source;
      deps.runner.start(
        { kind: job.kind, source, partnershipId: job.partnershipId, options: job.options, mode, actor },
        events,
      );
    },
    () =>
      events.failed(
        'The uploaded file could not be read back from where it was kept. Nothing was imported: upload the file again.',
      ),
  );
}

/**
 * A partnership may have only so many uploads checking, waiting to be confirmed or importing at once. A new
 * one past the cap is refused rather than cancelling an older one: that one may be a colleague's, about to be
 * confirmed, and the waiting ones are cancelled by themselves after the retention time.
 */
async function checkWaitingUploads(deps: ImportJobDeps, partnershipId: string | null): Promise<void> {
  const { maxWaiting, retentionHours } = deps.uploadSettings;
  const waiting = await deps.store.importJobs.listHoldingUploads({ partnershipId });
  if (waiting.length < maxWaiting) return;
  throw new ValidationError({
    file: `There are already ${waiting.length} imports here being checked, waiting to be confirmed or importing, the most kept at once (${maxWaiting}). Import or cancel one of those waiting, then upload this file again. Imports left waiting are cancelled after ${retentionHours} ${retentionHours === 1 ? 'hour' : 'hours'}.`,
  });
}

/** Stores the job and starts its preview in the background; nothing is imported until it is confirmed. */
export async function startImport(deps: ImportJobDeps, input: StartImportInput): Promise<ImportJobRecord> {
  const kind = deps.kinds.find((entry) => entry.kind === input.kind);
  if (!kind || kind.needsPartnership !== (input.partnershipId !== null)) {
    throw new ValidationError({ kind: 'Select what you are importing' });
  }
  const options = checkOptions(kind, input.options);
  await checkWaitingUploads(deps, input.partnershipId);
  const now = deps.clock.now().toISOString();
  const job: ImportJobRecord = {
    id: newId(),
    partnershipId: input.partnershipId,
    kind: kind.kind,
    sourceName: input.sourceName,
    sourcePath: input.sourcePath,
    options,
    status: 'previewing',
    done: 0,
    total: 0,
    report: null,
    error: null,
    createdByUserId: input.actor.userId,
    createdAt: now,
    updatedAt: now,
    ownerId: deps.instance.id,
    heartbeatAt: now,
  };
  await deps.store.importJobs.insert(job);
  try {
    await storeUploadedFile(deps, job);
  } catch {
    await discardJobFiles(deps, job).catch(() => undefined);
    const failed = {
      status: 'failed' as const,
      error:
        'The uploaded file could not be kept for checking and importing. Nothing was imported: upload the file again.',
      updatedAt: deps.clock.now().toISOString(),
    };
    await deps.store.importJobs.update(job.id, failed);
    return { ...job, ...failed };
  }
  run(deps, job, 'preview', input.actor);
  return job;
}

async function required(deps: ImportJobDeps, partnershipId: string | null, jobId: string) {
  const job = await deps.store.importJobs.find(partnershipId, jobId);
  if (!job) throw new NotFoundError('No such import');
  return job;
}

/** Applies a previewed import in the background, in one transaction. */
export async function confirmImport(
  deps: ImportJobDeps,
  partnershipId: string | null,
  jobId: string,
  actor: Actor,
): Promise<ImportJobRecord> {
  const job = await required(deps, partnershipId, jobId);
  if (job.status !== 'previewed') {
    throw new ValidationError({ confirm: 'This import has already been applied, cancelled or has failed' });
  }
  const report = job.report ? (JSON.parse(job.report) as ImportReport) : undefined;
  if (!report || report.read === 0 || report.skipped === report.read) {
    throw new ValidationError({
      confirm: 'Nothing in the file can be imported: fix the problems and upload it again',
    });
  }
  const updatedAt = deps.clock.now().toISOString();
  const change = {
    status: 'applying' as const,
    done: 0,
    total: report.read,
    updatedAt,
    ownerId: deps.instance.id,
    heartbeatAt: updatedAt,
  };
  // Two confirmations, or a confirmation as the clean-up cancels the job, cannot both go ahead.
  if (!(await deps.store.importJobs.transition(job.id, 'previewed', change))) {
    throw new ValidationError({ confirm: 'This import has already been applied, cancelled or has failed' });
  }
  const applying = { ...job, ...change };
  run(deps, applying, 'apply', actor);
  return applying;
}

export async function cancelImport(deps: ImportJobDeps, partnershipId: string | null, jobId: string) {
  const job = await required(deps, partnershipId, jobId);
  if (job.status !== 'previewed') return job;
  const cancelled = await deps.store.importJobs.transition(job.id, 'previewed', {
    status: 'cancelled',
    updatedAt: deps.clock.now().toISOString(),
  });
  if (!cancelled) return required(deps, partnershipId, jobId);
  await discardJobFiles(deps, job);
  return { ...job, status: 'cancelled' as const };
}

/** Where instances share the database, every one of them reads progress from it, so all show the same. */
const liveProgress = (deps: ImportJobDeps, jobId: string) =>
  deps.instance.shared ? undefined : deps.progress.get(jobId);

export async function findImport(
  deps: ImportJobDeps,
  partnershipId: string | null,
  jobId: string,
): Promise<ImportJobView> {
  const job = await required(deps, partnershipId, jobId);
  const live = liveProgress(deps, job.id);
  return {
    job,
    report: job.report ? (JSON.parse(job.report) as ImportReport) : undefined,
    done: live?.done ?? job.done,
    total: live?.total ?? job.total,
  };
}

/** How far a job has got, without reading its report: what a progress bar asks for every second or so. */
export async function findImportStatus(
  deps: ImportJobDeps,
  partnershipId: string | null,
  jobId: string,
): Promise<ImportJobStatusView> {
  const job = await deps.store.importJobs.findStatus(partnershipId, jobId);
  if (!job) throw new NotFoundError('No such import');
  const live = liveProgress(deps, job.id);
  return { job, done: live?.done ?? job.done, total: live?.total ?? job.total };
}

export function listImports(deps: ImportJobDeps, partnershipId: string | null) {
  return deps.store.importJobs.list(partnershipId, 20);
}

export type { ImportJobDeps } from './import-job-deps.js';
