import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createStore } from '../../src/storage/store.js';
import { checkPdfUa } from '../../src/web/reports/pdf-ua-check.testing.js';
import { Browser } from '../support/browser.js';
import { httpDatabases } from '../support/http-databases.js';
import { createTestApp, demoAccounts, knownPassword, type TestApp } from '../support/test-app.js';

/**
 * Every PDF the service makes, downloaded as a member would from the demo's Northmoor partnership, checked for
 * what a PDF/UA check looks for (pdf-ua-check.testing.ts): the lead-member summary and the full report of the
 * Spring 2026 round, the action plan summary, and the evidence pack for money advice in Greenacres.
 */
describe.each(httpDatabases())('every PDF report ($name)', (database) => {
  let t: TestApp;
  let remove: () => Promise<void>;
  let viewer: Browser;
  const reports = new Map<string, string>();

  beforeAll(async () => {
    const opened = await database.open();
    remove = opened.remove;
    t = await createTestApp({ env: opened.env });
    const northmoor = await t.partnership('northmoor');
    const rounds = await t.runtime.services.assessments.list(northmoor.id);
    const spring = rounds.find((entry) => entry.round.name === 'Spring 2026 full assessment')?.round.id;
    const wards = await createStore(t.runtime.handle.db).areas.children(northmoor.localAuthorityCode);
    const greenacres = wards.find((ward) => ward.name === 'Greenacres')?.code;
    if (!spring || !greenacres) throw new Error('The demo has no Spring 2026 round or no Greenacres ward');
    reports.set('lead-member summary', `/p/northmoor/rounds/${spring}/summary.pdf`);
    reports.set('full report', `/p/northmoor/rounds/${spring}/report.pdf`);
    reports.set('action plan summary', '/p/northmoor/actions/summary.pdf');
    reports.set(
      'evidence pack',
      `/p/northmoor/evidence/${greenacres}/money-debt-and-benefits/evidence-pack.pdf`,
    );
    viewer = new Browser(t.app);
    await viewer.signIn(demoAccounts.northmoorViewer, knownPassword);
  }, 60_000);
  afterAll(async () => {
    await t?.close();
    await remove?.();
  });

  it.each([
    // Which report, and the least it must hold, so that a pass is not a PDF with nothing to check.
    ['lead-member summary', { figures: 1, tables: 1 }],
    ['full report', { figures: 1, tables: 30 }],
    ['action plan summary', { figures: 0, tables: 1 }],
    ['evidence pack', { figures: 0, tables: 3 }],
  ])('the %s meets what a PDF/UA check looks for', async (name, least) => {
    const response = await viewer.get(reports.get(name) ?? '');
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('application/pdf');
    const check = await checkPdfUa(response.rawPayload);
    expect(check.problems).toEqual([]);
    expect(check.fonts.map((font) => font.replace(/^[A-Z]{6}\+/, '')).sort()).toEqual([
      'DejaVuSans',
      'DejaVuSans-Bold',
    ]);
    expect(check.figures).toBeGreaterThanOrEqual(least.figures);
    expect(check.tables).toBeGreaterThanOrEqual(least.tables);
    expect(check.headerCells).toBeGreaterThan(check.tables);
  });
});
