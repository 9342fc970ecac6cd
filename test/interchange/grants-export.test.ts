import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/config.js';
import { grantsExporter } from '../../src/interchange/grants-360giving-export.js';
import { grantsImporter } from '../../src/interchange/grants-360giving-import.js';
import { readSourceBytes } from '../../src/interchange/read-source.js';
import { openRuntime, type Runtime } from '../../src/main.js';
import { givingFolder, packageValidator } from '../support/giving-schema.js';

const grantsFolder = path.join(givingFolder, 'grants');

describe('export grants (360Giving package)', () => {
  let dir: string;
  let runtime: Runtime;
  let partnershipId: string;
  const actor = { userId: null, label: 'Test' };

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cg-grants-export-'));
    runtime = await openRuntime(parseConfig({ DATA_DIR: dir, LOG_LEVEL: 'silent' }));
    partnershipId = (
      await runtime.services.partnerships.create(
        { name: 'Export', slug: 'export-test', localAuthorityCode: 'E08000009' },
        actor,
      )
    ).id;
    const context = { services: runtime.services, partnershipId, actor };
    const importer = grantsImporter(readSourceBytes);
    await importer.apply(path.join(grantsFolder, 'trafford_council_vcs_grants.csv'), context);
    await importer.apply(path.join(grantsFolder, 'covid19_uk_grants_2020-05-07.json'), context);
  }, 60_000);
  afterAll(async () => {
    await runtime.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  async function exported(id: string): Promise<{ grants: Record<string, unknown>[] }> {
    let text = '';
    await grantsExporter.run(id, runtime.services, (chunk) => (text += chunk));
    return JSON.parse(text) as { grants: Record<string, unknown>[] };
  }

  it('writes every grant of the partnership as a package that validates against the 360Giving schema', async () => {
    const validate = packageValidator();
    const written = await exported(partnershipId);
    expect(written.grants).toHaveLength(555 + 1978);
    const valid = validate(written);
    expect(validate.errors ?? []).toEqual([]);
    expect(valid).toBe(true);
    // The validator does check each grant: one without a title fails.
    const { title: _title, ...untitled } = written.grants[0] ?? {};
    expect(validate({ grants: [untitled] })).toBe(false);
  });

  it('keeps amounts, currencies and places as imported', async () => {
    const written = await exported(partnershipId);
    const choir = written.grants.find((g) => g.id === '360G-traffordmbc-VSG1342');
    expect(choir).toMatchObject({
      amountAwarded: 2266,
      currency: 'GBP',
      awardDate: '2013-01-18',
      beneficiaryLocation: [{ name: 'Trafford', geoCode: 'E08000009', geoCodeType: 'MD' }],
      fundingOrganization: [{ id: 'GB-LAE-TRF', name: 'Trafford Metropolitan Borough Council' }],
    });
    const dollars = written.grants.filter((g) => g.currency === 'USD');
    expect(dollars.map((g) => g.amountAwarded)).toEqual([32500]);
    const trafford = written.grants.filter((g) => String(g.id).startsWith('360G-traffordmbc'));
    const pence = trafford.reduce((sum, g) => sum + Math.round(Number(g.amountAwarded) * 100), 0);
    expect(pence).toBe(129143654);
  });

  it('exports only the partnership’s own grants', async () => {
    const other = await runtime.services.partnerships.create(
      { name: 'Other', slug: 'export-other', localAuthorityCode: 'E08000009' },
      actor,
    );
    expect((await exported(other.id)).grants).toEqual([]);
  });
});
