import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  discardJobFiles,
  FILE_CHUNK_BYTES,
  localFileOf,
  storeUploadedFile,
} from '../../src/app/imports/job-files.js';
import type { ImportJobRecord, Store } from '../../src/app/ports.js';
import { uploadFolder } from '../../src/platform/upload-folder.js';
import type { DatabaseHandle } from '../../src/storage/database.js';
import { createStore } from '../../src/storage/store.js';
import { databaseTargets, temporaryDirectory } from '../support/database.js';

/**
 * An uploaded file goes into the database in pieces and comes back out, byte for byte, on an instance whose
 * disk never had it; removing the job's files leaves nothing on either instance or in the database.
 */
describe.each(databaseTargets())('uploaded files kept in the $name database', (target) => {
  let handle: DatabaseHandle;
  let store: Store;
  const receiving = temporaryDirectory('cg-uploads-a-');
  const other = temporaryDirectory('cg-uploads-b-');

  beforeAll(async () => {
    handle = await target.fresh();
    store = createStore(handle.db);
  });
  afterAll(async () => {
    await handle.close();
    receiving.remove();
    other.remove();
  });

  it('stores a file of several pieces and writes an exact copy on another instance', async () => {
    const folderId = crypto.randomUUID();
    const source = path.join(receiving.path, folderId, 'large upload.csv');
    fs.mkdirSync(path.dirname(source), { recursive: true });
    const bytes = crypto.randomBytes(2 * FILE_CHUNK_BYTES + 12_345);
    fs.writeFileSync(source, bytes);
    const now = new Date('2026-03-02T09:00:00.000Z').toISOString();
    const job: ImportJobRecord = {
      id: crypto.randomUUID(),
      partnershipId: null,
      kind: 'imd',
      sourceName: 'large upload.csv',
      sourcePath: source,
      options: {},
      status: 'previewed',
      done: 0,
      total: 0,
      report: null,
      error: null,
      createdByUserId: null,
      createdAt: now,
      updatedAt: now,
      ownerId: 'instance-a',
      heartbeatAt: now,
    };
    await store.importJobs.insert(job);
    const onReceiving = { store, uploads: uploadFolder(receiving.path) };
    const onOther = { store, uploads: uploadFolder(other.path) };

    await storeUploadedFile(onReceiving, job);
    expect(await store.importJobs.fileChunkCount(job.id)).toBe(3);
    expect(await localFileOf(onReceiving, job)).toBe(source);

    const copy = await localFileOf(onOther, job);
    expect(copy).toBe(path.join(other.path, folderId, 'large_upload.csv'));
    expect(fs.readFileSync(copy).equals(bytes)).toBe(true);
    expect(fs.readdirSync(path.dirname(copy))).toEqual(['large_upload.csv']);

    await discardJobFiles(onOther, job, copy);
    await discardJobFiles(onReceiving, job);
    expect(await store.importJobs.fileChunkCount(job.id)).toBe(0);
    expect(fs.readdirSync(other.path)).toEqual([]);
    expect(fs.readdirSync(receiving.path)).toEqual([]);
  });
});
