import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { expectNoAxeViolations } from './support/axe.js';
import { describeInBrowser, launchBrowser, openPage, signIn } from './support/browser.js';
import { demoAccounts, demoPassword, startServer, type TestServer } from './support/server.js';

/**
 * The partnership dashboard of the issue: an admin and a VCS member land on it after signing in, see the
 * right sections and nothing more, follow its links to the pages it summarises, and open the print view.
 * Every page visited passes axe.
 */

/** Every section heading the dashboard has, for every member. */
const SECTIONS = [
  'Relationship assessment',
  'Action plan',
  'Directory freshness',
  'Biggest unmet-need gaps',
  'Funding clashes and deadlines',
];

async function textOf(locator: Locator): Promise<string> {
  return ((await locator.first().textContent()) ?? '').replace(/\s+/g, ' ').trim();
}

async function follow(page: Page, link: Locator) {
  await Promise.all([page.waitForNavigation(), link.first().click()]);
}

describeInBrowser('the partnership dashboard for an admin and a VCS member', () => {
  let server: TestServer;
  let browser: Browser;

  beforeAll(async () => {
    [server, browser] = await Promise.all([startServer(), launchBrowser()]);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  async function landOnDashboard(email: string): Promise<Page> {
    const { page } = await openPage(browser, server.baseUrl);
    await signIn(page, email, demoPassword);
    await page.goto('/');
    expect(new URL(page.url()).pathname).toBe('/p/northmoor/');
    return page;
  }

  const sectionHeadings = async (page: Page) =>
    (await page.getByRole('heading', { level: 2 }).allTextContents()).map((t) => t.trim());

  it('shows the admin every section, the invitation progress and the links to run the partnership', async () => {
    const page = await landOnDashboard(demoAccounts.partnershipAdmin);
    await expectNoAxeViolations(page, 'dashboard (admin)');
    const headings = await sectionHeadings(page);
    for (const heading of [...SECTIONS, 'Run the partnership']) expect(headings).toContain(heading);
    expect(await page.getByRole('table', { name: /Invitations and answers/ }).count()).toBe(1);
    expect(await textOf(page.locator('#dashboard-overdue'))).toContain(
      'Agree a written promise that challenge will not affect funding',
    );
    expect(await textOf(page.locator('#dashboard-due-soon'))).toContain(
      'Publish next year’s small grants calendar',
    );
    expect(await textOf(page.locator('#dashboard-done'))).toContain(
      'Name one contact for funding questions from the sector',
    );
    expect(await textOf(page.locator('#dashboard-clashes'))).toContain('Warm Homes Community Fund');
    expect(await textOf(page.locator('#dashboard-closing'))).toContain('Household Support Fund');
    expect(await page.locator('#dashboard-gap-table tbody tr').count()).toBe(5);
    expect(await textOf(page.getByRole('table', { name: /Median level by principle/ }))).toContain(
      'Shared foundations',
    );

    // Each item links to its page: the biggest gap opens its explanation.
    const gapLink = page.locator('#dashboard-gap-table tbody a');
    const gapName = await textOf(gapLink);
    await follow(page, gapLink);
    expect(new URL(page.url()).pathname).toMatch(/^\/p\/northmoor\/needs\/gaps\/E05\d{6}\/[a-z-]+$/);
    expect(gapName.split(':')[0]).toBeTruthy();
    await expect(textOf(page.getByRole('heading', { level: 1 }))).resolves.toContain(
      (gapName.split(':')[0] ?? '').trim(),
    );
    await expectNoAxeViolations(page, 'gap explanation from the dashboard');

    await page.goto('/p/northmoor/');
    await follow(page, page.locator('#dashboard-clashes').getByRole('link', { name: /Warm Homes/ }));
    await expect(textOf(page.getByRole('heading', { level: 1 }))).resolves.toContain(
      'Warm Homes Community Fund',
    );
    await expectNoAxeViolations(page, 'funding opportunity from the dashboard');

    await page.goto('/p/northmoor/');
    await follow(page, page.getByRole('link', { name: 'Print view of this dashboard for board papers' }));
    expect(new URL(page.url()).pathname).toBe('/p/northmoor/dashboard/print');
    await expect(textOf(page.getByRole('heading', { level: 1 }))).resolves.toBe('Partnership dashboard');
    expect(await textOf(page.locator('#dashboard-date'))).toMatch(
      /^Where the partnership stood on \d{1,2} \w+ \d{4}\./,
    );
    expect(await page.getByText('Northmoor Council and Communities Partnership').count()).toBeGreaterThan(0);
    expect(await page.getByRole('table', { name: /Invitations and answers/ }).count()).toBe(1);
    await expectNoAxeViolations(page, 'dashboard print view (admin)');
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('.govuk-service-navigation').isVisible()).toBe(false);
    expect(await page.locator('#dashboard-gap-table').isVisible()).toBe(true);
  });

  it('shows the VCS member the same sections, their own records to check, and nothing only admins see', async () => {
    const page = await landOnDashboard(demoAccounts.vcsMember);
    await expectNoAxeViolations(page, 'dashboard (VCS member)');
    const headings = await sectionHeadings(page);
    for (const heading of SECTIONS) expect(headings).toContain(heading);
    expect(headings).not.toContain('Run the partnership');
    expect(await page.getByRole('table', { name: /Invitations and answers/ }).count()).toBe(0);
    expect(await page.getByRole('link', { name: /audit log/ }).count()).toBe(0);
    // The open round's groups are all below the threshold: no group has a row of figures.
    const responses = await textOf(page.locator('#dashboard-responses'));
    expect(responses).toContain('Not enough responses yet');
    expect(responses).not.toContain('Faith groups');
    expect(await textOf(page.locator('#dashboard-unchecked-own'))).toMatch(
      /^Your organisation has \d+ records? to check/,
    );

    await follow(page, page.locator('#dashboard-unchecked-own').getByRole('link'));
    expect(new URL(page.url()).search).toContain('check=yes');
    await expectNoAxeViolations(page, 'own records to check from the dashboard');

    await page.goto('/p/northmoor/');
    await follow(page, page.locator('#dashboard-overdue').getByRole('link').first());
    expect(new URL(page.url()).pathname).toMatch(/^\/p\/northmoor\/actions\/[0-9a-f-]{36}$/);
    await expectNoAxeViolations(page, 'overdue action from the dashboard');

    await page.goto('/p/northmoor/dashboard/print');
    await expect(textOf(page.getByRole('heading', { level: 1 }))).resolves.toBe('Partnership dashboard');
    expect(await page.getByRole('table', { name: /Invitations and answers/ }).count()).toBe(0);
    expect(await page.locator('#dashboard-overdue').count()).toBe(1);
    await expectNoAxeViolations(page, 'dashboard print view (VCS member)');
  });
});
