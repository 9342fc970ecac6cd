import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ImportReport } from '../../src/app/interchange.js';
import type { PartnershipRecord } from '../../src/app/ports.js';
import { boundariesImporter } from '../../src/interchange/areas/boundaries.js';
import { orukImporter } from '../../src/interchange/oruk-import.js';
import { readSource } from '../../src/interchange/read-source.js';
import { Browser } from '../support/browser.js';
import { httpDatabases } from '../support/http-databases.js';
import { uploadForm } from '../support/multipart.js';
import { createTestApp, demoAccounts, knownPassword, type TestApp } from '../support/test-app.js';

const data = path.resolve('../shared/data');
type Json = Record<string, unknown>;

/**
 * Bristol's real first three services (the first has no name, so it is skipped), the second given three service areas: a real Bristol LSOA (E01014485,
 * Bristol 058A), Cardiff (a Welsh code) and a made-up LSOA. Bristol's authority, wards and LSOAs are loaded.
 */
function bristolServices(): Json[] {
  const feed = JSON.parse(
    fs.readFileSync(path.join(data, 'oruk/feeds/bristol_services_list_2024-12-18.json'), 'utf8'),
  ) as Json[];
  const [first, second, third] = feed as [Json, Json, Json];
  const area = (id: string, code: string, name: string) => ({
    id,
    name,
    uri: `http://statistics.data.gov.uk/id/statistical-geography/${code}`,
  });
  return [
    first,
    {
      ...second,
      service_areas: [
        area('a1', 'E01014485', 'Bristol 058A'),
        area('a2', 'W06000015', 'Cardiff'),
        area('a3', 'E01999999', 'Nowhere 001A'),
      ],
    },
    third,
  ];
}

describe.each(httpDatabases())('service area codes on import ($name)', (database) => {
  let t: TestApp;
  let remove: () => Promise<void>;
  let bristol: PartnershipRecord;
  let preview: ImportReport;
  let applied: ImportReport;
  const file = JSON.stringify(bristolServices());
  const secondId = (bristolServices()[1] as Json).id as string;

  beforeAll(async () => {
    const opened = await database.open();
    remove = opened.remove;
    t = await createTestApp({ env: opened.env });
    const { services } = t.runtime;
    const actor = { userId: null, label: 'Test' };
    bristol = await services.partnerships.create(
      { name: 'Bristol Partnership', slug: 'bristol', localAuthorityCode: 'E06000023' },
      actor,
    );
    for (const [file, level] of [
      ['lad_2024_uk_buc.geojson', 'lad'],
      ['wards_2022_bristol.geojson', 'ward'],
      ['lsoa_2021_bristol.geojson', 'lsoa'],
    ] as const) {
      await boundariesImporter(readSource).apply(path.join(data, 'geo/boundaries', file), {
        services,
        partnershipId: undefined,
        actor,
        options: { level },
      });
    }
    const admin = await services.users.findByEmail(demoAccounts.eastbrookAdmin);
    await services.store.memberships.insert({
      id: '6c1d8a57-3f0e-4c55-9d5e-1e2a3b4c5d70',
      partnershipId: bristol.id,
      userId: admin?.id ?? '',
      role: 'partnership-admin',
      organisationId: null,
      createdAt: '2026-03-02T09:00:00.000Z',
    });
    const context = { services, partnershipId: bristol.id, actor };
    preview = await orukImporter(async () => file).preview('bristol.json', context);
    applied = await orukImporter(async () => file).apply('bristol.json', context);
  }, 120_000);
  afterAll(async () => {
    await t.close();
    await remove();
  });

  it('notes the Welsh code and the made-up LSOA against the service’s row, in the preview and the result', () => {
    const areaNotes = (report: ImportReport) =>
      report.problems
        .filter((p) => p.field === 'service_areas')
        .map((p) => ({ row: p.row, outcome: p.outcome, code: p.reason.split(' ')[0] }));
    const expected = [
      { row: 2, outcome: 'kept', code: 'W06000015' },
      { row: 2, outcome: 'kept', code: 'E01999999' },
    ];
    expect(areaNotes(preview)).toEqual(expected);
    expect(areaNotes(applied)).toEqual(expected);
    const reasons = preview.problems.filter((p) => p.field === 'service_areas').map((p) => p.reason);
    expect(reasons[0]).toContain(
      'is a Welsh area code, but the partnership’s authority (E06000023) is in England',
    );
    expect(reasons[1]).toContain('is not a known neighbourhood (lower layer super output area, LSOA)');
    expect(preview).toMatchObject({ read: 3, imported: 2, skipped: 1 });
  });

  it('shows the notes on the import page and in the problems download', async () => {
    const browser = new Browser(t.app);
    expect((await browser.signIn(demoAccounts.eastbrookAdmin, knownPassword)).statusCode).toBe(303);
    await browser.get('/p/bristol/imports');
    const uploaded = await uploadForm(
      browser,
      '/p/bristol/imports',
      { kind: 'oruk' },
      { name: 'bristol.json', content: file, type: 'application/json' },
    );
    expect(uploaded.statusCode, uploaded.body.slice(0, 1000)).toBe(303);
    const jobId = String(uploaded.headers.location).split('/').at(-1) ?? '';
    for (let attempt = 0; attempt < 300; attempt += 1) {
      const view = await t.runtime.services.imports.find(bristol.id, jobId);
      if (view.job.status !== 'previewing') break;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const page = await browser.get(`/p/bristol/imports/${jobId}`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('W06000015 is a Welsh area code');
    expect(page.body).toContain('E01999999 is not a known neighbourhood');
    const download = await browser.get(`/p/bristol/imports/${jobId}/problems.csv`);
    const lines = download.body.replace(/^\uFEFF/, '').split('\r\n');
    expect(lines.filter((line) => line.startsWith('2,service_areas,'))).toEqual([
      expect.stringMatching(/^2,service_areas,.*W06000015 is a Welsh area code.*,Kept$/),
      expect.stringMatching(/^2,service_areas,.*E01999999 is not a known neighbourhood.*,Kept$/),
    ]);
  });

  it('keeps the service, with only the known area', async () => {
    expect(applied).toMatchObject({ read: 3, imported: 2, skipped: 1 });
    const [service] = await t.runtime.services.store.directory.servicesWithSourceIds(bristol.id, 'oruk', [
      secondId,
    ]);
    expect(service?.details.areas).toEqual([{ kind: 'area', areaCode: 'E01014485', name: 'Bristol 058A' }]);
  });
});
