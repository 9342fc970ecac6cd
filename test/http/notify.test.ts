import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OutboxMessage } from '../../src/app/ports.js';
import { notifyTemplateSetting } from '../../src/config-notify.js';
import { emailKinds } from '../../src/domain/shared/email-kinds.js';
import { mailSenderFor } from '../../src/main.js';
import { notifyMailSender } from '../../src/platform/notify-mail-sender.js';
import { createPostgresDatabase, testDatabaseUrl } from '../support/database.js';
import {
  acceptedByNotify,
  checkBearerToken,
  notifyApiKey,
  notifyError,
  startLoopbackNotify,
  type LoopbackNotify,
} from '../support/loopback-notify.js';
import { createTestApp, demoAccounts, FakeClock, type TestApp } from '../support/test-app.js';

/**
 * The outbox delivered through GOV.UK Notify's own client (notifications-node-client) to a loopback server
 * standing in for Notify's API, which checks every request the client makes.
 */

const key = notifyApiKey();
const templates = Object.fromEntries(emailKinds.map((kind) => [kind, randomUUID()])) as Record<
  string,
  string
>;

const databases: {
  name: string;
  open(): Promise<{ env: Record<string, string>; remove(): Promise<void> }>;
}[] = [
  { name: 'sqlite', open: async () => ({ env: {}, remove: async () => undefined }) },
  ...(testDatabaseUrl()
    ? [
        {
          name: 'postgres',
          open: async () => {
            const database = await createPostgresDatabase();
            return { env: { DATABASE_URL: database.url }, remove: () => database.drop() };
          },
        },
      ]
    : []),
];

