import type { ImportJobDeps } from './import-job-deps.js';
import { discardJobFiles } from './job-files.js';

/**
 * A folder no job holds is left alone this long after anything in it was last written: it may be an upload
 * still arriving, or one whose job is being stored at this moment, on this instance or another.
 */
export const ORPHAN_GRACE_MINUTES = 60;

export interface UploadCleanupReport {
  /** Imports checked but never confirmed within the retention time: cancelled, their files removed. */
  readonly expired: number;
  /** Folders that no waiting or running import holds (a crash, or a failed removal), removed. */
  readonly removed: number;
}

export const expiredMessage = (hours: number) =>
  `Nobody confirmed this import within ${hours} ${hours === 1 ? 'hour' : 'hours'} of it being checked, so it was cancelled and the uploaded file was removed. Nothing was imported: upload the file again to import it.`;

/**
 * Removes every uploaded file that is no longer needed: the uploads of imports that waited longer than the
 * retention time for someone to confirm them (the imports are cancelled), and folders no waiting or running
 * import holds, on this instance's disk and in the database. Safe to run on several instances at once: a job
 * is cancelled by one of them only.
 */
export async function cleanUpUploads(deps: ImportJobDeps): Promise<UploadCleanupReport> {
  const now = deps.clock.now();
  const retentionMs = deps.uploadSettings.retentionHours * 3_600_000;
  const held = new Set<string>();
  let expired = 0;
  for (const job of await deps.store.importJobs.listHoldingUploads()) {
    const waitedTooLong =
      job.status === 'previewed' && now.getTime() - Date.parse(job.updatedAt) >= retentionMs;
    if (
      waitedTooLong &&
      (await deps.store.importJobs.transition(job.id, 'previewed', {
        status: 'cancelled',
        error: expiredMessage(deps.uploadSettings.retentionHours),
        updatedAt: now.toISOString(),
      }))
    ) {
      expired += 1;
      await discardJobFiles(deps, job);
      continue;
    }
    const folder = deps.uploads.folderOf(job.sourcePath);
    if (folder) held.add(folder);
  }
  // Pieces of files stored for jobs that no longer need them (an instance stopped while removing them).
  await deps.store.importJobs.deleteFilesNotHeld();
  let removed = 0;
  for (const folder of await deps.uploads.list()) {
    if (held.has(folder.id)) continue;
    if (now.getTime() - folder.lastWrittenAt.getTime() < ORPHAN_GRACE_MINUTES * 60_000) continue;
    await deps.uploads.remove(folder.id);
    removed += 1;
  }
  return { expired, removed };
}
