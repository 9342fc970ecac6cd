import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Importer } from '../../src/app/interchange.js';
import type { OpenedRun } from '../../src/app/matching/matching-runs.js';
import type { PartnershipRecord } from '../../src/app/ports.js';
import type { NeedRecord } from '../../src/domain/needs/model.js';
import { boundariesImporter } from '../../src/interchange/areas/boundaries.js';
import { lookupImporter } from '../../src/interchange/areas/lookup.js';
import { populationImporter } from '../../src/interchange/areas/population.js';
import { readSource } from '../../src/interchange/read-source.js';
import { resourcesImporter } from '../../src/interchange/resources-import.js';
import { Browser } from '../support/browser.js';
import { createTestApp, demoAccounts, knownPassword, type TestApp } from '../support/test-app.js';

/**
 * The "done means" for matching: Trafford from ../shared/data (boundaries, the LSOA–ward–authority
 * lookup, population, the Greater Manchester food banks and Trafford's community hubs) and a generated needs
 * register. The allocation page shows unmet need and loads, a what-if changes it, and "who can help" explains
 * each result.
 */

const data = (relative: string) => path.join(path.resolve('../shared/data'), relative);

let t: TestApp;
let trafford: PartnershipRecord;
let admin: Browser;
let runId = '';
let run: OpenedRun;

/** A small deterministic generator, so the register is the same on every run. */
function random(seed: number) {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    return state / 2_147_483_648;
  };
}

async function generateNeeds(partnership: PartnershipRecord): Promise<number> {
  const services = t.runtime.services;
  const { wards } = await services.areas.forPartnership(partnership);
  const next = random(7);
  const records: NeedRecord[] = [];
  const record = (areaCode: string, theme: string, people: number | null, i: number): NeedRecord => ({
    id: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
    partnershipId: partnership.id,
    areaCode,
    theme,
    severity: (1 + Math.floor(next() * 4)) as NeedRecord['severity'],
    peopleAffected: people,
    evidence: 'Generated for the matching test.',
    source: 'vcs-frontline',
    reportingOrganisationId: null,
    reportedOn: '2026-02-01',
    sourceId: null,
    createdBy: null,
    createdAt: '2026-02-01T09:00:00.000Z',
    updatedAt: '2026-02-01T09:00:00.000Z',
  });
  for (const ward of wards) {
    const lsoas = (await services.store.areas.children(ward.code, 'lsoa-2021')).filter(
      (a) => a.level === 'lsoa',
    );
    for (const lsoa of lsoas)
      records.push(record(lsoa.code, 'food', 5 + Math.floor(next() * 60), records.length));
    records.push(
      record(
        ward.code,
        'warm-and-welcoming-spaces',
        next() < 0.2 ? null : 20 + Math.floor(next() * 80),
        records.length,
      ),
    );
  }
  await services.store.needs.insert(records);
  return records.length;
}

