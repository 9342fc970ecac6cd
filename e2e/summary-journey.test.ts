import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { readPdf, type StructNode } from '../src/web/reports/read-pdf.testing.js';
import { expectNoAxeViolations } from './support/axe.js';
import { describeInBrowser, launchBrowser, openPage, signIn } from './support/browser.js';
import { demoAccounts, demoPassword, startServer, type TestServer } from './support/server.js';

/**
 * The lead-member summary journey of issue 13: a partnership admin takes the demo's closed quick check, the
 * workshop agrees two actions that appear in the plan with their origin, and the summary (page and PDF)
 * describes every difference by the one rule, with the headline chart as a tagged figure with alt text and
 * its table. Every page visited passes axe.
 */

const FIRST = 'Summary journey: agree a shared purpose statement';
const SECOND = 'Summary journey: review the compact together';
const ROUND = 'Autumn 2025 quick check';
const RULE_WORDS =
  /^(Seen much the same way|Some difference|Seen differently|Not enough answers to compare)$/;

async function follow(page: Page, name: string | RegExp) {
  await Promise.all([page.waitForNavigation(), page.getByRole('link', { name }).first().click()]);
}

function withRole(node: StructNode | null | undefined, role: string): StructNode[] {
  if (!node) return [];
  return [...(node.role === role ? [node] : []), ...(node.children ?? []).flatMap((c) => withRole(c, role))];
}

describeInBrowser('the lead-member summary, from the workshop to the PDF', () => {
  let server: TestServer;
  let browser: Browser;
  let admin: Page;
  let roundUrl = '';

  beforeAll(async () => {
    [server, browser] = await Promise.all([startServer(), launchBrowser()]);
    admin = (await openPage(browser, server.baseUrl)).page;
    await signIn(admin, demoAccounts.partnershipAdmin, demoPassword);
    const services = server.runtime.services;
    const northmoor = await services.partnerships.findBySlug('northmoor');
    if (!northmoor) throw new Error('The demo has no Northmoor');
    const round = (await services.assessments.list(northmoor.id)).find((r) => r.round.name === ROUND);
    if (!round) throw new Error(`The demo has no round called ${ROUND}`);
    roundUrl = `/p/northmoor/rounds/${round.round.id}`;
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('the workshop agrees two actions, which reach the plan with their origin', async () => {
    await admin.goto(`${roundUrl}/workshop/SF`);
    await expectNoAxeViolations(admin, 'workshop principle');
    await admin.getByLabel('2 Developing').check();
    await admin.getByLabel('Actions agreed').fill(`${FIRST}\n${SECOND}`);
    await Promise.all([
      admin.waitForNavigation(),
      admin.getByRole('button', { name: /Save and go to the next principle/ }).click(),
    ]);
    await expect(admin.getByRole('alert').textContent()).resolves.toContain('2 actions were added');
    await expectNoAxeViolations(admin, 'next principle');

    await admin.goto('/p/northmoor/actions');
    await expectNoAxeViolations(admin, 'action plan');
    for (const title of [FIRST, SECOND]) {
      const row = admin.getByRole('row').filter({ has: admin.getByRole('link', { name: title }) });
      await expect(row.textContent()).resolves.toContain('Agreed at the workshop');
    }
  });

  it('the summary page shows the headline chart and its table, by the rule, and fits a phone', async () => {
    await admin.goto(`${roundUrl}/results`);
    await expectNoAxeViolations(admin, 'results');
    await follow(admin, 'Lead-member summary');
    await expect(admin.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(
      `Lead-member summary: ${ROUND}`,
    );
    await expectNoAxeViolations(admin, 'lead-member summary');
    const chart = admin.getByRole('img', { name: /Median level of each side for each principle/ });
    await expect(chart.count()).resolves.toBe(1);
    const table = admin.getByRole('table', { name: 'Median level of each side for each principle' });
    const seen = await table.locator('tbody tr td:last-child').allTextContents();
    expect(seen.length).toBeGreaterThan(0);
    for (const words of seen) expect(words.trim()).toMatch(RULE_WORDS);
    await expect(admin.locator('main').textContent()).resolves.toContain(
      'The workshop has agreed levels for 1 of',
    );

    await admin.setViewportSize({ width: 390, height: 844 });
    // (Tables scroll inside their own box on a phone; the crawl checks every page's width.)
    const chartBox = await chart.evaluate((svg) => {
      const box = svg.getBoundingClientRect();
      return { right: box.right, width: box.width };
    });
    expect(chartBox.right).toBeLessThanOrEqual(390);
    const chartWidth = chartBox.width;
    // Drawn 360 units wide, so on a phone its 14-unit text is still at least 12 px.
    expect(chartWidth).toBeGreaterThanOrEqual(310);
    await expectNoAxeViolations(admin, 'lead-member summary on a phone');
    await admin.setViewportSize({ width: 1280, height: 900 });
  });

  it('the summary PDF uses the rule words and holds the chart as a tagged figure with alt text and its table', async () => {
    await admin.goto(`${roundUrl}/summary`);
    const [download] = await Promise.all([
      admin.waitForEvent('download'),
      admin.getByRole('link', { name: 'Download this summary as a PDF' }).click(),
    ]);
    const { readFile } = await import('node:fs/promises');
    const pdf = await readPdf(await readFile(await download.path()));
    expect(pdf.text).toContain('A gap of less than half a level is “seen much the same way”');
    const figures = pdf.structTrees.flatMap((tree) => withRole(tree, 'Figure'));
    expect(figures).toHaveLength(1);
    expect(figures[0]?.alt).toMatch(
      /^Dot plot of the median level of the council side and the community side/,
    );
    expect(figures[0]?.alt).toMatch(
      /Shared foundations: council side [\d.–]+, community side [\d.–]+, (seen|some|not)/,
    );
    expect(pdf.roles.join(' ')).toMatch(/Figure( \w+)* Table/);
    expect(pdf.text).toContain(
      'Median level of each side for each principle Principle Council side Community side How it is seen',
    );
    const table = pdf.text.slice(pdf.text.indexOf('How it is seen Shared foundations'));
    expect(table).toMatch(
      /^How it is seen Shared foundations [\d.–]+ [\d.–]+ (Seen much the same way|Some difference|Seen differently|Not enough answers to compare)/,
    );
    expect(pdf.text).toContain('The workshop has agreed levels for 1 of');
    expect(pdf.text).not.toMatch(/\b(SF|RC|ES|CR)\d\b/);
    expect(pdf.untagged.join('')).toBe('');
  });
});
