import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PartnershipRecord } from '../../src/app/ports.js';
import { standardFieldsOf } from '../../src/domain/funding/standard-grant-fields.js';
import { grantsImporter } from '../../src/interchange/grants-360giving-import.js';
import { readGrantFile } from '../../src/interchange/grants-360giving-source.js';
import { readSourceBytes } from '../../src/interchange/read-source.js';
import { Browser } from '../support/browser.js';
import { givingFolder, packageValidator, standardLeaves } from '../support/giving-schema.js';
import { createTestApp, demoAccounts, knownPassword, type TestApp } from '../support/test-app.js';

type Json = Record<string, unknown>;

/** Spreadsheet cells typed as the import types them ("2266" as the number 2266). */
const typedLike = (grants: readonly unknown[]) => grants.map(standardFieldsOf);

/** Every standard field of every grant, by grant id and path, to compare two forms of the same grants. */
function fieldsOf(grants: readonly unknown[]): Map<string, unknown> {
  const all = new Map<string, unknown>();
  for (const grant of grants) {
    const id = String((grant as Json).id);
    for (const [at, value] of standardLeaves(grant)) all.set(`${id} ${at}`, value);
  }
  return all;
}

/** The grants page's downloads: the 360Giving package (JSON) and its flattened form as CSV and Excel. */
describe('downloading grants in the 360Giving standard', () => {
  let t: TestApp;
  let northmoor: PartnershipRecord;
  let viewer: Browser;
  let held: number;

  beforeAll(async () => {
    t = await createTestApp();
    northmoor = await t.partnership('northmoor');
    const context = {
      services: t.runtime.services,
      partnershipId: northmoor.id,
      actor: { userId: null, label: 'Test' },
    };
    await grantsImporter(readSourceBytes).apply(
      path.join(givingFolder, 'grants/trafford_council_vcs_grants.json'),
      context,
    );
    held = await t.runtime.services.store.grants.count(northmoor.id);
    viewer = new Browser(t.app);
    expect((await viewer.signIn(demoAccounts.northmoorViewer, knownPassword)).statusCode).toBe(303);
  }, 120_000);
  afterAll(() => t.close());

  it('links the three downloads from the grants page', async () => {
    const page = await viewer.get('/p/northmoor/grants');
    for (const form of ['json', 'csv', 'xlsx']) {
      expect(page.body).toContain(`href="/p/northmoor/grants/360giving.${form}"`);
    }
  });

  it('gives the package as JSON that validates against the 360Giving package schema', async () => {
    const response = await viewer.get('/p/northmoor/grants/360giving.json');
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('application/json');
    expect(response.headers['content-disposition']).toContain('northmoor-grants-360giving.json');
    const body = JSON.parse(response.body) as { grants: Json[] };
    expect(held).toBeGreaterThanOrEqual(555);
    expect(body.grants).toHaveLength(held);
    const validate = packageValidator();
    expect(validate(body), JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);
    const choir = body.grants.find((g) => g.id === '360G-traffordmbc-VSG1342');
    expect(choir).toMatchObject({ fromOpenCall: 'Yes', grantProgramme: [{ code: 'VSG' }] });
  });

  it('gives the flattened CSV with the standard’s titles, one row per grant, read back to the same fields', async () => {
    const json = JSON.parse((await viewer.get('/p/northmoor/grants/360giving.json')).body) as {
      grants: Json[];
    };
    const response = await viewer.get('/p/northmoor/grants/360giving.csv');
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('text/csv');
    const rows = parse(response.body, { bom: true, relax_column_count: false }) as string[][];
    const [headings = [], ...grants] = rows;
    expect(headings.slice(0, 8)).toEqual([
      'Identifier',
      'Title',
      'Description',
      'Currency',
      'Amount Applied For',
      'Amount Awarded',
      'Amount Disbursed',
      'Award Date',
    ]);
    expect(headings).toContain('Recipient Org:Identifier');
    expect(headings).toContain('Beneficiary Location:Geographic Code');
    expect(grants).toHaveLength(held);
    const readBack = await readGrantFile(Buffer.from(response.body), 'grants.csv');
    expect(readBack.extraColumns).toEqual([]);
    expect(fieldsOf(typedLike(readBack.grants))).toEqual(fieldsOf(json.grants));
  });

  it('gives the flattened Excel workbook, read back to the same fields', async () => {
    const json = JSON.parse((await viewer.get('/p/northmoor/grants/360giving.json')).body) as {
      grants: Json[];
    };
    const response = await viewer.get('/p/northmoor/grants/360giving.xlsx');
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('spreadsheetml');
    const readBack = await readGrantFile(response.rawPayload, 'grants.xlsx');
    expect(readBack.grants).toHaveLength(held);
    expect(readBack.extraColumns).toEqual([]);
    expect(fieldsOf(typedLike(readBack.grants))).toEqual(fieldsOf(json.grants));
  });

  it('keeps the downloads from people outside the partnership and from anyone signed out', async () => {
    const outsider = new Browser(t.app);
    await outsider.signIn(demoAccounts.eastbrookAdmin, knownPassword);
    expect((await outsider.get('/p/northmoor/grants/360giving.csv')).statusCode).toBe(404);
    const anonymous = new Browser(t.app);
    const signedOut = await anonymous.get('/p/northmoor/grants/360giving.json');
    expect(signedOut.statusCode).not.toBe(200);
    expect(signedOut.body).not.toContain('360G-traffordmbc');
  });
});
