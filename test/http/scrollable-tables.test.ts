import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Browser } from '../support/browser.js';
import { createTestApp, demoAccounts, knownPassword, type TestApp } from '../support/test-app.js';

/**
 * Every data table sits in its own scrolling box (components/scrollable-table.njk), so a wide table scrolls
 * sideways on a phone instead of widening the page, and keyboard users can reach and scroll it.
 */

interface TableBox {
  readonly wrapped: boolean;
  readonly label: string | null;
}

/** Each table on the page, with whether the element just around it is a focusable, named scrolling region. */
function tableBoxes(html: string): TableBox[] {
  const boxes: TableBox[] = [];
  const tablePattern = /<table\b/g;
  for (let found = tablePattern.exec(html); found; found = tablePattern.exec(html)) {
    const before = html.slice(0, found.index);
    const opening = before.slice(before.lastIndexOf('<div')).trimEnd();
    const wrapped =
      /^<div class="cg-table-scroll"[^>]*>$/.test(opening) &&
      opening.includes('role="region"') &&
      opening.includes('tabindex="0"');
    boxes.push({ wrapped, label: /aria-label="([^"]*)"/.exec(opening)?.[1] ?? null });
  }
  return boxes;
}

let t: TestApp;
let admin: Browser;
let national: Browser;

beforeAll(async () => {
  t = await createTestApp();
  admin = new Browser(t.app);
  await admin.signIn(demoAccounts.northmoorAdmin, knownPassword);
  national = new Browser(t.app);
  await national.signIn(demoAccounts.national, knownPassword);
}, 60_000);
afterAll(() => t.close());

describe('tables scroll inside their own box', () => {
  it.each([
    '/p/northmoor/',
    '/p/northmoor/rounds',
    '/p/northmoor/actions',
    '/p/northmoor/organisations',
    '/p/northmoor/needs',
    '/p/northmoor/needs/map',
    '/p/northmoor/needs/gaps',
    '/p/northmoor/matching',
    '/p/northmoor/grants',
    '/p/northmoor/funding',
    '/p/northmoor/funding/opportunities',
    '/p/northmoor/commissioning',
    '/p/northmoor/areas',
    '/p/northmoor/members',
    '/p/northmoor/audit',
    '/p/northmoor/emails',
    '/p/northmoor/imports',
    '/account',
    '/account/your-data',
    '/p/northmoor/settings/retention',
    '/cookies',
  ])('%s (partnership admin): every table is in a named, focusable scrolling region', async (path) => {
    const page = await admin.get(path);
    expect(page.statusCode).toBe(200);
    const boxes = tableBoxes(page.body);
    expect(boxes.filter((box) => !box.wrapped)).toEqual([]);
    for (const box of boxes) expect(box.label?.trim()).toBeTruthy();
  });

  it.each(['/national', '/national/uptake', '/national/benchmarks'])(
    '%s (national admin): every table is in a named, focusable scrolling region',
    async (path) => {
      const page = await national.get(path);
      expect(page.statusCode).toBe(200);
      const boxes = tableBoxes(page.body);
      expect(boxes.filter((box) => !box.wrapped)).toEqual([]);
      for (const box of boxes) expect(box.label?.trim()).toBeTruthy();
    },
  );

  it('the results of every round: each table is labelled by its caption', async () => {
    const rounds = await admin.get('/p/northmoor/rounds');
    const resultsPaths = [...rounds.body.matchAll(/href="(\/p\/northmoor\/rounds\/[^"]+\/results)"/g)].map(
      (match) => match[1] as string,
    );
    expect(resultsPaths.length).toBeGreaterThan(0);
    const boxes: TableBox[] = [];
    for (const path of new Set(resultsPaths)) {
      const page = await admin.get(path);
      expect(page.statusCode).toBe(200);
      boxes.push(...tableBoxes(page.body));
    }
    expect(boxes.filter((box) => !box.wrapped)).toEqual([]);
    expect(boxes.map((box) => box.label)).toContain('Perception gaps');
  });

  it('finds an unwrapped table, so the checks above can fail', () => {
    expect(tableBoxes('<div class="govuk-grid-row"><table class="govuk-table"></table></div>')).toEqual([
      { wrapped: false, label: null },
    ]);
    expect(
      tableBoxes(
        '<div class="cg-table-scroll" role="region" aria-label="Grants" tabindex="0"><table></table></div>',
      ),
    ).toEqual([{ wrapped: true, label: 'Grants' }]);
  });
});
