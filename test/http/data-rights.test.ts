import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { roundResults } from '../../src/app/assessments/results.js';
import type { PartnershipRecord } from '../../src/app/ports.js';
import { Browser } from '../support/browser.js';
import {
  answerAll,
  COUNCIL_COMMENT,
  councilAnswer,
  createThreeGroupRound,
  faithAnswer,
  respondents,
  scenarioActor,
  VCS_COMMENT,
  vcsAnswer,
} from '../support/assessment-scenario.js';
import { createTestApp, demoAccounts, FakeClock, knownPassword, type TestApp } from '../support/test-app.js';

/**
 * People's data over HTTP: the download holds the person's data and nobody else's; deleting an account, and
 * applying the retention setting, leave a round's results exactly as they were.
 */

let t: TestApp;
let clock: FakeClock;
let northmoor: PartnershipRecord;
let roundId: string;
const vcsEmail = demoAccounts.northmoorVcs;

beforeAll(async () => {
  clock = new FakeClock();
  t = await createTestApp({ clock });
  northmoor = await t.partnership('northmoor');
  const services = t.runtime.services;
  const view = await createThreeGroupRound(t, northmoor, 'Data rights round', 'quick');
  roundId = view.round.id;
  await answerAll(t, view, await respondents(t, clock, view, 'Council', 3, 'council'), councilAnswer);
  // The demo VCS member answers too, invited by the email address of their account.
  const vcsGroup = view.groups.find((g) => g.name === 'VCS');
  if (!vcsGroup) throw new Error('no VCS group');
  clock.advanceMinutes(1);
  await services.assessments.invite(view, 'Northmoor', vcsGroup.id, vcsEmail, scenarioActor);
  const message = (await services.store.outbox.listRecent(50)).find((m) => m.recipient === vcsEmail);
  const vcsToken = /\/respond\/([A-Za-z0-9_-]+)/.exec(message?.bodyText ?? '')?.[1];
  if (!vcsToken) throw new Error('no link for the VCS member');
  await answerAll(t, view, [vcsToken], (code) => vcsAnswer(code, 0));
  await answerAll(t, view, await respondents(t, clock, view, 'VCS', 4, 'vcs'), (code, who) =>
    vcsAnswer(code, who + 1),
  );
  await answerAll(t, view, await respondents(t, clock, view, 'Faith', 2, 'faith'), faithAnswer);
});

afterAll(async () => {
  await t.close();
});

async function signedIn(email: string): Promise<Browser> {
  const browser = new Browser(t.app);
  const response = await browser.signIn(email, knownPassword);
  expect(response.statusCode).toBe(303);
  return browser;
}

/** A page's HTML without what changes on every request (the form token and script nonces). */
const stable = (html: string) =>
  html.replace(/name="_csrf" value="[^"]+"/g, '').replace(/nonce="[^"]+"/g, '');

/** The results page, its CSV and the results worked out afresh without the in-memory cache. */
async function resultsNow(admin: Browser) {
  const page = await admin.get(`/p/northmoor/rounds/${roundId}/results`);
  const csv = await admin.get(`/p/northmoor/rounds/${roundId}/results.csv`);
  expect(page.statusCode).toBe(200);
  expect(csv.statusCode).toBe(200);
  const services = t.runtime.services;
  const view = await services.assessments.find(northmoor.id, roundId);
  if (!view) throw new Error('round not found');
  const fresh = await roundResults(
    { store: services.store, clock, frameworks: services.assessments.frameworks, baseUrl: services.baseUrl },
    view,
  );
  return { page: stable(page.body), csv: csv.body, results: fresh.results, previous: fresh.previous };
}

