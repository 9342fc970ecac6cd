import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PartnershipRecord } from '../../src/app/ports.js';
import { expiredMessage } from '../../src/app/imports/upload-cleanup.js';
import { Browser } from '../support/browser.js';
import { uploadForm } from '../support/multipart.js';
import { createTestApp, demoAccounts, FakeClock, knownPassword, type TestApp } from '../support/test-app.js';

/**
 * Uploads leave nothing behind: a file over the size limit is refused as it arrives and removed at once, a
 * failed import's file goes with it, a file checked but never confirmed goes after the retention time, a
 * folder no job holds is removed by the clean-up, and a partnership can keep only so many waiting.
 */

const CSV = ['name,kind,identifier', 'Cleanup Test Hub,vcs,'].join('\n');

let t: TestApp;
let northmoor: PartnershipRecord;
let admin: Browser;
const clock = new FakeClock(new Date());

const uploadDir = () => path.join(t.dataDir, 'uploads');
const uploads = () => (fs.existsSync(uploadDir()) ? fs.readdirSync(uploadDir()).sort() : []);
const jobCount = async () => (await t.runtime.services.imports.list(northmoor.id)).length;

async function waitFor(jobId: string, status: string) {
  for (let attempt = 0; attempt < 300; attempt += 1) {
    const view = await t.runtime.services.imports.find(northmoor.id, jobId);
    if (view.job.status === status) return view;
    if (view.job.status === 'failed' && status !== 'failed') {
      throw new Error(`The import failed: ${view.job.error}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`The import did not reach ${status}`);
}

async function upload(kind: string, file: { name: string; content: string | Buffer }) {
  await admin.get('/p/northmoor/imports');
  return uploadForm(admin, '/p/northmoor/imports', { kind }, file);
}

const jobIdOf = (response: { headers: Record<string, unknown> }) =>
  /\/imports\/([0-9a-f-]{36})$/.exec(String(response.headers.location))?.[1] as string;

beforeAll(async () => {
  t = await createTestApp({
    clock,
    // Sessions outlast the clock's jumps of a day.
    env: {
      UPLOAD_MAX_MB: '1',
      UPLOAD_MAX_WAITING: '2',
      SESSION_IDLE_MINUTES: '10000',
      SESSION_ABSOLUTE_HOURS: '1000',
    },
  });
  northmoor = await t.partnership('northmoor');
  admin = new Browser(t.app);
  await admin.signIn(demoAccounts.northmoorAdmin, knownPassword);
}, 60_000);
afterAll(() => t.close());

describe('uploads leave nothing behind', () => {
  let waitingJob = '';

  it('refuses a file over the limit with a page naming the limit, and keeps nothing of it', async () => {
    const before = await jobCount();
    const response = await upload('organisations', {
      name: 'too big.csv',
      content: Buffer.alloc(1024 * 1024 + 300_000, 'a'),
    });
    expect(response.statusCode).toBe(413);
    expect(response.body).toContain('govuk-error-summary');
    expect(response.body).toContain('The file must be smaller than 1 MB');
    expect(response.body).not.toContain('not in the form we expected');
    expect(uploads()).toEqual([]);
    expect(await jobCount()).toBe(before);
  });

  it('stops writing a file at the limit and removes it while the rest is still arriving', async () => {
    await admin.get('/p/northmoor/imports');
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    const { port } = t.app.server.address() as AddressInfo;
    const boundary = '----cgslowupload';
    const head =
      `--${boundary}\r\nContent-Disposition: form-data; name="_csrf"\r\n\r\n${admin.csrfToken ?? ''}\r\n` +
      `--${boundary}\r\nContent-Disposition: form-data; name="kind"\r\n\r\norganisations\r\n` +
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="slow.csv"\r\n` +
      'Content-Type: text/csv\r\n\r\n';
    const answer = new Promise<{ status: number; body: string }>((resolve, reject) => {
      const request = http.request(
        {
          host: '127.0.0.1',
          port,
          method: 'POST',
          path: '/p/northmoor/imports',
          headers: {
            'content-type': `multipart/form-data; boundary=${boundary}`,
            cookie: [...admin.cookies].map(([name, value]) => `${name}=${value}`).join('; '),
          },
        },
        (response) => {
          let body = '';
          response.on('data', (chunk: Buffer) => (body += chunk.toString()));
          response.on('end', () => resolve({ status: response.statusCode ?? 0, body }));
        },
      );
      request.on('error', reject);
      request.write(head);
      request.write(Buffer.alloc(1536 * 1024, 'b'));
      // Half a megabyte past the limit has been sent; the rest is sent once the partial file has gone (or was
      // never seen: written and removed between two looks). Kept until the request ended, it would be seen.
      const began = Date.now();
      let seen = false;
      const whenRemoved = () => {
        const present = uploads().length > 0;
        seen ||= present;
        if (!present && (seen || Date.now() - began > 3_000)) {
          request.end(Buffer.concat([Buffer.alloc(512 * 1024, 'b'), Buffer.from(`\r\n--${boundary}--\r\n`)]));
        } else if (Date.now() - began > 30_000) {
          request.destroy(new Error(`The partial upload is still there: ${uploads().join(', ')}`));
        } else setTimeout(whenRemoved, 20);
      };
      whenRemoved();
    });
    const { status, body } = await answer;
    expect(status).toBe(413);
    expect(body).toContain('The file must be smaller than 1 MB');
    expect(uploads()).toEqual([]);
  }, 60_000);

  it('writes nothing for someone who is not signed in', async () => {
    const stranger = new Browser(t.app);
    const response = await uploadForm(
      stranger,
      '/p/northmoor/imports',
      { kind: 'organisations' },
      { name: 'x.csv', content: CSV },
    );
    expect(response.statusCode).toBe(403);
    expect(uploads()).toEqual([]);
  });

  it('removes the file of an import that fails', async () => {
    const response = await upload('grants', { name: 'grants.json', content: '{"grants": [ broken' });
    expect(response.statusCode).toBe(303);
    const view = await waitFor(jobIdOf(response), 'failed');
    expect(view.job.error).toMatch(/not valid JSON/);
    expect(fs.existsSync(view.job.sourcePath)).toBe(false);
    expect(uploads()).toEqual([]);
  }, 120_000);

  it('removes a folder no import holds once it has not been written to for an hour, and keeps waiting uploads', async () => {
    const response = await upload('organisations', { name: 'waiting.csv', content: CSV });
    waitingJob = jobIdOf(response);
    const waiting = await waitFor(waitingJob, 'previewed');
    const waitingFolder = path.basename(path.dirname(waiting.job.sourcePath));
    const orphan = path.join(uploadDir(), '6f1c7f5e-0000-4000-8000-00000000abcd');
    fs.mkdirSync(orphan, { recursive: true });
    fs.writeFileSync(path.join(orphan, 'left-by-a-crash.csv'), CSV);
    expect(uploads()).toEqual([path.basename(orphan), waitingFolder].sort());

    // It may be an upload still arriving: left alone for now.
    expect(await t.runtime.services.imports.cleanUpUploads()).toEqual({ expired: 0, removed: 0 });
    expect(fs.existsSync(orphan)).toBe(true);

    clock.advanceMinutes(61);
    expect(await t.runtime.services.imports.cleanUpUploads()).toEqual({ expired: 0, removed: 1 });
    expect(uploads()).toEqual([waitingFolder]);
    expect((await t.runtime.services.imports.find(northmoor.id, waitingJob)).job.status).toBe('previewed');
  }, 120_000);

  it('cancels an import left waiting past the retention time and removes its file', async () => {
    clock.advanceMinutes(22 * 60);
    expect(await t.runtime.services.imports.cleanUpUploads()).toEqual({ expired: 0, removed: 0 });
    expect(uploads()).toHaveLength(1);

    clock.advanceMinutes(60);
    expect(await t.runtime.services.imports.cleanUpUploads()).toEqual({ expired: 1, removed: 0 });
    expect(uploads()).toEqual([]);
    const view = await t.runtime.services.imports.find(northmoor.id, waitingJob);
    expect(view.job).toMatchObject({ status: 'cancelled', error: expiredMessage(24) });
    const page = await admin.get(`/p/northmoor/imports/${waitingJob}`);
    expect(page.body).toContain('Nobody confirmed this import within 24 hours');
    const confirm = await admin.post(`/p/northmoor/imports/${waitingJob}/confirm`);
    expect(confirm.statusCode).toBe(303);
    expect((await t.runtime.services.imports.find(northmoor.id, waitingJob)).job.status).toBe('cancelled');
  });

  it('removes an applied import’s file when it is applied, and anything of it left behind by the clean-up', async () => {
    const response = await upload('organisations', { name: 'applied.csv', content: CSV });
    const jobId = jobIdOf(response);
    await waitFor(jobId, 'previewed');
    await admin.get(`/p/northmoor/imports/${jobId}`);
    await admin.post(`/p/northmoor/imports/${jobId}/confirm`);
    const view = await waitFor(jobId, 'applied');
    expect(uploads()).toEqual([]);

    // As if removing it had failed: the clean-up finds it, as no waiting import holds it.
    fs.mkdirSync(path.dirname(view.job.sourcePath), { recursive: true });
    fs.writeFileSync(view.job.sourcePath, CSV);
    clock.advanceMinutes(61);
    const old = new Date(clock.now().getTime() - 2 * 3_600_000);
    fs.utimesSync(view.job.sourcePath, old, old);
    fs.utimesSync(path.dirname(view.job.sourcePath), old, old);
    expect(await t.runtime.services.imports.cleanUpUploads()).toEqual({ expired: 0, removed: 1 });
    expect(uploads()).toEqual([]);
  }, 120_000);

  it('refuses a new upload while the most allowed are waiting, keeping nothing of it', async () => {
    const first = jobIdOf(await upload('organisations', { name: 'one.csv', content: CSV }));
    const second = jobIdOf(await upload('organisations', { name: 'two.csv', content: CSV }));
    expect(uploads()).toHaveLength(2);
    const before = await jobCount();

    const refused = await upload('organisations', { name: 'three.csv', content: CSV });
    expect(refused.statusCode).toBe(400);
    expect(refused.body).toContain('govuk-error-summary');
    expect(refused.body).toContain('There are already 2 imports here');
    expect(refused.body).toContain('the most kept at once (2)');
    expect(uploads()).toHaveLength(2);
    expect(await jobCount()).toBe(before);

    await waitFor(first, 'previewed');
    await waitFor(second, 'previewed');
    await admin.get(`/p/northmoor/imports/${first}`);
    await admin.post(`/p/northmoor/imports/${first}/cancel`);
    expect(uploads()).toHaveLength(1);
    const accepted = await upload('organisations', { name: 'three.csv', content: CSV });
    expect(accepted.statusCode).toBe(303);
    await waitFor(jobIdOf(accepted), 'previewed');
    expect(uploads()).toHaveLength(2);
  }, 120_000);
});
