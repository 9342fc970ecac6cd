import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';

/**
 * Prepared databases, built once per test run and copied for every test that wants one: a migrated SQLite file
 * is copied, a migrated PostgreSQL database is the template of `create database`. The demo's seed is prepared the
 * same way, once for each clock it is loaded at. Copying takes milliseconds where migrating and seeding take
 * seconds (most of them round trips on PostgreSQL).
 *
 * The test run's global setup (test/support/global-setup.ts) makes a folder for them and names it in
 * `CG_TEST_TEMPLATES_DIR`; without it (a test file run under another configuration) nothing is prepared and
 * every database is built from scratch as before. Worker processes share the folder: the first to need a
 * template builds it while holding a lock (a folder made with mkdir, which only one process can create), the
 * others wait for its ready file.
 */

const templatesDirVariable = 'CG_TEST_TEMPLATES_DIR';
const runIdVariable = 'CG_TEST_RUN_ID';
const waitLimitMs = 300_000;

export type TemplateKind = 'sqlite' | 'postgres';

/** The folder shared by this run's workers, or undefined when templates are off. */
export function templatesDir(): string | undefined {
  const dir = process.env[templatesDirVariable];
  return dir && fs.existsSync(dir) ? dir : undefined;
}

/** Sets up the folder and run id for the workers (global setup only). */
export function announceTemplates(dir: string, runId: string): void {
  process.env[templatesDirVariable] = dir;
  process.env[runIdVariable] = runId;
}

/** The prefix of every template database of one run, so teardown can drop them all. */
export function templateDatabasePrefix(runId: string): string {
  return `cg_tpl_${runId}_`;
}

function templateDatabaseName(name: string): string {
  const runId = process.env[runIdVariable] ?? 'local';
  return `${templateDatabasePrefix(runId)}${createHash('sha256').update(name).digest('hex').slice(0, 16)}`;
}

/** Makes the lock folder: true for the one process that creates it. */
function takeLock(lock: string): boolean {
  try {
    fs.mkdirSync(lock);
    return true;
  } catch {
    return false;
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * The template called `name` (an SQLite file's path, or a PostgreSQL database's name), built by `build` if no
 * worker has built it yet. `build` gets where to build: a file path for SQLite, a database name for PostgreSQL
 * (already created, empty). Undefined when templates are off.
 */
export async function preparedTemplate(
  kind: TemplateKind,
  name: string,
  build: (where: string) => Promise<void>,
): Promise<string | undefined> {
  const dir = templatesDir();
  if (!dir) return undefined;
  const slug = createHash('sha256').update(`${kind}:${name}`).digest('hex').slice(0, 24);
  const ready = path.join(dir, `${slug}.ready`);
  const lock = path.join(dir, `${slug}.lock`);
  if (fs.existsSync(ready)) return fs.readFileSync(ready, 'utf8');
  if (!takeLock(lock)) {
    const started = Date.now();
    while (!fs.existsSync(ready)) {
      if (fs.existsSync(path.join(lock, 'failed')))
        throw new Error(`Preparing the ${kind} template ${name} failed.`);
      if (Date.now() - started > waitLimitMs)
        throw new Error(`Waited too long for the ${kind} template ${name}.`);
      await sleep(50);
    }
    return fs.readFileSync(ready, 'utf8');
  }
  try {
    const reference = kind === 'sqlite' ? path.join(dir, `${slug}.sqlite`) : templateDatabaseName(name);
    if (kind === 'sqlite') {
      const building = path.join(dir, `${slug}.building.sqlite`);
      await build(building);
      fs.renameSync(building, reference);
    } else {
      await withServer(serverUrlFromEnvironment(), (client) => client.query(`create database ${reference}`));
      await build(reference);
    }
    fs.writeFileSync(`${ready}.tmp`, reference);
    fs.renameSync(`${ready}.tmp`, ready);
    return reference;
  } catch (error) {
    fs.writeFileSync(path.join(lock, 'failed'), String(error));
    throw error;
  }
}

function serverUrlFromEnvironment(): string {
  const url = process.env.TEST_DATABASE_URL?.trim();
  if (!url) throw new Error('TEST_DATABASE_URL is not set: PostgreSQL templates need a server.');
  return url;
}

/** The URL of database `name` on the same server as `serverUrl`. */
export function databaseUrl(serverUrl: string, name: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

export async function withServer<T>(serverUrl: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** Copies an SQLite template to `file` (which must not exist yet). */
export function copySqliteTemplate(template: string, file: string): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.copyFileSync(template, file, fs.constants.COPYFILE_EXCL);
}
