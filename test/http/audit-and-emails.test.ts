import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OutboxMessage } from '../../src/app/ports.js';
import { Browser } from '../support/browser.js';
import { createTestApp, demoAccounts, knownPassword, type TestApp } from '../support/test-app.js';

let t: TestApp;
let admin: Browser;
let invitationToken: string;

beforeAll(async () => {
  t = await createTestApp();
  admin = new Browser(t.app);
  await admin.signIn(demoAccounts.northmoorAdmin, knownPassword);
  await new Browser(t.app).signIn(demoAccounts.eastbrookAdmin, knownPassword);

  await admin.get('/p/northmoor/members/invite');
  const invited = await admin.post('/p/northmoor/members/invite', {
    email: 'someone.new@northmoor.example',
    role: 'viewer',
    organisationId: '',
  });
  invitationToken = /\/invitations\/([^<\s"]+)/.exec(invited.body)?.[1] ?? '';
  expect(invitationToken).not.toBe('');

  const northmoor = await t.partnership('northmoor');
  const council = (await t.runtime.services.members.list(northmoor.id)).find(
    (m) => m.email === demoAccounts.northmoorCouncil,
  );
  await admin.get(`/p/northmoor/members/${council?.id}/change`);
  await admin.post(`/p/northmoor/members/${council?.id}/change`, { role: 'viewer', organisationId: '' });

  // A password reset: an email with no partnership, which no partnership's admin should see.
  const anonymous = new Browser(t.app);
  await anonymous.get('/password-reset');
  await anonymous.post('/password-reset', { email: demoAccounts.northmoorVcs });
});
afterAll(async () => {
  await t.close();
});

describe('the audit log page', () => {
  it('lists members’ sign-ins and role changes, but not other partnerships’ people', async () => {
    const page = await admin.get('/p/northmoor/audit');
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Signed in');
    expect(page.body).toContain(demoAccounts.northmoorAdmin);
    expect(page.body).toContain('Changed a role');
    expect(page.body).toContain(`${demoAccounts.northmoorCouncil}: Council member to Viewer`);
    expect(page.body).toContain('Invited someone');
    expect(page.body).not.toContain(demoAccounts.eastbrookAdmin);
  });

  it('is for admins only', async () => {
    const vcs = new Browser(t.app);
    await vcs.signIn(demoAccounts.northmoorVcs, knownPassword);
    expect((await vcs.get('/p/northmoor/audit')).statusCode).toBe(403);
  });
});

describe('the emails page', () => {
  it('shows each email’s recipient and subject, never its body or link', async () => {
    const page = await admin.get('/p/northmoor/emails');
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('someone.new@northmoor.example');
    expect(page.body).toContain(
      'You are invited to join Northmoor Council and Communities Partnership on Common Ground',
    );

    const messages = await t.runtime.services.store.outbox.listRecent(100);
    const invitation = messages.find((m) => m.kind === 'invitation');
    expect(invitation?.bodyText).toContain(invitationToken);
    expect(page.body).not.toContain(invitationToken);
    expect(page.body).not.toContain('/invitations/');
    expect(page.body).not.toContain('has invited you to join');

    const reset = messages.find((m) => m.kind === 'password-reset');
    expect(reset?.recipient).toBe(demoAccounts.northmoorVcs);
    expect(page.body).not.toContain('Reset your Common Ground password');
    expect(page.body).not.toContain('/password/');
  });

  it('says in plain words where each email is: waiting, being sent, trying again, sent or not delivered', async () => {
    const northmoor = await t.partnership('northmoor');
    const message = (subject: string, state: Partial<OutboxMessage>): OutboxMessage => ({
      id: randomUUID(),
      partnershipId: northmoor.id,
      recipient: 'states@northmoor.example',
      subject,
      bodyText: 'Hello',
      kind: 'test',
      status: 'queued',
      attempts: 0,
      createdAt: '2026-03-02T08:00:00.000Z',
      sentAt: null,
      lastError: null,
      nextAttemptAt: null,
      ...state,
    });
    const states: [string, Partial<OutboxMessage>, string][] = [
      ['State one', { status: 'sending' }, 'Being sent'],
      [
        'State two',
        { attempts: 2, lastError: '421 try later', nextAttemptAt: '2026-03-02T08:15:00.000Z' },
        'Trying again',
      ],
      ['State three', { status: 'failed', attempts: 5, lastError: '550 no such mailbox' }, 'Not delivered'],
      ['State four', { status: 'sent', attempts: 1, sentAt: '2026-03-02T08:01:00.000Z' }, 'Sent'],
      ['State five', {}, 'Waiting to send'],
    ];
    for (const [subject, state] of states)
      await t.runtime.services.store.outbox.enqueue(message(subject, state));

    const page = await admin.get('/p/northmoor/emails');
    const rows = page.body.split('<tr class="govuk-table__row">');
    for (const [subject, , label] of states) {
      const row = rows.find((r) => r.includes(subject)) ?? '';
      expect(row, subject).toContain(`>${label}</strong>`);
    }
    expect(rows.find((r) => r.includes('State two'))).toContain('next try');
    expect(page.body).not.toContain('421 try later');
    expect(page.body).not.toContain('550 no such mailbox');
  });

  it('is for admins only', async () => {
    const vcs = new Browser(t.app);
    await vcs.signIn(demoAccounts.northmoorVcs, knownPassword);
    expect((await vcs.get('/p/northmoor/emails')).statusCode).toBe(403);
  });
});
