import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Browser } from '../support/browser.js';
import { httpDatabases } from '../support/http-databases.js';
import { createTestApp, demoAccounts, knownPassword, type TestApp } from '../support/test-app.js';

/**
 * One reach rule (issue 14) over the demo partnership Northmoor: every page that counts services says the rule,
 * admins change it on the needs map settings page, who can help never ends without next steps, the allocation
 * speaks of people, groups, services and places, and a theme nothing is recorded for is "No provision data".
 */

const defaultRule =
  'Services count for an area when they are within 3 km in towns and cities, 6 km in small towns and larger villages and 10 km in smaller villages and the countryside: the partnership’s reach rule.';

const settingsForm = (reach: { urban: string; town: string; rural: string }) => ({
  statistics: '0.6',
  localRecords: '0.4',
  ...reach,
  highNeed: '60',
  lowNeed: '30',
  littleProvision: '0.5',
  thinProvision: '1.5',
  overlapProvision: '3',
});

const between = (html: string, start: string, end: string) => {
  const from = html.indexOf(start);
  return from < 0 ? '' : html.slice(from, html.indexOf(end, from + start.length));
};

describe.each(httpDatabases())('the reach rule ($name)', (database) => {
  let t: TestApp;
  let remove: () => Promise<void>;
  let admin: Browser;
  let vcs: Browser;
  let viewer: Browser;
  let needIds: { food: string; debt: string };

  beforeAll(async () => {
    const opened = await database.open();
    remove = opened.remove;
    t = await createTestApp({ env: opened.env });
    const signedIn = async (email: string) => {
      const browser = new Browser(t.app);
      await browser.signIn(email, knownPassword);
      return browser;
    };
    [admin, vcs, viewer] = await Promise.all([
      signedIn(demoAccounts.northmoorAdmin),
      signedIn(demoAccounts.northmoorVcs),
      signedIn(demoAccounts.northmoorViewer),
    ]);
    const northmoor = await t.runtime.services.store.partnerships.findBySlug('northmoor');
    const needs = await t.runtime.services.store.needs.listForPartnership(northmoor?.id ?? '');
    const find = (theme: string, people: number) =>
      needs.find((n) => n.theme === theme && n.severity === 4 && n.peopleAffected === people)?.id ?? '';
    needIds = { food: find('food', 160), debt: find('money-debt-and-benefits', 75) };
  }, 120_000);
  afterAll(async () => {
    await t?.close();
    await remove?.();
  });

  it('finds the demo’s severe food need for 160 people and its severe debt need', () => {
    expect(needIds.food).not.toBe('');
    expect(needIds.debt).not.toBe('');
  });

  it.each([
    ['the needs map', '/p/northmoor/needs/map?theme=food'],
    ['the gaps list', '/p/northmoor/needs/gaps?theme=food&level=ward'],
    ['the allocation form', '/p/northmoor/matching'],
  ])('says the rule on %s', async (_name, url) => {
    const page = await viewer.get(url);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain(defaultRule);
  });

  it('says the rule for the area on a gap explanation and in who can help', async () => {
    const gaps = await viewer.get('/p/northmoor/needs/gaps?theme=food&level=ward');
    const href = /href="(\/p\/northmoor\/needs\/gaps\/E05[0-9]+\/food)"/.exec(gaps.body)?.[1] ?? '';
    expect(href).not.toBe('');
    const explanation = await viewer.get(href);
    expect(explanation.body).toContain(
      'Services count within 3 km of this area (towns and cities): the partnership’s reach rule.',
    );
    const help = await vcs.get(`/p/northmoor/who-can-help?need=${needIds.food}`);
    expect(help.statusCode).toBe(200);
    expect(help.body).toContain(
      'Services count within 3 km of this area (towns and cities): the partnership’s reach rule.',
    );
  });

  it('uses the rule in the demo’s saved allocation and in a commissioning intention', async () => {
    const matching = await viewer.get('/p/northmoor/matching');
    const run = /href="(\/p\/northmoor\/matching\/runs\/[0-9a-f-]{36})"/.exec(matching.body)?.[1] ?? '';
    const page = await viewer.get(run);
    expect(page.statusCode).toBe(200);
    expect(between(page.body, 'id="reach-rule"', '</p>')).toContain(defaultRule);
    const list = await viewer.get('/p/northmoor/commissioning');
    const intention = /href="(\/p\/northmoor\/commissioning\/[0-9a-f-]{36})"/.exec(list.body)?.[1] ?? '';
    const commissioning = await viewer.get(intention);
    expect(commissioning.statusCode).toBe(200);
    expect(commissioning.body).toContain('the partnership’s reach rule.');
    // It commissions the debt and energy advice services: each is named for the debt need it responds to.
    expect(commissioning.body).toContain('Commissioned by this intention');
    expect(commissioning.body).toContain('Debt and benefits advice drop-in');
    expect(commissioning.body).not.toContain('No service in the directory counts here');
  });

  it.each([
    ['food', 'food'],
    ['debt', 'debt'],
  ] as const)('gives next steps for the severe %s need when nothing is within reach', async (_name, key) => {
    // A distance no service is within, so the page must offer next steps.
    const page = await vcs.get(`/p/northmoor/who-can-help?need=${needIds[key]}&maxKm=0.1`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toMatch(/0 services can help/);
    const steps = between(page.body, 'id="next-steps"', '<h2 class="govuk-heading-m">Left out');
    expect(steps).toContain('The nearest services beyond the reach');
    expect(steps).toMatch(/, \d+(\.\d)? km away/);
    expect(steps).toContain('Record this need in the needs register');
    expect(steps).toContain('Add a service');
    // Asking for the services within the nearest one's distance finds at least that one.
    const ask = /href="([^"]*maxKm=[0-9.]+)">rank the services within/.exec(steps)?.[1] ?? '';
    expect(ask).not.toBe('');
    const wider = await vcs.get(ask.replaceAll('&amp;', '&'));
    expect(wider.body).not.toMatch(/>0 services can help/);
  });

  it('never leaves the demo’s severe food and debt needs without a service or next steps', async () => {
    for (const id of [needIds.food, needIds.debt]) {
      const page = await vcs.get(`/p/northmoor/who-can-help?need=${id}`);
      const none = />0 services can help/.test(page.body);
      expect(none ? page.body.includes('id="next-steps"') : page.body.includes('id="ranked"')).toBe(true);
    }
  });

  it('is changed by admins on the needs map settings page, used everywhere, and reset', async () => {
    const form = await admin.get('/p/northmoor/needs/settings');
    expect(form.body).toContain('Reach in small towns and larger villages (km)');
    expect(form.body).toContain(defaultRule);
    const saved = await admin.post(
      '/p/northmoor/needs/settings',
      settingsForm({ urban: '2.5', town: '5', rural: '12' }),
    );
    expect(saved.statusCode).toBe(303);
    const changed =
      'Services count for an area when they are within 2.5 km in towns and cities, 5 km in small towns and larger villages and 12 km in smaller villages and the countryside: the partnership’s reach rule.';
    expect((await viewer.get('/p/northmoor/needs/map?theme=food')).body).toContain(changed);
    expect((await vcs.get(`/p/northmoor/who-can-help?need=${needIds.food}`)).body).toContain(
      'Services count within 2.5 km of this area',
    );
    const started = await admin.post('/p/northmoor/matching/runs', { themes: 'food', maxKm: '' });
    expect(started.statusCode).toBe(303);
    const run = await admin.get(String(started.headers.location));
    expect(between(run.body, 'id="reach-rule"', '</p>')).toContain(changed);

    const bad = await admin.post(
      '/p/northmoor/needs/settings',
      settingsForm({ urban: '2.5', town: '0', rural: '12' }),
    );
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('href="#town">Enter a distance from 0.1 to 100 kilometres');

    await admin.get('/p/northmoor/needs/settings');
    expect((await admin.post('/p/northmoor/needs/settings/reset')).statusCode).toBe(303);
    expect((await viewer.get('/p/northmoor/needs/map?theme=food')).body).toContain(defaultRule);
  });

  it('is for admins only to change', async () => {
    expect((await vcs.get('/p/northmoor/needs/settings')).statusCode).toBe(403);
    expect(
      (await vcs.post('/p/northmoor/needs/settings', settingsForm({ urban: '1', town: '1', rural: '1' })))
        .statusCode,
    ).toBe(403);
  });
});