describe('downloading your data', () => {
  it('holds the person’s own data, says why answers are not in it, and holds nobody else’s', async () => {
    const vcs = await signedIn(vcsEmail);
    const response = await vcs.get('/account/your-data.json');
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-disposition']).toContain('attachment');
    expect(response.headers['cache-control']).toBe('no-store');
    const data = JSON.parse(response.body) as Record<string, unknown> & {
      account: { email: string };
      memberships: { partnershipName: string; role: string }[];
      roundInvitations: { roundName: string }[];
      sessions: unknown[];
      auditEntries: { action: string }[];
      answers: string;
    };
    expect(data.account.email).toBe(vcsEmail);
    expect(data.memberships).toEqual([expect.objectContaining({ role: 'vcs-member' })]);
    expect(data.roundInvitations.map((i) => i.roundName)).toEqual(['Data rights round']);
    expect(data.sessions.length).toBeGreaterThan(0);
    expect(data.auditEntries.map((e) => e.action)).toContain('signed-in');
    expect(data.answers).toContain('not included');
    for (const other of [
      demoAccounts.northmoorAdmin,
      demoAccounts.northmoorCouncil,
      demoAccounts.eastbrookAdmin,
      '@respondents.example',
      VCS_COMMENT,
      COUNCIL_COMMENT,
      'password_hash',
      'tokenHash',
    ]) {
      expect(response.body).not.toContain(other);
    }
  });

  it('shows the same data as a page', async () => {
    const vcs = await signedIn(vcsEmail);
    const page = await vcs.get('/account/your-data');
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Invitations to answer an assessment round');
    expect(page.body).toContain('Data rights round');
    expect(page.body).toContain(vcsEmail);
    // The invitation email, not yet sent, in words rather than its stored status.
    expect(page.body).toContain('Waiting to send');
    expect(page.body).not.toMatch(/>\s*queued\s*</);
    expect(page.body).not.toContain(demoAccounts.northmoorAdmin);
  });

  it('gives each person only their own data, and nothing to someone signed out', async () => {
    const viewer = await signedIn(demoAccounts.northmoorViewer);
    const own = await viewer.get('/account/your-data.json');
    expect(JSON.parse(own.body).account.email).toBe(demoAccounts.northmoorViewer);
    expect(own.body).not.toContain(vcsEmail);
    const anonymous = new Browser(t.app);
    for (const url of ['/account/your-data.json', '/account/your-data', '/account/delete']) {
      const response = await anonymous.get(url);
      expect(response.statusCode, url).not.toBe(200);
      expect(response.body).not.toContain(vcsEmail);
    }
  });
});

describe('deleting an account', () => {
  it('refuses the last partnership admin and the last national admin, saying how to fix it', async () => {
    const eastbrookAdmin = await signedIn(demoAccounts.eastbrookAdmin);
    const page = await eastbrookAdmin.get('/account/delete');
    expect(page.body).toContain('You are the only partnership admin of Eastbrook Together');
    expect(page.body).toContain('/p/eastbrook/members');
    expect(page.body).not.toContain('name="confirmEmail"');
    const refused = await eastbrookAdmin.post('/account/delete', {
      confirmEmail: demoAccounts.eastbrookAdmin,
    });
    expect(refused.statusCode).toBe(409);
    expect(await t.runtime.services.users.findByEmail(demoAccounts.eastbrookAdmin)).toBeDefined();

    const national = await signedIn(demoAccounts.national);
    expect((await national.get('/account/delete')).body).toContain('You are the only national admin');
  });

  it('cannot delete someone else’s account, and needs the form token', async () => {
    const viewer = await signedIn(demoAccounts.northmoorViewer);
    await viewer.get('/account/delete');
    const wrong = await viewer.post('/account/delete', { confirmEmail: vcsEmail });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.body).toContain('The email address does not match your account');
    const noToken = await viewer.post('/account/delete', { confirmEmail: vcsEmail }, { csrf: false });
    expect(noToken.statusCode).toBe(403);
    expect(await t.runtime.services.users.findByEmail(vcsEmail)).toBeDefined();
    expect(await t.runtime.services.users.findByEmail(demoAccounts.northmoorViewer)).toBeDefined();
  });

  it('removes the person’s data and leaves the round’s results, CSV and counts unchanged', async () => {
    const admin = await signedIn(demoAccounts.northmoorAdmin);
    const before = await resultsNow(admin);
    const overviewBefore = stable((await admin.get(`/p/northmoor/rounds/${roundId}`)).body);

    const vcs = await signedIn(vcsEmail);
    const confirm = await vcs.get('/account/delete');
    expect(confirm.body).toContain('Enter your email address to confirm');
    const deleted = await vcs.post('/account/delete', { confirmEmail: vcsEmail.toUpperCase() });
    expect(deleted.statusCode).toBe(303);
    expect(deleted.headers.location).toBe('/account-deleted');
    expect(vcs.sessionCookie).toBeUndefined();
    expect((await vcs.get('/account-deleted')).body).toContain('Your account has been deleted');
    expect((await new Browser(t.app).signIn(vcsEmail, knownPassword)).statusCode).toBe(400);
    expect(await t.runtime.services.users.findByEmail(vcsEmail)).toBeUndefined();

    const after = await resultsNow(admin);
    expect(after.page).toBe(before.page);
    expect(after.csv).toBe(before.csv);
    expect(after.results).toEqual(before.results);
    expect(stable((await admin.get(`/p/northmoor/rounds/${roundId}`)).body)).toBe(overviewBefore);

    const audit = await admin.get('/p/northmoor/audit');
    expect(audit.body).toContain('A member deleted their account and personal data');
    expect(audit.body).not.toContain(vcsEmail);
  });
});

