import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Importer } from '../../src/app/interchange.js';
import type { PartnershipRecord } from '../../src/app/ports.js';
import type { GapReport } from '../../src/app/gaps/gap-analysis.js';
import { explainGap } from '../../src/domain/needs/analyse.js';
import { boundariesImporter } from '../../src/interchange/areas/boundaries.js';
import { imdImporter } from '../../src/interchange/areas/imd.js';
import { lookupImporter } from '../../src/interchange/areas/lookup.js';
import { populationImporter } from '../../src/interchange/areas/population.js';
import { readSource } from '../../src/interchange/read-source.js';
import { ruralUrbanImporter } from '../../src/interchange/areas/rural-urban.js';
import { resourcesImporter } from '../../src/interchange/resources-import.js';
import { Browser } from '../support/browser.js';
import { createTestApp, demoAccounts, knownPassword, type TestApp } from '../support/test-app.js';

/**
 * The "done means": Trafford loaded from ../shared/data (boundaries, the LSOA–ward–authority lookup,
 * IMD 2025, population, and the community hubs, libraries and food banks through the resources import with their
 * themes). The gaps list for food then shows the most deprived LSOAs with their nearest services, and every
 * explanation adds up.
 */

const data = (relative: string) => path.join(path.resolve('../shared/data'), relative);
const csv = (relative: string): Record<string, string>[] =>
  parse(fs.readFileSync(data(relative), 'utf8'), { columns: true, bom: true });

let t: TestApp;
let trafford: PartnershipRecord;
let admin: Browser;
let report: GapReport;

/** IMD 2025 income deciles of Trafford's LSOAs, from the file itself. */
const incomeDecile = new Map(
  csv('deprivation/imd2025_lsoa21_demo_las.csv')
    .filter((r) => r.lad24_code === 'E08000009')
    .map((r) => [r.lsoa21_code ?? '', Number(r.Income_decile)]),
);

beforeAll(async () => {
  t = await createTestApp();
  const services = t.runtime.services;
  const created = await services.partnerships.create(
    { name: 'Trafford Partnership', slug: 'trafford', localAuthorityCode: 'E08000009' },
    { userId: null, label: 'Test' },
  );
  trafford = created;
  const user = await services.users.findByEmail(demoAccounts.northmoorAdmin);
  await services.store.memberships.insert({
    id: '3b0f0a2e-8a0c-4d4e-9b7a-5a1f0c1d2e3f',
    partnershipId: trafford.id,
    userId: user?.id ?? '',
    role: 'partnership-admin',
    organisationId: null,
    createdAt: '2026-03-02T09:00:00.000Z',
  });
  const apply = (importer: Importer, file: string, options: Record<string, string>, partnershipId?: string) =>
    importer.apply(data(file), {
      services,
      partnershipId,
      actor: { userId: null, label: 'Test' },
      options,
    });
  const boundaries = boundariesImporter(readSource);
  await apply(boundaries, 'geo/boundaries/wards_2023_trafford.geojson', { level: 'ward' });
  await apply(boundaries, 'geo/boundaries/lsoa_2021_trafford.geojson', { level: 'lsoa' });
  await apply(lookupImporter(readSource), 'geo/lookups/lookup_lsoa21_ward24_lad24.csv', {});
  await apply(populationImporter(readSource), 'population/trafford_mid2024_population_lsoa21.csv', {});
  await apply(imdImporter(readSource), 'deprivation/imd2025_lsoa21_demo_las.csv', {});
  await apply(ruralUrbanImporter(readSource), 'geo/lookups/ruc2021_lsoa21.csv', {});
  const resources = resourcesImporter(readSource);
  const council = { organisation: 'Trafford Council', 'organisation-kind': 'council' };
  for (const theme of ['warm-and-welcoming-spaces', 'digital-inclusion']) {
    await apply(
      resources,
      'resources/trafford_services/trafford_community_hubs.csv',
      { theme, ...council },
      trafford.id,
    );
    await apply(
      resources,
      'resources/trafford_services/trafford_libraries.geojson',
      { theme, ...council },
      trafford.id,
    );
  }
  await apply(
    resources,
    'resources/food_banks/gm_food_banks_2018.csv',
    {
      theme: 'food',
      mapping:
        'name=Name,postcode=Postcode,address=Address,hours=Opening times,access=Referral method,contact=Contact,url=Website',
    },
    trafford.id,
  );
  // The same food banks as GeoJSON: the same records, now with their points.
  await apply(resources, 'resources/food_banks/gm_food_banks_2018.geojson', { theme: 'food' }, trafford.id);
  report = await services.gaps.report(trafford, ['food'], 'lsoa');
  admin = new Browser(t.app);
  await admin.signIn(demoAccounts.northmoorAdmin, knownPassword);
}, 180_000);
afterAll(() => t.close());

