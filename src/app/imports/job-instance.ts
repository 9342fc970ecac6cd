import type { ImportJobRecord } from './import-job-store.js';
import { newId } from '../shared/secrets.js';
import type { ImportJobDeps, JobInstance } from './import-job-deps.js';
import { discardJobFiles } from './job-files.js';

export type { JobInstance } from './import-job-deps.js';

export function jobInstance(options: Partial<JobInstance> = {}): JobInstance {
  return {
    id: options.id ?? newId(),
    shared: options.shared ?? false,
    heartbeatMs: options.heartbeatMs ?? 2_000,
    staleAfterMs: options.staleAfterMs ?? 60_000,
  };
}

export const interruptedMessage =
  'The service stopped while this import was running. Nothing was imported: upload the file again.';

/** Writes a running job's heartbeat and progress every so often until the returned function is called. */
export function startHeartbeat(deps: ImportJobDeps, jobId: string): () => void {
  if (!deps.instance.shared) return () => undefined;
  const timer = setInterval(() => {
    const live = deps.progress.get(jobId) ?? { done: 0, total: 0 };
    deps.store.importJobs
      .beat(jobId, deps.instance.id, { ...live, heartbeatAt: deps.clock.now().toISOString() })
      .catch(() => undefined);
  }, deps.instance.heartbeatMs);
  timer.unref();
  return () => clearInterval(timer);
}

function ownerStopped(deps: ImportJobDeps, job: ImportJobRecord, now: Date): boolean {
  if (job.ownerId === deps.instance.id || deps.progress.has(job.id)) return false;
  // On a database only this instance serves, a job it is not running was left by a stopped service.
  if (!deps.instance.shared) return true;
  const lastSign = Date.parse(job.heartbeatAt ?? job.updatedAt);
  return now.getTime() - lastSign > deps.instance.staleAfterMs;
}

/**
 * Jobs whose instance stopped while they ran: on SQLite every job this instance is not running, on PostgreSQL
 * only those whose owner has not written a heartbeat for longer than the timeout. A preview wrote nothing and
 * an apply is one transaction, so the database is as it was before: say so, and let the person start again.
 */
export async function failInterruptedImports(deps: ImportJobDeps): Promise<number> {
  const now = deps.clock.now();
  let failed = 0;
  for (const job of await deps.store.importJobs.listRunning()) {
    if (!ownerStopped(deps, job, now)) continue;
    const change = { status: 'failed' as const, error: interruptedMessage, updatedAt: now.toISOString() };
    if (!(await deps.store.importJobs.transition(job.id, job.status, change))) continue;
    failed += 1;
    await discardJobFiles(deps, job).catch(() => undefined);
  }
  return failed;
}
