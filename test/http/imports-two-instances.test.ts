import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { inProcessImportRunner } from '../../src/app/imports/in-process-runner.js';
import { interruptedMessage } from '../../src/app/imports/job-instance.js';
import type { ImportRunner } from '../../src/app/interchange.js';
import type { ImportJobRecord } from '../../src/app/ports.js';
import { importersFor } from '../../src/importers.js';
import { openSource, readSource } from '../../src/interchange/read-source.js';
import { createPostgresDatabase, databaseTargets, type DatabaseKind } from '../support/database.js';
import { Browser } from '../support/browser.js';
import { uploadForm } from '../support/multipart.js';
import { createTestApp, demoAccounts, knownPassword, type TestApp } from '../support/test-app.js';

/**
 * Several instances on one PostgreSQL database run imports together: a file uploaded through one is checked
 * there and confirmed through another, which imports it from the copy kept in the database; both read the
 * same progress; and restarting one does not fail the import another is running.
 */

const CSV = [
  'name,kind,identifier',
  ...Array.from({ length: 5 }, (_, index) => `Two Instances Hub ${index + 1},vcs,`),
].join('\n');

const targets = databaseTargets();
const postgres = targets.filter((target) => target.name === 'postgres');

const jobIdOf = (response: { headers: Record<string, unknown> }) =>
  /\/imports\/([0-9a-f-]{36})$/.exec(String(response.headers.location))?.[1] as string;

const uploadsOn = (instance: TestApp) => {
  const folder = path.join(instance.dataDir, 'uploads');
  return fs.existsSync(folder) ? fs.readdirSync(folder) : [];
};

async function jobOn(instance: TestApp, jobId: string): Promise<ImportJobRecord> {
  const northmoor = await instance.partnership('northmoor');
  return (await instance.runtime.services.imports.find(northmoor.id, jobId)).job;
}

async function statusOn(browser: Browser, jobId: string) {
  const response = await browser.get(`/p/northmoor/imports/${jobId}/status.json`);
  expect(response.statusCode).toBe(200);
  return JSON.parse(response.body) as { status: string; done: number; total: number; percent: number };
}

/** Holds every apply part of the way through (2 of 5 rows) until the test lets it go on. */
function heldAtTwoOfFive(inner: () => ImportRunner) {
  let release: () => void = () => undefined;
  const released = new Promise<void>((resolve) => (release = resolve));
  const runner: ImportRunner = {
    start(request, events) {
      if (request.mode !== 'apply') return inner().start(request, events);
      events.progress(2, 5);
      void released.then(() => inner().start(request, events));
    },
  };
  return { runner, release };
}