describe('the allocation in plain words', () => {
  let t: TestApp;
  let viewer: Browser;

  beforeAll(async () => {
    t = await createTestApp();
    viewer = new Browser(t.app);
    await viewer.signIn(demoAccounts.northmoorViewer, knownPassword);
  }, 60_000);
  afterAll(() => t.close());

  it('speaks of people, groups, services and places, with the workings in a details section', async () => {
    const matching = await viewer.get('/p/northmoor/matching');
    expect(matching.body).toContain('Each need in the register describes a group of people in a place.');
    expect(matching.body).not.toContain('places each person');
    const run = /href="(\/p\/northmoor\/matching\/runs\/[0-9a-f-]{36})"/.exec(matching.body)?.[1] ?? '';
    const page = (await viewer.get(run)).body;
    const main = page.slice(0, page.indexOf('How this was worked out'));
    expect(main).toMatch(
      /People with a need\s*<\/dt>\s*<dd[^>]*>\s*[\d,]+, in \d+ recorded needs \(groups of people\) in \d+ places/,
    );
    expect(main).toContain('Services that could take people');
    for (const words of ['Total cost', 'Penalty', 'service-equivalent', 'representative point'])
      expect(main).not.toContain(words);
    const workings = between(page, 'How this was worked out', '</details>');
    expect(workings).toContain('Penalty for each unmet person');
    expect(workings).toContain('Total cost (travel plus the penalties)');
    expect(workings).toContain('Cost of placing people nearest first instead');
    expect(page).not.toContain('representative point');
  });
});

