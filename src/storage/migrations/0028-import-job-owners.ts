import type { Kysely } from 'kysely';

/**
 * Import jobs that several instances share one database for: each running job names the instance running it
 * (`owner_id`) and when that instance last said it was still at work (`heartbeat_at`), and an uploaded file's
 * bytes are kept in the database, in pieces of about 1 MB (as base64 text, the same on SQLite and PostgreSQL),
 * so any instance can check or import a file uploaded through another. The pieces go with their job.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('import_jobs').addColumn('owner_id', 'text').execute();
  await db.schema.alterTable('import_jobs').addColumn('heartbeat_at', 'text').execute();
  await db.schema
    .createTable('import_job_file_chunks')
    .addColumn('job_id', 'text', (c) => c.notNull().references('import_jobs.id').onDelete('cascade'))
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('data', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('import_job_file_chunks_pk', ['job_id', 'seq'])
    .execute();
}