beforeAll(async () => {
  t = await createTestApp();
  const services = t.runtime.services;
  trafford = await services.partnerships.create(
    { name: 'Trafford Partnership', slug: 'trafford', localAuthorityCode: 'E08000009' },
    { userId: null, label: 'Test' },
  );
  const user = await services.users.findByEmail(demoAccounts.northmoorAdmin);
  await services.store.memberships.insert({
    id: '6c1d7a52-9a1f-4e0b-8f7e-2b7f5f0c9e11',
    partnershipId: trafford.id,
    userId: user?.id ?? '',
    role: 'partnership-admin',
    organisationId: null,
    createdAt: '2026-03-02T09:00:00.000Z',
  });
  const apply = (importer: Importer, file: string, options: Record<string, string>, partnershipId?: string) =>
    importer.apply(data(file), { services, partnershipId, actor: { userId: null, label: 'Test' }, options });
  const boundaries = boundariesImporter(readSource);
  await apply(boundaries, 'geo/boundaries/wards_2023_trafford.geojson', { level: 'ward' });
  await apply(boundaries, 'geo/boundaries/lsoa_2021_trafford.geojson', { level: 'lsoa' });
  await apply(lookupImporter(readSource), 'geo/lookups/lookup_lsoa21_ward24_lad24.csv', {});
  await apply(populationImporter(readSource), 'population/trafford_mid2024_population_lsoa21.csv', {});
  const resources = resourcesImporter(readSource);
  await apply(resources, 'resources/food_banks/gm_food_banks_2018.geojson', { theme: 'food' }, trafford.id);
  await apply(
    resources,
    'resources/trafford_services/trafford_community_hubs.geojson',
    { theme: 'warm-and-welcoming-spaces', organisation: 'Trafford Council', 'organisation-kind': 'council' },
    trafford.id,
  );
  expect(await generateNeeds(trafford)).toBeGreaterThan(150);

  admin = new Browser(t.app);
  await admin.signIn(demoAccounts.northmoorAdmin, knownPassword);
  await admin.get('/p/trafford/matching');
  const payload = new URLSearchParams([
    ['_csrf', admin.csrfToken ?? ''],
    ['themes', 'food'],
    ['themes', 'warm-and-welcoming-spaces'],
    ['maxKm', '2'],
  ]).toString();
  const started = await admin.raw({
    method: 'POST',
    url: '/p/trafford/matching/runs',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    payload: Buffer.from(payload),
  });
  expect(started.statusCode).toBe(303);
  runId = /runs\/([0-9a-f-]{36})$/.exec(String(started.headers.location))?.[1] ?? '';
  const opened = await services.matching.open(trafford, runId);
  if (!opened) throw new Error('The run was not saved');
  run = opened;
}, 180_000);
afterAll(() => t.close());

