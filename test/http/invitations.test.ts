import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Browser } from '../support/browser.js';
import { createTestApp, demoAccounts, FakeClock, knownPassword, type TestApp } from '../support/test-app.js';

const clock = new FakeClock();
let t: TestApp;
let admin: Browser;

beforeAll(async () => {
  t = await createTestApp({ clock });
  admin = new Browser(t.app);
  await admin.signIn(demoAccounts.northmoorAdmin, knownPassword);
});
afterAll(async () => {
  await t.close();
});

/** Invites someone through the web pages; answers the link shown on the confirmation page. */
async function invite(email: string, role: string): Promise<string> {
  expect((await admin.get('/p/northmoor/members/invite')).statusCode).toBe(200);
  const response = await admin.post('/p/northmoor/members/invite', { email, role, organisationId: '' });
  expect(response.statusCode).toBe(200);
  expect(response.body).toContain('Invitation sent');
  const link = /id="invitation-link">(http:\/\/localhost:3000\/invitations\/[^<\s]+)</.exec(
    response.body,
  )?.[1];
  if (!link) throw new Error('The confirmation page did not show the link');
  return new URL(link).pathname;
}

const usersCalled = async (email: string) =>
  (await t.runtime.handle.db.selectFrom('users').select('id').where('email', '=', email).execute()).length;

describe('inviting someone new', () => {
  it('shows the link once; accepting creates the account and membership and signs them in', async () => {
    const path = await invite('new.person@northmoor.example', 'vcs-member');
    const token = path.split('/').pop() ?? '';
    const members = await admin.get('/p/northmoor/members');
    expect(members.body).toContain('new.person@northmoor.example');
    expect(members.body).not.toContain(token);

    const invitee = new Browser(t.app);
    const page = await invitee.get(path);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Join Northmoor Council and Communities Partnership');

    const weak = await invitee.post(path, {
      displayName: 'Nia Newperson',
      password: 'short',
      confirmPassword: 'short',
    });
    expect(weak.statusCode).toBe(400);
    expect(await usersCalled('new.person@northmoor.example')).toBe(0);

    const password = 'nia-chose-this-password-1';
    const accepted = await invitee.post(path, {
      displayName: 'Nia Newperson',
      password,
      confirmPassword: password,
    });
    expect(accepted.statusCode).toBe(303);
    expect(accepted.headers.location).toBe('/p/northmoor/?welcome=new-account');
    const home = await invitee.get('/p/northmoor/?welcome=new-account');
    expect(home.statusCode).toBe(200);
    expect(home.body).toContain('Nia Newperson');
    expect(home.body).toMatch(
      /govuk-notification-banner--success[\s\S]*Your account has been created[\s\S]*You are now a member of Northmoor/,
    );
    expect((await invitee.get('/p/northmoor/')).body).not.toContain('Your account has been created');

    const northmoor = await t.partnership('northmoor');
    const membership = (await t.runtime.services.members.list(northmoor.id)).find(
      (m) => m.email === 'new.person@northmoor.example',
    );
    expect(membership?.role).toBe('vcs-member');
    expect((await new Browser(t.app).signIn('new.person@northmoor.example', password)).statusCode).toBe(303);
    const audit = await t.runtime.services.audit.listForPartnership(northmoor.id);
    expect(audit.map((e) => e.action)).toEqual(
      expect.arrayContaining(['member-invited', 'invitation-accepted']),
    );
  });

  it('cannot be used twice', async () => {
    const path = await invite('twice@northmoor.example', 'viewer');
    const first = new Browser(t.app);
    await first.get(path);
    const password = 'first-use-password-1';
    expect(
      (await first.post(path, { displayName: 'First Use', password, confirmPassword: password })).statusCode,
    ).toBe(303);

    const second = new Browser(t.app);
    const page = await second.get(path);
    expect(page.statusCode).toBe(404);
    expect(page.body).toContain('This invitation has expired or has already been used');
    await second.get('/sign-in');
    const other = 'second-use-password-2';
    const post = await second.post(path, {
      displayName: 'Second Use',
      password: other,
      confirmPassword: other,
    });
    expect(post.statusCode).toBe(404);
    expect(second.sessionCookie).toBeUndefined();
    expect(await usersCalled('twice@northmoor.example')).toBe(1);
    expect((await new Browser(t.app).signIn('twice@northmoor.example', other)).statusCode).toBe(400);
  });

  it('stops working when withdrawn', async () => {
    const path = await invite('withdrawn@northmoor.example', 'viewer');
    const northmoor = await t.partnership('northmoor');
    const pending = await t.runtime.services.members.pendingInvitations(northmoor.id);
    const invitation = pending.find((i) => i.email === 'withdrawn@northmoor.example');
    await admin.get('/p/northmoor/members');
    const withdrawn = await admin.post(`/p/northmoor/invitations/${invitation?.id}/withdraw`);
    expect(withdrawn.statusCode).toBe(303);
    expect((await t.app.inject({ method: 'GET', url: path })).statusCode).toBe(404);
  });

  it('stops working after 14 days', async () => {
    const path = await invite('late@northmoor.example', 'viewer');
    clock.advanceMinutes(14 * 24 * 60 - 1);
    expect((await t.app.inject({ method: 'GET', url: path })).statusCode).toBe(200);
    clock.advanceMinutes(1);
    expect((await t.app.inject({ method: 'GET', url: path })).statusCode).toBe(404);
    // The admin's session has long timed out by now.
    await admin.signIn(demoAccounts.northmoorAdmin, knownPassword);
  });
});

