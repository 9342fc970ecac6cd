import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GapReport } from '../../src/app/gaps/gap-analysis.js';
import type { Importer } from '../../src/app/interchange.js';
import type { PartnershipRecord } from '../../src/app/ports.js';
import { parseConfig } from '../../src/config.js';
import { boundariesImporter } from '../../src/interchange/areas/boundaries.js';
import { imdImporter } from '../../src/interchange/areas/imd.js';
import { lookupImporter } from '../../src/interchange/areas/lookup.js';
import { populationImporter } from '../../src/interchange/areas/population.js';
import { readSource } from '../../src/interchange/read-source.js';
import { openRuntime, type Runtime } from '../../src/main.js';
import { needFigures } from '../support/need-figures.js';

/**
 * Issue 14's figures for need, on Trafford's real data loaded through the real importers from ../shared/data
 * (ward and LSOA boundaries, the lookup, mid-2024 population, IMD 2025 and its sub-domains), with the default
 * theme mapping: at ward level no ward scores 100 on more than a quarter of the themes with evidence, and at
 * least three quarters of those themes have a top-five ward list unlike every other theme's.
 */

const data = (relative: string) => path.join(path.resolve('../shared/data'), relative);
const csv = (relative: string): Record<string, string>[] =>
  parse(fs.readFileSync(data(relative), 'utf8'), { columns: true, bom: true });

const englandLsoas = 33_755;

let dir: string;
let runtime: Runtime;
let trafford: PartnershipRecord;
let wards: GapReport;

const apply = (importer: Importer, file: string, options: Record<string, string> = {}) =>
  importer.apply(data(file), {
    services: runtime.services,
    partnershipId: undefined,
    actor: { userId: null, label: 'Test' },
    options,
  });

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cg-need-evidence-'));
  runtime = await openRuntime(parseConfig({ DATA_DIR: dir, LOG_LEVEL: 'silent' }));
  const boundaries = boundariesImporter(readSource);
  await apply(boundaries, 'geo/boundaries/wards_2023_trafford.geojson', { level: 'ward' });
  await apply(boundaries, 'geo/boundaries/lsoa_2021_trafford.geojson', { level: 'lsoa' });
  await apply(lookupImporter(readSource), 'geo/lookups/lookup_lsoa21_ward24_lad24.csv');
  await apply(populationImporter(readSource), 'population/trafford_mid2024_population_lsoa21.csv');
  await apply(imdImporter(readSource), 'deprivation/imd2025_lsoa21_demo_las.csv');
  await apply(imdImporter(readSource), 'deprivation/imd2025_england_lsoa21_subdomains.csv');
  trafford = {
    id: 'p-trafford',
    slug: 'trafford',
    name: 'Trafford',
    localAuthorityCode: 'E08000009',
    createdAt: '2026-01-01T00:00:00.000Z',
  };
  await runtime.services.store.partnerships.insert(trafford);
  wards = await runtime.services.gaps.report(trafford, [], 'ward');
}, 180_000);

afterAll(async () => {
  await runtime.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('need relative to England on Trafford’s real data', () => {
  it('imports the IMD 2025 sub-domains file beside the domains, with their names', async () => {
    const definitions = await runtime.services.store.areas.listIndicators();
    const names = new Map(definitions.map((d) => [d.key, d.name]));
    expect(names.get('imd-2025/children-and-young-people')).toBe('Children and young people sub-domain');
    expect(names.get('imd-2025/geographical-barriers')).toBe('Geographical barriers sub-domain');
    expect(names.get('imd-2025/indoors')).toBe('Indoors living environment sub-domain');
    expect(names.get('imd-2025/income')).toBe('Income deprivation');
  });

  it('scores a ward as the population-weighted mean of its LSOAs’ places in England, not re-ranked', () => {
    // Worked from the files themselves: income need of each LSOA = (33,755 − rank) ÷ 33,754 × 100.
    const population = new Map(
      csv('population/trafford_mid2024_population_lsoa21.csv')
        .filter((r) => r.sex === 'Persons')
        .map((r) => [r.area_code, Number(r.all_ages)]),
    );
    const lsoas = csv('deprivation/imd2025_lsoa21_demo_las.csv').filter((r) => r.lad24_code === 'E08000009');
    const incomeKey = wards.input.indicators.find((i) => i.key === 'imd-2025/income');
    expect(incomeKey).toBeDefined();
    for (const ward of wards.input.areas) {
      let weighted = 0;
      let people = 0;
      for (const row of lsoas.filter((r) => r.ward24_code === ward.code)) {
        const count = population.get(row.lsoa21_code) ?? 0;
        weighted += (count * (100 * (englandLsoas - Number(row.Income_rank)))) / (englandLsoas - 1);
        people += count;
      }
      expect(incomeKey?.values.get(ward.code)?.nationalPercentile, ward.name).toBeCloseTo(
        weighted / people,
        6,
      );
    }
  });

  it('puts no ward at 100 on more than a quarter of the themes with evidence', () => {
    const figures = needFigures(wards.analysis.cells);
    console.info(
      `Trafford by CLI, wards: ${figures.themesWithEvidence.length} themes with evidence; at most ${figures.mostHundreds} at 100 in one ward; ${figures.distinctTopFive.length} distinct top-five lists; highest need ${figures.highest.toFixed(1)}`,
    );
    expect(figures.themesWithEvidence.length).toBeGreaterThanOrEqual(12);
    expect(figures.mostHundreds).toBeLessThanOrEqual(figures.themesWithEvidence.length / 4);
    // The most deprived ward is placed in England, not made 100 by ranking Trafford's wards among themselves.
    expect(figures.highest).toBeLessThan(90);
  });

  it('gives at least three quarters of the themes with evidence a top-five ward list unlike any other', () => {
    const figures = needFigures(wards.analysis.cells);
    expect(figures.distinctTopFive.length / figures.themesWithEvidence.length).toBeGreaterThanOrEqual(0.75);
  });

  it('shows the place within Trafford beside the England score', () => {
    const food = wards.analysis.cells.filter((c) => c.theme === 'food');
    expect(food.map((c) => c.localRank).sort((a, b) => (a ?? 0) - (b ?? 0))).toEqual(
      Array.from({ length: 21 }, (_, i) => i + 1),
    );
    expect(food.every((c) => c.localRankOutOf === 21)).toBe(true);
  });

  it('says “no evidence” for carers, and names the data set that would fill it', async () => {
    expect(wards.analysis.cells.filter((c) => c.theme === 'carers').every((c) => c.need === null)).toBe(true);
    const ward = wards.input.areas[0]?.code ?? '';
    const view = await runtime.services.gaps.explain(trafford, ward, 'carers');
    expect(view?.evidence.none).toBe(true);
    expect(view?.evidence.missing.map((m) => m.domain)).toEqual(['unpaid-care']);
    expect(view?.evidence.missing[0]?.source).toMatch(/Census 2021.*TS039/);
  });
});