describe.each(postgres)('imports on two instances sharing one $name database', () => {
  const open: TestApp[] = [];
  let removeDatabase: () => Promise<void> = async () => undefined;
  afterAll(async () => {
    for (const instance of open) await instance.close().catch(() => undefined);
    await removeDatabase();
  });

  it('confirms through one a file uploaded through the other, reads the same progress on both, and survives a restart of the other', async () => {
    const database = await createPostgresDatabase();
    removeDatabase = database.drop;
    const env = { DATABASE_URL: database.url };
    const importHeartbeat = { heartbeatMs: 50, staleAfterMs: 5_000 };

    const first = await createTestApp({ env, runtime: { importHeartbeat } });
    open.push(first);
    // The second instance imports on this thread (its services exist once it is open), held part way.
    const opened: { second?: TestApp } = {};
    const servicesOfSecond = () => {
      if (!opened.second) throw new Error('The second instance is not open');
      return opened.second.runtime.services;
    };
    const held = heldAtTwoOfFive(() =>
      inProcessImportRunner(importersFor(readSource, openSource), servicesOfSecond),
    );
    const second = await createTestApp({
      env,
      seed: false,
      runtime: { importHeartbeat, importRunner: held.runner },
    });
    opened.second = second;
    open.push(second);

    const throughFirst = new Browser(first.app);
    await throughFirst.signIn(demoAccounts.northmoorAdmin, knownPassword);
    await throughFirst.get('/p/northmoor/imports');
    const uploaded = await uploadForm(
      throughFirst,
      '/p/northmoor/imports',
      { kind: 'organisations' },
      { name: 'two-instances.csv', content: CSV },
    );
    expect(uploaded.statusCode).toBe(303);
    const jobId = jobIdOf(uploaded);
    await vi.waitFor(async () => expect((await jobOn(first, jobId)).status).toBe('previewed'), {
      timeout: 60_000,
      interval: 50,
    });
    expect(await first.runtime.services.store.importJobs.fileChunkCount(jobId)).toBe(1);
    const checkedBy = (await jobOn(first, jobId)).ownerId;
    expect(uploadsOn(second)).toEqual([]);

    // Confirmed through the second instance, which has never seen the file on its disk; as if it were on
    // another machine, the first instance's disk copy is gone too.
    fs.rmSync(path.join(first.dataDir, 'uploads'), { recursive: true, force: true });
    const throughSecond = new Browser(second.app);
    await throughSecond.signIn(demoAccounts.northmoorAdmin, knownPassword);
    const page = await throughSecond.get(`/p/northmoor/imports/${jobId}`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('two-instances.csv');
    expect((await throughSecond.post(`/p/northmoor/imports/${jobId}/confirm`)).statusCode).toBe(303);
    const applying = await jobOn(second, jobId);
    expect(applying).toMatchObject({ status: 'applying', error: null });
    expect(applying.ownerId).not.toBe(checkedBy);
    await vi.waitFor(() => expect(uploadsOn(second)).toHaveLength(1), { timeout: 30_000 });

    // Progress is what the running instance last wrote to the database, the same through either.
    await vi.waitFor(async () => expect(await statusOn(throughFirst, jobId)).toMatchObject({ done: 2 }), {
      timeout: 30_000,
      interval: 50,
    });
    const progressOnFirst = await statusOn(throughFirst, jobId);
    expect(progressOnFirst).toEqual({ status: 'applying', done: 2, total: 5, percent: 40 });
    expect(await statusOn(throughSecond, jobId)).toEqual(progressOnFirst);

    // The first instance restarts while the second is importing: the import is not its to fail.
    await first.close();
    open.splice(open.indexOf(first), 1);
    const restarted = await createTestApp({ env, seed: false, runtime: { importHeartbeat } });
    open.push(restarted);
    expect(await restarted.runtime.services.imports.failInterrupted()).toBe(0);
    expect(await jobOn(restarted, jobId)).toMatchObject({ status: 'applying', error: null });
    const beatBefore = (await jobOn(restarted, jobId)).heartbeatAt ?? '';
    await vi.waitFor(
      async () => expect(((await jobOn(restarted, jobId)).heartbeatAt ?? '') > beatBefore).toBe(true),
      { timeout: 30_000, interval: 50 },
    );

    held.release();
    await vi.waitFor(async () => expect((await jobOn(restarted, jobId)).status).toBe('applied'), {
      timeout: 60_000,
      interval: 50,
    });
    const northmoor = await restarted.partnership('northmoor');
    const applied = await restarted.runtime.services.imports.find(northmoor.id, jobId);
    expect(applied.job.error).toBeNull();
    expect(applied.report).toMatchObject({ read: 5, imported: 5 });
    expect(await restarted.runtime.services.store.importJobs.fileChunkCount(jobId)).toBe(0);
    expect(uploadsOn(second)).toEqual([]);

    const againThroughFirst = new Browser(restarted.app);
    await againThroughFirst.signIn(demoAccounts.northmoorAdmin, knownPassword);
    const finalOnFirst = await statusOn(againThroughFirst, jobId);
    expect(finalOnFirst).toEqual({ status: 'applied', done: 5, total: 5, percent: 100 });
    expect(await statusOn(throughSecond, jobId)).toEqual(finalOnFirst);
  }, 180_000);
});

const sharedBy: Record<DatabaseKind, string> = {
  sqlite: 'one instance, so every import it is not running was left by a stopped service',
  postgres: 'several instances, so only imports whose instance stopped sending heartbeats are failed',
};

describe.each(targets)('a starting instance on $name', (target) => {
  let instance: TestApp;
  let removeDatabase: () => Promise<void> = async () => undefined;
  afterAll(async () => {
    await instance.close();
    await removeDatabase();
  });

  it(`fails the imports a stopped service left running: ${sharedBy[target.name]}`, async () => {
    let env: Record<string, string> = {};
    if (target.name === 'postgres') {
      const database = await createPostgresDatabase();
      removeDatabase = database.drop;
      env = { DATABASE_URL: database.url };
    }
    instance = await createTestApp({ env });
    const { store, clock } = instance.runtime.services;
    const northmoor = await instance.partnership('northmoor');
    const now = clock.now().getTime();
    const minutesAgo = (minutes: number) => new Date(now - minutes * 60_000).toISOString();
    const aJob = (id: string, heartbeatAt: string | null): ImportJobRecord => ({
      id,
      partnershipId: northmoor.id,
      kind: 'organisations',
      sourceName: `${id}.csv`,
      sourcePath: `/elsewhere/uploads/${id}/${id}.csv`,
      options: {},
      status: 'applying',
      done: 1,
      total: 4,
      report: null,
      error: null,
      createdByUserId: null,
      createdAt: minutesAgo(30),
      updatedAt: minutesAgo(30),
      ownerId: heartbeatAt === null ? null : `instance-of-${id}`,
      heartbeatAt,
    });
    const stopped = aJob('00000000-0000-4000-8000-000000000001', minutesAgo(10));
    const beforeOwners = aJob('00000000-0000-4000-8000-000000000002', null);
    const alive = aJob('00000000-0000-4000-8000-000000000003', minutesAgo(0));
    for (const job of [stopped, beforeOwners, alive]) {
      await store.importJobs.insert(job);
      await store.importJobs.appendFileChunk(job.id, 0, Buffer.from(CSV).toString('base64'));
    }

    const failed = await instance.runtime.services.imports.failInterrupted();

    const statusOf = async (job: ImportJobRecord) => (await jobOn(instance, job.id)).status;
    expect(await statusOf(stopped)).toBe('failed');
    expect(await statusOf(beforeOwners)).toBe('failed');
    expect(await jobOn(instance, stopped.id)).toMatchObject({ error: interruptedMessage });
    expect(interruptedMessage).toBe(
      'The service stopped while this import was running. Nothing was imported: upload the file again.',
    );
    expect(await store.importJobs.fileChunkCount(stopped.id)).toBe(0);
    if (target.name === 'postgres') {
      expect(failed).toBe(2);
      expect(await jobOn(instance, alive.id)).toMatchObject({ status: 'applying', error: null });
      expect(await store.importJobs.fileChunkCount(alive.id)).toBe(1);
    } else {
      expect(failed).toBe(3);
      expect(await statusOf(alive)).toBe('failed');
    }
  }, 120_000);
});
