import type { Kysely, Selectable } from 'kysely';
import type { ImportJobChange, ImportJobRecord, ImportJobStatus, Store } from '../../app/ports.js';
import type { Database } from '../schema.js';
import type { ImportJobsTable } from '../schema-imports.js';

function toRecord(row: Selectable<ImportJobsTable>): ImportJobRecord {
  return { ...toStatus(row), report: row.report };
}

function toStatus(row: Omit<Selectable<ImportJobsTable>, 'report'>): Omit<ImportJobRecord, 'report'> {
  return {
    id: row.id,
    partnershipId: row.partnership_id,
    kind: row.kind,
    sourceName: row.source_name,
    sourcePath: row.source_path,
    options: JSON.parse(row.options) as Record<string, string>,
    status: row.status as ImportJobStatus,
    done: Number(row.done),
    total: Number(row.total),
    error: row.error,
    createdByUserId: row.created_by_user_id,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    ownerId: row.owner_id,
    heartbeatAt: row.heartbeat_at,
  };
}

function columnsOf(change: ImportJobChange): Partial<ImportJobsTable> {
  const values: Partial<ImportJobsTable> = {};
  if (change.status !== undefined) values.status = change.status;
  if (change.done !== undefined) values.done = change.done;
  if (change.total !== undefined) values.total = change.total;
  if (change.report !== undefined) values.report = change.report;
  if (change.error !== undefined) values.error = change.error;
  if (change.updatedAt !== undefined) values.updated_at = change.updatedAt;
  if (change.ownerId !== undefined) values.owner_id = change.ownerId;
  if (change.heartbeatAt !== undefined) values.heartbeat_at = change.heartbeatAt;
  return values;
}

/** The statuses in which a job still needs its uploaded file. */
const holdingUploads: ImportJobStatus[] = ['previewing', 'previewed', 'applying'];
/** The statuses in which an instance is at work on a job. */
const running: ImportJobStatus[] = ['previewing', 'applying'];

export function importJobsRepository(db: Kysely<Database>): Store['importJobs'] {
  return {
    async insert(job) {
      await db
        .insertInto('import_jobs')
        .values({
          id: job.id,
          partnership_id: job.partnershipId,
          kind: job.kind,
          source_name: job.sourceName,
          source_path: job.sourcePath,
          options: JSON.stringify(job.options),
          status: job.status,
          done: job.done,
          total: job.total,
          report: job.report,
          error: job.error,
          created_by_user_id: job.createdByUserId,
          created_at: job.createdAt,
          updated_at: job.updatedAt,
          owner_id: job.ownerId,
          heartbeat_at: job.heartbeatAt,
        })
        .execute();
    },
    async find(partnershipId, id) {
      let query = db.selectFrom('import_jobs').selectAll().where('id', '=', id);
      query =
        partnershipId === null
          ? query.where('partnership_id', 'is', null)
          : query.where('partnership_id', '=', partnershipId);
      const row = await query.executeTakeFirst();
      return row ? toRecord(row) : undefined;
    },
    async findStatus(partnershipId, id) {
      let query = db
        .selectFrom('import_jobs')
        .select([
          'id',
          'partnership_id',
          'kind',
          'source_name',
          'source_path',
          'options',
          'status',
          'done',
          'total',
          'error',
          'created_by_user_id',
          'created_at',
          'updated_at',
          'owner_id',
          'heartbeat_at',
        ])
        .where('id', '=', id);
      query =
        partnershipId === null
          ? query.where('partnership_id', 'is', null)
          : query.where('partnership_id', '=', partnershipId);
      const row = await query.executeTakeFirst();
      return row ? toStatus(row) : undefined;
    },
    async list(partnershipId, limit) {
      let query = db.selectFrom('import_jobs').selectAll();
      query =
        partnershipId === null
          ? query.where('partnership_id', 'is', null)
          : query.where('partnership_id', '=', partnershipId);
      const rows = await query.orderBy('created_at', 'desc').orderBy('id').limit(limit).execute();
      return rows.map(toRecord);
    },
    async update(id, change) {
      const values = columnsOf(change);
      if (Object.keys(values).length === 0) return;
      await db.updateTable('import_jobs').set(values).where('id', '=', id).execute();
    },
    async transition(id, from, change) {
      const values = columnsOf({ ...change, report: undefined });
      const result = await db
        .updateTable('import_jobs')
        .set(values)
        .where('id', '=', id)
        .where('status', '=', from)
        .executeTakeFirst();
      return Number(result.numUpdatedRows) > 0;
    },
    async listHoldingUploads(scope) {
      let query = db
        .selectFrom('import_jobs')
        .select(['id', 'source_path', 'status', 'updated_at'])
        .where('status', 'in', holdingUploads);
      if (scope) {
        query =
          scope.partnershipId === null
            ? query.where('partnership_id', 'is', null)
            : query.where('partnership_id', '=', scope.partnershipId);
      }
      const rows = await query.execute();
      return rows.map((row) => ({
        id: row.id,
        sourcePath: row.source_path,
        status: row.status as ImportJobStatus,
        updatedAt: row.updated_at,
      }));
    },
    async listRunning() {
      const rows = await db.selectFrom('import_jobs').selectAll().where('status', 'in', running).execute();
      return rows.map(toRecord);
    },
    async beat(id, ownerId, change) {
      const result = await db
        .updateTable('import_jobs')
        .set({ done: change.done, total: change.total, heartbeat_at: change.heartbeatAt })
        .where('id', '=', id)
        .where('owner_id', '=', ownerId)
        .where('status', 'in', running)
        .executeTakeFirst();
      return Number(result.numUpdatedRows) > 0;
    },
    async appendFileChunk(jobId, seq, base64) {
      await db.insertInto('import_job_file_chunks').values({ job_id: jobId, seq, data: base64 }).execute();
    },
    async fileChunk(jobId, seq) {
      const row = await db
        .selectFrom('import_job_file_chunks')
        .select('data')
        .where('job_id', '=', jobId)
        .where('seq', '=', seq)
        .executeTakeFirst();
      return row?.data;
    },
    async fileChunkCount(jobId) {
      const row = await db
        .selectFrom('import_job_file_chunks')
        .select((eb) => eb.fn.countAll<number | string>().as('n'))
        .where('job_id', '=', jobId)
        .executeTakeFirst();
      return Number(row?.n ?? 0);
    },
    async deleteFile(jobId) {
      await db.deleteFrom('import_job_file_chunks').where('job_id', '=', jobId).execute();
    },
    async deleteFilesNotHeld() {
      const unheld = await db
        .selectFrom('import_job_file_chunks')
        .innerJoin('import_jobs', 'import_jobs.id', 'import_job_file_chunks.job_id')
        .select('import_job_file_chunks.job_id')
        .distinct()
        .where('import_jobs.status', 'not in', holdingUploads)
        .execute();
      if (unheld.length === 0) return 0;
      await db
        .deleteFrom('import_job_file_chunks')
        .where(
          'job_id',
          'in',
          unheld.map((row) => row.job_id),
        )
        .execute();
      return unheld.length;
    },
  };
}