describe('matching in Trafford', () => {
  it('places people up to each service’s capacity and leaves unmet need, all adding up', () => {
    const a = run.allocation;
    expect(run.input.allocation.demands.length).toBeGreaterThan(150);
    expect(run.input.allocation.services.length).toBeGreaterThan(100);
    expect(a.allocatedUnits).toBeGreaterThan(0);
    expect(a.unmetUnits).toBeGreaterThan(0);
    expect(a.allocatedUnits + a.unmetUnits).toBe(
      run.input.allocation.demands.reduce((n, d) => n + d.units, 0),
    );
    expect(a.loads.reduce((n, l) => n + l.load, 0)).toBe(a.allocatedUnits);
    for (const l of a.loads) expect(l.load).toBeLessThanOrEqual(l.capacity);
    for (const f of a.flows) if (f.reach === 'nearby') expect(f.distanceKm).toBeLessThanOrEqual(2 + 1e-9);
    expect(a.cost).toBeLessThanOrEqual(a.greedyCost + 1e-6);
    // The imported services give no capacity: the run says it assumed one.
    expect(run.input.assumptions.servicesWithoutCapacity).toBeGreaterThan(0);
  });

  it('shows the run page: the map of 21 wards, unmet need by area and theme, and each service’s load', async () => {
    const page = await admin.get(`/p/trafford/matching/runs/${runId}`);
    expect(page.statusCode).toBe(200);
    const svg = /<svg[^>]+class="cg-boundary-map"[\s\S]*?<\/svg>/.exec(page.body)?.[0] ?? '';
    expect(svg.match(/<path[^>]+fill="(?!none)/g)?.length).toBe(21);
    expect(page.body).toContain('people unmet');
    expect(page.body).toContain('services give no capacity, so each is assumed to help 20 people a week');
    const areaLinks =
      page.body.match(new RegExp(`/p/trafford/matching/runs/${runId}/areas/E0[15]\\d+`, 'g')) ?? [];
    expect(areaLinks.length).toBeGreaterThan(150);
    expect(page.body).toMatch(/<td class="govuk-table__cell govuk-table__cell--numeric">100%<\/td>/);
  });

  it('explains each area’s allocation, placements and unmet adding up to its people', async () => {
    const codes = [...new Set(run.input.allocation.demands.map((d) => d.areaCode))];
    for (const code of codes) {
      const found = await t.runtime.services.matching.explainArea(trafford, runId, code);
      if (!found) throw new Error(`No explanation for ${code}`);
      const e = found.explanation;
      expect(e.allocated + e.unmet, code).toBe(e.units);
      for (const d of e.demands) {
        expect(d.placements.reduce((n, p) => n + p.units, 0) + d.unmet, code).toBe(d.demand.units);
        if (d.unmet > 0) expect(d.unmetDetail, code).toBeTruthy();
        for (const p of d.placements) expect(p.why, code).not.toBe('');
      }
    }
    const worst = [...run.allocation.demands].sort((a, b) => b.unmet - a.unmet)[0];
    const demand = run.input.allocation.demands.find((d) => d.id === worst?.demandId);
    const page = await admin.get(`/p/trafford/matching/runs/${runId}/areas/${demand?.areaCode ?? ''}`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('unmet.</strong>');
  });

  it('what-if: more capacity where services are full lowers unmet need, shown side by side', async () => {
    const full = run.allocation.loads.filter((l) => l.capacity > 0 && l.load === l.capacity);
    expect(full.length).toBeGreaterThan(0);
    let chosen: string | undefined;
    for (const l of full) {
      const result = await t.runtime.services.matching.whatIf(trafford, runId, {
        change: 'capacity',
        serviceId: l.serviceId,
        capacity: l.capacity + 200,
      });
      if (result?.ok && result.allocation.unmetUnits < run.allocation.unmetUnits) {
        chosen = l.serviceId;
        break;
      }
    }
    expect(chosen).toBeDefined();
    await admin.get(`/p/trafford/matching/runs/${runId}/what-if`);
    const page = await admin.post(`/p/trafford/matching/runs/${runId}/what-if`, {
      change: 'capacity',
      serviceId: chosen ?? '',
      capacity: '220',
    });
    expect(page.statusCode).toBe(200);
    const totals = page.body.slice(page.body.indexOf('id="what-if-totals"'));
    expect(/Unmet<\/th>[\s\S]*?<td[^>]*>[^<]*<\/td>\s*<td[^>]*>[^<]*<\/td>\s*<td[^>]*>−\d/.test(totals)).toBe(
      true,
    );
    expect(page.body.match(/class="cg-boundary-map"/g)?.length).toBe(2);
  });

  it('who can help: explains every ranked service and every one left out, for the area with most unmet food need', async () => {
    const worst = [...run.allocation.demands]
      .filter((o) => run.input.allocation.demands.find((d) => d.id === o.demandId)?.theme === 'food')
      .sort((a, b) => b.unmet - a.unmet)[0];
    const result = await t.runtime.services.matching.whoCanHelp(trafford, {
      need: worst?.demandId,
      maxKm: '3',
    });
    if (!result.ok) throw new Error(Object.values(result.errors).join('; '));
    expect(result.ranking.ranked.length).toBeGreaterThan(0);
    for (const r of result.ranking.ranked) {
      expect(r.reasons.length).toBeGreaterThan(0);
      expect(r.reasons.reduce((n, reason) => n + reason.points, 0)).toBeCloseTo(r.score, 6);
      for (const reason of r.reasons) expect(reason.text).not.toBe('');
    }
    for (const l of result.ranking.leftOut) expect(l.text).not.toBe('');
    expect(result.ranking.ranked.length + result.ranking.leftOut.length).toBe(result.services.size);
    const page = await admin.get(`/p/trafford/who-can-help?need=${worst?.demandId ?? ''}&maxKm=3`);
    expect(page.statusCode).toBe(200);
    expect(page.body.match(/<li class="govuk-!-margin-bottom-6">/g)?.length).toBe(
      result.ranking.ranked.length,
    );
    // The latest run's loads say how much room each service has left.
    expect(page.body).toContain(`/p/trafford/matching/runs/${runId}`);
  });
});
