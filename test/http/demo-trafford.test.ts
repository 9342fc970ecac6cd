import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PartnershipRecord } from '../../src/app/ports.js';
import { Browser } from '../support/browser.js';
import { createPostgresDatabase, testDatabaseUrl } from '../support/database.js';
import { needFigures } from '../support/need-figures.js';
import { createTestApp, demoAccounts, knownPassword, type TestApp } from '../support/test-app.js';

/** The demo's third partnership: Trafford from the sample pack of real public data (demo/trafford). */

const pack = path.resolve('demo/trafford');
const wards = (
  JSON.parse(fs.readFileSync(path.join(pack, 'wards.geojson'), 'utf8')) as {
    features: { properties: { area_code: string; area_name: string } }[];
  }
).features.map((f) => f.properties);
const wardNames = wards.map((w) => w.area_name);
const escaped = (text: string) => text.replace(/&/g, '&amp;').replace(/'/g, '&#39;');

/** SQLite always; PostgreSQL as well when TEST_DATABASE_URL is set. */
const databases: {
  name: string;
  open(): Promise<{ env: Record<string, string>; remove(): Promise<void> }>;
}[] = [
  { name: 'sqlite', open: async () => ({ env: {}, remove: async () => undefined }) },
  ...(testDatabaseUrl()
    ? [
        {
          name: 'postgres',
          open: async () => {
            const database = await createPostgresDatabase();
            return { env: { DATABASE_URL: database.url }, remove: () => database.drop() };
          },
        },
      ]
    : []),
];

describe.each(databases)('the demo with the Trafford sample pack on $name', (database) => {
  let t: TestApp;
  let remove: () => Promise<void>;
  let trafford: PartnershipRecord;
  let admin: Browser;

  beforeAll(async () => {
    const opened = await database.open();
    remove = opened.remove;
    t = await createTestApp({ env: opened.env, samplePacks: true });
    trafford = await t.partnership('trafford');
    admin = new Browser(t.app);
    await admin.signIn(demoAccounts.northmoorAdmin, knownPassword);
  }, 120_000);
  afterAll(async () => {
    await t?.close();
    await remove?.();
  });

  it('adds Trafford as a third partnership beside the fictional two, which the demo admin can open', async () => {
    expect(trafford).toMatchObject({ name: 'Trafford (real public data)', localAuthorityCode: 'E08000009' });
    const slugs = (await t.runtime.services.partnerships.list()).map((p) => p.slug);
    expect(slugs).toEqual(expect.arrayContaining(['northmoor', 'eastbrook', 'trafford']));
    const home = await admin.get('/p/trafford/');
    expect(home.statusCode).toBe(200);
    expect(home.body).toContain('Trafford (real public data)');
  });

  it('shows Trafford’s 21 real wards, by name, on the needs map', async () => {
    expect(wardNames).toHaveLength(21);
    expect(wardNames).toContain('Bucklow-St Martins');
    const page = await admin.get('/p/trafford/needs/map?theme=food&level=ward&layer=gap');
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Food: 21 areas');
    for (const name of wardNames) expect(page.body).toContain(`>${escaped(name)}</a>`);
    const lsoas = await admin.get('/p/trafford/needs/map?theme=food&level=lsoa&layer=gap');
    expect(lsoas.body).toContain('Food: 139 areas');
    expect(lsoas.body).toContain('Trafford 025A');
  });

  it('draws the wards from their real boundaries on the map', async () => {
    const response = await admin.get('/p/trafford/needs/map.geojson?theme=food&level=ward&layer=gap');
    expect(response.statusCode).toBe(200);
    const geojson = JSON.parse(response.body) as {
      features: { geometry: { type: string } | null; properties: Record<string, unknown> }[];
    };
    const areas = geojson.features.filter((f) => f.geometry?.type.endsWith('Polygon'));
    expect(areas).toHaveLength(21);
    expect(JSON.stringify(geojson)).toContain('Bucklow-St Martins');
  });

  it('holds the real organisations, services and grants, and no assessment, need or plan about a real council', async () => {
    const { store } = t.runtime.services;
    const organisations = await store.organisations.listByPartnership(trafford.id);
    expect(organisations.filter((o) => o.identifier?.startsWith('GB-CHC-')).length).toBeGreaterThanOrEqual(
      736,
    );
    expect(await store.grants.count(trafford.id)).toBe(555);
    expect(await store.rounds.list(trafford.id)).toEqual([]);
    expect(await store.needs.listForPartnership(trafford.id)).toEqual([]);
    const directory = await admin.get('/p/trafford/directory');
    expect(directory.statusCode).toBe(200);
    expect(directory.body).toContain('Altrincham Library');
  });

  it('meets issue 14’s figures for need at ward level on the pack, as on the same data imported by hand', async () => {
    const report = await t.runtime.services.gaps.report(trafford, [], 'ward');
    const figures = needFigures(report.analysis.cells);
    console.info(
      `Trafford pack (${database.name}), wards: ${figures.themesWithEvidence.length} themes with evidence; at most ${figures.mostHundreds} at 100 in one ward; ${figures.distinctTopFive.length} distinct top-five lists`,
    );
    expect(figures.themesWithEvidence.length).toBeGreaterThanOrEqual(12);
    expect(figures.mostHundreds).toBeLessThanOrEqual(figures.themesWithEvidence.length / 4);
    expect(figures.distinctTopFive.length / figures.themesWithEvidence.length).toBeGreaterThanOrEqual(0.75);
  });

  it('gives at least 60 % of its organisations a theme in the organisations download', async () => {
    const download = await admin.get('/p/trafford/organisations.csv');
    expect(download.statusCode).toBe(200);
    const rows = parse(download.body, { columns: true, bom: true }) as Record<string, string>[];
    const themed = rows.filter((row) => (row.themes ?? '').trim() !== '').length;
    console.info(`Trafford pack (${database.name}): ${themed} of ${rows.length} organisations have a theme`);
    expect(rows.length).toBeGreaterThanOrEqual(736);
    expect(themed / rows.length).toBeGreaterThanOrEqual(0.6);
  });

  it('never ends who can help without services or next steps, for any theme in three real wards', async () => {
    const themes = t.runtime.services.directory.themes.themes.map((theme) => theme.id);
    for (const ward of [wards[0], wards[10], wards[20]]) {
      for (const theme of themes) {
        const page = await admin.get(`/p/trafford/who-can-help?area=${ward?.area_code ?? ''}&theme=${theme}`);
        expect(page.statusCode, `${ward?.area_name} ${theme}`).toBe(200);
        const answered = page.body.includes('id="ranked"') || page.body.includes('id="next-steps"');
        expect(answered, `${ward?.area_name} ${theme}`).toBe(true);
      }
    }
  });

  it('lets the demo viewer see the Trafford map too', async () => {
    const viewer = new Browser(t.app);
    await viewer.signIn(demoAccounts.northmoorViewer, knownPassword);
    const page = await viewer.get('/p/trafford/needs/map?theme=food&level=ward');
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Altrincham');
  });
});
