import type { AddressInfo } from 'node:net';
import { sql } from 'kysely';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { queueEmail } from '../../src/app/shared/outbox.js';
import { parseConfig } from '../../src/config.js';
import { mailSenderFor } from '../../src/main.js';
import { createPostgresDatabase, temporaryDirectory, testDatabaseUrl } from '../support/database.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

/** Every message the loopback SMTP server accepted, by recipient. */
const received: string[] = [];
let server: SMTPServer;
let port: number;

beforeAll(async () => {
  server = new SMTPServer({
    secure: false,
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    disableReverseLookup: true,
    onData(stream, session, callback) {
      stream.resume();
      stream.on('end', () => {
        received.push(...session.envelope.rcptTo.map((r) => r.address));
        // A little slower than a bare loopback, so delivery runs last longer than the poll interval.
        setTimeout(callback, 3);
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.server.address() as AddressInfo).port;
});
afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

/** The real SMTP sender, counting what it sent. */
const smtpSender = () => {
  const sender = mailSenderFor(
    parseConfig({ SMTP_HOST: '127.0.0.1', SMTP_PORT: String(port), SMTP_IGNORE_TLS: 'true' }),
  );
  if (!sender) throw new Error('no SMTP sender');
  const counted = {
    sent: 0,
    send: async (message: Parameters<typeof sender.send>[0]) => {
      await sender.send(message);
      counted.sent += 1;
    },
    close: () => sender.close(),
  };
  return counted;
};

interface SharedDatabase {
  readonly env: Record<string, string>;
  remove(): Promise<void>;
}

const sharedDatabases: { name: string; open(): Promise<SharedDatabase> }[] = [
  {
    name: 'sqlite',
    open: async () => {
      const folder = temporaryDirectory('cg-two-instances-');
      return { env: { DATA_DIR: folder.path }, remove: async () => folder.remove() };
    },
  },
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

describe.each(sharedDatabases)('two instances delivering one outbox on $name', (shared) => {
  it('deliver 300 queued emails exactly once each, old-style rows included', async () => {
    received.length = 0;
    const database = await shared.open();
    const senders = [smtpSender(), smtpSender()];
    const instances: TestApp[] = [];
    try {
      for (const sender of senders) {
        instances.push(await createTestApp({ env: database.env, seed: false, mailSender: sender }));
      }
      const [first] = instances;
      if (!first) throw new Error('no instance');
      const { store, clock } = first.runtime.services;

      const recipients = Array.from({ length: 300 }, (_, index) => `person-${index}@example.org`);
      const oldStyle = recipients.filter((_, index) => index % 6 === 0);
      for (const [index, to] of oldStyle.entries()) {
        // Written as before this release (or by hand), with only the outbox's first columns.
        await sql`insert into outbox (id, recipient, subject, body_text, kind, status, created_at)
          values (${`old-${index}`}, ${to}, ${'An older email'}, ${'Hello'}, ${'legacy-kind'}, ${'queued'},
          ${clock.now().toISOString()})`.execute(first.runtime.handle.db);
      }
      await store.transaction(async (trx) => {
        for (const [index, to] of recipients.entries()) {
          if (oldStyle.includes(to)) continue;
          await queueEmail(trx, clock, {
            partnershipId: null,
            to,
            subject: 'Hello',
            text: 'Hello there',
            kind: index % 2 ? 'invitation' : 'reminder',
          });
        }
      });

      await vi.waitFor(
        async () => {
          const rows = await store.outbox.listRecent(1_000);
          expect(rows.filter((row) => row.status === 'sent')).toHaveLength(300);
        },
        { timeout: 120_000, interval: 250 },
      );
      // Closing waits for any delivery run still going, so every send that could happen has happened.
      for (const instance of instances) await instance.close();
      instances.length = 0;

      expect(received).toHaveLength(300);
      expect([...received].sort()).toEqual([...recipients].sort());
      // Both instances took part: each claimed and sent some of the 300.
      expect(senders.map((sender) => sender.sent > 0)).toEqual([true, true]);
      expect(senders.reduce((sum, sender) => sum + sender.sent, 0)).toBe(300);
    } finally {
      for (const instance of instances) await instance.close();
      for (const sender of senders) sender.close();
      await database.remove();
    }
  }, 180_000);
});
