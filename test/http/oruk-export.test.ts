import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PartnershipRecord } from '../../src/app/ports.js';
import { orukExporter } from '../../src/interchange/oruk-export.js';
import { orukImporter } from '../../src/interchange/oruk-import.js';
import { Browser } from '../support/browser.js';
import { generatedDirectory } from '../support/generated-directory.js';
import { errorsOf, orukValidators } from '../support/oruk-schemas.js';
import { createTestApp, demoAccounts, knownPassword, type TestApp } from '../support/test-app.js';

describe('exporting the directory', () => {
  let test: TestApp;
  let northmoor: PartnershipRecord;

  beforeAll(async () => {
    test = await createTestApp();
    northmoor = await test.partnership('northmoor');
    const { organisations, services } = generatedDirectory(northmoor.id, 1200, ['food']);
    const [first] = services;
    if (!first) throw new Error('no services');
    services[0] = { ...first, details: { ...first.details, name: '=HYPERLINK("http://evil.example")' } };
    await test.runtime.services.store.directory.insertOrganisations(organisations);
    await test.runtime.services.store.directory.insertServices(services);
  }, 60_000);
  afterAll(() => test.close());

  it('writes every service in full as Open Referral UK 3.0 JSON, valid against the UK profile', async () => {
    const chunks: string[] = [];
    await orukExporter.run(northmoor.id, test.runtime.services, (chunk) => chunks.push(chunk));
    const services = JSON.parse(chunks.join('')) as Record<string, unknown>[];
    const total = (
      await test.runtime.services.store.directory.filterServices(northmoor.id, {}, { limit: 1, offset: 0 })
    ).total;
    expect(total).toBeGreaterThan(1200);
    expect(services).toHaveLength(total);
    expect(chunks.length).toBeGreaterThan(total); // written piece by piece, not all at once
    const { service } = orukValidators();
    for (const item of services) {
      expect({ id: item.id, errors: service(item) ? [] : errorsOf(service) }).toEqual({
        id: item.id,
        errors: [],
      });
    }
    // A broken service does fail, so the validation above means something.
    expect(service({ ...services[0], id: 'not-a-uuid', status: 'open' })).toBe(false);

    // Our own importer reads it back: every service, into another partnership.
    const eastbrook = await test.partnership('eastbrook');
    const report = await orukImporter(async () => chunks.join('')).preview('export.json', {
      services: test.runtime.services,
      partnershipId: eastbrook.id,
      actor: { userId: null, label: 'Test' },
    });
    expect(report).toMatchObject({ read: total, skipped: 0 });
    expect(report.imported + report.updated).toBe(total);
  }, 60_000);

  it('gives members the whole directory as a spreadsheet, formulas disarmed and hidden places left out', async () => {
    const browser = new Browser(test.app);
    expect((await browser.signIn(demoAccounts.northmoorViewer, knownPassword)).statusCode).toBe(303);
    const page = await browser.get('/p/northmoor/directory');
    expect(page.body).toContain('href="/p/northmoor/directory.csv"');
    expect(page.body).toContain('href="/oruk/northmoor/"');
    const response = await browser.get('/p/northmoor/directory.csv');
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(response.headers['content-disposition']).toBe('attachment; filename="northmoor-directory.csv"');
    const rows = parse(response.body, { bom: true, columns: true }) as Record<string, string>[];
    const total = (
      await test.runtime.services.store.directory.filterServices(northmoor.id, {}, { limit: 1, offset: 0 })
    ).total;
    expect(rows).toHaveLength(total);
    expect(rows.find((r) => r['Service']?.includes('HYPERLINK'))?.['Service']).toBe(
      `'=HYPERLINK("http://evil.example")`,
    );
    const records = await test.runtime.services.store.directory.servicesWithIds(
      northmoor.id,
      rows.map((r) => r['Service id'] ?? ''),
    );
    const hidden = records.flatMap((r) =>
      r.details.locations.filter((l) => l.visibility === 'hidden' && l.name),
    );
    expect(hidden.length).toBeGreaterThan(0);
    for (const place of hidden) expect(response.body).not.toContain(`${place.name ?? ''},`);
    const areaOnly = rows.find((r) => r['Service'] === 'Service 000001 advice drop-in');
    expect(areaOnly?.['Places']).toBe('Hall 1-0, NM2 | Hall 1-1, NM2 2AB'); // area only, then public;
  });

  it('is not for someone from another partnership', async () => {
    const browser = new Browser(test.app);
    await browser.signIn(demoAccounts.eastbrookAdmin, knownPassword);
    expect((await browser.get('/p/northmoor/directory.csv')).statusCode).toBe(404);
  });
});
