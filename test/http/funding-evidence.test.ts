import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Browser } from '../support/browser.js';
import { createTestApp, demoAccounts, knownPassword, type TestApp } from '../support/test-app.js';

/** The funding shares (issue 8) on the partnership home page and as evidence beside a round's results. */
describe('funding shares as evidence', () => {
  let test: TestApp;
  let roundId: string;
  let viewer: Browser;

  beforeAll(async () => {
    test = await createTestApp();
    const northmoor = await test.partnership('northmoor');
    const rounds = await test.runtime.services.assessments.list(northmoor.id);
    roundId = rounds.find((r) => r.round.name === 'Spring 2026 full assessment')?.round.id as string;
    viewer = new Browser(test.app);
    await viewer.signIn(demoAccounts.northmoorViewer, knownPassword);
  }, 60_000);
  afterAll(() => test.close());

  const shareRows = (body: string) =>
    [...body.matchAll(/<th scope="row" class="govuk-table__header">([^<]+)<br>/g)].map((m) => m[1]);

  it('shows the shares on the home page, with the same figures as the funding page', async () => {
    const home = await viewer.get('/p/northmoor/');
    expect(home.statusCode).toBe(200);
    expect(home.body).toContain('Funding at a glance');
    const funding = await viewer.get('/p/northmoor/funding');
    const table = (body: string) =>
      /<table class="govuk-table" id="funding-shares">[\s\S]*?<\/table>/.exec(body)?.[0];
    expect(table(home.body)).toBeDefined();
    expect(table(home.body)).toEqual(table(funding.body));
    expect(shareRows(table(home.body) ?? '')).toHaveLength(4);
  });

  it('offers the shares as evidence on a round’s results, naming the indicator they bear on', async () => {
    const page = await viewer.get(`/p/northmoor/rounds/${roundId}/results`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('id="funding-evidence"');
    expect(page.body).toContain('ES3 Fair grants and contracts');
    expect(page.body).toContain('href="#funding-evidence"');
  });

  it('leaves the section out for a partnership with no grants', async () => {
    const eastbrook = await test.partnership('eastbrook');
    expect(await test.runtime.services.store.grants.listForPartnership(eastbrook.id)).toEqual([]);
    const admin = new Browser(test.app);
    await admin.signIn(demoAccounts.eastbrookAdmin, knownPassword);
    const home = await admin.get('/p/eastbrook/');
    expect(home.statusCode).toBe(200);
    expect(home.body).not.toContain('Funding at a glance');
  });
});
