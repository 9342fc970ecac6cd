import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Browser } from '../support/browser.js';
import { createTestApp, demoAccounts, knownPassword, type TestApp } from '../support/test-app.js';

/**
 * Matching needs to services over the demo partnership Northmoor: saved runs (the demo saves one), a run's page
 * and its area explanations, what-if, who can help, permissions (members view; admins and council members start
 * runs and what-ifs), CSRF and tenant isolation.
 */

let t: TestApp;
let admin: Browser;
let council: Browser;
let vcs: Browser;
let viewer: Browser;
let other: Browser;

const signedIn = async (email: string) => {
  const browser = new Browser(t.app);
  await browser.signIn(email, knownPassword);
  return browser;
};

const runIdFrom = (html: string) => /\/matching\/runs\/([0-9a-f-]{36})"/.exec(html)?.[1] ?? '';
const tableOf = (html: string, id: string) => {
  const start = html.indexOf(`id="${id}"`);
  return start < 0 ? '' : html.slice(start, html.indexOf('</table>', start));
};

beforeAll(async () => {
  t = await createTestApp();
  [admin, council, vcs, viewer, other] = await Promise.all([
    signedIn(demoAccounts.northmoorAdmin),
    signedIn(demoAccounts.northmoorCouncil),
    signedIn(demoAccounts.northmoorVcs),
    signedIn(demoAccounts.northmoorViewer),
    signedIn(demoAccounts.eastbrookAdmin),
  ]);
}, 60_000);
afterAll(() => t.close());

describe('the matching page', () => {
  it('lists the demo’s saved run and offers the form to admins and council members only', async () => {
    const page = await admin.get('/p/northmoor/matching');
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Matching needs to services');
    expect(runIdFrom(tableOf(page.body, 'runs'))).not.toBe('');
    expect(page.body).toContain('action="/p/northmoor/matching/runs"');
    expect((await council.get('/p/northmoor/matching')).body).toContain(
      'action="/p/northmoor/matching/runs"',
    );
    for (const browser of [vcs, viewer]) {
      const seen = await browser.get('/p/northmoor/matching');
      expect(seen.statusCode).toBe(200);
      expect(seen.body).not.toContain('action="/p/northmoor/matching/runs"');
      expect(seen.body).toContain('Partnership admins and council members can start a run');
    }
  });

  it('has a Matching link after Gaps in the navigation', async () => {
    const page = await viewer.get('/p/northmoor/matching');
    const gaps = page.body.search(/href="\/p\/northmoor\/needs\/gaps"/);
    const matching = page.body.search(/href="\/p\/northmoor\/matching"/);
    expect(gaps).toBeGreaterThan(0);
    expect(matching).toBeGreaterThan(gaps);
  });

  it('explains a bad form and keeps what was typed', async () => {
    await admin.get('/p/northmoor/matching');
    const none = await admin.post('/p/northmoor/matching/runs', { maxKm: '5' });
    expect(none.statusCode).toBe(400);
    expect(none.body).toContain('Select at least one theme');
    const far = await admin.post('/p/northmoor/matching/runs', { themes: 'food', maxKm: 'far' });
    expect(far.statusCode).toBe(400);
    expect(far.body).toContain('Enter a distance from 0.1 to 100 kilometres');
    expect(far.body).toContain('value="far"');
  });

  it('refuses to start a run for VCS members and viewers, and without a CSRF token', async () => {
    for (const browser of [vcs, viewer]) {
      await browser.get('/p/northmoor/matching');
      expect(
        (await browser.post('/p/northmoor/matching/runs', { themes: 'food', maxKm: '5' })).statusCode,
      ).toBe(403);
    }
    await admin.get('/p/northmoor/matching');
    const forged = await admin.post(
      '/p/northmoor/matching/runs',
      { themes: 'food', maxKm: '5' },
      { csrf: false },
    );
    expect(forged.statusCode).toBe(403);
  });
});

