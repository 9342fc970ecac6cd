import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PartnershipRecord } from '../../src/app/ports.js';
import { readPdf } from '../../src/web/reports/read-pdf.testing.js';
import { createStore } from '../../src/storage/store.js';
import { Browser } from '../support/browser.js';
import { createTestApp, demoAccounts, dumpTables, knownPassword, type TestApp } from '../support/test-app.js';

describe('commissioning intentions and evidence packs over HTTP', () => {
  let test: TestApp;
  let northmoor: PartnershipRecord;
  let greenacres: string;
  const store = () => createStore(test.runtime.handle.db);

  const signedIn = async (email: string) => {
    const browser = new Browser(test.app);
    expect((await browser.signIn(email, knownPassword)).statusCode).toBe(303);
    return browser;
  };

  beforeAll(async () => {
    test = await createTestApp();
    northmoor = await test.partnership('northmoor');
    const wards = await store().areas.children(northmoor.localAuthorityCode);
    const ward = wards.find((w) => w.name === 'Greenacres');
    if (!ward) throw new Error('No Greenacres ward in the demo');
    greenacres = ward.code;
  }, 60_000);
  afterAll(() => test.close());

  it('lists the demo intention and shows its evidence: need, provision, gap class, who could deliver', async () => {
    const viewer = await signedIn(demoAccounts.northmoorViewer);
    const list = await viewer.get('/p/northmoor/commissioning');
    expect(list.statusCode).toBe(200);
    expect(list.body).toContain('Money and energy advice in the south-east wards');
    expect(list.body).toContain('Multi-year');
    expect(list.body).not.toContain('Add a commissioning intention');
    const [intention] = await store().commissioning.list(northmoor.id);
    const page = await viewer.get(`/p/northmoor/commissioning/${intention?.id ?? ''}`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Alliance');
    expect(page.body).toContain('£240,000');
    expect(page.body).toContain('36 months (multi-year)');
    expect(page.body).toContain('Fewer households in crisis debt');
    expect(page.body).toContain('Money, debt and benefits advice in Greenacres');
    expect(page.body).toContain('Gap class');
    expect(page.body).toContain('Who could deliver');
    expect(page.body).toContain('Grants for this theme');
    expect(page.body).toMatch(/Greenacres ward: (£[\d,.]+ in \d+ grants?|No grants recorded)/);
    expect(page.body).toContain('Whole authority: ');
    expect(page.body).toContain('Warm Homes Community Fund');
    expect(page.body).toContain(`/p/northmoor/evidence?area=${greenacres}&amp;theme=money-debt-and-benefits`);
  });

  it('lets a council member add an intention from the gaps list and shows problems without saving', async () => {
    const council = await signedIn(demoAccounts.northmoorCouncil);
    const form = await council.get('/p/northmoor/commissioning/new');
    expect(form.statusCode).toBe(200);
    expect(form.body).toContain('name="needCells"');
    const offered = /name="needCells" type="checkbox" value="([^"]+)"/.exec(form.body)?.[1];
    expect(offered).toBeTruthy();
    const before = (await store().commissioning.list(northmoor.id)).length;
    const bad = await council.post('/p/northmoor/commissioning/new', {
      title: 'x',
      outcomes: '',
      budget: 'a lot',
      durationMonths: '0',
      route: 'magic',
    });
    expect(bad.statusCode).toBe(400);
    for (const message of [
      'Enter a title',
      'Select at least one need or gap',
      'Enter at least one outcome',
      'Enter the budget as a number',
      'Enter the length in whole months',
      'Select the route',
    ]) {
      expect(bad.body).toContain(message);
    }
    expect((await store().commissioning.list(northmoor.id)).length).toBe(before);
    const saved = await council.post('/p/northmoor/commissioning/new', {
      title: 'Food support in the biggest gap',
      needCells: offered ?? '',
      outcomes: 'No family goes without food\n- Referrals within two days',
      budget: '50000',
      currency: 'GBP',
      durationMonths: '12',
      route: 'grant',
      status: 'idea',
    });
    expect(saved.statusCode).toBe(303);
    const added = (await store().commissioning.list(northmoor.id)).find(
      (i) => i.title === 'Food support in the biggest gap',
    );
    expect(added).toMatchObject({
      outcomes: ['No family goes without food', 'Referrals within two days'],
      budget: 5_000_000,
      durationMonths: 12,
      route: 'grant',
    });
    const page = await council.get(saved.headers.location as string);
    expect(page.body).toContain('12 months');
    expect(page.body).not.toContain('(multi-year)');
    const audit = await store().audit.listForPartnership(northmoor.id, 20);
    expect(audit.some((e) => e.action === 'commissioning-intention-added')).toBe(true);
  });

  it('lets only admins and council members add or change intentions', async () => {
    const [intention] = await store().commissioning.list(northmoor.id);
    const vcs = await signedIn(demoAccounts.northmoorVcs);
    expect((await vcs.get('/p/northmoor/commissioning/new')).statusCode).toBe(403);
    expect((await vcs.get(`/p/northmoor/commissioning/${intention?.id ?? ''}/edit`)).statusCode).toBe(403);
    await vcs.get('/p/northmoor/commissioning');
    const post = await vcs.post(`/p/northmoor/commissioning/${intention?.id ?? ''}/edit`, {
      title: 'Hijacked',
    });
    expect(post.statusCode).toBe(403);
    const admin = await signedIn(demoAccounts.northmoorAdmin);
    expect((await admin.get(`/p/northmoor/commissioning/${intention?.id ?? ''}/edit`)).statusCode).toBe(200);
  });

  it('builds the evidence pack as a page, a CSV and a tagged PDF that say the same', async () => {
    const vcs = await signedIn(demoAccounts.northmoorVcs);
    const chooser = await vcs.get('/p/northmoor/evidence');
    expect(chooser.statusCode).toBe(200);
    expect(chooser.body).toContain('Show the evidence pack');
    const query = `area=${greenacres}&theme=money-debt-and-benefits`;
    const page = await vcs.get(`/p/northmoor/evidence?${query}`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Evidence pack: Money, debt and benefits advice in Greenacres');
    for (const heading of [
      'Need',
      'Provision and who could deliver',
      'Gap',
      'Local needs records',
      'Funding',
      'Commissioning intentions',
    ]) {
      expect(page.body).toContain(`>${heading}</h2>`);
    }
    expect(page.body).toContain('Money and energy advice in the south-east wards');

    const csv = await vcs.get(
      `/p/northmoor/evidence/${greenacres}/money-debt-and-benefits/evidence-pack.csv`,
    );
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.headers['content-disposition']).toContain('evidence-pack-northmoor-');
    const rows = parse(csv.body, { bom: true }) as string[][];
    expect(rows[0]).toEqual(['Section', 'Item', 'Value', 'Detail']);
    expect(rows.some((r) => r[0] === 'Gap' && r[1] === 'Gap class')).toBe(true);
    const wardGrants = rows.find(
      (r) =>
        r[0] === 'Funding' &&
        (r[1] ?? '').startsWith('Grants for money, debt and benefits advice in Greenacres'),
    );
    expect(wardGrants?.[2]).toMatch(/^(£[\d,.]+ in \d+ grants?|No grants recorded)$/);
    const authorityGrants = rows.find((r) => r[1] === 'Grants across the whole authority for this theme');
    // The demo has authority-wide grants for money advice, shown in pounds, never converted.
    expect(authorityGrants?.[2]).toMatch(/^£\d{1,3}(,\d{3})*(\.\d{2})? in \d+ grants$/);
    expect(
      rows.some(
        (r) =>
          r[0] === 'Commissioning intentions' && r[1] === 'Money and energy advice in the south-east wards',
      ),
    ).toBe(true);

    const pdfResponse = await vcs.get(
      `/p/northmoor/evidence/${greenacres}/money-debt-and-benefits/evidence-pack.pdf`,
    );
    expect(pdfResponse.statusCode).toBe(200);
    expect(pdfResponse.headers['content-type']).toBe('application/pdf');
    const pdf = await readPdf(pdfResponse.rawPayload);
    expect(pdf.markInfo?.Marked).toBe(true);
    expect(pdf.text).toContain('Evidence pack: Money, debt and benefits advice in Greenacres');
    expect(pdf.text).toContain('Local needs records');

    expect((await vcs.get(`/p/northmoor/evidence?area=E99999999&theme=food`)).statusCode).toBe(404);
    expect(
      (await vcs.get(`/p/northmoor/evidence/${greenacres}/no-such-theme/evidence-pack.pdf`)).statusCode,
    ).toBe(404);
  });

  it('refuses a form without its CSRF token', async () => {
    const council = await signedIn(demoAccounts.northmoorCouncil);
    await council.get('/p/northmoor/commissioning/new');
    const before = await dumpTables(test.runtime);
    const response = await council.post(
      '/p/northmoor/commissioning/new',
      { title: 'No token' },
      { csrf: false },
    );
    expect(response.statusCode).toBe(403);
    expect((await dumpTables(test.runtime)).commissioning_intentions).toEqual(
      before.commissioning_intentions,
    );
  });

  it('shows another partnership nothing: 404 for every route with real ids and areas, and nothing changes', async () => {
    const [intention] = await store().commissioning.list(northmoor.id);
    const eastbrook = await signedIn(demoAccounts.eastbrookAdmin);
    await eastbrook.get('/p/eastbrook/commissioning');
    const before = await dumpTables(test.runtime);
    const query = `area=${greenacres}&theme=money-debt-and-benefits`;
    for (const [method, url] of [
      ['GET', '/p/northmoor/commissioning'],
      ['GET', '/p/northmoor/commissioning/new'],
      ['POST', '/p/northmoor/commissioning/new'],
      ['GET', `/p/northmoor/commissioning/${intention?.id ?? ''}`],
      ['GET', `/p/eastbrook/commissioning/${intention?.id ?? ''}`],
      ['GET', `/p/eastbrook/commissioning/${intention?.id ?? ''}/edit`],
      ['POST', `/p/eastbrook/commissioning/${intention?.id ?? ''}/edit`],
      ['GET', `/p/northmoor/evidence?${query}`],
      ['GET', `/p/northmoor/evidence/${greenacres}/money-debt-and-benefits/evidence-pack.csv`],
      ['GET', `/p/eastbrook/evidence?${query}`],
      ['GET', `/p/eastbrook/evidence/${greenacres}/food/evidence-pack.csv`],
      ['GET', `/p/eastbrook/evidence/${greenacres}/food/evidence-pack.pdf`],
    ] as const) {
      const response = await eastbrook.send(method, url, {
        title: 'Intruder',
        route: 'grant',
        outcomes: 'x',
      });
      expect({ method, url, status: response.statusCode }).toEqual({ method, url, status: 404 });
    }
    expect((await eastbrook.get('/p/eastbrook/commissioning')).body).not.toContain('south-east wards');
    expect((await dumpTables(test.runtime)).commissioning_intentions).toEqual(
      before.commissioning_intentions,
    );
  });
});
