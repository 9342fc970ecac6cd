import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PartnershipRecord } from '../../src/app/ports.js';
import { servicesCsvImporter } from '../../src/interchange/services-csv-import.js';
import { createStore } from '../../src/storage/store.js';
import { Browser } from '../support/browser.js';
import { uploadForm } from '../support/multipart.js';
import { createPostgresDatabase, testDatabaseUrl } from '../support/database.js';
import { createTestApp, demoAccounts, dumpTables, knownPassword, type TestApp } from '../support/test-app.js';

/** SQLite always; PostgreSQL as well when TEST_DATABASE_URL is set. */
const databases: {
  name: string;
  open(): Promise<{ env: Record<string, string>; remove(): Promise<void> }>;
}[] = [
  { name: 'sqlite', open: async () => ({ env: {}, remove: async () => undefined }) },
  ...(testDatabaseUrl()
    ? [
        {
          name: 'postgres',
          open: async () => {
            const database = await createPostgresDatabase();
            return { env: { DATABASE_URL: database.url }, remove: () => database.drop() };
          },
        },
      ]
    : []),
];

const header =
  'id,name,organisation,description,themes,phone,opening_times,postcode,visibility,last_checked,contact_name';
const csvWith = (phone: string, openingTimes: string) =>
  [
    header,
    `FB-9,Winter coats,Northmoor Food Bank,Coats for anyone.,food,${phone},${openingTimes},,,2026-01-01,`,
  ].join('\n');

