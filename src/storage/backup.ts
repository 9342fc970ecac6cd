import fs from 'node:fs';
import { sql } from 'kysely';
import type { DatabaseHandle } from './database.js';

/** Every table, parents before children, so a restore never breaks a foreign key. Add new tables here. */
export const tablesInDependencyOrder = [
  'settings',
  'partnerships',
  'organisations',
  'users',
  'memberships',
  'sessions',
  'one_time_tokens',
  'invitations',
  'api_tokens',
  'outbox',
  'audit_events',
  'assessment_rounds',
  'respondent_groups',
  'round_invitations',
  'responses',
  'response_ratings',
  'workshop_records',
  'actions',
  'action_indicators',
  'action_progress_notes',
  'import_jobs',
  'import_job_file_chunks',
  'services',
  'service_themes',
  'service_locations',
  'service_areas',
  'service_schedules',
  'service_contacts',
  'service_local_edits',
  'directory_versions',
  'oruk_feed_counts',
  'organisation_themes',
  'areas',
  'area_populations',
  'indicator_definitions',
  'indicator_values',
  'postcodes',
  'lsoa_changes',
  'needs',
  'grants',
  'funding_opportunities',
  'funding_interests',
  'commissioning_intentions',
  'matching_runs',
  'reminders_sent',
  'reminder_opt_outs',
  'content_versions',
  'partnership_profiles',
  'round_result_snapshots',
  'sign_in_failures',
  'feed_subscriptions',
  'feed_subscription_pages',
  'feed_health_checks',
] as const;

export interface BackupFile {
  readonly format: 'common-ground-backup';
  readonly version: 1;
  readonly createdAt: string;
  readonly source: DatabaseHandle['kind'];
  readonly tables: Record<string, Record<string, unknown>[]>;
}

/** Reads every table inside one transaction, so the copy is consistent even while the service runs. */
export async function readBackup(handle: DatabaseHandle, now: Date): Promise<BackupFile> {
  const tables: Record<string, Record<string, unknown>[]> = {};
  await handle.db.transaction().execute(async (trx) => {
    if (handle.kind === 'postgres') await sql`set transaction isolation level repeatable read`.execute(trx);
    for (const table of tablesInDependencyOrder) {
      const result = await sql<Record<string, unknown>>`select * from ${sql.table(table)}`.execute(trx);
      tables[table] = result.rows;
    }
  });
  return {
    format: 'common-ground-backup',
    version: 1,
    createdAt: now.toISOString(),
    source: handle.kind,
    tables,
  };
}

export async function writeBackup(
  handle: DatabaseHandle,
  file: string,
  now: Date,
): Promise<Record<string, number>> {
  const backup = await readBackup(handle, now);
  const temporary = `${file}.partial`;
  fs.writeFileSync(temporary, JSON.stringify(backup));
  fs.renameSync(temporary, file);
  return Object.fromEntries(Object.entries(backup.tables).map(([name, rows]) => [name, rows.length]));
}

export class RestoreError extends Error {
  override readonly name = 'RestoreError';
}

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Parses and checks the file's shape, so a damaged or foreign file is refused before anything is written. */
function readBackupFile(file: string): BackupFile {
  let parsed: unknown;
  try {
    parsed = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (error) {
    throw new RestoreError(`Could not read ${file} as a Common Ground backup: ${(error as Error).message}`);
  }
  if (!isPlainObject(parsed) || parsed.format !== 'common-ground-backup' || !isPlainObject(parsed.tables)) {
    throw new RestoreError(`${file} is not a Common Ground backup.`);
  }
  if (parsed.version !== 1) {
    throw new RestoreError(
      `${file} is a version ${String(parsed.version)} backup; this service reads version 1.`,
    );
  }
  const known: readonly string[] = tablesInDependencyOrder;
  for (const [table, rows] of Object.entries(parsed.tables)) {
    if (!known.includes(table)) {
      throw new RestoreError(
        `${file} has a table this version does not know (${table}), so it was not restored.`,
      );
    }
    if (!Array.isArray(rows) || !rows.every(isPlainObject)) {
      throw new RestoreError(`${file} is damaged: table ${table} is not a list of rows.`);
    }
  }
  return parsed as unknown as BackupFile;
}

/** Loads a backup into an empty, migrated database in one transaction: all of it, or nothing. */
export async function restoreBackup(handle: DatabaseHandle, file: string): Promise<Record<string, number>> {
  const backup = readBackupFile(file);
  const counts: Record<string, number> = {};
  await handle.db.transaction().execute(async (trx) => {
    for (const table of tablesInDependencyOrder) {
      const existing = await sql<{
        n: number | string;
      }>`select count(*) as n from ${sql.table(table)}`.execute(trx);
      if (Number(existing.rows[0]?.n ?? 0) > 0) {
        throw new RestoreError(
          `The database is not empty (table ${table} has rows). Restore into a new, empty database.`,
        );
      }
    }
    for (const table of tablesInDependencyOrder) {
      const rows = backup.tables[table] ?? [];
      for (let start = 0; start < rows.length; start += 200) {
        const chunk = rows.slice(start, start + 200);
        try {
          // Table names come from our own list; values are bound parameters.
          await trx
            .insertInto(table as never)
            .values(chunk as never)
            .execute();
        } catch (error) {
          throw new RestoreError(
            `Could not restore table ${table} (rows ${start + 1} to ${start + chunk.length}): ${(error as Error).message}. Nothing was restored.`,
          );
        }
      }
      counts[table] = rows.length;
    }
  });
  return counts;
}