describe('the needs map for Trafford, theme food', () => {
  it('analyses all 139 LSOAs with IMD 2025 statistics and the food banks', () => {
    expect(report.areas).toHaveLength(139);
    expect(report.analysis.cells).toHaveLength(139);
    // Food links income and the geographical barriers sub-domain; only the domains file is imported here.
    expect(report.input.indicators.map((i) => i.key)).toEqual(['imd-2025/income']);
    expect(report.services.filter((s) => s.themes.includes('food') && s.points.length > 0).length).toBe(171);
    expect(report.analysis.cells.every((c) => c.need !== null && c.nearestServiceId !== null)).toBe(true);
  });

  it('takes each LSOA’s urban or rural class from the 2021 classification, and a rural reach for the rural one', () => {
    const rural = report.input.areas.filter((a) => a.ruralUrban === 'rural').map((a) => a.code);
    expect(rural).toEqual(['E01006087']);
    expect(report.input.areas.filter((a) => a.ruralUrban === 'urban')).toHaveLength(138);
    const settings = report.analysis.settings;
    expect(explainGap(report.input, 'E01006087', 'food')?.reachKm).toBe(settings.reachKm.rural);
    expect(explainGap(report.input, report.input.areas[0]?.code ?? '', 'food')?.reachKm).toBe(
      report.input.areas[0]?.code === 'E01006087' ? settings.reachKm.rural : settings.reachKm.urban,
    );
  });

  it('puts the most deprived LSOAs at the top of the gaps list, with their nearest services', async () => {
    const page = await admin.get('/p/trafford/needs/gaps?theme=food&level=lsoa');
    expect(page.statusCode).toBe(200);
    const rows = [
      ...page.body.matchAll(
        /href="\/p\/trafford\/needs\/gaps\/(E01\d+)\/food">[^<]+<span[^>]*>[^<]*<\/span><\/a>[\s\S]*?<td class="govuk-table__cell">([^<]+)<\/td>\s*<\/tr>/g,
      ),
    ].map((m) => ({ code: m[1] ?? '', nearest: (m[2] ?? '').trim() }));
    expect(rows).toHaveLength(100);
    const top = rows.slice(0, 10);
    // The biggest gaps: need that is not low against England and little or thin provision within the reach rule.
    // Food need draws on more than income, so a neighbourhood just outside the more income-deprived half of
    // England, with no food service nearby, can be among them.
    const { thresholds } = report.analysis.settings;
    for (const row of top) {
      const cell = report.analysis.cells.find((c) => c.areaCode === row.code);
      expect(incomeDecile.get(row.code), row.code).toBeLessThanOrEqual(6);
      expect(cell?.need, row.code).toBeGreaterThanOrEqual(thresholds.lowNeed);
      expect(['unmet-need', 'thin-provision'], row.code).toContain(cell?.gapClass);
      expect(row.nearest).toMatch(/, \d+\.\d\d km$/);
    }
    // Every LSOA among the 10% most income-deprived in England is on the first page, with high need and its
    // nearest food service.
    const mostDeprived = [...incomeDecile].filter(([, decile]) => decile === 1).map(([code]) => code);
    expect(mostDeprived.length).toBeGreaterThan(3);
    for (const code of mostDeprived) {
      const row = rows.find((r) => r.code === code);
      expect(row?.nearest, code).toMatch(/, \d+\.\d\d km$/);
      const cell = report.analysis.cells.find((c) => c.areaCode === code);
      expect(cell?.need, code).toBeGreaterThanOrEqual(80);
      expect(cell?.nearestKm, code).toBeLessThan(5);
    }
  });

  it('explains every LSOA’s gap with figures that add up', () => {
    const { weights } = report.analysis.settings;
    for (const cell of report.analysis.cells) {
      const e = explainGap(report.input, cell.areaCode, 'food');
      if (!e) throw new Error(`No explanation for ${cell.areaCode}`);
      expect(e.cell).toEqual(cell);
      const contributions = e.contributions.reduce((n, c) => n + c.contribution, 0);
      expect(contributions).toBeCloseTo(cell.provision, 5);
      expect(e.contributions).toHaveLength(cell.serviceCount);
      for (const c of e.contributions)
        expect(c.contribution).toBeCloseTo(c.distanceFactor * c.capacityFactor * c.hoursFactor, 5);
      const weightSum = e.need.statistics.reduce((n, s) => n + s.weight, 0);
      const statistics = e.need.statistics.reduce((n, s) => n + s.needPercentile * s.weight, 0) / weightSum;
      expect(statistics).toBeCloseTo(cell.statisticsNeed ?? Number.NaN, 9);
      expect(e.need.weights).toEqual(weights);
      expect(cell.localNeed).toBeNull();
      expect(e.need.need).toBeCloseTo(cell.statisticsNeed ?? Number.NaN, 9);
      if (cell.nearestKm !== null && cell.serviceCount > 0) {
        const nearby = e.contributions.filter((c) => c.distanceKm !== null).map((c) => c.distanceKm ?? 0);
        if (nearby.length) expect(Math.min(...nearby)).toBeCloseTo(cell.nearestKm, 4);
      }
    }
  });

  it('shows an explanation page whose figures add up, for the area at the top of the list', async () => {
    const top = [...report.analysis.cells].sort((a, b) => b.gapScore - a.gapScore)[0];
    const page = await admin.get(`/p/trafford/needs/gaps/${top?.areaCode ?? ''}/food`);
    expect(page.statusCode).toBe(200);
    const numbers = (marker: string) =>
      [...page.body.matchAll(new RegExp(`${marker}>([^<]+)<`, 'g'))].map((m) => Number(m[1]));
    const percentiles = numbers('data-percentile');
    const weights = numbers('data-weight');
    expect(percentiles).toHaveLength(1);
    expect(page.body).toContain('Compared with');
    // The sub-domains file is not imported, so the page names the missing statistic and where to get it.
    expect(page.body).toMatch(
      /id="missing-inputs">[\s\S]*Geographical barriers sub-domain \(IMD\): English Indices/,
    );
    const statisticsNeed = Number(/id="statistics-need">([^<]+)</.exec(page.body)?.[1]);
    expect(
      percentiles.reduce((n, p, i) => n + p * (weights[i] ?? 0), 0) / weights.reduce((a, b) => a + b, 0),
    ).toBeCloseTo(statisticsNeed, 0);
    const total = Number(/id="provision-total">([^<]+)</.exec(page.body)?.[1] ?? '0');
    expect(numbers('data-contribution').reduce((a, b) => a + b, 0)).toBeCloseTo(total, 2);
    expect(page.body).toContain('from the area’s representative point');
  });

  it('says “no evidence” for carers, never a borrowed score, and names the data set that would fill it', async () => {
    const code = report.areas[0]?.code ?? '';
    const page = await admin.get(`/p/trafford/needs/gaps/${code}/carers`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('id="no-evidence"');
    expect(page.body).toMatch(/id="missing-inputs">[\s\S]*Unpaid care: Census 2021, ONS: table TS039/);
    expect(page.body).not.toContain('id="need-statistics"');
  });

  it('draws the map of Trafford’s LSOAs for food without JavaScript, with the food banks as dots', async () => {
    const page = await admin.get('/p/trafford/needs/map?theme=food&level=lsoa&layer=gap');
    expect(page.body).toMatch(/<svg[^>]+class="cg-boundary-map"/);
    expect(page.body.match(/<circle/g)?.length).toBeGreaterThan(3);
    expect(page.body).toContain('Food: 139 areas');
  });
});