describe('no provision data', () => {
  let t: TestApp;
  let admin: Browser;
  let vcs: Browser;
  let viewer: Browser;

  beforeAll(async () => {
    t = await createTestApp();
    const signedIn = async (email: string) => {
      const browser = new Browser(t.app);
      await browser.signIn(email, knownPassword);
      return browser;
    };
    [admin, vcs, viewer] = await Promise.all([
      signedIn(demoAccounts.northmoorAdmin),
      signedIn(demoAccounts.northmoorVcs),
      signedIn(demoAccounts.northmoorViewer),
    ]);
  }, 60_000);
  afterAll(() => t.close());

  // Northmoor's directory has no service for carers, and none of its organisations is known to work on it.
  it('classes a theme nothing is recorded for as "No provision data", never "Unmet need", on the map', async () => {
    const map = await viewer.get('/p/northmoor/needs/map?theme=carers&level=ward');
    expect(map.statusCode).toBe(200);
    const notice = between(map.body, 'id="no-provision-data"', '</div>');
    expect(notice).toContain('No provision data for Carers');
    expect(notice).toContain('This is missing data, not unmet need.');
    expect(notice).toContain('Ask a partnership admin to import');
    const table = between(map.body, 'id="needs-table"', '</table>');
    expect(table).toContain('No provision data');
    expect(table).not.toContain('Unmet need');
    // The food theme has services: no notice.
    expect((await viewer.get('/p/northmoor/needs/map?theme=food')).body).not.toContain(
      'id="no-provision-data"',
    );
  });

  it('links admins to the imports and members who edit to adding a service', async () => {
    const forAdmin = await admin.get('/p/northmoor/needs/gaps?theme=carers&level=ward');
    expect(between(forAdmin.body, 'id="no-provision-data"', '</div>')).toContain(
      'href="/p/northmoor/imports">Import services or organisations</a>',
    );
    const forVcs = await vcs.get('/p/northmoor/needs/gaps?theme=carers&level=ward');
    expect(between(forVcs.body, 'id="no-provision-data"', '</div>')).toContain(
      'href="/p/northmoor/directory/services/new">Add a service</a>',
    );
  });

  it('says so in the gaps spreadsheet, the explanation and on the dashboard', async () => {
    const csv = await viewer.get('/p/northmoor/needs/gaps.csv?theme=carers&level=ward');
    expect(csv.statusCode).toBe(200);
    const rows = csv.body.trim().split(/\r?\n/).slice(1);
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) expect(row).toMatch(/No provision data|No evidence/);
    expect(rows.some((row) => row.includes('No provision data'))).toBe(true);
    const gaps = await viewer.get('/p/northmoor/needs/gaps?theme=carers&level=ward&class=no-provision-data');
    const href = /href="(\/p\/northmoor\/needs\/gaps\/E05[0-9]+\/carers)"/.exec(gaps.body)?.[1] ?? '';
    const explanation = await viewer.get(href);
    expect(explanation.body).toContain('so provision is not known: import or add the services');
    const dashboard = await viewer.get('/p/northmoor/');
    expect(between(dashboard.body, 'id="dashboard-no-provision-data"', '</p>')).toContain('Carers');
  });
});
