import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/config.js';
import { grantsExporter } from '../../src/interchange/grants-360giving-export.js';
import { grantsImporter } from '../../src/interchange/grants-360giving-import.js';
import { readSourceBytes } from '../../src/interchange/read-source.js';
import { openRuntime, type Runtime } from '../../src/main.js';
import { givingFolder, packageValidator, standardLeaves } from '../support/giving-schema.js';

type Json = Record<string, unknown>;
const grantsFolder = path.join(givingFolder, 'grants');
const readPackage = (file: string) =>
  JSON.parse(fs.readFileSync(path.join(grantsFolder, file), 'utf8')) as { grants: Json[] };

/** Values are the same when equal once the spaces around text are trimmed (the import trims them). */
const same = (a: unknown, b: unknown) =>
  typeof a === 'string' && typeof b === 'string' ? a.trim() === b.trim() : a === b;

/**
 * Each standard field of each grant in a file, compared with the same field of the exported grant: what is
 * missing, and what differs (keyed by the path with list positions dropped, to count kinds of change).
 */
function compare(input: readonly Json[], output: readonly Json[]) {
  const exported = new Map(output.map((grant) => [String(grant.id), grant]));
  const missing: string[] = [];
  const notExported: string[] = [];
  const changed = new Map<string, { count: number; example: string }>();
  let fields = 0;
  for (const grant of input) {
    const out = exported.get(String(grant.id).trim());
    if (!out) {
      notExported.push(String(grant.id));
      continue;
    }
    const after = standardLeaves(out);
    for (const [at, value] of standardLeaves(grant)) {
      fields += 1;
      if (!after.has(at)) missing.push(`${String(grant.id)} ${at}`);
      else if (!same(after.get(at), value)) {
        const kind = at.replace(/\.\d+/g, '');
        const seen = changed.get(kind) ?? {
          count: 0,
          example: `${JSON.stringify(value)} → ${JSON.stringify(after.get(at))}`,
        };
        changed.set(kind, { ...seen, count: seen.count + 1 });
      }
    }
  }
  return { fields, notExported, missing, changed: Object.fromEntries(changed) };
}

/** Import a real 360Giving file, export it again: every standard field it held comes back, unchanged. */
describe('360Giving round trip (import, then export grants)', () => {
  let dir: string;
  let runtime: Runtime;
  const actor = { userId: null, label: 'Test' };

  async function roundTrip(slug: string, file: string): Promise<{ grants: Json[] }> {
    const partnership = await runtime.services.partnerships.create(
      { name: slug, slug, localAuthorityCode: 'E08000009' },
      actor,
    );
    const context = { services: runtime.services, partnershipId: partnership.id, actor };
    await grantsImporter(readSourceBytes).apply(path.join(grantsFolder, file), context);
    let text = '';
    await grantsExporter.run(partnership.id, runtime.services, (chunk) => (text += chunk));
    return JSON.parse(text) as { grants: Json[] };
  }

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cg-grants-round-trip-'));
    runtime = await openRuntime(parseConfig({ DATA_DIR: dir, LOG_LEVEL: 'silent' }));
  }, 60_000);
  afterAll(async () => {
    await runtime.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('reports 360Giving’s data-quality checks on Trafford’s file when previewing it', async () => {
    const partnership = await runtime.services.partnerships.create(
      { name: 'Quality', slug: 'rt-quality', localAuthorityCode: 'E08000009' },
      actor,
    );
    const context = { services: runtime.services, partnershipId: partnership.id, actor };
    const report = await grantsImporter(readSourceBytes).preview(
      path.join(grantsFolder, 'trafford_council_vcs_grants.json'),
      context,
    );
    const counts = Object.fromEntries((report.quality?.checks ?? []).map((c) => [c.check, c.count]));
    expect(counts).toEqual({
      'no-data-source': 0,
      'recipient-without-location': 544,
      'recipient-only-360g-id': 289,
      'no-beneficiary-location': 0,
      'no-grant-programme': 0,
      'title-same-as-description': 6,
      'award-date-in-future': 0,
      'zero-amount': 0,
      'duplicate-id': 0,
    });
  });

  it('gives back every standard field of Trafford’s 555 grants, unchanged, in a valid package', async () => {
    const input = readPackage('trafford_council_vcs_grants.json').grants;
    const output = await roundTrip('rt-trafford', 'trafford_council_vcs_grants.json');
    expect(output.grants).toHaveLength(555);
    const result = compare(input, output.grants);
    expect(result.fields).toBeGreaterThan(555 * 15);
    expect(result.notExported).toEqual([]);
    expect(result.missing).toEqual([]);
    expect(result.changed).toEqual({});
    const validate = packageValidator();
    expect(validate(output), JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);
  }, 60_000);

  it('gives back every standard field of the 1,978 COVID-19 grants in a valid package', async () => {
    const input = readPackage('covid19_uk_grants_2020-05-07.json').grants;
    const output = await roundTrip('rt-covid', 'covid19_uk_grants_2020-05-07.json');
    expect(output.grants).toHaveLength(1978);
    const result = compare(input, output.grants);
    expect(result.fields).toBeGreaterThan(40_000);
    expect(result.notExported).toEqual([]);
    expect(result.missing).toEqual([]);
    // The one change: 43 places whose file swapped the code and its type (E06000033 written as the type) are
    // put right, as the import preview says.
    expect(result.changed).toEqual({
      'beneficiaryLocation.geoCode': { count: 43, example: '"UA" → "E06000033"' },
      'beneficiaryLocation.geoCodeType': { count: 43, example: '"E06000033" → "UA"' },
    });
    // dateModified as the file gave it, on the 1,533 grants that have one, and no made-up one on the rest.
    expect(output.grants.filter((g) => 'dateModified' in g)).toHaveLength(1533);
    const sources = new Set(output.grants.map((g) => g.dataSource));
    expect([...sources].every((s) => typeof s === 'string' && /^https?:\/\//.test(s))).toBe(true);
    const validate = packageValidator();
    expect(validate(output), JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);
  }, 60_000);

  it('reads Trafford’s CSV (the flattened form) into the same standard fields as its JSON', async () => {
    const input = readPackage('trafford_council_vcs_grants.json').grants;
    const output = await roundTrip('rt-trafford-csv', 'trafford_council_vcs_grants.csv');
    const result = compare(input, output.grants);
    expect(result.notExported).toEqual([]);
    expect(result.missing).toEqual([]);
    expect(result.changed).toEqual({});
  }, 60_000);
});
