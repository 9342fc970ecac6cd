import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PartnershipRecord } from '../../src/app/ports.js';
import { formatMoney, sumDecimals } from '../../src/domain/funding/decimal.js';
import type { GrantRecord } from '../../src/domain/funding/grant.js';
import { createStore } from '../../src/storage/store.js';
import { Browser } from '../support/browser.js';
import { createTestApp, demoAccounts, dumpTables, knownPassword, type TestApp } from '../support/test-app.js';

function aGrant(partnershipId: string, overrides: Partial<GrantRecord>): GrantRecord {
  return {
    id: '360G-test-0',
    partnershipId,
    title: 'Test grant',
    description: 'Hot meals for older people living alone.',
    currency: 'GBP',
    amountAwarded: '1000',
    awardDate: '2026-01-10',
    plannedStartDate: null,
    plannedEndDate: null,
    plannedDurationMonths: 12,
    recipientOrgId: null,
    recipientOrgName: 'Somebody',
    recipientCharityNumber: null,
    recipientCompanyNumber: null,
    recipientLocation: null,
    fundingOrgId: 'GB-TEST-FUNDER',
    fundingOrgName: 'Test Funder',
    beneficiaryLocations: [],
    grantProgramme: null,
    kind: 'grant',
    themes: ['food'],
    match: { organisationId: null, method: 'none', confidence: null },
    dataSource: 'test.json',
    importedAt: '2026-01-10T00:00:00.000Z',
    ...overrides,
  };
}

