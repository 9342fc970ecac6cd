import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PartnershipRecord } from '../../src/app/ports.js';
import { servicesCsvImporter } from '../../src/interchange/services-csv-import.js';
import { Browser } from '../support/browser.js';
import { createTestApp, demoAccounts, dumpTables, knownPassword, type TestApp } from '../support/test-app.js';

const csv = [
  'id,name,organisation,description,themes,email,opening_times,postcode,visibility,last_checked,contact_name,contact_phone,area_codes',
  'FB-1,Saturday food parcels,Northmoor Food Bank,Three days of food for anyone referred.,food,parcels@foodbank.example,Tue 10:00-12:00,NM1 1AA,public,2024-01-10,Sam Jones,01632 960 000,E05099001',
  'FB-2,Safe place,Northmoor Food Bank,A refuge.,domestic-abuse,,,NM2 2BB,hidden,2026-01-01,,,',
  'AD-1,Debt advice drop-in,Moorside Money and Debt Advice,Free debt & benefits advice.,money-debt-and-benefits,,,,,2026-01-01,,,',
].join('\n');

describe('the resource directory over HTTP', () => {
  let test: TestApp;
  let northmoor: PartnershipRecord;
  const serviceIds: Record<string, string> = {};

  const signedIn = async (email: string) => {
    const browser = new Browser(test.app);
    const response = await browser.signIn(email, knownPassword);
    expect(response.statusCode).toBe(303);
    return browser;
  };

  beforeAll(async () => {
    test = await createTestApp();
    northmoor = await test.partnership('northmoor');
    const { services } = test.runtime;
    const report = await servicesCsvImporter(async (text) => text).apply(csv, {
      services,
      partnershipId: northmoor.id,
      actor: { userId: null, label: 'Test' },
    });
    expect(report).toMatchObject({ imported: 3, skipped: 0, problems: [] });
    for (const item of (await services.directory.search(northmoor.id, {})).items)
      serviceIds[item.name] = item.id;
    // A VCS member of another organisation: Moorside Money and Debt Advice.
    const advice = (await services.organisations.list(northmoor.id)).find(
      (o) => o.name === 'Moorside Money and Debt Advice',
    );
    await services.users.create(
      {
        email: 'vcs-advice@northmoor.example',
        displayName: 'Advice Worker',
        passwordHash: await services.hasher.hash(knownPassword),
        role: 'vcs-member',
        partnershipId: northmoor.id,
        organisationId: advice?.id ?? null,
      },
      { userId: null, label: 'Test' },
    );
  }, 60_000);
  afterAll(() => test.close());

  const servicePath = (name: string) => `/p/northmoor/directory/services/${serviceIds[name] ?? 'missing'}`;

  it('lists and searches services by words and theme, flagging records unchecked for 12 months', async () => {
    const viewer = await signedIn(demoAccounts.northmoorViewer);
    const all = await viewer.get('/p/northmoor/directory');
    expect(all.statusCode).toBe(200);
    // 3 imported here and 10 in the demo directory.
    expect(all.body).toContain('13 services.');
    expect(all.body).toMatch(/Saturday food parcels[\s\S]*Needs checking/);
    const byWords = await viewer.get('/p/northmoor/directory?q=debt+%26+benefits');
    expect(byWords.body).toContain('1 service matches.');
    expect(byWords.body).toContain('Debt advice drop-in');
    expect(byWords.body).not.toContain('Saturday food parcels');
    const byTheme = await viewer.get('/p/northmoor/directory?theme=food');
    expect(byTheme.body).toContain('Saturday food parcels');
    expect(byTheme.body).not.toContain('Debt advice drop-in');
    expect(byTheme.body).toContain('Food (5)');
    const stale = await viewer.get('/p/northmoor/directory?check=yes');
    expect(stale.body).toContain('4 services match.');
    expect(stale.body).toContain('Saturday food parcels');
    expect(stale.body).not.toContain('Debt advice drop-in');
  });

  it('lets a member with an organisation list only that organisation’s services that need checking', async () => {
    const owner = await signedIn(demoAccounts.northmoorVcs);
    const mine = await owner.get('/p/northmoor/directory?mine=yes&check=yes');
    // Northmoor Food Bank: the imported parcels (checked in 2024) and the demo pantry (checked 420 days ago).
    expect(mine.body).toContain('2 services match.');
    expect(mine.body).toContain('Saturday food parcels');
    expect(mine.body).toContain('Moorside community pantry');
    const viewer = await signedIn(demoAccounts.northmoorViewer);
    const page = await viewer.get('/p/northmoor/directory');
    expect(page.body).toContain('Only my organisation’s services'); // the demo viewer belongs to the health partnership
    const admin = await signedIn(demoAccounts.northmoorAdmin);
    expect((await admin.get('/p/northmoor/directory')).body).toContain('Only my organisation’s services');
  });

  it('shows a service page; hidden places only to people who may change the service', async () => {
    const viewer = await signedIn(demoAccounts.northmoorViewer);
    const page = await viewer.get(servicePath('Saturday food parcels'));
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Three days of food for anyone referred.');
    expect(page.body).toContain('Tuesday');
    expect(page.body).toContain('NM1 1AA');
    expect(page.body).toContain('Sam Jones, 01632 960 000');
    expect(page.body).toContain('E05099001');
    expect(page.body).not.toContain('Change this service');
    const refugeForViewer = await viewer.get(servicePath('Safe place'));
    expect(refugeForViewer.body).not.toContain('NM2 2BB');
    const owner = await signedIn(demoAccounts.northmoorVcs);
    const refugeForOwner = await owner.get(servicePath('Safe place'));
    expect(refugeForOwner.body).toContain('NM2 2BB');
    expect(refugeForOwner.body).toContain('Hidden: only people who can change this service see it');
    expect(
      (await viewer.get('/p/northmoor/directory/services/00000000-0000-4000-8000-000000000000')).statusCode,
    ).toBe(404);
    const organisationHref = /href="(\/p\/northmoor\/directory\/organisations\/[0-9a-f-]{36})"/.exec(
      page.body,
    )?.[1];
    const organisation = await viewer.get(organisationHref ?? 'missing');
    expect(organisation.statusCode).toBe(200);
    expect(organisation.body).toContain('Northmoor Food Bank');
    expect(organisation.body).toContain('Saturday food parcels');
    expect(organisation.body).toContain('Moorside community pantry');
    expect(organisation.body).toMatch(/GB-CHC-\d+/);
    expect(
      (await viewer.get('/p/northmoor/directory/organisations/00000000-0000-4000-8000-000000000000'))
        .statusCode,
    ).toBe(404);
  });

  it('lets the organisation’s VCS member change its service, audited, and records the check', async () => {
    const owner = await signedIn(demoAccounts.northmoorVcs);
    const page = await owner.get(servicePath('Saturday food parcels'));
    expect(page.body).toContain('Change this service');
    const form = await owner.get(`${servicePath('Saturday food parcels')}/edit`);
    expect(form.statusCode).toBe(200);
    const saved = await owner.post(`${servicePath('Saturday food parcels')}/edit`, {
      name: 'Saturday food parcels',
      description: 'Three days of food. Now also on Fridays.',
      status: 'active',
      themes: 'food',
      email: 'parcels@foodbank.example',
      minimumAge: '',
      maximumAge: '',
      capacityPeople: '80',
      capacityPeriod: 'week',
    });
    expect(saved.statusCode).toBe(303);
    expect(saved.headers.location).toBe(`${servicePath('Saturday food parcels')}?done=saved`);
    const after = await owner.get(String(saved.headers.location));
    expect(after.body).toContain('Your changes are saved.');
    expect(after.body).toContain('Now also on Fridays.');
    expect(after.body).toContain('80 people a week');
    expect(after.body).not.toContain('Needs checking');
    const audit = await test.runtime.services.audit.listForPartnership(northmoor.id);
    expect(audit.find((e) => e.action === 'service-changed')).toMatchObject({
      actorLabel: demoAccounts.northmoorVcs,
      subject: 'Saturday food parcels: changed description, capacity',
    });
  });

  it('shows every problem on the form and saves nothing', async () => {
    const owner = await signedIn(demoAccounts.northmoorVcs);
    await owner.get(`${servicePath('Safe place')}/edit`);
    const before = await dumpTables(test.runtime);
    const response = await owner.post(`${servicePath('Safe place')}/edit`, {
      name: 'S',
      status: 'open',
      email: 'not-an-email',
      capacityPeople: '10',
    });
    expect(response.statusCode).toBe(400);
    expect(response.body).toContain('There is a problem');
    expect(response.body).toContain('href="#name"');
    expect(response.body).toContain('href="#capacityPeriod"');
    expect((await dumpTables(test.runtime)).services).toEqual(before.services);
  });

  it('refuses a VCS member of another organisation (403) and changes nothing', async () => {
    const other = await signedIn('vcs-advice@northmoor.example');
    const page = await other.get(servicePath('Saturday food parcels'));
    expect(page.statusCode).toBe(200);
    expect(page.body).not.toContain('Change this service');
    const before = await dumpTables(test.runtime);
    expect((await other.get(`${servicePath('Saturday food parcels')}/edit`)).statusCode).toBe(403);
    const post = await other.post(`${servicePath('Saturday food parcels')}/edit`, {
      name: 'Taken over',
      description: 'x',
      status: 'defunct',
    });
    expect(post.statusCode).toBe(403);
    expect((await other.post(`${servicePath('Saturday food parcels')}/confirm`)).statusCode).toBe(403);
    const after = await dumpTables(test.runtime);
    expect(after.services).toEqual(before.services);
    expect(after.audit_events).toEqual(before.audit_events);
    // Their own organisation's service is theirs to change.
    expect((await other.get(`${servicePath('Debt advice drop-in')}/edit`)).statusCode).toBe(200);
  });

  it('refuses a viewer and lets an admin change any service, showing what they type as text', async () => {
    const viewer = await signedIn(demoAccounts.northmoorViewer);
    await viewer.get(servicePath('Debt advice drop-in'));
    expect([403, 404]).toContain(
      (await viewer.post(`${servicePath('Debt advice drop-in')}/confirm`)).statusCode,
    );
    const admin = await signedIn(demoAccounts.northmoorAdmin);
    expect((await admin.get(`${servicePath('Debt advice drop-in')}/edit`)).statusCode).toBe(200);
    const saved = await admin.post(`${servicePath('Debt advice drop-in')}/edit`, {
      name: 'Debt advice drop-in',
      description: '<script>alert("x")</script> Free advice',
      status: 'active',
      themes: 'money-debt-and-benefits',
    });
    expect(saved.statusCode).toBe(303);
    const page = await admin.get(servicePath('Debt advice drop-in'));
    expect(page.body).not.toContain('<script>alert');
    expect(page.body).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; Free advice');
  });

  it('confirms “still correct” in one step, recording who and when', async () => {
    const owner = await signedIn(demoAccounts.northmoorVcs);
    await owner.get(servicePath('Safe place'));
    const response = await owner.post(`${servicePath('Safe place')}/confirm`);
    expect(response.statusCode).toBe(303);
    const page = await owner.get(String(response.headers.location));
    expect(page.body).toContain('You confirmed this service is still correct.');
    const service = await test.runtime.services.store.directory.findService(
      northmoor.id,
      serviceIds['Safe place'] ?? '',
    );
    expect(service?.lastCheckedByUserId).not.toBeNull();
    expect(Date.now() - Date.parse(service?.lastCheckedAt ?? '')).toBeLessThan(60_000);
    const audit = await test.runtime.services.audit.listForPartnership(northmoor.id);
    expect(
      audit.some(
        (e) => e.action === 'service-confirmed' && e.subject === 'Safe place: confirmed still correct',
      ),
    ).toBe(true);
  });
});
