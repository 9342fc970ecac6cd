import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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

  it('is for admins only', async () => {
    const vcs = new Browser(t.app);
    await vcs.signIn(demoAccounts.northmoorVcs, knownPassword);
    expect((await vcs.get('/p/northmoor/emails')).statusCode).toBe(403);
  });
});
