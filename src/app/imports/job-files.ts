import type { ImportJobRecord } from './import-job-store.js';
import type { ImportJobDeps } from './import-job-deps.js';

type FileDeps = Pick<ImportJobDeps, 'store' | 'uploads'>;

/** An uploaded file is kept in the database in pieces of this size, so no instance holds it all in memory. */
export const FILE_CHUNK_BYTES = 1024 * 1024;

/**
 * Copies a job's uploaded file from this instance's disk into the database, a piece at a time, so whichever
 * instance checks or imports it can read it. Does nothing for a file not kept in the upload folder.
 */
export async function storeUploadedFile(deps: FileDeps, job: ImportJobRecord): Promise<void> {
  if (!(await deps.uploads.exists(job.sourcePath))) return;
  let seq = 0;
  for await (const piece of deps.uploads.read(job.sourcePath, FILE_CHUNK_BYTES)) {
    await deps.store.importJobs.appendFileChunk(job.id, seq, piece.toString('base64'));
    seq += 1;
  }
}

async function* storedPieces(deps: FileDeps, jobId: string): AsyncIterable<Buffer> {
  for (let seq = 0; ; seq += 1) {
    const piece = await deps.store.importJobs.fileChunk(jobId, seq);
    if (piece === undefined) return;
    yield Buffer.from(piece, 'base64');
  }
}

/**
 * Where this instance can read a job's uploaded file: the upload itself when it arrived here, otherwise a copy
 * written from the database (the file was uploaded through another instance, or before a restart).
 */
export async function localFileOf(deps: FileDeps, job: ImportJobRecord): Promise<string> {
  if (await deps.uploads.exists(job.sourcePath)) return job.sourcePath;
  if ((await deps.store.importJobs.fileChunkCount(job.id)) === 0) return job.sourcePath;
  return deps.uploads.writeCopy(job.sourcePath, storedPieces(deps, job.id));
}

/** Removes every copy of a job's uploaded file: in the database, and on this instance's disk. */
export async function discardJobFiles(
  deps: FileDeps,
  job: Pick<ImportJobRecord, 'id' | 'sourcePath'>,
  localFile?: string,
): Promise<void> {
  await deps.uploads.discard(job.sourcePath).catch(() => undefined);
  if (localFile && localFile !== job.sourcePath) await deps.uploads.discard(localFile).catch(() => undefined);
  await deps.store.importJobs.deleteFile(job.id);
}
