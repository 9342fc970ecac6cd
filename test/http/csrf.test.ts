import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Browser } from '../support/browser.js';
import { createTestApp, demoAccounts, dumpTables, knownPassword, type TestApp } from '../support/test-app.js';

let t: TestApp;
let admin: Browser;

beforeAll(async () => {
  t = await createTestApp();
  admin = new Browser(t.app);
  await admin.signIn(demoAccounts.northmoorAdmin, knownPassword);
  await admin.get('/p/northmoor/organisations/new');
});
afterAll(async () => {
  await t.close();
});

const organisation = { name: 'Moor Lane Allotments', kind: 'vcs', identifier: '' };

describe('forms without a valid CSRF token', () => {
  it.each([
    ['no token', {}],
    ['a made-up token', { _csrf: 'made-up-token' }],
    ['an empty token', { _csrf: '' }],
  ])('are refused with %s, and nothing changes', async (_label, extra: Record<string, string>) => {
    const before = await dumpTables(t.runtime);
    const response = await admin.post(
      '/p/northmoor/organisations/new',
      { ...organisation, ...extra },
      { csrf: false },
    );
    expect(response.statusCode).toBe(403);
    expect(response.body).toContain('This form has expired');
    expect(await dumpTables(t.runtime)).toEqual(before);
  });

  it('are refused with a token from another browser', async () => {
    const other = new Browser(t.app);
    await other.get('/sign-in');
    expect(other.csrfToken).toBeTruthy();
    expect(other.csrfToken).not.toBe(admin.csrfToken);
    const before = await dumpTables(t.runtime);
    const response = await admin.post('/p/northmoor/organisations/new', {
      ...organisation,
      _csrf: other.csrfToken ?? '',
    });
    expect(response.statusCode).toBe(403);
    expect(await dumpTables(t.runtime)).toEqual(before);
  });

  it('are refused on sign-in too, so nobody can be signed in to someone else’s account', async () => {
    const browser = new Browser(t.app);
    const response = await browser.post(
      '/sign-in',
      { email: demoAccounts.northmoorViewer, password: knownPassword },
      { csrf: false },
    );
    expect(response.statusCode).toBe(403);
    expect(browser.sessionCookie).toBeUndefined();
  });

  it('the same form with the page’s token is accepted', async () => {
    await admin.get('/p/northmoor/organisations/new');
    const response = await admin.post('/p/northmoor/organisations/new', organisation);
    expect(response.statusCode).toBe(303);
    const northmoor = await t.partnership('northmoor');
    const names = (await t.runtime.services.organisations.list(northmoor.id)).map((o) => o.name);
    expect(names).toContain('Moor Lane Allotments');
  });
});
