import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PartnershipRecord } from '../../src/app/ports.js';
import { orukImporter } from '../../src/interchange/oruk-import.js';
import { readSource } from '../../src/interchange/read-source.js';
import { directoryCsvHeader, directoryCsvRow } from '../../src/web/view-models/directory-csv.js';
import { Browser } from '../support/browser.js';
import { httpDatabases } from '../support/http-databases.js';
import { strictCsvRows } from '../support/strict-csv.js';
import { createTestApp, demoAccounts, knownPassword, type TestApp } from '../support/test-app.js';

const bristolFeed = path.resolve('../shared/data/oruk/feeds/bristol_services_list_2024-12-18.json');

/** A line feed that is not part of CR LF. */
const bareLineFeed = /(?<!\r)\n/;

/**
 * Bristol's real directory, whose descriptions hold bare line feeds, imported and downloaded as a spreadsheet:
 * a strict reader gets exactly one record per service, each the row the directory has for it.
 */
describe.each(httpDatabases())('the directory download of Bristol ($name)', (database) => {
  let t: TestApp;
  let remove: () => Promise<void>;
  let eastbrook: PartnershipRecord;

  beforeAll(async () => {
    const opened = await database.open();
    remove = opened.remove;
    t = await createTestApp({ env: opened.env });
    eastbrook = await t.partnership('eastbrook');
    await orukImporter(readSource).apply(bristolFeed, {
      services: t.runtime.services,
      partnershipId: eastbrook.id,
      actor: { userId: null, label: 'Test' },
    });
  }, 300_000);
  afterAll(async () => {
    await t.close();
    await remove();
  });

  it('reads back as exactly the records exported', async () => {
    const { services } = t.runtime;
    const themes = new Map(services.directory.themes.themes.map((theme) => [theme.id, theme.name]));
    const expected: string[][] = [directoryCsvHeader];
    for await (const page of services.oruk.servicePages(eastbrook.id)) {
      for (const service of page.services) {
        expected.push(
          directoryCsvRow(
            service,
            page.organisations.get(service.organisationId),
            (id) => themes.get(id) ?? id,
            eastbrook.name,
          ),
        );
      }
    }

    const admin = new Browser(t.app);
    expect((await admin.signIn(demoAccounts.eastbrookAdmin, knownPassword)).statusCode).toBe(303);
    const response = await admin.get('/p/eastbrook/directory.csv');
    expect(response.statusCode).toBe(200);
    const rows = strictCsvRows(response.body);

    expect(rows.length).toBe(expected.length);
    expect(rows).toEqual(expected);
    const withBareLineFeeds = rows.flat().filter((cell) => bareLineFeed.test(cell));
    // Before, the 98 cells with a bare line feed and no comma or quote were written unquoted.
    const unquotedBefore = withBareLineFeeds.filter((cell) => !/[",\r]/.test(cell));
    expect({
      records: rows.length - 1,
      cellsWithBareLineFeeds: withBareLineFeeds.length,
      unquotedBefore: unquotedBefore.length,
    }).toEqual({ records: 817, cellsWithBareLineFeeds: 610, unquotedBefore: 98 });
  });
});