describe('retention', () => {
  it('lets a partnership admin choose how long answers are kept, and no one else', async () => {
    const viewer = await signedIn(demoAccounts.northmoorViewer);
    expect((await viewer.get('/p/northmoor/settings/retention')).statusCode).not.toBe(200);
    const admin = await signedIn(demoAccounts.northmoorAdmin);
    // The demo keeps answers for a year, and its Autumn 2025 round closed more than a year ago.
    const demo = await admin.get('/p/northmoor/settings/retention');
    expect(demo.body).toContain('deleted 1 year after a round closes');
    expect(demo.body).toMatch(/Autumn 2025 quick check[\s\S]*?Deleted \d{4}-\d{2}-\d{2}/);
    const invalid = await admin.post('/p/northmoor/settings/retention', { months: '7' });
    expect(invalid.statusCode).toBe(400);
    expect(invalid.body).toContain('Select how long to keep individual answers');
    const saved = await admin.post('/p/northmoor/settings/retention', { months: '6' });
    expect(saved.statusCode).toBe(303);
    const page = await admin.get('/p/northmoor/settings/retention?saved=1');
    expect(page.body).toContain('deleted 6 months after a round closes');
    expect(page.body).toContain('Data rights round');
    expect(page.body).toContain('Due 2026-09-30');
  });

  it('deletes individual answers when due and keeps the results pages exactly as they were', async () => {
    const services = t.runtime.services;
    clock.advanceMinutes(60 * 24 * 212); // 30 September 2026
    const admin = await signedIn(demoAccounts.northmoorAdmin);
    const before = await resultsNow(admin);
    const overviewBefore = stable((await admin.get(`/p/northmoor/rounds/${roundId}`)).body);
    expect((await services.store.responses.submitted(roundId)).length).toBe(10);

    const report = await services.privacy.applyRetention();
    expect(report.responses).toBeGreaterThanOrEqual(10);
    expect(await services.store.responses.submitted(roundId)).toEqual([]);
    const invitations = await services.store.roundInvitations.countByGroup(roundId);
    expect(Object.values(invitations).reduce((a, b) => a + b, 0)).toBe(10);
    expect(await services.store.roundInvitations.listByEmail('council-0@respondents.example')).toEqual([]);

    const after = await resultsNow(admin);
    expect(after.page).toBe(before.page);
    expect(after.csv).toBe(before.csv);
    expect(after.results).toEqual(before.results);
    expect(stable((await admin.get(`/p/northmoor/rounds/${roundId}`)).body)).toBe(overviewBefore);

    const again = await services.privacy.applyRetention();
    expect(again).toEqual({
      partnerships: 0,
      rounds: 0,
      responses: 0,
      invitationEmails: 0,
      emails: 0,
      invitations: 0,
    });
    const audit = await admin.get('/p/northmoor/audit');
    expect(audit.body).toContain('retention-applied');
    expect((await admin.get('/p/northmoor/settings/retention')).body).toMatch(/Deleted 2026-09-30/);
  });
});
