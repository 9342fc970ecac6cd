import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OpportunityRecord, PartnershipRecord } from '../../src/app/ports.js';
import { createStore } from '../../src/storage/store.js';
import { Browser } from '../support/browser.js';
import { createTestApp, demoAccounts, dumpTables, knownPassword, type TestApp } from '../support/test-app.js';

describe('the funding pipeline over HTTP', () => {
  let test: TestApp;
  let northmoor: PartnershipRecord;
  let organisationIds: Record<'council' | 'foodbank' | 'advice' | 'church', string>;
  const store = () => createStore(test.runtime.handle.db);
  const base = '/p/northmoor/funding/opportunities';

  const signedIn = async (email: string) => {
    const browser = new Browser(test.app);
    expect((await browser.signIn(email, knownPassword)).statusCode).toBe(303);
    return browser;
  };

  const form = (overrides: Record<string, string> = {}) => ({
    funder: 'Moorland Community Foundation',
    fundName: 'Stronger Neighbourhoods',
    amountMin: '5000',
    amountMax: '25,000',
    currency: 'GBP',
    'deadline-day': '30',
    'deadline-month': '4',
    'deadline-year': '2026',
    themes: 'food',
    link: 'https://example.org/stronger',
    notes: '',
    ...overrides,
  });

  const opportunityNamed = async (fundName: string): Promise<OpportunityRecord> => {
    const found = (await store().funding.listOpportunities(northmoor.id)).find(
      (o) => o.fundName === fundName,
    );
    if (!found) throw new Error(`No opportunity ${fundName}`);
    return found;
  };

  beforeAll(async () => {
    test = await createTestApp();
    northmoor = await test.partnership('northmoor');
    const organisations = await store().organisations.listByPartnership(northmoor.id);
    const named = (part: string) => {
      const found = organisations.find((o) => o.name.includes(part));
      if (!found) throw new Error(`No demo organisation ${part}`);
      return found.id;
    };
    organisationIds = {
      council: named('Northmoor Council'),
      foodbank: named('Food Bank'),
      advice: named('Money and Debt'),
      church: named('St Aidan'),
    };
  }, 60_000);
  afterAll(() => test.close());

  it('lists the seeded pipeline soonest deadline first, flags the clash and filters by theme', async () => {
    const viewer = await signedIn(demoAccounts.northmoorViewer);
    const list = await viewer.get(base);
    expect(list.statusCode).toBe(200);
    const order = [
      'Household Support Fund',
      'Warm Homes Community Fund',
      'Digital Skills',
      'Reaching Communities',
      'Youth Futures',
    ];
    const positions = order.map((name) => list.body.indexOf(name));
    expect(positions.every((p) => p > 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    expect(list.body).toContain('Deadline passed');
    expect(list.body).toContain('Closes soon');
    expect(list.body).toContain('Partners would compete');
    expect(list.body).toContain('$20,000');
    expect(list.body).not.toContain('Add a funding opportunity');
    expect(list.body).not.toContain('/plan?kind=joint-bid');
    const member = await signedIn(demoAccounts.northmoorAdviceVcs);
    const offered = await member.get(base);
    expect(offered.body).toContain(
      'Plan a joint bid<span class="govuk-visually-hidden"> to Warm Homes Community Fund</span>',
    );
    expect(offered.body).toContain(
      'Start a conversation<span class="govuk-visually-hidden"> about Warm Homes Community Fund</span>',
    );
    const filtered = await viewer.get(`${base}?theme=digital-inclusion`);
    expect(filtered.body).toContain('Digital Skills');
    expect(filtered.body).not.toContain('Warm Homes Community Fund');
    const oldHub = await viewer.get('/p/northmoor/funding/pipeline');
    expect(oldHub.statusCode).toBe(301);
    expect(oldHub.headers.location).toBe(base);
  });

  it('lets a VCS member add an opportunity, audited, and shows errors without saving bad input', async () => {
    const vcs = await signedIn(demoAccounts.northmoorVcs);
    expect((await vcs.get(`${base}/new`)).statusCode).toBe(200);
    const before = (await store().funding.listOpportunities(northmoor.id)).length;
    const bad = await vcs.post(
      `${base}/new`,
      form({ fundName: '', amountMin: 'lots', 'deadline-day': '31', 'deadline-month': '2' }),
    );
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('Enter the name of the fund');
    expect(bad.body).toContain('Enter the smallest award as a number');
    expect(bad.body).toContain('Enter a real deadline');
    expect(bad.body).toContain('href="#deadline-day"');
    expect((await store().funding.listOpportunities(northmoor.id)).length).toBe(before);

    const saved = await vcs.post(`${base}/new`, form());
    expect(saved.statusCode).toBe(303);
    const added = await opportunityNamed('Stronger Neighbourhoods');
    expect(saved.headers.location).toBe(`${base}/${added.id}?done=added`);
    expect(added).toMatchObject({
      amountMin: 500_000,
      amountMax: 2_500_000,
      deadline: '2026-04-30',
      themes: ['food'],
    });
    const page = await vcs.get(`${base}/${added.id}`);
    expect(page.body).toContain('£5,000 to £25,000');
    expect(page.body).toContain('Change the details');
    const audit = await store().audit.listForPartnership(northmoor.id, 20);
    expect(
      audit.some(
        (e) => e.action === 'funding-opportunity-added' && e.subject.includes('Stronger Neighbourhoods'),
      ),
    ).toBe(true);
  });

  it('lets only the person who added it, or an admin, change an opportunity', async () => {
    const added = await opportunityNamed('Stronger Neighbourhoods');
    const other = await signedIn(demoAccounts.northmoorAdviceVcs);
    expect((await other.get(`${base}/${added.id}/edit`)).statusCode).toBe(403);
    await other.get(base);
    expect((await other.post(`${base}/${added.id}/edit`, form({ fundName: 'Hijacked' }))).statusCode).toBe(
      403,
    );
    const admin = await signedIn(demoAccounts.northmoorAdmin);
    expect((await admin.get(`${base}/${added.id}/edit`)).statusCode).toBe(200);
    const saved = await admin.post(`${base}/${added.id}/edit`, form({ amountMin: '', amountMax: '30000' }));
    expect(saved.statusCode).toBe(303);
    expect((await opportunityNamed('Stronger Neighbourhoods')).amountMin).toBeNull();
  });

  it('lets members register interest only for their own organisation; admins for any', async () => {
    const added = await opportunityNamed('Stronger Neighbourhoods');
    const vcs = await signedIn(demoAccounts.northmoorVcs);
    const formPage = await vcs.get(`${base}/${added.id}/interest`);
    expect(formPage.body).toContain('Northmoor Food Bank');
    expect(formPage.body).not.toContain('Moorside Money and Debt Advice');
    const someoneElse = await vcs.post(`${base}/${added.id}/interest`, {
      organisationId: organisationIds.advice,
      role: 'lead',
      note: '',
    });
    expect(someoneElse.statusCode).toBe(400);
    expect(someoneElse.body).toContain('Select your own organisation');
    const own = await vcs.post(`${base}/${added.id}/interest`, {
      organisationId: organisationIds.foodbank,
      role: 'lead',
      note: 'Food parcels',
    });
    expect(own.statusCode).toBe(303);
    let page = await vcs.get(`${base}/${added.id}`);
    expect(page.body).not.toContain('Partners would compete');

    const advice = await signedIn(demoAccounts.northmoorAdviceVcs);
    await advice.get(`${base}/${added.id}/interest`);
    expect(
      (
        await advice.post(`${base}/${added.id}/interest`, {
          organisationId: organisationIds.advice,
          role: 'lead',
          note: '',
        })
      ).statusCode,
    ).toBe(303);
    page = await advice.get(`${base}/${added.id}`);
    expect(page.body).toContain(
      '2 partners plan to bid for this fund as lead bidders: Northmoor Food Bank and Moorside Money and Debt Advice',
    );
    expect(page.body).toContain('Plan a joint bid');
    expect(page.body).toContain('Start a conversation');

    const admin = await signedIn(demoAccounts.northmoorAdmin);
    await admin.get(`${base}/${added.id}/interest`);
    expect(
      (
        await admin.post(`${base}/${added.id}/interest`, {
          organisationId: organisationIds.church,
          role: 'partner',
          note: '',
        })
      ).statusCode,
    ).toBe(303);
    const viewer = await signedIn(demoAccounts.northmoorViewer);
    expect((await viewer.get(`${base}/${added.id}/interest`)).statusCode).toBe(403);
    const interests = await store().funding.listInterests(northmoor.id, added.id);
    expect(interests.map((i) => [i.organisationId, i.role])).toEqual([
      [organisationIds.foodbank, 'lead'],
      [organisationIds.advice, 'lead'],
      [organisationIds.church, 'partner'],
    ]);
  });

  it('lets a member withdraw only their own organisation’s interest', async () => {
    const added = await opportunityNamed('Stronger Neighbourhoods');
    const advice = await signedIn(demoAccounts.northmoorAdviceVcs);
    await advice.get(`${base}/${added.id}`);
    expect(
      (await advice.post(`${base}/${added.id}/interest/withdraw`, { organisationId: organisationIds.church }))
        .statusCode,
    ).toBe(403);
    expect(await store().funding.listInterests(northmoor.id, added.id)).toHaveLength(3);
  });

  it('plans a joint bid as an action on the plan, linked to the funding-together indicator, and says so', async () => {
    const added = await opportunityNamed('Stronger Neighbourhoods');
    const advice = await signedIn(demoAccounts.northmoorAdviceVcs);
    const planPage = await advice.get(`${base}/${added.id}/plan?kind=joint-bid`);
    expect(planPage.statusCode).toBe(200);
    expect(planPage.body).toContain('value="Plan a joint bid to Stronger Neighbourhoods"');
    expect(planPage.body).toContain('CR4 Bidding for funding together');
    const planned = await advice.post(`${base}/${added.id}/plan`, {
      kind: 'joint-bid',
      title: '',
      ownerOrganisationId: organisationIds.council,
    });
    expect(planned.statusCode).toBe(303);
    const opportunity = await opportunityNamed('Stronger Neighbourhoods');
    expect(opportunity.coordinationKind).toBe('joint-bid');
    const action = (await store().actions.list(northmoor.id)).find(
      (a) => a.id === opportunity.coordinationActionId,
    );
    expect(action).toMatchObject({
      title: 'Plan a joint bid to Stronger Neighbourhoods',
      side: 'joint',
      ownerOrganisationId: organisationIds.council,
      indicatorCodes: ['CR4'],
      dueOn: '2026-04-30',
    });
    const page = await advice.get(`${base}/${added.id}`);
    expect(page.body).toContain('A joint bid is planned');
    expect(page.body).not.toContain('Partners would compete');
    const plan = await advice.get('/p/northmoor/actions');
    expect(plan.body).toContain('Plan a joint bid to Stronger Neighbourhoods');
    const audit = await store().audit.listForPartnership(northmoor.id, 20);
    expect(audit.map((e) => e.action)).toEqual(
      expect.arrayContaining(['funding-joint-bid-planned', 'action-created']),
    );
  });

  it('refuses a form without its CSRF token and changes nothing', async () => {
    const vcs = await signedIn(demoAccounts.northmoorVcs);
    await vcs.get(base);
    const before = await dumpTables(test.runtime);
    const added = await opportunityNamed('Stronger Neighbourhoods');
    for (const [url, body] of [
      [`${base}/new`, form({ fundName: 'No token' })],
      [
        `${base}/${added.id}/interest`,
        { organisationId: organisationIds.foodbank, role: 'partner', note: '' },
      ],
      [
        `${base}/${added.id}/plan`,
        { kind: 'conversation', title: '', ownerOrganisationId: organisationIds.council },
      ],
      [`${base}/${added.id}/interest/withdraw`, { organisationId: organisationIds.foodbank }],
    ] as const) {
      expect((await vcs.post(url, body, { csrf: false })).statusCode).toBe(403);
    }
    const after = await dumpTables(test.runtime);
    expect(after.funding_opportunities).toEqual(before.funding_opportunities);
    expect(after.funding_interests).toEqual(before.funding_interests);
    expect(after.actions).toEqual(before.actions);
  });

  it('shows another partnership nothing: every funding route answers 404 with real ids, and nothing changes', async () => {
    const added = await opportunityNamed('Stronger Neighbourhoods');
    const eastbrook = await signedIn(demoAccounts.eastbrookAdmin);
    await eastbrook.get('/p/eastbrook/funding/opportunities');
    const before = await dumpTables(test.runtime);
    for (const slug of ['northmoor', 'eastbrook']) {
      const own = `/p/${slug}/funding/opportunities/${added.id}`;
      for (const [method, url] of [
        ['GET', own],
        ['GET', `${own}/edit`],
        ['POST', `${own}/edit`],
        ['GET', `${own}/interest`],
        ['POST', `${own}/interest`],
        ['POST', `${own}/interest/withdraw`],
        ['GET', `${own}/plan?kind=joint-bid`],
        ['POST', `${own}/plan`],
      ] as const) {
        const response = await eastbrook.send(method, url, {
          ...form(),
          organisationId: organisationIds.foodbank,
          role: 'lead',
          kind: 'joint-bid',
          ownerOrganisationId: organisationIds.council,
        });
        expect({ url, method, status: response.statusCode }).toEqual({ url, method, status: 404 });
      }
    }
    expect((await eastbrook.get('/p/northmoor/funding/opportunities')).statusCode).toBe(404);
    const list = await eastbrook.get('/p/eastbrook/funding/opportunities');
    expect(list.statusCode).toBe(200);
    expect(list.body).not.toContain('Stronger Neighbourhoods');
    expect(list.body).toContain('No funding opportunities have been added yet.');
    const after = await dumpTables(test.runtime);
    expect(after.funding_opportunities).toEqual(before.funding_opportunities);
    expect(after.funding_interests).toEqual(before.funding_interests);
    expect(after.actions).toEqual(before.actions);
  });
});
