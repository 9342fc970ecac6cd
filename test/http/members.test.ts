import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MemberView } from '../../src/app/ports.js';
import { Browser } from '../support/browser.js';
import { createTestApp, demoAccounts, dumpTables, knownPassword, type TestApp } from '../support/test-app.js';

let t: TestApp;
let admin: Browser;
let northmoorId: string;

beforeAll(async () => {
  t = await createTestApp();
  northmoorId = (await t.partnership('northmoor')).id;
  admin = new Browser(t.app);
  await admin.signIn(demoAccounts.northmoorAdmin, knownPassword);
});
afterAll(async () => {
  await t.close();
});

async function member(email: string): Promise<MemberView | undefined> {
  return (await t.runtime.services.members.list(northmoorId)).find((m) => m.email === email);
}

async function memberId(email: string): Promise<string> {
  const found = await member(email);
  if (!found) throw new Error(`${email} is not a member`);
  return found.id;
}

const auditActions = async () =>
  (await t.runtime.services.audit.listForPartnership(northmoorId)).map((e) => `${e.action}: ${e.subject}`);

describe('managing members', () => {
  it('only partnership admins may open the members pages', async () => {
    const council = new Browser(t.app);
    await council.signIn(demoAccounts.northmoorCouncil, knownPassword);
    const listPage = await council.get('/p/northmoor/members');
    expect(listPage.statusCode).toBe(403);
    expect(listPage.body).toContain('You do not have permission to see this page');
    expect((await council.get('/p/northmoor/members/invite')).statusCode).toBe(403);
    const target = await memberId(demoAccounts.northmoorVcs);
    expect((await council.get(`/p/northmoor/members/${target}/change`)).statusCode).toBe(403);

    const before = await dumpTables(t.runtime);
    const post = await council.post(`/p/northmoor/members/${target}/change`, { role: 'partnership-admin' });
    expect(post.statusCode).toBe(403);
    expect((await dumpTables(t.runtime)).memberships).toEqual(before.memberships);
    expect((await admin.get('/p/northmoor/members')).statusCode).toBe(200);
  });

  it('an admin changes someone’s role, and it is audited', async () => {
    const id = await memberId(demoAccounts.northmoorVcs);
    const page = await admin.get(`/p/northmoor/members/${id}/change`);
    expect(page.statusCode).toBe(200);
    const response = await admin.post(`/p/northmoor/members/${id}/change`, {
      role: 'viewer',
      organisationId: '',
    });
    expect(response.statusCode).toBe(303);
    expect(response.headers.location).toBe('/p/northmoor/members');
    expect((await member(demoAccounts.northmoorVcs))?.role).toBe('viewer');
    expect(await auditActions()).toContain(
      `role-changed: ${demoAccounts.northmoorVcs}: Voluntary and community sector member to Viewer`,
    );
  });

  it('refuses a role that does not exist', async () => {
    const id = await memberId(demoAccounts.northmoorCouncil);
    await admin.get(`/p/northmoor/members/${id}/change`);
    const response = await admin.post(`/p/northmoor/members/${id}/change`, {
      role: 'overlord',
      organisationId: '',
    });
    expect(response.statusCode).toBe(400);
    expect(response.body).toContain('Select a role');
    expect((await member(demoAccounts.northmoorCouncil))?.role).toBe('council-member');
  });

  it('an admin removes someone’s access, and it is audited', async () => {
    const viewer = new Browser(t.app);
    await viewer.signIn(demoAccounts.northmoorViewer, knownPassword);
    expect((await viewer.get('/p/northmoor/')).statusCode).toBe(200);

    const id = await memberId(demoAccounts.northmoorViewer);
    expect((await admin.get(`/p/northmoor/members/${id}/remove`)).statusCode).toBe(200);
    const response = await admin.post(`/p/northmoor/members/${id}/remove`);
    expect(response.statusCode).toBe(303);
    expect(await member(demoAccounts.northmoorViewer)).toBeUndefined();
    expect(await auditActions()).toContain(`access-removed: ${demoAccounts.northmoorViewer}`);
    expect((await viewer.get('/p/northmoor/')).statusCode).toBe(404);
  });

  it('the last admin cannot be demoted or removed', async () => {
    const id = await memberId(demoAccounts.northmoorAdmin);
    await admin.get(`/p/northmoor/members/${id}/change`);
    const demote = await admin.post(`/p/northmoor/members/${id}/change`, {
      role: 'viewer',
      organisationId: '',
    });
    expect(demote.statusCode).toBe(400);
    expect(demote.body).toContain('This is the only partnership admin');
    await admin.get(`/p/northmoor/members/${id}/remove`);
    const remove = await admin.post(`/p/northmoor/members/${id}/remove`);
    expect(remove.statusCode).toBe(400);
    expect(remove.body).toContain('This is the only partnership admin');
    expect((await member(demoAccounts.northmoorAdmin))?.role).toBe('partnership-admin');
  });

  it('once there is a second admin, the first may step down', async () => {
    const council = await memberId(demoAccounts.northmoorCouncil);
    await admin.get(`/p/northmoor/members/${council}/change`);
    const promote = await admin.post(`/p/northmoor/members/${council}/change`, {
      role: 'partnership-admin',
      organisationId: '',
    });
    expect(promote.statusCode).toBe(303);
    const self = await memberId(demoAccounts.northmoorAdmin);
    await admin.get(`/p/northmoor/members/${self}/change`);
    const stepDown = await admin.post(`/p/northmoor/members/${self}/change`, {
      role: 'council-member',
      organisationId: '',
    });
    expect(stepDown.statusCode).toBe(303);
    expect((await admin.get('/p/northmoor/members')).statusCode).toBe(403);
  });
});
