import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PartnershipRecord } from '../../src/app/ports.js';
import { charitiesImporter } from '../../src/interchange/charities-import.js';
import { Browser } from '../support/browser.js';
import { createPostgresDatabase, testDatabaseUrl } from '../support/database.js';
import { createTestApp, demoAccounts, knownPassword, type TestApp } from '../support/test-app.js';

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

const register = [
  'registered_charity_number,charity_name,charity_activities',
  '1099001,MOORSIDE CARERS TOGETHER,"Support, advice and respite breaks for unpaid carers."',
].join('\n');

const textOf = (html: string) =>
  html
    .replace(/<[^>]+>/g, ' ')
    .replace(/&#39;|&rsquo;/g, '’')
    .replace(/&ldquo;/g, '“')
    .replace(/&rdquo;/g, '”')
    .replace(/\s+/g, ' ');

describe.each(databases)('organisations’ themes on the web ($name)', (database) => {
  let removeDatabase: () => Promise<void> = async () => undefined;
  let test: TestApp;
  let northmoor: PartnershipRecord;
  let page = '';

  const signedIn = async (email: string) => {
    const browser = new Browser(test.app);
    expect((await browser.signIn(email, knownPassword)).statusCode).toBe(303);
    return browser;
  };

  beforeAll(async () => {
    const opened = await database.open();
    removeDatabase = opened.remove;
    test = await createTestApp({ env: opened.env });
    northmoor = await test.partnership('northmoor');
    await charitiesImporter(async (text) => text).apply(register, {
      services: test.runtime.services,
      partnershipId: northmoor.id,
      actor: { userId: null, label: 'Test' },
    });
    const organisation = (await test.runtime.services.store.directory.listOrganisations(northmoor.id)).find(
      (o) => o.name === 'MOORSIDE CARERS TOGETHER',
    );
    page = `/p/northmoor/directory/organisations/${organisation?.id ?? 'missing'}`;
  });
  afterAll(async () => {
    await test?.close();
    await removeDatabase();
  });

  it('shows each suggested theme with the words that matched, and counts the charity as potential provision', async () => {
    const viewer = await signedIn(demoAccounts.northmoorViewer);
    const response = await viewer.get(page);
    expect(response.statusCode).toBe(200);
    const text = textOf(response.body);
    expect(text).toContain('Carers Suggested Words that matched: “carers”, “respite”');
    expect(text).toContain('counts as potential provision for Carers');
    expect(response.body).not.toContain('name="decision"');
    expect((await viewer.post(`${page}/themes`, { theme: 'carers', decision: 'confirm' })).statusCode).toBe(
      403,
    );
  });

  it('lets a member confirm a theme, set one aside and add one, and keeps the decisions', async () => {
    const member = await signedIn(demoAccounts.northmoorVcs);
    await member.get(page);
    const confirmed = await member.post(`${page}/themes`, { theme: 'carers', decision: 'confirm' });
    expect(confirmed.statusCode).toBe(303);
    expect(confirmed.headers.location).toBe(`${page}?done=themes#organisation-themes`);
    await member.post(`${page}/themes`, { theme: 'older-people', decision: 'add' });
    await member.post(`${page}/themes`, { theme: 'older-people', decision: 'reject' });
    await member.post(`${page}/themes`, { theme: 'mental-health-and-wellbeing', decision: 'add' });
    const text = textOf((await member.get(`${page}?done=themes`)).body);
    expect(text).toContain('The organisation’s themes are saved.');
    expect(text).toContain('Carers Confirmed Words that matched: “carers”, “respite” Confirmed by');
    expect(text).toContain('Mental health and wellbeing Confirmed Added by a member.');
    expect(text).toContain('Older people Set aside');

    await test.runtime.services.organisationThemes.classify(northmoor.id);
    const again = textOf((await member.get(page)).body);
    expect(again).toContain('Carers Confirmed');
    expect(again).toContain('Older people Set aside');
  });

  it('downloads the organisations with their themes, and names the charity as potential provision in the gap explanation', async () => {
    const viewer = await signedIn(demoAccounts.northmoorViewer);
    expect((await viewer.get('/p/northmoor/organisations')).body).toContain('/p/northmoor/organisations.csv');
    const csv = await viewer.get('/p/northmoor/organisations.csv');
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toContain('text/csv');
    const lines = csv.body.replace(/^\uFEFF/, '').split('\r\n');
    expect(lines[0]).toBe('name,kind,identifier,themes,partnership');
    expect(lines).toContain(
      'MOORSIDE CARERS TOGETHER,vcs,GB-CHC-1099001,mental-health-and-wellbeing;carers,Northmoor Council and Communities Partnership',
    );

    const gap = textOf((await viewer.get('/p/northmoor/needs/gaps/E01099121/carers')).body);
    expect(gap).toContain(
      'Potential provision In the whole partnership, 1 charity or group works on this but lists no service.',
    );
    expect(gap).toContain('MOORSIDE CARERS TOGETHER');
  });

  it('lets an admin, not a viewer, suggest themes again, keeping decisions, and lists each organisation’s themes', async () => {
    const viewer = await signedIn(demoAccounts.northmoorViewer);
    const list = await viewer.get('/p/northmoor/organisations');
    expect(list.body).not.toContain('Suggest themes again');
    expect(textOf(list.body)).toMatch(/MOORSIDE CARERS TOGETHER [^<]*Mental health and wellbeing, Carers/);
    expect((await viewer.post('/p/northmoor/organisations/themes', {})).statusCode).toBe(403);

    const admin = await signedIn(demoAccounts.northmoorAdmin);
    expect((await admin.get('/p/northmoor/organisations')).body).toContain('Suggest themes again');
    const done = await admin.post('/p/northmoor/organisations/themes', {});
    expect(done.statusCode).toBe(303);
    expect(done.headers.location).toMatch(/^\/p\/northmoor\/organisations\?classified=\d+-\d+$/);
    const after = textOf((await admin.get(String(done.headers.location))).body);
    expect(after).toMatch(
      /Themes suggested again from each organisation’s own words: \d+ of \d+ organisations have at least one theme/,
    );
    expect(textOf((await admin.get(page)).body)).toContain('Older people Set aside');
    const audit = await test.runtime.services.store.audit.listForPartnership(northmoor.id, 20);
    expect(audit.map((e) => e.action)).toContain('organisation-themes-reclassified');
  });
});
