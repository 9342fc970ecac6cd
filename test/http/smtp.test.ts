import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/config.js';
import { mailSenderFor } from '../../src/main.js';
import { createTestApp, demoAccounts, FakeClock, type TestApp } from '../support/test-app.js';

interface Received {
  readonly from: string;
  readonly to: string[];
  readonly raw: string;
}

/** The text of a simple message: its body after the headers, with quoted-printable undone. */
function bodyOf(raw: string): string {
  const [headers = '', ...rest] = raw.split(/\r?\n\r?\n/);
  const body = rest.join('\n\n');
  if (!/content-transfer-encoding:\s*quoted-printable/i.test(headers)) return body;
  return body
    .replace(/=\r?\n/g, '')
    .replace(/=([0-9A-F]{2})/gi, (_match, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

const received: Received[] = [];
const refused = new Set<string>();
let server: SMTPServer;
let port: number;
let t: TestApp;
const clock = new FakeClock();

beforeAll(async () => {
  server = new SMTPServer({
    secure: false,
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onRcptTo(address, _session, callback) {
      if (refused.has(address.address)) {
        const error = Object.assign(new Error('No such mailbox here'), { responseCode: 550 });
        return callback(error);
      }
      return callback();
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        received.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          to: session.envelope.rcptTo.map((r) => r.address),
          raw: Buffer.concat(chunks).toString('utf8'),
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.server.address() as AddressInfo).port;
  t = await createTestApp({ clock });
});

afterAll(async () => {
  await t.close();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

function sender() {
  const made = mailSenderFor(
    parseConfig({
      SMTP_HOST: '127.0.0.1',
      SMTP_PORT: String(port),
      SMTP_IGNORE_TLS: 'true',
      MAIL_FROM: 'Common Ground <no-reply@common-ground.test>',
    }),
  );
  if (!made) throw new Error('mailSenderFor made no sender for an SMTP configuration');
  return made;
}

const outboxFor = async (email: string) =>
  (await t.runtime.services.store.outbox.listRecent(100)).filter((m) => m.recipient === email);

describe('delivering the outbox by SMTP', () => {
  it('sends a password reset email with its link, and marks it sent', async () => {
    await t.runtime.services.passwords.requestReset(demoAccounts.northmoorViewer);
    const [queued] = await outboxFor(demoAccounts.northmoorViewer);
    expect(queued?.status).toBe('queued');
    const link = /http:\/\/localhost:3000\/password\/\S+/.exec(queued?.bodyText ?? '')?.[0];
    expect(link).toBeDefined();

    const smtp = sender();
    try {
      expect(await t.runtime.services.outbox.deliver(smtp)).toEqual({ sent: 1, failed: 0 });
      expect(await t.runtime.services.outbox.deliver(smtp)).toEqual({ sent: 0, failed: 0 });
    } finally {
      smtp.close();
    }

    expect(received).toHaveLength(1);
    const [message] = received;
    expect(message?.to).toEqual([demoAccounts.northmoorViewer]);
    expect(message?.from).toBe('no-reply@common-ground.test');
    expect(message?.raw).toMatch(/^Subject: Reset your Common Ground password\r?$/m);
    expect(bodyOf(message?.raw ?? '')).toContain(link);

    const after = await t.runtime.services.store.outbox.findById(queued?.id ?? '');
    expect(after).toMatchObject({ status: 'sent', attempts: 1, lastError: null });
    expect(after?.sentAt).toBeTruthy();
  });

  it('keeps a refused message queued for a later try, counting attempts, and gives up after five', async () => {
    refused.add(demoAccounts.northmoorCouncil);
    await t.runtime.services.passwords.requestReset(demoAccounts.northmoorCouncil);
    const [queued] = await outboxFor(demoAccounts.northmoorCouncil);
    const before = received.length;

    const smtp = sender();
    try {
      expect(await t.runtime.services.outbox.deliver(smtp)).toEqual({ sent: 0, failed: 1 });
      const once = await t.runtime.services.store.outbox.findById(queued?.id ?? '');
      expect(once).toMatchObject({ status: 'queued', attempts: 1, sentAt: null });
      expect(once?.lastError).toMatch(/550|No such mailbox/);
      expect(await t.runtime.services.outbox.deliver(smtp)).toEqual({ sent: 0, failed: 0 });

      for (let attempt = 2; attempt <= 5; attempt += 1) {
        clock.advanceMinutes(60);
        expect(await t.runtime.services.outbox.deliver(smtp)).toEqual({ sent: 0, failed: 1 });
      }
    } finally {
      smtp.close();
    }
    const last = await t.runtime.services.store.outbox.findById(queued?.id ?? '');
    expect(last).toMatchObject({ status: 'failed', attempts: 5 });
    expect(received.length).toBe(before);
  });
});