const textOf = (html: string) =>
  html
    .replace(/<[^>]+>/g, ' ')
    .replace(/&#39;|&rsquo;/g, '’')
    .replace(/\s+/g, ' ');

const newService = (organisationId: string, extra: Record<string, string> = {}) => ({
  organisationId,
  name: 'Homework club',
  description: 'Help with homework for children aged 8 to 14.',
  status: 'active',
  themes: 'food',
  ...extra,
});

describe.each(databases)('VCS self-service in the directory ($name)', (database) => {
  let removeDatabase: () => Promise<void> = async () => undefined;
  let test: TestApp;
  let northmoor: PartnershipRecord;
  let foodBankId = '';
  let adviceId = '';
  let located = { postcode: '', lat: 0, lng: 0 };
  const actor = { userId: null, label: 'Test' };

  const signedIn = async (email: string) => {
    const browser = new Browser(test.app);
    expect((await browser.signIn(email, knownPassword)).statusCode).toBe(303);
    return browser;
  };
  const serviceNamed = async (name: string) => {
    const found = (await test.runtime.services.directory.search(northmoor.id, { text: name })).items.find(
      (item) => item.name === name,
    );
    if (!found) throw new Error(`No service ${name}`);
    return found.id;
  };
  const findService = async (id: string) =>
    test.runtime.services.store.directory.findService(northmoor.id, id);
  const importCsv = (csv: string) =>
    servicesCsvImporter(async (text) => text).apply(csv, {
      services: test.runtime.services,
      partnershipId: northmoor.id,
      actor,
    });

  beforeAll(async () => {
    const opened = await database.open();
    removeDatabase = opened.remove;
    test = await createTestApp({ env: opened.env });
    northmoor = await test.partnership('northmoor');
    const organisations = await test.runtime.services.organisations.list(northmoor.id);
    foodBankId = organisations.find((o) => o.name === 'Northmoor Food Bank')?.id ?? '';
    adviceId = organisations.find((o) => o.name === 'Moorside Money and Debt Advice')?.id ?? '';
    const postcode = await test.runtime.handle.db
      .selectFrom('postcodes')
      .select(['postcode', 'lat', 'lng'])
      .where('postcode', 'like', 'NM1 %')
      .where('lat', 'is not', null)
      .where('terminated_on', 'is', null)
      .orderBy('postcode')
      .executeTakeFirstOrThrow();
    located = { postcode: postcode.postcode, lat: Number(postcode.lat), lng: Number(postcode.lng) };
  }, 60_000);
  afterAll(async () => {
    await test.close();
    await removeDatabase();
  });

  it('lets a VCS member add a service for their organisation with a place found from its postcode', async () => {
    const vcs = await signedIn(demoAccounts.northmoorVcs);
    const list = await vcs.get('/p/northmoor/directory');
    expect(list.body).toContain('Add a service');
    expect(list.body).toMatch(/href="\/p\/northmoor\/directory\/organisations\/[0-9a-f-]{36}"/);
    const form = await vcs.get('/p/northmoor/directory/services/new');
    expect(form.statusCode).toBe(200);
    expect(textOf(form.body)).toContain('Run by Northmoor Food Bank');
    const added = await vcs.post(
      '/p/northmoor/directory/services/new',
      newService(foodBankId, {
        'places-0-name': 'Moorside Library',
        'places-0-address': '1 High Street',
        'places-0-postcode': located.postcode.toLowerCase(),
        'places-0-visibility': 'public',
        'opening-tuesday': '16:00 to 18:00',
        'opening-thursday': '16:00 to 17:30',
      }),
    );
    expect(added.statusCode).toBe(303);
    const location = String(added.headers.location);
    expect(location).toMatch(/\/p\/northmoor\/directory\/services\/[0-9a-f-]{36}\?done=added$/);
    const page = textOf((await vcs.get(location)).body);
    expect(page).toContain('The service is added to the directory.');
    expect(page).toContain('Homework club');
    expect(page).toContain(located.postcode);
    expect(page).toContain('Tuesday');
    expect(page).not.toContain('This service has no place.');
    const id = /services\/([0-9a-f-]{36})/.exec(location)?.[1] ?? '';
    const stored = await findService(id);
    expect(stored?.organisationId).toBe(foodBankId);
    expect(stored?.details.locations[0]).toMatchObject({
      postcode: located.postcode,
      latitude: located.lat,
      longitude: located.lng,
    });
    expect(stored?.details.schedules.map((s) => `${s.day} ${s.opens}-${s.closes}`)).toEqual([
      'tuesday 16:00-18:00',
      'thursday 16:00-17:30',
    ]);
    const audit = await test.runtime.services.audit.listForPartnership(northmoor.id);
    expect(
      audit.some((e) => e.action === 'service-added' && e.actorLabel === demoAccounts.northmoorVcs),
    ).toBe(true);
  });

  it('says on its page what a service without a place means for the map and matching', async () => {
    const vcs = await signedIn(demoAccounts.northmoorVcs);
    await vcs.get('/p/northmoor/directory/services/new');
    const added = await vcs.post(
      '/p/northmoor/directory/services/new',
      newService(foodBankId, { name: 'Phone befriending' }),
    );
    expect(added.statusCode).toBe(303);
    const page = textOf((await vcs.get(String(added.headers.location))).body);
    expect(page).toContain('This service has no place.');
    expect(page).toContain('It does not appear on the map or in searches near a postcode');
    expect(page).toContain('Add a place');
  });

  it('shows every problem on the add form and saves nothing; another organisation cannot be chosen', async () => {
    const vcs = await signedIn(demoAccounts.northmoorVcs);
    await vcs.get('/p/northmoor/directory/services/new');
    const before = await dumpTables(test.runtime);
    const bad = await vcs.post(
      '/p/northmoor/directory/services/new',
      newService(foodBankId, { name: '', 'opening-monday': 'mornings' }),
    );
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('There is a problem');
    expect(bad.body).toContain('href="#name"');
    expect(bad.body).toContain('href="#opening-monday"');
    const theirs = await vcs.post('/p/northmoor/directory/services/new', newService(adviceId));
    expect(theirs.statusCode).toBe(400);
    expect(theirs.body).toContain('Select the organisation that runs the service');
    expect((await dumpTables(test.runtime)).services).toEqual(before.services);
  });

  it('changes places, opening times and contacts, marks them changed here, and a later import keeps them', async () => {
    expect(await importCsv(csvWith('01632 960 001', 'Mon 09:00-10:00'))).toMatchObject({ imported: 1 });
    const id = await serviceNamed('Winter coats');
    const base = `/p/northmoor/directory/services/${id}`;
    const vcs = await signedIn(demoAccounts.northmoorVcs);
    const page = textOf((await vcs.get(base)).body);
    expect(page).not.toContain('can only change by importing');
    expect(page).toContain('Change the opening times');

    expect((await vcs.get(`${base}/opening-times`)).statusCode).toBe(200);
    const opening = await vcs.post(`${base}/opening-times`, { 'opening-saturday': '10:00 to 12:00' });
    expect(opening.statusCode).toBe(303);
    expect(opening.headers.location).toBe(`${base}?done=saved`);

    await vcs.get(`${base}/places`);
    const places = await vcs.post(`${base}/places`, {
      'places-0-name': 'Church hall',
      'places-0-address': 'Chapel Lane',
      'places-0-postcode': located.postcode,
      'places-0-visibility': 'area-only',
    });
    expect(places.statusCode).toBe(303);

    await vcs.get(`${base}/contacts`);
    const contacts = await vcs.post(`${base}/contacts`, {
      'contacts-0-name': 'Priya Shah',
      'contacts-0-role': 'Coordinator',
      'contacts-0-phone': '',
      'contacts-0-email': 'priya@foodbank.example',
    });
    expect(contacts.statusCode).toBe(303);

    const after = textOf((await vcs.get(String(contacts.headers.location))).body);
    expect(after).toContain('Your changes are saved.');
    expect(after).toContain('Priya Shah, Coordinator, priya@foodbank.example');
    expect(after).toMatch(/Changed in Common Ground [^.]*opening times/);
    expect(after).toContain('Imports of the directory leave these as they are.');

    // The import changes the phone, which nobody changed here, and keeps the opening times, places and contacts.
    const report = await importCsv(csvWith('01632 960 999', 'Wed 13:00-14:00'));
    expect(report).toMatchObject({ updated: 1 });
    expect(report.kept?.services).toBe(1);
    expect(report.kept?.examples[0]?.fields).toContain('opening times');
    const stored = await findService(id);
    expect(stored?.details.phone).toBe('01632 960 999');
    expect(stored?.details.schedules.map((s) => `${s.day} ${s.opens}`)).toEqual(['saturday 10:00']);
    expect(stored?.details.locations[0]).toMatchObject({ name: 'Church hall', visibility: 'area-only' });
    expect(stored?.details.locations[0]?.latitude).toBe(located.lat);
    expect(stored?.details.contacts.map((c) => c.name)).toEqual(['Priya Shah']);
  });

  it('says in an import’s preview which changes made here it keeps', async () => {
    const admin = await signedIn(demoAccounts.northmoorAdmin);
    await admin.get('/p/northmoor/imports');
    const uploaded = await uploadForm(
      admin,
      '/p/northmoor/imports',
      { kind: 'services-csv' },
      { name: 'services.csv', content: csvWith('01632 960 123', 'Fri 09:00-10:00'), type: 'text/csv' },
    );
    expect(uploaded.statusCode, uploaded.body).toBe(303);
    const jobId = /\/imports\/([0-9a-f-]{36})$/.exec(String(uploaded.headers.location))?.[1] ?? '';
    for (let attempt = 0; attempt < 300; attempt += 1) {
      const view = await test.runtime.services.imports.find(northmoor.id, jobId);
      if (!['previewing', 'applying'].includes(view.job.status)) break;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect((await test.runtime.services.imports.find(northmoor.id, jobId)).job.status).toBe('previewed');
    const preview = textOf((await admin.get(`/p/northmoor/imports/${jobId}`)).body);
    expect(preview).toContain('Changes made in Common Ground are kept');
    expect(preview).toMatch(/Winter coats: [^<]*opening times/);
  }, 60_000);

  it('lets only the organisation’s members and admins change a service; viewers and others get 403', async () => {
    const id = await serviceNamed('Winter coats');
    const base = `/p/northmoor/directory/services/${id}`;
    const other = await signedIn(demoAccounts.northmoorAdviceVcs);
    const viewer = await signedIn(demoAccounts.northmoorViewer);
    await other.get(base);
    await viewer.get(base);
    const before = await dumpTables(test.runtime);
    for (const part of ['places', 'opening-times', 'contacts']) {
      expect((await other.get(`${base}/${part}`)).statusCode).toBe(403);
      expect((await other.post(`${base}/${part}`, { 'opening-monday': '09:00 to 10:00' })).statusCode).toBe(
        403,
      );
      expect((await viewer.get(`${base}/${part}`)).statusCode).toBe(403);
      expect((await viewer.post(`${base}/${part}`, { 'opening-monday': '09:00 to 10:00' })).statusCode).toBe(
        403,
      );
    }
    // The confirm page shows a place whose address is for the organisation only as its district.
    const confirmPage = textOf((await viewer.get(`${base}/still-correct`)).body);
    expect(confirmPage).toContain(located.postcode.split(' ')[0]);
    expect(confirmPage).not.toContain('Chapel Lane');
    expect(confirmPage).not.toContain('Yes, it is still correct');
    expect((await viewer.get('/p/northmoor/directory/services/new')).statusCode).toBe(403);
    expect(
      (await viewer.post('/p/northmoor/directory/services/new', newService(foodBankId))).statusCode,
    ).toBe(403);
    expect((await other.post(`${base}/confirm`)).statusCode).toBe(403);
    const after = await dumpTables(test.runtime);
    expect(after.services).toEqual(before.services);
    expect(after.service_local_edits).toEqual(before.service_local_edits);

    const admin = await signedIn(demoAccounts.northmoorAdmin);
    expect((await admin.get(`${base}/opening-times`)).statusCode).toBe(200);
    expect(
      (await admin.post(`${base}/opening-times`, { 'opening-sunday': '11:00 to 12:00' })).statusCode,
    ).toBe(303);
    const adminForm = await admin.get('/p/northmoor/directory/services/new');
    expect(adminForm.body).toContain('Select an organisation');
  });

  it('refuses a post without the form’s security token, and a service of another partnership', async () => {
    const id = await serviceNamed('Winter coats');
    const base = `/p/northmoor/directory/services/${id}`;
    const vcs = await signedIn(demoAccounts.northmoorVcs);
    await vcs.get(`${base}/opening-times`);
    const before = await dumpTables(test.runtime);
    const forged = await vcs.post(
      `${base}/opening-times`,
      { 'opening-monday': '01:00 to 02:00' },
      { csrf: false },
    );
    expect(forged.statusCode).toBe(403);
    const eastbrook = await signedIn(demoAccounts.eastbrookAdmin);
    // Someone outside the partnership is not told the service exists.
    expect((await eastbrook.get(`${base}/places`)).statusCode).toBe(404);
    expect((await eastbrook.get(`/p/eastbrook/directory/services/${id}/places`)).statusCode).toBe(404);
    expect((await eastbrook.get(`/p/eastbrook/directory/services/${id}/still-correct`)).statusCode).toBe(404);
    await eastbrook.get('/p/eastbrook/directory');
    expect(
      (await eastbrook.post(`/p/eastbrook/directory/services/${id}/opening-times`, { 'opening-monday': '' }))
        .statusCode,
    ).toBe(404);
    expect((await dumpTables(test.runtime)).services).toEqual(before.services);
  });

  it('links each service in the reminder email to a page that changes nothing until its button is pressed', async () => {
    await test.runtime.services.reminders.run();
    const digest = (await createStore(test.runtime.handle.db).outbox.listRecent(1000)).find(
      (m) => m.recipient === demoAccounts.northmoorVcs && m.kind === 'reminder-stale-records',
    );
    const link =
      /http:\/\/localhost:3000(\/p\/northmoor\/directory\/services\/([0-9a-f-]{36})\/still-correct)/.exec(
        digest?.bodyText ?? '',
      );
    expect(link).not.toBeNull();
    const [, path = '', id = ''] = link ?? [];
    const checkedBefore = (await findService(id))?.lastCheckedAt;

    const vcs = await signedIn(demoAccounts.northmoorVcs);
    const before = await dumpTables(test.runtime);
    const page = await vcs.get(path);
    expect(page.statusCode).toBe(200);
    expect(textOf(page.body)).toContain('still correct?');
    expect(page.body).toContain('Yes, it is still correct');
    expect((await dumpTables(test.runtime)).services).toEqual(before.services);

    const viewer = await signedIn(demoAccounts.northmoorViewer);
    const forViewer = await viewer.get(path);
    expect(forViewer.statusCode).toBe(200);
    expect(forViewer.body).not.toContain('Yes, it is still correct');

    const confirmed = await vcs.post(`/p/northmoor/directory/services/${id}/confirm`);
    expect(confirmed.statusCode).toBe(303);
    expect(textOf((await vcs.get(String(confirmed.headers.location))).body)).toContain(
      'You confirmed this service is still correct.',
    );
    expect((await findService(id))?.lastCheckedAt).not.toBe(checkedBefore);
  });
});