describe('grants pages over HTTP', () => {
  let test: TestApp;
  let northmoor: PartnershipRecord;
  let eastbrook: PartnershipRecord;
  let larderId: string;
  const store = () => createStore(test.runtime.handle.db);

  const signedIn = async (email: string) => {
    const browser = new Browser(test.app);
    expect((await browser.signIn(email, knownPassword)).statusCode).toBe(303);
    return browser;
  };

  beforeAll(async () => {
    test = await createTestApp();
    northmoor = await test.partnership('northmoor');
    eastbrook = await test.partnership('eastbrook');
    const larder = {
      id: 'org-larder-test',
      partnershipId: northmoor.id,
      name: 'Moorside Community Larder',
      kind: 'vcs' as const,
      identifier: null,
      createdAt: '2026-01-01T00:00:00.000Z',
    };
    await store().organisations.insert(larder);
    larderId = larder.id;
    await store().grants.save([
      aGrant(northmoor.id, {
        id: '360G-test-larder',
        title: 'Larder winter stock',
        amountAwarded: '2500.50',
        recipientOrgName: 'Moorside Community Larders Group',
        match: { organisationId: larderId, method: 'name', confidence: 0.74 },
      }),
      aGrant(northmoor.id, {
        id: '360G-test-dollars',
        title: 'Transatlantic twinning',
        currency: 'USD',
        amountAwarded: '750',
      }),
      aGrant(eastbrook.id, {
        id: '360G-test-eastbrook',
        title: 'Eastbrook secret grant',
        amountAwarded: '99',
      }),
    ]);
  }, 60_000);
  afterAll(() => test.close());

  describe('the funding page', () => {
    let ward: { code: string; name: string };
    let lsoaInWard: string;
    beforeAll(async () => {
      const context = await test.runtime.services.needs.context(northmoor);
      const wards = context.areas.list.filter((a) => a.level === 'ward');
      // Hollins: a ward the demo grants leave alone.
      const first = wards.find((w) => w.name === 'Hollins');
      if (!first) throw new Error('no demo ward Hollins');
      ward = first;
      const lsoa = context.areas.list.find((a) => a.level === 'lsoa' && a.wardCode === first.code);
      if (!lsoa) throw new Error('no demo LSOA in the ward');
      lsoaInWard = lsoa.code;
      await store().grants.save([
        aGrant(northmoor.id, {
          id: '360G-test-carers-ward',
          title: 'Carers café',
          amountAwarded: '1200',
          themes: ['carers'],
          beneficiaryLocations: [{ geoCode: first.code, geoCodeType: 'WD', name: first.name }],
        }),
        aGrant(northmoor.id, {
          id: '360G-test-carers-lsoa',
          title: 'Carers breaks',
          amountAwarded: '300.25',
          themes: ['carers'],
          beneficiaryLocations: [{ geoCode: lsoaInWard, geoCodeType: 'LSOA', name: null }],
        }),
        aGrant(northmoor.id, {
          id: '360G-test-authority-wide',
          title: 'Borough-wide advice line',
          amountAwarded: '5000',
          themes: ['money-debt-and-benefits'],
          beneficiaryLocations: [
            { geoCode: northmoor.localAuthorityCode, geoCodeType: 'MD', name: 'Northmoor' },
          ],
        }),
      ]);
    });

    it('sets funding by ward and theme against need and provision, flagging funding without provision', async () => {
      const viewer = await signedIn(demoAccounts.northmoorViewer);
      const page = await viewer.get('/p/northmoor/funding?theme=carers');
      expect(page.statusCode).toBe(200);
      expect(page.body).toContain('<svg');
      expect(page.body).toContain('id="funding-wards"');
      const row = new RegExp(`${ward.name}</th>\\s*<td[^>]*>Carers</td>\\s*<td[^>]*>£1,500.25</td>`);
      expect(page.body).toMatch(row);
      expect(page.body).toContain('Funding without provision');
      const authorityWide = (await store().grants.listForPartnership(northmoor.id)).filter((g) =>
        g.beneficiaryLocations.some((l) => l.geoCode === northmoor.localAuthorityCode),
      );
      expect(authorityWide.map((g) => g.id)).toContain('360G-test-authority-wide');
      const total = formatMoney(sumDecimals(authorityWide.map((g) => g.amountAwarded)), 'GBP');
      expect(page.body).toContain(`id="authority-wide-total">${total}<`);
      expect(page.body).toContain('Multi-year funding');
      expect(page.body).toMatch(/US\$750(?![.\d])/);
    });

    it('flags need without funding only where need is not low and no grant went', async () => {
      const view = await test.runtime.services.funding.againstNeed(northmoor, []);
      const flagged = view.rows.filter((r) => r.flag === 'need-without-funding');
      expect(flagged.length).toBeGreaterThan(0);
      for (const row of flagged) {
        expect(row.grantCount).toBe(0);
        expect(row.need ?? 0).toBeGreaterThanOrEqual(view.thresholds.lowNeed);
        expect(row.theme).not.toBe('money-debt-and-benefits');
      }
      const carers = view.rows.find((r) => r.areaCode === ward.code && r.theme === 'carers');
      expect(carers).toMatchObject({
        amounts: { GBP: '1500.25' },
        grantCount: 2,
        flag: 'funding-without-provision',
      });
    });

    it('adds currencies together only at a dated rate the person gives', async () => {
      const viewer = await signedIn(demoAccounts.northmoorViewer);
      const plain = await viewer.get('/p/northmoor/funding');
      expect(plain.body).not.toContain('id="converted-total"');
      const converted = await viewer.get(
        '/p/northmoor/funding?rateCurrency=USD&rate=0.8&rateDate=2026-11-30',
      );
      expect(converted.body).toContain('1 USD = £0.8 on 2026-11-30');
      expect(converted.body).toContain('US$750 is £600');
      const nonsense = await viewer.get(
        '/p/northmoor/funding?rateCurrency=USD&rate=lots&rateDate=2026-11-30',
      );
      expect(nonsense.statusCode).toBe(200);
      expect(nonsense.body).not.toContain('id="converted-total"');
    });

    it('keeps another partnership out of the funding page', async () => {
      const other = await signedIn(demoAccounts.eastbrookAdmin);
      expect((await other.get('/p/northmoor/funding')).statusCode).toBe(404);
      const own = await other.get('/p/eastbrook/funding');
      expect(own.statusCode).toBe(200);
      expect(own.body).not.toContain('Borough-wide advice line');
      expect(own.body).not.toContain('£5,000');
    });
  });

  it('lists the partnership’s grants with a total per currency, and filters them', async () => {
    const viewer = await signedIn(demoAccounts.northmoorViewer);
    const page = await viewer.get('/p/northmoor/grants');
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Larder winter stock');
    expect(page.body).toMatch(/US\$750(?![.\d])/);
    expect(page.body).not.toContain('Eastbrook secret grant');
    const dollars = await viewer.get('/p/northmoor/grants?currency=USD');
    expect(dollars.body).toContain('Transatlantic twinning');
    expect(dollars.body).not.toContain('Larder winter stock');
    const words = await viewer.get('/p/northmoor/grants?text=larder+winter');
    expect(words.body).toContain('£2,500.50');
    expect(words.body).not.toContain('Transatlantic twinning');
    expect(page.body).toContain('href="/p/northmoor/grants"');
    // A viewer is not offered the review page.
    expect(page.body).not.toContain('/p/northmoor/grants/matches');
  });

  it('keeps another partnership out (404) and its grants unseen', async () => {
    const other = await signedIn(demoAccounts.eastbrookAdmin);
    expect((await other.get('/p/northmoor/grants')).statusCode).toBe(404);
    expect((await other.get('/p/northmoor/grants/matches')).statusCode).toBe(404);
    const own = await other.get('/p/eastbrook/grants');
    expect(own.body).toContain('Eastbrook secret grant');
    expect(own.body).not.toContain('Larder winter stock');
    await other.get('/p/eastbrook/grants/matches');
    const response = await other.post('/p/eastbrook/grants/matches', {
      grantId: '360G-test-larder',
      decision: 'confirm',
    });
    expect(response.statusCode).toBe(404);
    expect((await store().grants.find(northmoor.id, '360G-test-larder'))?.match.method).toBe('name');
  });

  it('lets only an admin review a match', async () => {
    const council = await signedIn(demoAccounts.northmoorCouncil);
    expect((await council.get('/p/northmoor/grants/matches')).statusCode).toBe(403);
    const admin = await signedIn(demoAccounts.northmoorAdmin);
    await admin.get('/p/northmoor/grants');
    expect(
      (
        await council.post('/p/northmoor/grants/matches', {
          grantId: '360G-test-larder',
          decision: 'confirm',
        })
      ).statusCode,
    ).toBe(403);
  });

  it('refuses a review without a CSRF token and changes nothing', async () => {
    const admin = await signedIn(demoAccounts.northmoorAdmin);
    await admin.get('/p/northmoor/grants/matches');
    const before = await dumpTables(test.runtime);
    const response = await admin.post(
      '/p/northmoor/grants/matches',
      { grantId: '360G-test-larder', decision: 'confirm' },
      { csrf: false },
    );
    expect(response.statusCode).toBe(403);
    expect((await dumpTables(test.runtime)).grants).toEqual(before.grants);
  });

  it('shows an uncertain match to an admin, who confirms it; the audit log records it', async () => {
    const admin = await signedIn(demoAccounts.northmoorAdmin);
    const list = await admin.get('/p/northmoor/grants');
    expect(list.body).toContain('/p/northmoor/grants/matches');
    const page = await admin.get('/p/northmoor/grants/matches');
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Moorside Community Larders Group');
    expect(page.body).toContain('Moorside Community Larder');
    expect(page.body).toContain('74%');
    const response = await admin.post('/p/northmoor/grants/matches', {
      grantId: '360G-test-larder',
      decision: 'confirm',
    });
    expect(response.statusCode).toBe(303);
    expect((await store().grants.find(northmoor.id, '360G-test-larder'))?.match).toEqual({
      organisationId: larderId,
      method: 'reviewed',
      confidence: 1,
    });
    const after = await admin.get('/p/northmoor/grants/matches?done=confirm');
    expect(after.body).toContain('The match was confirmed.');
    expect(after.body).not.toContain('Moorside Community Larders Group');
    const audit = await admin.get('/p/northmoor/audit');
    expect(audit.body).toContain('grant-match-confirmed');
    // Once reviewed, it cannot be reviewed again.
    await admin.get('/p/northmoor/grants/matches');
    const again = await admin.post('/p/northmoor/grants/matches', {
      grantId: '360G-test-larder',
      decision: 'reject',
    });
    expect(again.statusCode).toBe(404);
  });
});
