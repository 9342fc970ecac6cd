import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import pg from 'pg';
import { tablesInDependencyOrder } from '../../src/storage/backup.js';
import { openDatabase, type DatabaseHandle } from '../../src/storage/database.js';
import { migrateToLatest } from '../../src/storage/migrate.js';
import { copySqliteTemplate, databaseUrl, preparedTemplate } from './database-templates.js';

/**
 * Fresh, migrated databases for tests. Every helper gives a database of its own (a temporary SQLite file or a
 * uniquely named PostgreSQL database) that disappears when the handle is closed, so test files never share
 * data and can run in parallel.
 */

export type DatabaseKind = DatabaseHandle['kind'];

/** A database a test suite runs against: `name` is shown in the test titles, `fresh` opens a new one. */
export interface DatabaseTargetOption {
  readonly name: DatabaseKind;
  fresh(options?: FreshOptions): Promise<DatabaseHandle>;
}

export interface FreshOptions {
  /** Apply the migrations before returning (default true). */
  readonly migrate?: boolean;
}

/** A temporary folder, removed by `remove()`. */
export function temporaryDirectory(prefix = 'cg-test-'): { path: string; remove(): void } {
  const directory = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  return { path: directory, remove: () => fs.rmSync(directory, { recursive: true, force: true }) };
}

/** A migrated SQLite database in its own temporary folder; closing the handle deletes the folder. */
export async function freshSqlite(options: FreshOptions = {}): Promise<DatabaseHandle> {
  const directory = temporaryDirectory('cg-sqlite-');
  const file = path.join(directory.path, 'test.sqlite');
  const template = options.migrate !== false ? await migratedTemplate('sqlite') : undefined;
  if (template) copySqliteTemplate(template, file);
  const handle = openDatabase({ kind: 'sqlite', file });
  try {
    if (options.migrate !== false && !template) await migrateToLatest(handle);
  } catch (error) {
    await handle.close();
    directory.remove();
    throw error;
  }
  return {
    db: handle.db,
    kind: handle.kind,
    close: async () => {
      await handle.close();
      directory.remove();
    },
  };
}

/** TEST_DATABASE_URL, or undefined when it is not set (or empty). */
export function testDatabaseUrl(): string | undefined {
  const url = process.env.TEST_DATABASE_URL;
  return url && url.trim() !== '' ? url.trim() : undefined;
}

function requireTestDatabaseUrl(): string {
  const url = testDatabaseUrl();
  if (!url)
    throw new Error('TEST_DATABASE_URL is not set: PostgreSQL tests need a server to create databases on.');
  return url;
}

/**
 * The migrated template of this run for `kind` (see database-templates.ts), or undefined when templates are off.
 */
export function migratedTemplate(kind: DatabaseKind): Promise<string | undefined> {
  return preparedTemplate(kind, 'migrated', async (where) => {
    const handle = openDatabase(
      kind === 'sqlite' ? { kind, file: where } : { kind, url: databaseUrl(requireTestDatabaseUrl(), where) },
    );
    try {
      await migrateToLatest(handle);
    } finally {
      await handle.close();
    }
  });
}

async function withAdminClient<T>(serverUrl: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/**
 * Creates an empty PostgreSQL database named cg_test_<random> on the TEST_DATABASE_URL server (unmigrated) and
 * returns its URL; `drop()` removes it, closing any connection left open.
 */
export async function createPostgresDatabase(
  serverUrl: string = requireTestDatabaseUrl(),
  template?: string,
): Promise<{ url: string; name: string; drop(): Promise<void> }> {
  const name = `cg_test_${randomBytes(6).toString('hex')}`;
  await withAdminClient(serverUrl, (client) =>
    client.query(template ? `create database ${name} template ${template}` : `create database ${name}`),
  );
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    name,
    drop: () =>
      withAdminClient(serverUrl, async (client) => {
        await client.query(`drop database if exists ${name} with (force)`);
      }),
  };
}

/**
 * A migrated PostgreSQL database of its own on the TEST_DATABASE_URL server (or `serverUrl`); closing the
 * handle drops it.
 */
export async function freshPostgres(
  options: FreshOptions & { readonly serverUrl?: string } = {},
): Promise<DatabaseHandle> {
  const serverUrl = options.serverUrl ?? requireTestDatabaseUrl();
  const onTemplateServer = serverUrl === testDatabaseUrl();
  const template =
    options.migrate !== false && onTemplateServer ? await migratedTemplate('postgres') : undefined;
  const database = await createPostgresDatabase(serverUrl, template);
  const handle = openDatabase({ kind: 'postgres', url: database.url });
  const close = async () => {
    try {
      await handle.close();
    } finally {
      await database.drop();
    }
  };
  try {
    if (options.migrate !== false && !template) await migrateToLatest(handle);
  } catch (error) {
    await close();
    throw error;
  }
  return { db: handle.db, kind: handle.kind, close };
}

/**
 * The databases every contract test runs on: always SQLite, and PostgreSQL when TEST_DATABASE_URL is set.
 * In CI (CI=true) PostgreSQL is required: without TEST_DATABASE_URL this throws, so the suite fails loudly
 * instead of silently testing only SQLite.
 */
export function databaseTargets(environment: NodeJS.ProcessEnv = process.env): DatabaseTargetOption[] {
  const targets: DatabaseTargetOption[] = [{ name: 'sqlite', fresh: freshSqlite }];
  const url = environment.TEST_DATABASE_URL?.trim();
  if (url) {
    targets.push({ name: 'postgres', fresh: (options) => freshPostgres({ ...options, serverUrl: url }) });
  } else if (environment.CI === 'true') {
    throw new Error(
      'CI=true but TEST_DATABASE_URL is not set: the PostgreSQL tests must run in CI. ' +
        'Start PostgreSQL and set TEST_DATABASE_URL=postgres://user@host:port/postgres (see .ci/run).',
    );
  }
  return targets;
}

/** Deletes every row of every table (children first), so one database can serve several tests. */
export async function emptyDatabase(handle: DatabaseHandle): Promise<void> {
  await handle.db.transaction().execute(async (trx) => {
    for (const table of [...tablesInDependencyOrder].reverse()) {
      await sql`delete from ${sql.table(table)}`.execute(trx);
    }
  });
}
