import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OutboxMessage, PartnershipRecord } from '../../src/app/ports.js';
import { ukDate } from '../../src/domain/assessment/round-rules.js';
import { createStore } from '../../src/storage/store.js';
import { Browser } from '../support/browser.js';
import { httpDatabases } from '../support/http-databases.js';
import { FakeClock, createTestApp, demoAccounts, knownPassword, type TestApp } from '../support/test-app.js';

const addDays = (iso: string, days: number) =>
  new Date(Date.parse(`${iso}T12:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

describe.each(httpDatabases())('members are told when a round opens for them ($name)', (database) => {
  let removeDatabase: () => Promise<void> = async () => undefined;
  let test: TestApp;
  let northmoor: PartnershipRecord;
  const clock = new FakeClock();
  const actor = { userId: null, label: 'Test' };

  const noticesAbout = async (roundName: string): Promise<OutboxMessage[]> =>
    (await createStore(test.runtime.handle.db).outbox.listRecent(1000)).filter(
      (message) => message.kind === 'reminder-round-open' && message.subject.includes(roundName),
    );
  const recipients = (messages: readonly OutboxMessage[]) => messages.map((m) => m.recipient).sort();

  const createRound = (name: string, opensOn: string) =>
    test.runtime.services.assessments.create(
      northmoor,
      {
        name,
        kind: 'quick',
        threshold: '3',
        opensOn,
        closesOn: addDays(opensOn, 14),
        groups: [
          { kind: 'council', name: 'Council', side: '' },
          { kind: 'vcs', name: 'Voluntary and community sector', side: '' },
        ],
      },
      actor,
    );

  beforeAll(async () => {
    const opened = await database.open();
    removeDatabase = opened.remove;
    test = await createTestApp({ env: opened.env, clock });
    northmoor = await test.partnership('northmoor');
    // The advice service's member has turned round-open notices off (and kept the rest).
    const advice = await createStore(test.runtime.handle.db).users.findByEmail(
      demoAccounts.northmoorAdviceVcs,
    );
    if (!advice) throw new Error('No advice service member in the demo');
    await test.runtime.services.reminders.savePreferences(advice, [
      'round-closing',
      'action-due',
      'stale-records',
      'funding-deadline',
    ]);
  }, 60_000);
  afterAll(async () => {
    await test.close();
    await removeDatabase();
  });

  it('emails members whose organisation fits a group as soon as a round opens today, once', async () => {
    await createRound('Opens today check', ukDate(clock.now()));
    const sent = await noticesAbout('Opens today check');
    // Admin and councillor work for the council; the food bank member is VCS. The viewer and the member who
    // turned these off get none.
    expect(recipients(sent)).toEqual(
      [demoAccounts.northmoorAdmin, demoAccounts.northmoorCouncil, demoAccounts.northmoorVcs].sort(),
    );
    const toVcs = sent.find((m) => m.recipient === demoAccounts.northmoorVcs);
    expect(toVcs?.bodyText).toContain('with the Voluntary and community sector group without an invitation');
    expect(toVcs?.bodyText).toMatch(/http:\/\/localhost:3000\/p\/northmoor\/rounds\/[^/\s]+\/answer/);
    expect(toVcs?.bodyText).toMatch(/http:\/\/localhost:3000\/reminders\/stop\/\S+/);

    await test.runtime.services.reminders.run();
    await test.runtime.services.reminders.run();
    expect(await noticesAbout('Opens today check')).toHaveLength(3);
  });

  it('announces a round that opens later on its opening day, leaving out people invited by email', async () => {
    const round = await createRound('Opens tomorrow check', addDays(ukDate(clock.now()), 1));
    expect(await noticesAbout('Opens tomorrow check')).toEqual([]);
    const view = await test.runtime.services.assessments.find(northmoor.id, round.id);
    const council = view?.groups.find((group) => group.kind === 'council');
    const admin = new Browser(test.app);
    expect((await admin.signIn(demoAccounts.northmoorAdmin, knownPassword)).statusCode).toBe(303);
    await admin.get(`/p/northmoor/rounds/${round.id}`);
    const invited = await admin.post(`/p/northmoor/rounds/${round.id}/groups/${council?.id ?? ''}/invite`, {
      emails: demoAccounts.northmoorCouncil,
    });
    expect(invited.statusCode).toBe(200);

    expect((await test.runtime.services.reminders.run())['round-open']).toBe(0);
    expect(await noticesAbout('Opens tomorrow check')).toEqual([]);

    clock.advanceMinutes(24 * 60);
    // The food bank member starts answering before the job runs; the notice still goes to them, or the
    // partnership's email log would show who has started.
    const foodbank = (await test.runtime.services.members.list(northmoor.id)).find(
      (m) => m.email === demoAccounts.northmoorVcs,
    );
    if (!foodbank) throw new Error('No food bank member in the demo');
    const started = await test.runtime.services.assessments.startAnswering(
      northmoor.id,
      round.id,
      { email: foodbank.email, membership: foodbank },
      undefined,
    );
    expect(started.outcome).toBe('started');
    const counts = await test.runtime.services.reminders.run();
    expect(counts['round-open']).toBe(2);
    expect(recipients(await noticesAbout('Opens tomorrow check'))).toEqual(
      [demoAccounts.northmoorAdmin, demoAccounts.northmoorVcs].sort(),
    );
    expect((await test.runtime.services.reminders.run())['round-open']).toBe(0);
  });
});
