import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { charitiesImporter } from '../../src/interchange/charities-import.js';
import { Browser } from '../support/browser.js';
import { httpDatabases } from '../support/http-databases.js';
import { createTestApp, demoAccounts, knownPassword, type TestApp } from '../support/test-app.js';

/*
 * Potential provision (issue 14): organisations whose own words match a theme but which list no service are shown
 * apart from services on the needs map, in the gaps and in who can help, and a theme they work on is no longer
 * "no provision data". Northmoor's directory has no carers service; a carers charity is imported with no service.
 */

const register = [
  'registered_charity_number,charity_name,charity_activities',
  '1099001,MOORSIDE CARERS TOGETHER,"Support, advice and respite breaks for unpaid carers."',
  '1099002,NORTHMOOR PANTRY TRUST,"A food bank and a community pantry for families on low incomes."',
].join('\n');

const between = (html: string, start: string, end: string) => {
  const from = html.indexOf(start);
  return from < 0 ? '' : html.slice(from, html.indexOf(end, from + start.length));
};
const textOf = (html: string) =>
  html
    .replace(/<[^>]+>/g, ' ')
    .replace(/&#39;|&rsquo;/g, '’')
    .replace(/&ldquo;/g, '“')
    .replace(/&rdquo;/g, '”')
    .replace(/\s+/g, ' ');

describe.each(httpDatabases())(
  'potential provision on the map, the gaps and who can help ($name)',
  (database) => {
    let t: TestApp;
    let remove: () => Promise<void>;
    let viewer: Browser;

    beforeAll(async () => {
      const opened = await database.open();
      remove = opened.remove;
      t = await createTestApp({ env: opened.env });
      const northmoor = await t.partnership('northmoor');
      await charitiesImporter(async (text) => text).apply(register, {
        services: t.runtime.services,
        partnershipId: northmoor.id,
        actor: { userId: null, label: 'Test' },
      });
      viewer = new Browser(t.app);
      expect((await viewer.signIn(demoAccounts.northmoorViewer, knownPassword)).statusCode).toBe(303);
    }, 60_000);
    afterAll(async () => {
      await t?.close();
      await remove?.();
    });

    it('shows the charity on the map as potential provision, and the theme no longer as "no provision data"', async () => {
      const map = await viewer.get('/p/northmoor/needs/map?theme=carers&level=lsoa');
      expect(map.statusCode).toBe(200);
      expect(map.body).not.toContain('id="no-provision-data"');
      const inset = textOf(between(map.body, 'id="potential-provision"', '</div>'));
      expect(inset).toContain(
        'In the whole partnership, 1 charity or group works on this but lists no service: their own words match carers.',
      );
      expect(inset).toContain('MOORSIDE CARERS TOGETHER');
      const table = textOf(between(map.body, 'id="needs-table"', '</table>'));
      expect(table).not.toContain('No provision data');
      expect(table).toContain('Thin provision: 1 charity or group works on this but lists no service');
      const geojson = JSON.parse((await viewer.get('/p/northmoor/needs/map.geojson?theme=carers')).body) as {
        features: { properties: { kind: string; potentialProvision?: number; gapClassLabel?: string } }[];
      };
      const areas = geojson.features.filter((f) => f.properties.kind === 'area');
      expect(areas.length).toBeGreaterThan(0);
      for (const area of areas) expect(area.properties.potentialProvision).toBe(1);
    });

    it('names the charities in the gaps list, its spreadsheet and the explanation', async () => {
      const gaps = await viewer.get('/p/northmoor/needs/gaps?theme=carers&level=lsoa&class=thin-provision');
      expect(textOf(gaps.body)).toContain(
        'Thin provision: 1 charity or group works on this but lists no service',
      );
      const csv = (await viewer.get('/p/northmoor/needs/gaps.csv?theme=carers&level=lsoa')).body;
      const [header, ...rows] = csv
        .replace(/^\uFEFF/, '')
        .trim()
        .split(/\r\n/);
      expect(header?.split(',').at(-1)).toBe('Organisations listing no service (potential provision)');
      for (const row of rows) expect(row.split(',').at(-1)).toBe('1');
      const href = /href="(\/p\/northmoor\/needs\/gaps\/E01[0-9]+\/carers)"/.exec(gaps.body)?.[1] ?? '';
      const explanation = textOf((await viewer.get(href)).body);
      expect(explanation).toContain('1 charity or group works on this but lists no service');
      expect(explanation).toContain('Potential provision In the whole partnership');
      const dashboard = await viewer.get('/p/northmoor/');
      expect(between(dashboard.body, 'id="dashboard-no-provision-data"', '</p>')).not.toContain('Carers');
    });

    it('offers the charity in who can help when no service can, with the words that matched', async () => {
      const page = await viewer.get('/p/northmoor/who-can-help?area=E05099106&theme=carers');
      expect(page.statusCode).toBe(200);
      const organisations = textOf(between(page.body, 'id="theme-organisations"', '</ul>'));
      expect(organisations).toContain(
        'MOORSIDE CARERS TOGETHER : Lists no service; its own words match “carers”, “respite”',
      );
    });

    it('lists charities apart from the ranked services when services can help', async () => {
      const page = await viewer.get('/p/northmoor/who-can-help?area=E05099101&theme=food&maxKm=20');
      expect(page.statusCode).toBe(200);
      expect(page.body).toContain('<ol');
      const section = textOf(between(page.body, 'id="potential-provision"', '</div>'));
      expect(section).toContain('Charities and groups that work on this but list no service');
      expect(section).toContain(
        'Potential provision: 1 charity or group works on this but lists no service.',
      );
      expect(section).toContain('NORTHMOOR PANTRY TRUST');
      expect(between(page.body, '<ol', '</ol>')).not.toContain('NORTHMOOR PANTRY TRUST');
    });
  },
);

describe.each(httpDatabases())(
  'themes in the Trafford demo, loaded from the sample pack ($name)',
  (database) => {
    let t: TestApp;
    let remove: () => Promise<void>;
    let viewer: Browser;

    beforeAll(async () => {
      const opened = await database.open();
      remove = opened.remove;
      t = await createTestApp({ env: opened.env, samplePacks: true });
      viewer = new Browser(t.app);
      expect((await viewer.signIn(demoAccounts.northmoorViewer, knownPassword)).statusCode).toBe(303);
    }, 180_000);
    afterAll(async () => {
      await t?.close();
      await remove?.();
    });

    it('gives at least 60 % of Trafford’s organisations a theme when the pack is loaded', async () => {
      const csv = await viewer.get('/p/trafford/organisations.csv');
      expect(csv.statusCode).toBe(200);
      const rows = parse(csv.body, { columns: true, bom: true }) as { themes: string }[];
      expect(rows.length).toBeGreaterThan(736);
      const themed = rows.filter((row) => row.themes !== '');
      expect(themed.length / rows.length).toBeGreaterThanOrEqual(0.6);
    });

    it('reads money advice, which only charities work on, as thin provision, not "no provision data"', async () => {
      const page = await viewer.get('/p/trafford/needs/gaps?theme=money-debt-and-benefits&level=ward');
      const gaps = textOf(between(page.body, 'id="gaps-table"', '</table>'));
      expect(gaps).not.toContain('No provision data');
      expect(gaps).toMatch(/Thin provision: \d+ charities or groups work on this but list no service/);
      const help = textOf(
        (await viewer.get('/p/trafford/who-can-help?area=E05015239&theme=money-debt-and-benefits')).body,
      );
      expect(help).toContain('Organisations that work on money');
      expect(help).toMatch(/Lists no service; its own words match “[a-z ]+”/);
    });
  },
);