describe('a run', () => {
  let runId = '';
  let runPage = '';

  beforeAll(async () => {
    await council.get('/p/northmoor/matching');
    const payload = new URLSearchParams([
      ['_csrf', council.csrfToken ?? ''],
      ['themes', 'food'],
      ['themes', 'money-debt-and-benefits'],
      ['maxKm', '8'],
    ]).toString();
    const started = await council.raw({
      method: 'POST',
      url: '/p/northmoor/matching/runs',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: Buffer.from(payload),
    });
    expect(started.statusCode).toBe(303);
    runId = /runs\/([0-9a-f-]{36})$/.exec(String(started.headers.location))?.[1] ?? '';
    runPage = (await council.get(`/p/northmoor/matching/runs/${runId}`)).body;
  });

  it('is saved and reopened with its totals, the greedy baseline, a map with a table and each service’s load', async () => {
    expect(runId).not.toBe('');
    const list = await viewer.get('/p/northmoor/matching');
    expect(list.body).toContain(`/p/northmoor/matching/runs/${runId}`);
    const page = await viewer.get(`/p/northmoor/matching/runs/${runId}`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Themes: Food, Money, debt and benefits advice.');
    expect(page.body).toContain('Up to 8 km for everyone, the distance asked for when the run was started.');
    expect(page.body).toContain('Cost of placing people nearest first instead');
    expect(page.body).toMatch(/<svg[^>]+class="cg-boundary-map"/);
    expect(page.body).toContain('Key: share of need unmet');
    const byArea = tableOf(page.body, 'unmet-by-area');
    expect(byArea).toContain(`/p/northmoor/matching/runs/${runId}/areas/`);
    expect(byArea).toContain('Food');
    const loads = tableOf(page.body, 'service-loads');
    expect(loads).toContain('/p/northmoor/directory/services/');
  });

  it('adds up: placed plus unmet is every person with a need, in the saved figures', async () => {
    const run = await t.runtime.services.matching.open(await t.partnership('northmoor'), runId);
    expect(run).toBeDefined();
    if (!run) return;
    expect(run.summary.metUnits + run.summary.unmetUnits).toBe(run.summary.needUnits);
    const needs = (await t.runtime.services.store.needs.listForPartnership(run.summary.partnershipId)).filter(
      (n) => n.theme === 'food' || n.theme === 'money-debt-and-benefits',
    );
    const people = needs.reduce((n, need) => n + (need.peopleAffected ?? 10 * need.severity), 0);
    expect(run.summary.needUnits).toBe(people);
    const load = run.allocation.loads.reduce((n, l) => n + l.load, 0);
    expect(load).toBe(run.summary.metUnits);
    for (const l of run.allocation.loads) expect(l.load).toBeLessThanOrEqual(l.capacity);
  });

  it('explains an area’s allocation, linking to who can help', async () => {
    const href = /href="(\/p\/northmoor\/matching\/runs\/[^"]+\/areas\/[^"]+)"/.exec(runPage)?.[1] ?? '';
    const page = await viewer.get(href);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('How the need in');
    expect(page.body).toMatch(/could have taken these people/);
    expect(page.body).toContain('/p/northmoor/who-can-help?need=');
    expect((await viewer.get(`/p/northmoor/matching/runs/${runId}/areas/E01999999`)).statusCode).toBe(404);
  });

  it('what-if: more capacity at the busiest service lowers unmet need, side by side with the saved run', async () => {
    const run = await t.runtime.services.matching.open(await t.partnership('northmoor'), runId);
    const busiest = [...(run?.allocation.loads ?? [])].sort((a, b) => b.load - a.load)[0];
    expect(busiest && busiest.load).toBeGreaterThan(0);
    expect(run?.summary.unmetUnits).toBeGreaterThan(0);
    const form = await council.get(`/p/northmoor/matching/runs/${runId}/what-if`);
    expect(form.statusCode).toBe(200);
    const result = await council.post(`/p/northmoor/matching/runs/${runId}/what-if`, {
      change: 'capacity',
      serviceId: busiest?.serviceId ?? '',
      capacity: String((busiest?.capacity ?? 0) + 1000),
    });
    expect(result.statusCode).toBe(200);
    expect(result.body).toContain('What if:');
    const totals = tableOf(result.body, 'what-if-totals');
    expect(totals).toMatch(/−\d/);
    expect(tableOf(result.body, 'what-if-by-area')).toContain('Unmet with the change');
    // Nothing was saved.
    expect((await t.runtime.services.matching.list(await t.partnership('northmoor'))).length).toBe(2);
  });

  it('what-if: a new service or a moved service at a postcode, and clear errors for a bad postcode', async () => {
    // A live, located demo postcode in Northmoor.
    const row = await t.runtime.handle.db
      .selectFrom('postcodes')
      .select('postcode')
      .where('postcode', 'like', 'NM2 %')
      .where('terminated_on', 'is', null)
      .where('located', '=', 1)
      .executeTakeFirst();
    const postcode = row?.postcode ?? '';
    expect((await t.runtime.services.areas.lookupPostcode(postcode)).kind).toBe('found');
    await council.get(`/p/northmoor/matching/runs/${runId}/what-if`);
    const bad = await council.post(`/p/northmoor/matching/runs/${runId}/what-if`, {
      change: 'add',
      name: 'Pop-up pantry',
      theme: 'food',
      capacity: '50',
      postcode: 'ZZ99 9ZZ',
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('href="#add-postcode"');
    expect(bad.body).toContain('value="Pop-up pantry"');
    const added = await council.post(`/p/northmoor/matching/runs/${runId}/what-if`, {
      change: 'add',
      name: 'Pop-up pantry',
      theme: 'food',
      capacity: '50',
      postcode,
    });
    expect(added.statusCode).toBe(200);
    expect(added.body).toContain(`A new service, Pop-up pantry, at ${postcode}, taking 50 people a week`);
    const run = await t.runtime.services.matching.open(await t.partnership('northmoor'), runId);
    const service = run?.input.allocation.services.find((s) => s.open && s.themes.includes('food'));
    const moved = await council.post(`/p/northmoor/matching/runs/${runId}/what-if`, {
      change: 'move',
      serviceId: service?.id ?? '',
      postcode,
    });
    expect(moved.statusCode).toBe(200);
    expect(moved.body).toContain(`${service?.name ?? ''} moves to ${postcode}`);
    const otherTheme = await council.post(`/p/northmoor/matching/runs/${runId}/what-if`, {
      change: 'add',
      name: 'Pop-up pantry',
      theme: 'carers',
      capacity: '50',
      postcode,
    });
    expect(otherTheme.statusCode).toBe(400);
    expect(otherTheme.body).toContain('Select one of the themes this run covers');
  });

  it('what-if is for admins and council members, with a CSRF token', async () => {
    expect((await vcs.get(`/p/northmoor/matching/runs/${runId}/what-if`)).statusCode).toBe(403);
    expect((await viewer.get(`/p/northmoor/matching/runs/${runId}/what-if`)).statusCode).toBe(403);
    const forged = await council.post(
      `/p/northmoor/matching/runs/${runId}/what-if`,
      { change: 'capacity', serviceId: 'x', capacity: '5' },
      { csrf: false },
    );
    expect(forged.statusCode).toBe(403);
  });

  it('is never seen from another partnership', async () => {
    for (const url of [
      `/p/northmoor/matching/runs/${runId}`,
      `/p/eastbrook/matching/runs/${runId}`,
      `/p/eastbrook/matching/runs/${runId}/what-if`,
      `/p/northmoor/matching`,
      `/p/northmoor/who-can-help`,
    ])
      expect({ url, status: (await other.get(url)).statusCode }).toEqual({ url, status: 404 });
    expect((await other.get('/p/eastbrook/matching')).body).not.toContain(runId);
  });
});

describe('who can help', () => {
  it('shows the form, and links from every row of the needs register and the gap explanation', async () => {
    const form = await viewer.get('/p/northmoor/who-can-help');
    expect(form.statusCode).toBe(200);
    expect(form.body).toContain('Find who can help');
    const register = await viewer.get('/p/northmoor/needs');
    const rows = (register.body.match(/<tr class="govuk-table__row">/g) ?? []).length - 1;
    const links = (register.body.match(/\/p\/northmoor\/who-can-help\?need=/g) ?? []).length;
    expect(links).toBe(rows);
    const needs = await t.runtime.services.store.needs.listForPartnership(
      (await t.partnership('northmoor')).id,
    );
    const need = needs.find((n) => n.areaCode.startsWith('E05')) ?? needs[0];
    const explanation = await viewer.get(
      `/p/northmoor/needs/gaps/${need?.areaCode ?? ''}/${need?.theme ?? ''}`,
    );
    expect(explanation.body).toContain(
      `/p/northmoor/who-can-help?area=${need?.areaCode ?? ''}&amp;theme=${need?.theme ?? ''}`,
    );
  });

  it('ranks services for a need record, with a reason for every point, and lists the left-out with reasons', async () => {
    const needs = await t.runtime.services.store.needs.listForPartnership(
      (await t.partnership('northmoor')).id,
    );
    let sawRanked = false;
    for (const need of needs.slice(0, 8)) {
      const page = await vcs.get(`/p/northmoor/who-can-help?need=${need.id}&maxKm=15`);
      expect(page.statusCode).toBe(200);
      expect(page.body).toContain('Who can help with the ');
      const ranked = page.body.match(/<li class="govuk-!-margin-bottom-6">/g)?.length ?? 0;
      const leftOut =
        (tableOf(page.body, 'left-out').match(/<tr class="govuk-table__row">/g)?.length ?? 1) - 1;
      if (ranked + leftOut === 0) expect(page.body).toContain('The directory has no services for');
      if (ranked > 0) {
        sawRanked = true;
        expect(page.body).toMatch(/>Theme<\/th>/);
        expect(page.body).toMatch(/>Distance<\/th>|>Coverage<\/th>/);
      }
    }
    expect(sawRanked).toBe(true);
  });

  it('takes an area and theme, or a postcode with circumstances, and explains bad input', async () => {
    const partnership = await t.partnership('northmoor');
    const ward = (await t.runtime.services.areas.forPartnership(partnership)).wards[0];
    const byArea = await viewer.get(`/p/northmoor/who-can-help?area=${ward?.code ?? ''}&theme=food&maxKm=20`);
    expect(byArea.statusCode).toBe(200);
    expect(byArea.body).toContain(`Who can help with ${ward?.name ?? ''}`);
    const noTheme = await viewer.get(`/p/northmoor/who-can-help?area=${ward?.code ?? ''}`);
    expect(noTheme.statusCode).toBe(400);
    expect(noTheme.body).toContain('Select a theme');
    const badAge = await viewer.get(`/p/northmoor/who-can-help?area=${ward?.code ?? ''}&theme=food&age=old`);
    expect(badAge.statusCode).toBe(400);
    expect(badAge.body).toContain('Enter an age in whole years');
    const unknown = await viewer.get('/p/northmoor/who-can-help?postcode=ZZ99 9ZZ&theme=food');
    expect(unknown.statusCode).toBe(400);
    expect(unknown.body).toContain('ZZ99 9ZZ');
    const notMine = await viewer.get('/p/northmoor/who-can-help?need=00000000-0000-4000-8000-000000000000');
    expect(notMine.statusCode).toBe(400);
    expect(notMine.body).toContain('There is no such need in this partnership');
  });
});