describe('inviting someone who already has an account', () => {
  it('asks them to sign in as that account, then adds the membership', async () => {
    await admin.signIn(demoAccounts.northmoorAdmin, knownPassword);
    const path = await invite(demoAccounts.eastbrookAdmin, 'council-member');
    const signInLink = `/sign-in?next=${encodeURIComponent(path)}`;

    // Signed in as someone else, the invitation cannot be accepted.
    const wrongPerson = new Browser(t.app);
    await wrongPerson.signIn(demoAccounts.northmoorViewer, knownPassword);
    expect((await wrongPerson.get(path)).body).not.toContain('Accept invitation');
    const refused = await wrongPerson.post(path);
    expect(refused.statusCode).toBe(303);
    expect(refused.headers.location).toBe(signInLink);

    const invitee = new Browser(t.app);
    const page = await invitee.get(path);
    expect(page.body).toContain('Sign in to accept');
    expect(page.body).toContain(`href="${signInLink}"`);
    await invitee.get(signInLink);
    const signedIn = await invitee.post('/sign-in', {
      email: demoAccounts.eastbrookAdmin,
      password: knownPassword,
      next: path,
    });
    expect(signedIn.headers.location).toBe(path);
    expect((await invitee.get('/p/northmoor/')).statusCode).toBe(404);

    expect((await invitee.get(path)).body).toContain('Accept invitation');
    const accepted = await invitee.post(path);
    expect(accepted.statusCode).toBe(303);
    expect(accepted.headers.location).toBe('/p/northmoor/?welcome=joined');
    const joined = await invitee.get('/p/northmoor/?welcome=joined');
    expect(joined.statusCode).toBe(200);
    expect(joined.body).toContain('govuk-notification-banner--success');
    expect(joined.body).toContain('You have joined Northmoor');
    expect((await invitee.get('/p/northmoor/members')).statusCode).toBe(403);
    expect((await invitee.get('/p/eastbrook/members')).statusCode).toBe(200);
  });

  it('refuses to invite someone who is already a member', async () => {
    await admin.get('/p/northmoor/members/invite');
    const response = await admin.post('/p/northmoor/members/invite', {
      email: demoAccounts.northmoorViewer,
      role: 'viewer',
      organisationId: '',
    });
    expect(response.statusCode).toBe(400);
    expect(response.body).toContain('is already a member of this partnership');
  });
});
