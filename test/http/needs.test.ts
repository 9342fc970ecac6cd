import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PartnershipRecord } from '../../src/app/ports.js';
import type { NeedRecord } from '../../src/domain/needs/model.js';
import { createStore } from '../../src/storage/store.js';
import { Browser } from '../support/browser.js';
import { uploadForm } from '../support/multipart.js';
import { createTestApp, demoAccounts, dumpTables, knownPassword, type TestApp } from '../support/test-app.js';

describe('the needs register over HTTP', () => {
  let test: TestApp;
  let northmoor: PartnershipRecord;
  let lsoa: { code: string; name: string };
  let ward: { code: string; name: string };
  let foodbankId: string;
  const store = () => createStore(test.runtime.handle.db);

  const signedIn = async (email: string) => {
    const browser = new Browser(test.app);
    const response = await browser.signIn(email, knownPassword);
    expect(response.statusCode).toBe(303);
    return browser;
  };

  const form = (overrides: Record<string, string> = {}) => ({
    areaCode: lsoa.code,
    theme: 'food',
    severity: '3',
    peopleAffected: '40',
    evidence: 'About 40 families a week asking for food parcels since October.',
    source: 'vcs-frontline',
    reportingOrganisationId: foodbankId,
    'reportedOn-day': '14',
    'reportedOn-month': '2',
    'reportedOn-year': '2026',
    ...overrides,
  });

  const needsWith = async (evidence: string): Promise<NeedRecord[]> =>
    (await store().needs.listForPartnership(northmoor.id)).filter((n) => n.evidence === evidence);

  beforeAll(async () => {
    test = await createTestApp();
    northmoor = await test.partnership('northmoor');
    const context = await test.runtime.services.needs.context(northmoor);
    const firstLsoa = context.areas.list.find((a) => a.level === 'lsoa');
    const firstWard = context.areas.list.find((a) => a.level === 'ward');
    if (!firstLsoa || !firstWard) throw new Error('The demo partnership has no wards or LSOAs');
    lsoa = firstLsoa;
    ward = firstWard;
    const foodbank = context.organisations.find((o) => o.name.includes('Food Bank'));
    if (!foodbank) throw new Error('No demo food bank');
    foodbankId = foodbank.id;
  }, 60_000);
  afterAll(() => test.close());

  it('lets a VCS member record a need, which the register lists and the audit log notes', async () => {
    const vcs = await signedIn(demoAccounts.northmoorVcs);
    const page = await vcs.get('/p/northmoor/needs/new');
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain(`<optgroup label="${ward.name}">`);
    expect(page.body).toContain(`${lsoa.name} (${lsoa.code})`);
    const saved = await vcs.post(
      '/p/northmoor/needs/new',
      form({ evidence: 'Recorded over HTTP: 40 families.' }),
    );
    expect(saved.statusCode).toBe(303);
    expect(saved.headers.location).toBe('/p/northmoor/needs?done=recorded');
    const [need] = await needsWith('Recorded over HTTP: 40 families.');
    expect(need).toMatchObject({
      areaCode: lsoa.code,
      theme: 'food',
      severity: 3,
      peopleAffected: 40,
      source: 'vcs-frontline',
      reportingOrganisationId: foodbankId,
      reportedOn: '2026-02-14',
      sourceId: null,
    });
    const list = await vcs.get('/p/northmoor/needs?theme=food');
    expect(list.statusCode).toBe(200);
    expect(list.body).toContain('Recorded over HTTP: 40 families.');
    expect(list.body).toContain('14 February 2026');
    expect(list.body).toContain(`/p/northmoor/needs/${need?.id}/edit`);
    const audit = await store().audit.listForPartnership(northmoor.id, 20);
    expect(audit.map((e) => e.action)).toContain('need-recorded');
  });

  it('filters the register by theme, area (a ward includes its LSOAs) and source', async () => {
    const admin = await signedIn(demoAccounts.northmoorAdmin);
    await admin.post(
      '/p/northmoor/needs/new',
      form({
        evidence: 'Filter test: lonely older people.',
        theme: 'loneliness-and-isolation',
        source: 'survey',
      }),
    );
    expect(await needsWith('Filter test: lonely older people.')).toHaveLength(1);
    const byWard = await admin.get(`/p/northmoor/needs?area=${ward.code}&source=survey`);
    expect(byWard.body).toContain('Filter test: lonely older people.');
    const bySource = await admin.get('/p/northmoor/needs?source=council-data&theme=loneliness-and-isolation');
    expect(bySource.body).not.toContain('Filter test: lonely older people.');
    const byTheme = await admin.get('/p/northmoor/needs?theme=food');
    expect(byTheme.body).not.toContain('Filter test: lonely older people.');
  });

  it('shows every problem with an error summary and saves nothing', async () => {
    const vcs = await signedIn(demoAccounts.northmoorVcs);
    await vcs.get('/p/northmoor/needs/new');
    const before = await dumpTables(test.runtime);
    const response = await vcs.post(
      '/p/northmoor/needs/new',
      form({
        areaCode: 'E01999999',
        theme: '',
        severity: '',
        evidence: '',
        'reportedOn-day': '31',
        'reportedOn-month': '2',
      }),
    );
    expect(response.statusCode).toBe(400);
    expect(response.body).toContain('There is a problem');
    expect(response.body).toContain('href="#areaCode"');
    expect(response.body).toContain('Select an area in this partnership');
    expect(response.body).toContain('Select the theme of the need');
    expect(response.body).toContain('href="#severity"');
    expect(response.body).toContain('Describe the need and how partners know about it');
    expect(response.body).toContain('href="#reportedOn-day"');
    expect((await dumpTables(test.runtime)).needs).toEqual(before.needs);
  });

  it('refuses personal data with a clear message of what to remove', async () => {
    const vcs = await signedIn(demoAccounts.northmoorVcs);
    await vcs.get('/p/northmoor/needs/new');
    const before = await dumpTables(test.runtime);
    const response = await vcs.post(
      '/p/northmoor/needs/new',
      form({ evidence: 'Mrs Smith on 07700 900123 needs food, email smith@example.org' }),
    );
    expect(response.statusCode).toBe(400);
    expect(response.body).toContain('This looks like a person’s name: “Mrs Smith”.');
    expect(response.body).toContain('This looks like a phone number: “07700 900123”.');
    expect(response.body).toContain('This looks like an email address: “smith@example.org”.');
    expect(response.body).toContain('Remove it: needs describe groups of people, never one person.');
    expect((await dumpTables(test.runtime)).needs).toEqual(before.needs);
  });

  it('lets a VCS member name only their own organisation as reporter', async () => {
    const vcs = await signedIn(demoAccounts.northmoorVcs);
    await vcs.get('/p/northmoor/needs/new');
    const context = await test.runtime.services.needs.context(northmoor);
    const other = context.organisations.find((o) => o.id !== foodbankId);
    const response = await vcs.post(
      '/p/northmoor/needs/new',
      form({ reportingOrganisationId: other?.id ?? '' }),
    );
    expect(response.statusCode).toBe(400);
    expect(response.body).toContain('Select your own organisation, or none');
  });

  it('refuses a VCS member of another organisation (403) and changes nothing', async () => {
    const owner = await signedIn(demoAccounts.northmoorVcs);
    await owner.get('/p/northmoor/needs/new');
    await owner.post('/p/northmoor/needs/new', form({ evidence: 'Owned by the food bank.' }));
    const [need] = await needsWith('Owned by the food bank.');
    if (!need) throw new Error('not recorded');

    const other = await signedIn(demoAccounts.northmoorAdviceVcs);
    const list = await other.get('/p/northmoor/needs');
    expect(list.body).toContain('Owned by the food bank.');
    expect(list.body).not.toContain(`/p/northmoor/needs/${need.id}/edit`);
    const viewer = await signedIn(demoAccounts.northmoorViewer);
    await viewer.get('/p/northmoor/needs');
    const before = await dumpTables(test.runtime);
    expect((await other.get(`/p/northmoor/needs/${need.id}/edit`)).statusCode).toBe(403);
    expect(
      (await other.post(`/p/northmoor/needs/${need.id}/edit`, form({ evidence: 'Taken over.' }))).statusCode,
    ).toBe(403);
    expect((await other.get(`/p/northmoor/needs/${need.id}/delete`)).statusCode).toBe(403);
    expect((await other.post(`/p/northmoor/needs/${need.id}/delete`)).statusCode).toBe(403);
    expect([403, 404]).toContain((await viewer.post('/p/northmoor/needs/new', form())).statusCode);
    expect([403, 404]).toContain((await viewer.post(`/p/northmoor/needs/${need.id}/delete`)).statusCode);
    const after = await dumpTables(test.runtime);
    expect(after.needs).toEqual(before.needs);
    expect(after.audit_events).toEqual(before.audit_events);
  });

  it('lets the reporting organisation change a need and an admin delete it after confirming', async () => {
    const owner = await signedIn(demoAccounts.northmoorVcs);
    await owner.get('/p/northmoor/needs/new');
    await owner.post('/p/northmoor/needs/new', form({ evidence: 'To be changed.' }));
    const [need] = await needsWith('To be changed.');
    if (!need) throw new Error('not recorded');
    const page = await owner.get(`/p/northmoor/needs/${need.id}/edit`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('To be changed.');
    expect(page.body).toMatch(/name="reportedOn-day"[^>]*value="14"/);
    const saved = await owner.post(
      `/p/northmoor/needs/${need.id}/edit`,
      form({ evidence: 'Changed: now severe.', severity: '4', areaCode: ward.code, peopleAffected: '' }),
    );
    expect(saved.statusCode).toBe(303);
    expect(await store().needs.find(northmoor.id, need.id)).toMatchObject({
      evidence: 'Changed: now severe.',
      severity: 4,
      areaCode: ward.code,
      peopleAffected: null,
      createdAt: need.createdAt,
    });

    const admin = await signedIn(demoAccounts.northmoorAdmin);
    const confirm = await admin.get(`/p/northmoor/needs/${need.id}/delete`);
    expect(confirm.statusCode).toBe(200);
    expect(confirm.body).toContain('Delete this need?');
    expect(confirm.body).toContain('Changed: now severe.');
    const deleted = await admin.post(`/p/northmoor/needs/${need.id}/delete`);
    expect(deleted.statusCode).toBe(303);
    expect(await store().needs.find(northmoor.id, need.id)).toBeUndefined();
    const audit = await store().audit.listForPartnership(northmoor.id, 50);
    expect(audit.map((e) => e.action)).toEqual(expect.arrayContaining(['need-changed', 'need-deleted']));
  });

  it('keeps each partnership’s needs to itself', async () => {
    const owner = await signedIn(demoAccounts.northmoorVcs);
    await owner.get('/p/northmoor/needs/new');
    await owner.post('/p/northmoor/needs/new', form({ evidence: 'Northmoor only.' }));
    const [need] = await needsWith('Northmoor only.');
    if (!need) throw new Error('not recorded');

    const eastbrook = await signedIn(demoAccounts.eastbrookAdmin);
    expect([403, 404]).toContain((await eastbrook.get('/p/northmoor/needs')).statusCode);
    const ownList = await eastbrook.get('/p/eastbrook/needs');
    expect(ownList.statusCode).toBe(200);
    expect(ownList.body).not.toContain('Northmoor only.');
    const before = await dumpTables(test.runtime);
    expect((await eastbrook.get(`/p/eastbrook/needs/${need.id}/edit`)).statusCode).toBe(404);
    expect(
      (await eastbrook.post(`/p/eastbrook/needs/${need.id}/edit`, form({ evidence: 'Moved.' }))).statusCode,
    ).toBe(404);
    expect((await eastbrook.post(`/p/eastbrook/needs/${need.id}/delete`)).statusCode).toBe(404);
    // An area of another partnership is refused.
    const otherArea = await eastbrook.post('/p/eastbrook/needs/new', form({ reportingOrganisationId: '' }));
    expect(otherArea.statusCode).toBe(400);
    expect(otherArea.body).toContain('Select an area in this partnership');
    expect((await dumpTables(test.runtime)).needs).toEqual(before.needs);
  });

  it('imports needs from the web imports page: preview with problem rows, then apply once confirmed', async () => {
    const admin = await signedIn(demoAccounts.northmoorAdmin);
    const form = await admin.get('/p/northmoor/imports');
    expect(form.body).toContain('Needs from a CSV file');
    const csv = [
      'id,area_code,theme,severity,people_affected,evidence,source,organisation,reported_on',
      `WEB-1,${lsoa.code},food,High,25,Uploaded from the web: 25 households.,vcs-frontline,Northmoor Food Bank,01/02/2026`,
      `WEB-2,${lsoa.code},food,2,,Ask for Miss Taylor at the hall.,survey,,2026-02-01`,
    ].join('\n');
    const uploaded = await uploadForm(
      admin,
      '/p/northmoor/imports',
      { kind: 'needs' },
      { name: 'needs.csv', content: csv, type: 'text/csv' },
    );
    expect(uploaded.statusCode).toBe(303);
    const jobId = /\/imports\/([0-9a-f-]{36})$/.exec(String(uploaded.headers.location))?.[1] ?? '';
    const waitFor = async (status: string) => {
      for (let attempt = 0; attempt < 200; attempt += 1) {
        const view = await test.runtime.services.imports.find(northmoor.id, jobId);
        if (view.job.status === status) return view;
        if (view.job.status === 'failed') throw new Error(`The import failed: ${view.job.error}`);
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      throw new Error(`The import did not reach ${status}`);
    };
    const previewed = await waitFor('previewed');
    expect(previewed.report).toMatchObject({ read: 2, imported: 1, skipped: 1 });
    expect(previewed.report?.problems).toEqual([
      {
        row: 3,
        field: 'evidence',
        reason: expect.stringContaining('This looks like a person’s name: “Miss Taylor”.'),
        outcome: 'skipped',
      },
    ]);
    expect(await needsWith('Uploaded from the web: 25 households.')).toEqual([]);
    const page = await admin.get(`/p/northmoor/imports/${jobId}`);
    expect(page.body).toContain('Miss Taylor');
    expect((await admin.post(`/p/northmoor/imports/${jobId}/confirm`)).statusCode).toBe(303);
    await waitFor('applied');
    expect(await needsWith('Uploaded from the web: 25 households.')).toEqual([
      expect.objectContaining({
        sourceId: 'WEB-1',
        severity: 3,
        reportedOn: '2026-02-01',
        reportingOrganisationId: foodbankId,
      }),
    ]);
  });

  it('refuses a form without a CSRF token', async () => {
    const vcs = await signedIn(demoAccounts.northmoorVcs);
    await vcs.get('/p/northmoor/needs/new');
    const before = await dumpTables(test.runtime);
    const response = await vcs.post('/p/northmoor/needs/new', form({ evidence: 'No token.' }), {
      csrf: false,
    });
    expect(response.statusCode).toBe(403);
    expect((await dumpTables(test.runtime)).needs).toEqual(before.needs);
  });

  it('puts Needs in the partnership navigation', async () => {
    const viewer = await signedIn(demoAccounts.northmoorViewer);
    const home = await viewer.get('/p/northmoor/');
    expect(home.body).toContain('href="/p/northmoor/needs"');
  });
});
