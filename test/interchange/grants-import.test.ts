import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ImportSourceError, type ImportContext } from '../../src/app/interchange.js';
import { parseConfig } from '../../src/config.js';
import { sumDecimals } from '../../src/domain/funding/decimal.js';
import { grantsImporter } from '../../src/interchange/grants-360giving-import.js';
import { readSourceBytes } from '../../src/interchange/read-source.js';
import { openRuntime, type Runtime } from '../../src/main.js';

const data = path.resolve(import.meta.dirname, '../../../shared/data/360giving');
const grantsFile = (name: string) => path.join(data, 'grants', name);
const fixture = (name: string) => path.join(data, 'fixtures', name);

/** Importing the real 360Giving files in ../shared/data, with their quirks. */
describe('import grants (360Giving)', () => {
  let dir: string;
  let runtime: Runtime;
  let count = 0;
  const importer = grantsImporter(readSourceBytes);
  const actor = { userId: null, label: 'Test' };

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cg-grants-'));
    runtime = await openRuntime(parseConfig({ DATA_DIR: dir, LOG_LEVEL: 'silent' }));
  });
  afterAll(async () => {
    await runtime.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  /** A partnership of its own for each test. */
  async function context(): Promise<ImportContext> {
    count += 1;
    const partnership = await runtime.services.partnerships.create(
      { name: `Grants ${count}`, slug: `grants-${count}`, localAuthorityCode: 'E08000009' },
      actor,
    );
    return { services: runtime.services, partnershipId: partnership.id, actor };
  }
  const grantsOf = (c: ImportContext) =>
    runtime.services.store.grants.listForPartnership(c.partnershipId ?? '');
  const totalIn = async (c: ImportContext, currency: string) =>
    sumDecimals((await grantsOf(c)).filter((g) => g.currency === currency).map((g) => g.amountAwarded));

  it("imports Trafford's 555 council grants from CSV to the penny, and again from JSON without copies", async () => {
    const c = await context();
    const preview = await importer.preview(grantsFile('trafford_council_vcs_grants.csv'), c);
    expect(preview).toMatchObject({ read: 555, imported: 555, updated: 0, skipped: 0, problems: [] });
    expect(await grantsOf(c)).toEqual([]);

    const applied = await importer.apply(grantsFile('trafford_council_vcs_grants.csv'), c);
    expect(applied.imported).toBe(555);
    expect(await totalIn(c, 'GBP')).toBe('1291436.54');

    const again = await importer.apply(grantsFile('trafford_council_vcs_grants.csv'), c);
    expect(again).toMatchObject({ read: 555, imported: 0, updated: 0, skipped: 0 });
    const fromJson = await importer.apply(grantsFile('trafford_council_vcs_grants.json'), c);
    expect(fromJson).toMatchObject({ read: 555, imported: 0, skipped: 0 });
    const grants = await grantsOf(c);
    expect(grants).toHaveLength(555);
    expect(await totalIn(c, 'GBP')).toBe('1291436.54');
    const choir = grants.find((g) => g.id === '360G-traffordmbc-VSG1342');
    expect(choir).toMatchObject({
      amountAwarded: '2266',
      awardDate: '2013-01-18',
      plannedDurationMonths: 12,
      recipientOrgName: "Altrincham Children's Choir",
      fundingOrgId: 'GB-LAE-TRF',
      beneficiaryLocations: [{ geoCode: 'E08000009', geoCodeType: 'MD', name: 'Trafford' }],
      kind: 'grant',
    });
  });

  it('matches recipients to directory organisations by charity number', async () => {
    const c = await context();
    await runtime.services.organisations.add(
      c.partnershipId ?? '',
      { name: 'G Force Trafford', kind: 'vcs', identifier: 'GB-CHC-1110767' },
      actor,
    );
    await importer.apply(grantsFile('trafford_council_vcs_grants.json'), c);
    const grant = await runtime.services.store.grants.find(c.partnershipId ?? '', '360G-traffordmbc-VSG1349');
    expect(grant?.match).toMatchObject({ method: 'identifier', confidence: 1 });
    expect(grant?.match.organisationId).not.toBeNull();
  });

  it('imports the COVID-19 grants with their quirks reported: mixed dates, USD, extra fields, geoCodeType mistakes', async () => {
    const c = await context();
    const report = await importer.apply(grantsFile('covid19_uk_grants_2020-05-07.json'), c);
    expect(report).toMatchObject({ read: 1978, imported: 1978, skipped: 0 });
    const reasons = (report.notes ?? []).map((n) => n.reason).join('\n');
    expect(reasons).toMatch(/fields the 360Giving standard does not define.*Primary beneficiary/);
    expect(reasons).toMatch(/The amount is in USD/);
    expect(reasons).toMatch(/Geographic Code Type held the area code E06000033/);
    const grants = await grantsOf(c);
    expect(grants.filter((g) => g.currency === 'USD').map((g) => g.amountAwarded)).toEqual(['32500']);
    expect(grants.every((g) => /^\d{4}-\d{2}-\d{2}$/.test(g.awardDate))).toBe(true);
    const southend = grants.flatMap((g) => g.beneficiaryLocations).find((l) => l.geoCode === 'E06000033');
    expect(southend).toEqual({ geoCode: 'E06000033', geoCodeType: 'UA', name: 'Southend-on-Sea' });
  });

  it.each([
    ['ab_charitable_trust_2021-04.json', 783, /fields the 360Giving standard does not define.*Website/],
    [
      'ab_charitable_trust_2021-04_original.xlsx',
      783,
      /columns are not in the 360Giving standard.*Website: Decision Notes/,
    ],
    ['andrew_lloyd_webber_foundation_2021-04.json', 475, null],
  ])(
    'imports the foundation file %s (%i grants), reporting its extra fields',
    async (file, grants, extra) => {
      const c = await context();
      const report = await importer.apply(grantsFile(file), c);
      expect(report).toMatchObject({ read: grants, imported: grants, skipped: 0 });
      const fileNotes = (report.notes ?? [])
        .filter((n) => n.row === 0)
        .map((n) => n.reason)
        .join('\n');
      if (extra) expect(fileNotes).toMatch(extra);
      const imported = await grantsOf(c);
      expect(imported.every((g) => /^\d{4}-\d{2}-\d{2}$/.test(g.awardDate) && g.currency === 'GBP')).toBe(
        true,
      );
    },
  );

  it('reads the cp1252 CSV with its characters intact, and says how it was read', async () => {
    const c = await context();
    const report = await importer.apply(fixture('fundingproviders-grants_2_grants_cp1252.csv'), c);
    expect(report).toMatchObject({ read: 2, imported: 2, skipped: 0 });
    const ids = (await grantsOf(c)).map((g) => g.id).sort();
    expect(ids).toEqual(
      ['360G-<~>€funding€providers-000001/X/00/X', '360G-<~>€funding±Áproviders-000002/X/00/X'].sort(),
    );
    expect((report.notes ?? []).map((n) => n.reason).join(' ')).toMatch(/read as Windows-1252/);
    expect((report.notes ?? []).map((n) => n.reason).join(' ')).toMatch(
      /read as day\/month\/year, 2014-07-24/,
    );
  });

  it('reads a UTF-8 file with a byte-order mark: the first column is still Identifier, and £ and é survive', async () => {
    const c = await context();
    const bom = await importer.preview(fixture('bom.csv'), c);
    expect(bom.read).toBe(1);
    expect(bom.problems.map((p) => p.field)).not.toContain('Identifier');
    expect(bom.problems.map((p) => p.field)).toContain('Title');

    const withBom = path.join(dir, 'trafford-with-bom.csv');
    fs.writeFileSync(
      withBom,
      Buffer.concat([
        Buffer.from([0xef, 0xbb, 0xbf]),
        fs.readFileSync(grantsFile('trafford_council_vcs_grants.csv')),
      ]),
    );
    const report = await importer.apply(withBom, c);
    expect(report).toMatchObject({ read: 555, imported: 555, skipped: 0 });
    const cafe = await runtime.services.store.grants.find(c.partnershipId ?? '', '360G-traffordmbc-VSG16003');
    expect(`${cafe?.title ?? ''} ${cafe?.description ?? ''}`).toMatch(/café/);
    const pounds = (await grantsOf(c)).filter((g) => g.description.includes('£2,000'));
    expect(pounds.length).toBeGreaterThan(0);
  });

  it('gives one clear error for the malformed file and changes nothing', async () => {
    const c = await context();
    await importer.apply(fixture('fundingproviders-grants_fixed_2_grants.json'), c);
    const before = await grantsOf(c);
    expect(before).toHaveLength(2);
    await expect(importer.preview(fixture('fundingproviders-grants_malformed.json'), c)).rejects.toThrow(
      ImportSourceError,
    );
    await expect(importer.apply(fixture('fundingproviders-grants_malformed.json'), c)).rejects.toThrow(
      /not valid JSON, so nothing was imported/,
    );
    expect(await grantsOf(c)).toEqual(before);
  });

  it('lists every problem row of the broken and all-errors files and imports the rest', async () => {
    const c = await context();
    const broken = await importer.preview(fixture('fundingproviders-grants_broken_grants.json'), c);
    expect(broken).toMatchObject({ read: 4, imported: 2, skipped: 2 });
    expect(broken.problems.map((p) => `${p.row} ${p.field}`)).toEqual(['2 Identifier', '4 Identifier']);
    const bad = await importer.preview(fixture('badfile_all_validation_errors.json'), c);
    expect(bad).toMatchObject({ read: 1, imported: 0, skipped: 1 });
    expect(bad.problems.map((p) => p.field)).toEqual(
      expect.arrayContaining(['Currency', 'Amount Awarded', 'Award Date', 'Funding Org:Identifier']),
    );
  });

  it('turns away a file that is not in the standard with one plain error', async () => {
    const c = await context();
    const notGrants = path.join(dir, 'people.csv');
    fs.writeFileSync(notGrants, 'name,email\nAnn,ann@example.org\n');
    await expect(importer.preview(notGrants, c)).rejects.toThrow(/no "Identifier" column/);
    const notPackage = path.join(dir, 'list.json');
    fs.writeFileSync(notPackage, '{"records": []}');
    await expect(importer.preview(notPackage, c)).rejects.toThrow(/"grants" list/);
  });
});
