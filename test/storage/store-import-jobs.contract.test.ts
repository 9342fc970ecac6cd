import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { ImportJobRecord, Store } from '../../src/app/ports.js';
import type { DatabaseHandle } from '../../src/storage/database.js';
import { createStore } from '../../src/storage/store.js';
import { databaseTargets, emptyDatabase } from '../support/database.js';
import { at, givenPartnership, id } from './fixtures.js';

function aJob(partnershipId: string | null, overrides: Partial<ImportJobRecord> = {}): ImportJobRecord {
  return {
    id: id(),
    partnershipId,
    kind: 'organisations',
    sourceName: 'organisations.csv',
    sourcePath: '/tmp/uploads/x/organisations.csv',
    options: { theme: 'food' },
    status: 'previewing',
    done: 0,
    total: 0,
    report: null,
    error: null,
    createdByUserId: null,
    createdAt: at(0),
    updatedAt: at(0),
    ownerId: 'instance-a',
    heartbeatAt: at(0),
    ...overrides,
  };
}

/** Repository contract: import jobs, scoped to a partnership or national. */
describe.each(databaseTargets())('Store contract on $name: import jobs', (target) => {
  let handle: DatabaseHandle;
  let store: Store;

  beforeAll(async () => {
    handle = await target.fresh();
    store = createStore(handle.db);
  });
  beforeEach(async () => {
    await emptyDatabase(handle);
  });
  afterAll(async () => {
    await handle.close();
  });

  it('keeps a job with its options, and finds it only in its own scope', async () => {
    const partnership = await givenPartnership(store);
    const other = await givenPartnership(store, { slug: 'other-place' });
    const job = aJob(partnership.id);
    const national = aJob(null, { kind: 'imd' });
    await store.importJobs.insert(job);
    await store.importJobs.insert(national);
    expect(await store.importJobs.find(partnership.id, job.id)).toEqual(job);
    expect(await store.importJobs.find(other.id, job.id)).toBeUndefined();
    expect(await store.importJobs.find(null, job.id)).toBeUndefined();
    expect(await store.importJobs.find(null, national.id)).toEqual(national);
    expect(await store.importJobs.find(partnership.id, national.id)).toBeUndefined();
  });

  it('finds a job’s status without its report, only in its own scope', async () => {
    const partnership = await givenPartnership(store, { slug: 'status-place' });
    const job = aJob(partnership.id);
    await store.importJobs.insert(job);
    await store.importJobs.update(job.id, { status: 'previewed', report: '{"read":1}' });
    const { report, ...rest } = { ...job, status: 'previewed' as const };
    void report;
    const found = await store.importJobs.findStatus(partnership.id, job.id);
    expect(found).toEqual(rest);
    expect(found && 'report' in found).toBe(false);
    expect(await store.importJobs.findStatus(null, job.id)).toBeUndefined();
  });

  it('updates status, progress and report, and lists newest first', async () => {
    const partnership = await givenPartnership(store);
    const older = aJob(partnership.id, { createdAt: at(0) });
    const newer = aJob(partnership.id, { createdAt: at(60) });
    await store.importJobs.insert(older);
    await store.importJobs.insert(newer);
    await store.importJobs.update(older.id, {
      status: 'previewed',
      done: 10,
      total: 10,
      report: '{"read":10}',
      updatedAt: at(30),
    });
    const list = await store.importJobs.list(partnership.id, 10);
    expect(list.map((job) => job.id)).toEqual([newer.id, older.id]);
    expect(list[1]).toMatchObject({ status: 'previewed', done: 10, total: 10, report: '{"read":10}' });
    expect(await store.importJobs.listRunning()).toEqual([newer]);
  });

  it('changes a job only from the status it is expected to be in, so two changes never both win', async () => {
    const partnership = await givenPartnership(store, { slug: 'transition-place' });
    const job = aJob(partnership.id, { status: 'previewed' });
    await store.importJobs.insert(job);
    const cancel = { status: 'cancelled' as const, error: 'Expired', updatedAt: at(90) };
    expect(await store.importJobs.transition(job.id, 'previewed', cancel)).toBe(true);
    expect(await store.importJobs.transition(job.id, 'previewed', { status: 'applying' })).toBe(false);
    expect(await store.importJobs.find(partnership.id, job.id)).toMatchObject({
      status: 'cancelled',
      error: 'Expired',
      updatedAt: at(90),
    });
  });

  it('lists the jobs that still need their upload, in every scope or in one', async () => {
    const partnership = await givenPartnership(store, { slug: 'holding-place' });
    const waiting = aJob(partnership.id, { status: 'previewed', sourcePath: '/u/a/a.csv', updatedAt: at(5) });
    const running = aJob(partnership.id, { status: 'applying', sourcePath: '/u/b/b.csv' });
    const national = aJob(null, { status: 'previewing', sourcePath: '/u/c/c.csv' });
    await store.importJobs.insert(waiting);
    await store.importJobs.insert(running);
    await store.importJobs.insert(national);
    for (const status of ['applied', 'failed', 'cancelled'] as const) {
      await store.importJobs.insert(aJob(partnership.id, { status, sourcePath: `/u/${status}/x.csv` }));
    }
    const all = await store.importJobs.listHoldingUploads();
    expect(all.map((job) => job.sourcePath).sort()).toEqual(['/u/a/a.csv', '/u/b/b.csv', '/u/c/c.csv']);
    expect(all.find((job) => job.id === waiting.id)).toEqual({
      id: waiting.id,
      sourcePath: '/u/a/a.csv',
      status: 'previewed',
      updatedAt: at(5),
    });
    const mine = await store.importJobs.listHoldingUploads({ partnershipId: partnership.id });
    expect(mine.map((job) => job.id).sort()).toEqual([waiting.id, running.id].sort());
    const nationalOnly = await store.importJobs.listHoldingUploads({ partnershipId: null });
    expect(nationalOnly.map((job) => job.id)).toEqual([national.id]);
  });

  it('takes a heartbeat and progress only from the job’s owner, and only while the job runs', async () => {
    const partnership = await givenPartnership(store, { slug: 'heartbeat-place' });
    const job = aJob(partnership.id, { status: 'applying', ownerId: 'instance-a', heartbeatAt: at(0) });
    await store.importJobs.insert(job);
    expect(
      await store.importJobs.beat(job.id, 'instance-b', { done: 9, total: 10, heartbeatAt: at(2) }),
    ).toBe(false);
    expect(
      await store.importJobs.beat(job.id, 'instance-a', { done: 4, total: 10, heartbeatAt: at(1) }),
    ).toBe(true);
    expect(await store.importJobs.findStatus(partnership.id, job.id)).toMatchObject({
      ownerId: 'instance-a',
      heartbeatAt: at(1),
      done: 4,
      total: 10,
    });

    // Another instance takes it over (a confirmation there), then it finishes: the old owner's beat changes nothing.
    await store.importJobs.update(job.id, { ownerId: 'instance-b', heartbeatAt: at(3) });
    expect(
      await store.importJobs.beat(job.id, 'instance-a', { done: 5, total: 10, heartbeatAt: at(4) }),
    ).toBe(false);
    await store.importJobs.update(job.id, { status: 'applied', done: 10, error: null });
    expect(
      await store.importJobs.beat(job.id, 'instance-b', { done: 6, total: 10, heartbeatAt: at(5) }),
    ).toBe(false);
    expect(await store.importJobs.find(partnership.id, job.id)).toMatchObject({
      status: 'applied',
      done: 10,
      error: null,
      ownerId: 'instance-b',
      heartbeatAt: at(3),
    });
  });

  it('keeps an uploaded file’s pieces in order, and removes them with the job or once it no longer needs them', async () => {
    const partnership = await givenPartnership(store, { slug: 'file-place' });
    const waiting = aJob(partnership.id, { status: 'previewed' });
    const applied = aJob(partnership.id, { status: 'applying' });
    const removed = aJob(partnership.id, { status: 'previewing' });
    for (const job of [waiting, applied, removed]) await store.importJobs.insert(job);
    const pieces = [Buffer.alloc(1024 * 1024, 7), Buffer.from('the last, short piece')];
    for (const job of [waiting, applied, removed]) {
      for (const [seq, piece] of pieces.entries()) {
        await store.importJobs.appendFileChunk(job.id, seq, piece.toString('base64'));
      }
    }
    expect(await store.importJobs.fileChunkCount(waiting.id)).toBe(2);
    const first = Buffer.from((await store.importJobs.fileChunk(waiting.id, 0)) ?? '', 'base64');
    // Compared as bytes: a deep comparison of a megabyte, element by element, takes seconds.
    expect(first.length).toBe(1024 * 1024);
    expect(first.equals(pieces[0] ?? Buffer.alloc(0))).toBe(true);
    expect(Buffer.from((await store.importJobs.fileChunk(waiting.id, 1)) ?? '', 'base64')).toEqual(pieces[1]);
    expect(await store.importJobs.fileChunk(waiting.id, 2)).toBeUndefined();
    await expect(store.importJobs.appendFileChunk(waiting.id, 1, 'AAAA')).rejects.toThrow();

    await store.importJobs.deleteFile(removed.id);
    expect(await store.importJobs.fileChunkCount(removed.id)).toBe(0);
    expect(await store.importJobs.fileChunkCount(waiting.id)).toBe(2);

    await store.importJobs.update(applied.id, { status: 'applied' });
    expect(await store.importJobs.deleteFilesNotHeld()).toBe(1);
    expect(await store.importJobs.fileChunkCount(applied.id)).toBe(0);
    expect(await store.importJobs.fileChunkCount(waiting.id)).toBe(2);
    expect(await store.importJobs.deleteFilesNotHeld()).toBe(0);
  });
});
