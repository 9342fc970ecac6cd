import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ImportSourceError, type ImportContext } from '../../src/app/interchange.js';
import { parseConfig } from '../../src/config.js';
import { ruralUrbanImporter } from '../../src/interchange/areas/rural-urban.js';
import { readSource } from '../../src/interchange/read-source.js';
import { openRuntime, type Runtime } from '../../src/main.js';

const data = path.resolve('../shared/data');
const rucFile = path.join(data, 'geo/lookups/ruc2021_lsoa21.csv');

/** Trafford's 2021 LSOAs, from the ONS LSOA → ward → authority lookup. */
function traffordLsoas(): string[] {
  const lines = fs
    .readFileSync(path.join(data, 'geo/lookups/lookup_lsoa21_ward24_lad24.csv'), 'utf8')
    .split('\n');
  return lines
    .map((line) => line.split(',').map((cell) => cell.replace(/"/g, '')))
    .filter((cells) => cells[5] === 'E08000009')
    .map((cells) => cells[1] ?? '');
}

describe('import rural-urban (the real ONS 2021 classification)', () => {
  let dir: string;
  let runtime: Runtime;
  const importer = ruralUrbanImporter(readSource);
  const context = (): ImportContext => ({
    services: runtime.services,
    partnershipId: undefined,
    actor: { userId: null, label: 'Test' },
  });

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cg-ruc-'));
    runtime = await openRuntime(parseConfig({ DATA_DIR: dir, LOG_LEVEL: 'silent' }));
  });
  afterAll(async () => {
    await runtime.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('stores every LSOA as 0 urban, 0.5 larger rural or 1 smaller rural, and a second import changes nothing', async () => {
    expect(importer.needsPartnership).toBe(false);
    const preview = await importer.preview(rucFile, context());
    expect(preview).toEqual({ read: 35672, imported: 35672, updated: 0, skipped: 0, problems: [] });
    expect(await runtime.services.store.areas.listIndicatorValues(['ruc-2021'])).toEqual([]);
    expect(await importer.apply(rucFile, context())).toEqual(preview);
    expect(await importer.apply(rucFile, context())).toMatchObject({ imported: 0, updated: 0 });

    const definitions = await runtime.services.store.areas.listIndicators();
    expect(definitions.find((d) => d.key === 'ruc-2021')).toMatchObject({
      unit: '0 = urban, 0.5 = larger rural, 1 = smaller rural',
      edition: 'RUC 2021',
      geographyEdition: 'lsoa-2021',
      higherIsMoreNeed: false,
    });
    const trafford = traffordLsoas();
    expect(trafford).toHaveLength(139);
    const values = (await runtime.services.store.areas.valuesForAreas(trafford)).filter(
      (v) => v.indicatorKey === 'ruc-2021',
    );
    expect(values).toHaveLength(139);
    // One of Trafford's LSOAs is rural (smaller rural, nearer to a major town); the rest are urban.
    expect(values.filter((v) => v.value === 1).map((v) => v.areaCode)).toEqual(['E01006087']);
    expect(values.filter((v) => v.value === 0)).toHaveLength(138);
    // England: 3,148 larger rural LSOAs (towns and larger villages), 2,967 smaller rural.
    const england = await runtime.services.store.areas.listIndicatorValues(['ruc-2021']);
    expect(england.filter((v) => v.value === 0.5)).toHaveLength(3148);
    expect(england.filter((v) => v.value === 1)).toHaveLength(2967);
  }, 120_000);

  it('lists rows it cannot read and refuses a file of another shape', async () => {
    const text = [
      'lsoa21_code,ruc21_code,classification,ruc',
      'E01000001,UN1,Urban: Nearer to a major town or city,Urban',
      'E05000820,UN1,Urban,Urban',
      'E01000002,XX,Unknown,Unknown',
    ].join('\n');
    const report = await ruralUrbanImporter(async (t) => t).preview(text, context());
    expect(report).toMatchObject({ read: 3, skipped: 2 });
    expect(report.problems.map((p) => [p.row, p.reason])).toEqual([
      [3, 'E05000820 is not an LSOA: the classification is for LSOAs.'],
      [4, '"Unknown" is neither Rural nor Urban.'],
    ]);
    await expect(
      ruralUrbanImporter(async (t) => t).preview('code,value\nE01000001,1', context()),
    ).rejects.toThrow(ImportSourceError);
  });
});