describe.each(databases)('delivering the outbox through GOV.UK Notify on $name', (database) => {
  let notify: LoopbackNotify;
  let t: TestApp;
  let removeDatabase: () => Promise<void>;
  const clock = new FakeClock();

  beforeAll(async () => {
    notify = await startLoopbackNotify();
    const opened = await database.open();
    removeDatabase = () => opened.remove();
    t = await createTestApp({
      clock,
      env: {
        ...opened.env,
        NOTIFY_API_KEY: key.apiKey,
        NOTIFY_BASE_URL: notify.url,
        ...Object.fromEntries(emailKinds.map((kind) => [notifyTemplateSetting(kind), templates[kind] ?? ''])),
      },
    });
  }, 120_000);
  afterAll(async () => {
    await t?.close();
    await notify?.close();
    await removeDatabase?.();
  });

  const sender = () => {
    const made = mailSenderFor(t.runtime.config);
    if (!made) throw new Error('mailSenderFor made no sender for a GOV.UK Notify configuration');
    return made;
  };
  const outbox = () => t.runtime.services.store.outbox.listRecent(1_000);
  const row = async (id: string | undefined) => t.runtime.services.store.outbox.findById(id ?? '');

  it('sends a reminder once, with its kind’s template and the outbox row as personalisation', async () => {
    await t.runtime.services.reminders.run();
    const queued = (await outbox()).filter((m) => m.status === 'queued');
    const reminder = queued.find(
      (m) => m.kind === 'reminder-round-closing' && m.recipient === 'respondent-04@vcs.eastbrook.example',
    );
    expect(reminder).toBeDefined();

    const notifySender = sender();
    expect(await t.runtime.services.outbox.deliver(notifySender)).toEqual({ sent: queued.length, failed: 0 });
    expect(await t.runtime.services.outbox.deliver(notifySender)).toEqual({ sent: 0, failed: 0 });

    // One request per email, every one of them the same shape, checked as Notify checks it.
    expect(notify.requests).toHaveLength(queued.length);
    const byReference = new Map(notify.requests.map((request) => [request.body.reference, request]));
    expect([...byReference.keys()].sort()).toEqual(queued.map((m) => m.id).sort());
    const nowInSeconds = Date.now() / 1000;
    for (const request of notify.requests) {
      expect(request.method).toBe('POST');
      expect(request.path).toBe('/v2/notifications/email');
      const token = checkBearerToken(request.authorization, key.secret);
      expect(token.header).toEqual({ alg: 'HS256', typ: 'JWT' });
      expect(token.signedWithSecret).toBe(true);
      expect(checkBearerToken(request.authorization, randomUUID()).signedWithSecret).toBe(false);
      expect(token.claims.iss).toBe(key.serviceId);
      expect(Math.abs(Number(token.claims.iat) - nowInSeconds)).toBeLessThan(120);
      expect(request.authorization).not.toContain(key.secret);
    }

    const request = byReference.get(reminder?.id);
    expect(request?.body).toEqual({
      email_address: 'respondent-04@vcs.eastbrook.example',
      template_id: templates['reminder-round-closing'],
      personalisation: { subject: reminder?.subject, body: reminder?.bodyText },
      reference: reminder?.id,
    });
    expect(request?.body.personalisation).toMatchObject({
      body: expect.stringMatching(/http:\/\/localhost:3000\/respond\/\S+/),
    });
    for (const message of queued) {
      expect(byReference.get(message.id)?.body.template_id).toBe(templates[message.kind]);
    }

    expect(await row(reminder?.id)).toMatchObject({ status: 'sent', attempts: 1, lastError: null });
    const after = await outbox();
    expect(after.filter((m) => m.status !== 'sent')).toEqual([]);
    notifySender.close();
  });

  it('records a refused or failed request on the outbox row and tries again as for SMTP', async () => {
    const refused = demoAccounts.northmoorViewer;
    const broken = demoAccounts.northmoorCouncil;
    let serverWorking = false;
    notify.answer = (request) => {
      if (request.body.email_address === refused) {
        return notifyError(400, 'BadRequestError', 'Can’t send to this recipient using a team-only API key');
      }
      if (request.body.email_address === broken && !serverWorking) {
        return notifyError(500, 'Exception', 'Internal server error');
      }
      return acceptedByNotify(request);
    };
    await t.runtime.services.passwords.requestReset(refused);
    await t.runtime.services.passwords.requestReset(broken);
    const mine = (await outbox()).filter((m) => m.status === 'queued');
    const idOf = (to: string) => mine.find((m) => m.recipient === to)?.id;
    expect(mine.map((m) => m.recipient).sort()).toEqual([broken, refused].sort());
    const before = notify.requests.length;
    const notifySender = sender();

    expect(await t.runtime.services.outbox.deliver(notifySender)).toEqual({ sent: 0, failed: 2 });
    const refusedOnce = await row(idOf(refused));
    expect(refusedOnce).toMatchObject({ status: 'queued', attempts: 1, sentAt: null });
    expect(refusedOnce?.lastError).toBe(
      'Error: GOV.UK Notify refused the email (HTTP 400): BadRequestError: Can’t send to this recipient using a team-only API key',
    );
    const brokenOnce = await row(idOf(broken));
    expect(brokenOnce).toMatchObject({ status: 'queued', attempts: 1, sentAt: null });
    expect(brokenOnce?.lastError).toBe(
      'Error: GOV.UK Notify refused the email (HTTP 500): Exception: Internal server error',
    );
    // Not due again yet.
    expect(await t.runtime.services.outbox.deliver(notifySender)).toEqual({ sent: 0, failed: 0 });
    expect(notify.requests.length - before).toBe(2);

    // A minute later Notify works again: the broken one goes; the refused one is refused until its last try.
    serverWorking = true;
    clock.advanceMinutes(1);
    expect(await t.runtime.services.outbox.deliver(notifySender)).toEqual({ sent: 1, failed: 1 });
    expect(await row(idOf(broken))).toMatchObject({ status: 'sent', attempts: 2 });
    for (const minutes of [5, 15, 60]) {
      clock.advanceMinutes(minutes);
      expect(await t.runtime.services.outbox.deliver(notifySender)).toEqual({ sent: 0, failed: 1 });
    }
    clock.advanceMinutes(24 * 60);
    expect(await t.runtime.services.outbox.deliver(notifySender)).toEqual({ sent: 0, failed: 0 });

    const last = (await row(idOf(refused))) as OutboxMessage;
    expect(last).toMatchObject({ status: 'failed', attempts: 5, sentAt: null });
    const tries = notify.requests.slice(before);
    expect(tries.filter((r) => r.body.email_address === refused)).toHaveLength(5);
    expect(tries.filter((r) => r.body.email_address === broken)).toHaveLength(2);
    expect(tries.every((r) => r.body.template_id === templates['password-reset'])).toBe(true);
    for (const message of await outbox()) {
      expect(`${message.lastError ?? ''}${message.bodyText}`).not.toContain(key.secret);
    }
    notifySender.close();
    notify.answer = acceptedByNotify;
  });

  it('names GOV.UK Notify as a processor in the privacy notice', async () => {
    const page = await t.app.inject({ method: 'GET', url: '/privacy' });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('We send emails through GOV.UK Notify');
  });
});

