import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OutboxMessage } from '../../src/app/ports.js';
import { createStore } from '../../src/storage/store.js';
import { Browser } from '../support/browser.js';
import { FakeClock, createTestApp, demoAccounts, knownPassword, type TestApp } from '../support/test-app.js';

/**
 * The reminders job over the demo (Northmoor's overdue action, stale directory records and funding deadline;
 * Eastbrook's round closing in 5 days and action due in 4), the preferences page and the stop link.
 */

/** Reminders, leaving out round-open notices (test/http/round-open-notices.test.ts covers those). */
const reminderMessages = async (test: TestApp): Promise<OutboxMessage[]> =>
  (await createStore(test.runtime.handle.db).outbox.listRecent(1000)).filter(
    (m) => m.kind.startsWith('reminder-') && m.kind !== 'reminder-round-open',
  );

const stopLinkIn = (message: OutboxMessage | undefined): string => {
  const link = /http:\/\/localhost:3000(\/reminders\/stop\/\S+)/.exec(message?.bodyText ?? '')?.[1];
  if (!link) throw new Error('No stop link in the email');
  return link;
};

const dayMinutes = 24 * 60;

describe('the reminders job', () => {
  let test: TestApp;
  const clock = new FakeClock();

  beforeAll(async () => {
    test = await createTestApp({ clock });
  }, 60_000);
  afterAll(() => test.close());

  it('sends each reminder once however often it runs', async () => {
    const first = await test.runtime.services.reminders.run();
    // Actions: Eastbrook's due soon (its admin), Northmoor's overdue one and the dashboard demo's one due in 7 days
    // (each to Northmoor's admin and council member).
    expect(first).toEqual({
      'round-open': 3,
      'round-closing': 3,
      'action-due': 5,
      'stale-records': 3,
      'funding-deadline': 1,
    });
    const sent = await reminderMessages(test);
    expect(sent).toHaveLength(12);

    expect(await test.runtime.services.reminders.run()).toEqual({
      'round-open': 0,
      'round-closing': 0,
      'action-due': 0,
      'stale-records': 0,
      'funding-deadline': 0,
    });
    // Run concurrently too: the unique key lets only one copy through.
    await Promise.all([test.runtime.services.reminders.run(), test.runtime.services.reminders.run()]);
    expect(await reminderMessages(test)).toHaveLength(12);

    // A day later only Northmoor's action has a new reminder: 22 days overdue starts its fourth week.
    clock.advanceMinutes(dayMinutes);
    expect(await test.runtime.services.reminders.run()).toEqual({
      'round-open': 0,
      'round-closing': 0,
      'action-due': 2,
      'stale-records': 0,
      'funding-deadline': 0,
    });
    expect(await reminderMessages(test)).toHaveLength(14);
  });

  it('reminds only invitees who have not submitted, through a fresh personal link, out of the partnership’s email log', async () => {
    const messages = (await reminderMessages(test)).filter((m) => m.kind === 'reminder-round-closing');
    expect(messages.map((m) => m.recipient).sort()).toEqual([
      'respondent-04@vcs.eastbrook.example',
      'respondent-05@vcs.eastbrook.example',
      'respondent-06@vcs.eastbrook.example',
    ]);
    expect(messages.every((m) => m.partnershipId === null)).toBe(true);
    const eastbrook = await test.partnership('eastbrook');
    const log = await test.runtime.services.outbox.metadataForPartnership(eastbrook.id);
    expect(log.some((m) => m.recipient.includes('@vcs.eastbrook.example'))).toBe(false);
    expect(log.some((m) => m.kind === 'reminder-action-due')).toBe(true);

    const admin = new Browser(test.app);
    expect((await admin.signIn(demoAccounts.eastbrookAdmin, knownPassword)).statusCode).toBe(303);
    const page = await admin.get('/p/eastbrook/emails');
    expect(page.statusCode).toBe(200);
    expect(page.body).not.toContain('respondent-0');

    // The link in the reminder opens the invitee's saved answers.
    const link = /http:\/\/localhost:3000(\/respond\/\S+)/.exec(messages[0]?.bodyText ?? '')?.[1];
    expect(link).toBeDefined();
    const respondent = new Browser(test.app);
    expect((await respondent.get(link as string)).statusCode).toBe(200);
  });

  it('sends action reminders to the owning organisation’s members, and overdue ones weekly', async () => {
    const actionMessages = (await reminderMessages(test)).filter((m) => m.kind === 'reminder-action-due');
    expect(actionMessages.map((m) => `${m.recipient} ${m.subject.split(':')[0]}`).sort()).toEqual([
      `${demoAccounts.eastbrookAdmin} Action due on 6 March 2026`,
      `${demoAccounts.northmoorAdmin} Action due on 9 March 2026`,
      `${demoAccounts.northmoorAdmin} Overdue action`,
      `${demoAccounts.northmoorAdmin} Overdue action`,
      `${demoAccounts.northmoorCouncil} Action due on 9 March 2026`,
      `${demoAccounts.northmoorCouncil} Overdue action`,
      `${demoAccounts.northmoorCouncil} Overdue action`,
    ]);
    // Eastbrook's action was due 4 days after the start; a day after that it is overdue: one more, then not
    // again that week (Northmoor's stays in its fourth week).
    clock.advanceMinutes(4 * dayMinutes);
    const later = await test.runtime.services.reminders.run();
    expect(later['action-due']).toBe(1);
    const overdue = (await reminderMessages(test)).filter((m) =>
      m.subject.startsWith('Overdue action: Publish'),
    );
    expect(overdue.map((m) => m.recipient)).toEqual([demoAccounts.eastbrookAdmin]);
    expect((await test.runtime.services.reminders.run())['action-due']).toBe(0);
  });
});