describe('without GOV.UK Notify', () => {
  it('leaves Notify out of the privacy notice', async () => {
    const t = await createTestApp({ seed: false });
    try {
      const page = await t.app.inject({ method: 'GET', url: '/privacy' });
      expect(page.statusCode).toBe(200);
      expect(page.body).toContain('Privacy notice');
      expect(page.body).not.toContain('GOV.UK Notify');
    } finally {
      await t.close();
    }
  });

  it('says when Notify cannot be reached, and keeps the email for a later try', async () => {
    const closed = await startLoopbackNotify();
    await closed.close();
    const t = await createTestApp({
      seed: false,
      env: {
        NOTIFY_API_KEY: key.apiKey,
        NOTIFY_BASE_URL: closed.url,
        NOTIFY_TEMPLATE_DEFAULT: randomUUID(),
      },
    });
    try {
      const { store, clock } = t.runtime.services;
      await store.outbox.enqueue({
        id: 'unreachable',
        partnershipId: null,
        recipient: 'someone@example.org',
        subject: 'Hello',
        bodyText: 'Hello there',
        kind: 'an-older-kind',
        status: 'queued',
        attempts: 0,
        createdAt: clock.now().toISOString(),
        sentAt: null,
        lastError: null,
        nextAttemptAt: null,
      });
      const notifySender = mailSenderFor(t.runtime.config);
      if (!notifySender) throw new Error('mailSenderFor made no sender for a GOV.UK Notify configuration');
      expect(await t.runtime.services.outbox.deliver(notifySender)).toEqual({ sent: 0, failed: 1 });
      const after = await store.outbox.findById('unreachable');
      expect(after).toMatchObject({ status: 'queued', attempts: 1 });
      expect(after?.lastError).toMatch(
        /^Error: GOV\.UK Notify could not be reached \(connect ECONNREFUSED 127\.0\.0\.1:\d+\)$/,
      );
    } finally {
      await t.close();
    }
  });
});

describe('a GOV.UK Notify that does not answer', () => {
  it('gives up on the request after the time limit, so the attempt fails inside the outbox lease', async () => {
    const silent = await startLoopbackNotify();
    silent.answer = () => 'no answer';
    try {
      const notifySender = notifyMailSender(
        { apiKey: key.apiKey, baseUrl: silent.url, templates: {}, otherTemplate: randomUUID() },
        { requestTimeoutMs: 200 },
      );
      const sending = notifySender.send({
        id: 'silent',
        kind: 'password-reset',
        to: 'someone@example.org',
        subject: 'Hello',
        text: 'Hello there',
      });
      await expect(sending).rejects.toThrow(
        /^GOV\.UK Notify could not be reached \(timeout of 200ms exceeded\)$/,
      );
      expect(silent.requests).toHaveLength(1);
    } finally {
      await silent.close();
    }
  });
});