describe('turning reminders off', () => {
  let test: TestApp;
  const clock = new FakeClock();

  beforeAll(async () => {
    test = await createTestApp({ clock });
  }, 60_000);
  afterAll(() => test.close());

  it('saves a person’s choices on the preferences page, and an opted-out person gets none of that kind', async () => {
    const vcs = new Browser(test.app);
    expect((await vcs.signIn(demoAccounts.northmoorVcs, knownPassword)).statusCode).toBe(303);
    const page = await vcs.get('/account/reminders');
    expect(page.statusCode).toBe(200);
    expect(page.body.match(/type="checkbox"[^>]*checked/g)).toHaveLength(5);

    // Without the form's CSRF token nothing changes.
    expect((await vcs.post('/account/reminders', {}, { csrf: false })).statusCode).toBe(403);
    const saved = await vcs.post('/account/reminders', { receive: 'action-due' });
    expect(saved.statusCode).toBe(303);
    expect(saved.headers.location).toBe('/account/reminders?saved=yes');
    const after = await vcs.get('/account/reminders?saved=yes');
    expect(after.body).toContain('Your reminder choices have been saved');
    expect(after.body.match(/type="checkbox"[^>]*checked/g)).toHaveLength(1);

    const bad = await vcs.post('/account/reminders', { receive: 'everything' });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('Select only the reminders listed');

    const counts = await test.runtime.services.reminders.run();
    const toVcs = (await reminderMessages(test)).filter((m) => m.recipient === demoAccounts.northmoorVcs);
    expect(toVcs).toEqual([]);
    expect(counts['funding-deadline']).toBe(0);
    expect(counts['stale-records']).toBe(2);
  });

  it('stops one kind from the link in the email, without signing in, only after the button is pressed', async () => {
    const advice = (await reminderMessages(test)).find(
      (m) => m.recipient === demoAccounts.northmoorAdviceVcs && m.kind === 'reminder-stale-records',
    );
    const link = stopLinkIn(advice);
    const stranger = new Browser(test.app);
    const confirm = await stranger.get(link);
    expect(confirm.statusCode).toBe(200);
    expect(confirm.headers['cache-control']).toBe('no-store');
    expect(confirm.body).toContain('Your organisation’s directory records need checking');
    const store = createStore(test.runtime.handle.db);
    const adviceUser = await store.users.findByEmail(demoAccounts.northmoorAdviceVcs);
    expect(await store.reminders.optedOut(adviceUser?.id ?? '')).toEqual([]);

    const stopped = await stranger.post(link);
    expect(stopped.statusCode).toBe(200);
    expect(stopped.body).toContain('Reminders stopped');
    expect(await store.reminders.optedOut(adviceUser?.id ?? '')).toEqual(['stale-records']);
    expect((await stranger.get(link)).body).toContain('already turned off');

    // A month later the digest goes again, but not to them.
    clock.advanceMinutes(31 * dayMinutes);
    await test.runtime.services.reminders.run();
    const digests = (await reminderMessages(test)).filter((m) => m.kind === 'reminder-stale-records');
    expect(digests.filter((m) => m.recipient === demoAccounts.northmoorAdviceVcs)).toHaveLength(1);
    expect(digests.filter((m) => m.recipient === demoAccounts.northmoorViewer)).toHaveLength(2);
  });

  it('refuses a stop link that was changed or made up', async () => {
    const advice = (await reminderMessages(test)).find((m) => m.recipient === demoAccounts.northmoorViewer);
    const link = stopLinkIn(advice);
    const otherKind = link.replace('.stale-records.', '.action-due.');
    const browser = new Browser(test.app);
    expect((await browser.get(otherKind)).statusCode).toBe(404);
    expect((await browser.get('/reminders/stop/nonsense')).statusCode).toBe(404);
    await browser.get('/sign-in');
    expect((await browser.post(otherKind)).statusCode).toBe(404);
  });
});

describe('an invitee turning off round reminders', () => {
  let test: TestApp;
  const clock = new FakeClock();

  beforeAll(async () => {
    test = await createTestApp({ clock });
  }, 60_000);
  afterAll(() => test.close());

  it('stops reminders for their invitation only, and a new closing date reminds the others again', async () => {
    await test.runtime.services.reminders.run();
    const messages = (await reminderMessages(test)).filter((m) => m.kind === 'reminder-round-closing');
    const invitee = messages.find((m) => m.recipient === 'respondent-04@vcs.eastbrook.example');
    const link = stopLinkIn(invitee);
    expect(invitee?.bodyText).not.toContain('/account/reminders');
    const browser = new Browser(test.app);
    const confirm = await browser.get(link);
    expect(confirm.body).toContain('This stops reminders about this round only');
    expect((await browser.post(link)).statusCode).toBe(200);

    // The organisers move the closing date: a new period, so the others are reminded again.
    const db = test.runtime.handle.db;
    const round = await db
      .selectFrom('assessment_rounds')
      .select(['id', 'closes_on'])
      .where('name', '=', 'Eastbrook winter quick check')
      .executeTakeFirstOrThrow();
    const later = new Date(Date.parse(`${round.closes_on}T12:00:00Z`) + 86_400_000)
      .toISOString()
      .slice(0, 10);
    await db.updateTable('assessment_rounds').set({ closes_on: later }).where('id', '=', round.id).execute();
    expect((await test.runtime.services.reminders.run())['round-closing']).toBe(2);
    const again = (await reminderMessages(test)).filter((m) => m.kind === 'reminder-round-closing');
    expect(again.filter((m) => m.recipient === 'respondent-04@vcs.eastbrook.example')).toHaveLength(1);
    expect(again).toHaveLength(5);
  });
});
