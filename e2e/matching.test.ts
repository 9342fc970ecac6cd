import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { expectNoAxeViolations } from './support/axe.js';
import { describeInBrowser, launchBrowser, openPage, signIn } from './support/browser.js';
import { demoAccounts, demoPassword, startServer, type TestServer } from './support/server.js';

describeInBrowser('matching needs to services in the demo', () => {
  let server: TestServer;
  let browser: Browser;

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('starts a run, reads its map and tables, explains an area, tries a what-if and asks who can help', async () => {
    const { context, page } = await openPage(browser, server.baseUrl);
    try {
      await signIn(page, demoAccounts.councilMember, demoPassword);
      await page.goto('/p/northmoor/');
      await Promise.all([
        page.waitForNavigation(),
        page
          .getByRole('navigation', { name: 'Partnership menu' })
          .getByRole('link', { name: 'Needs and resources' })
          .click(),
      ]);
      await Promise.all([
        page.waitForNavigation(),
        page
          .getByRole('navigation', { name: 'Needs and resources' })
          .getByRole('link', { name: 'Matching', exact: true })
          .click(),
      ]);
      await expect(page.locator('#runs tbody tr').count()).resolves.toBeGreaterThan(0);
      await expectNoAxeViolations(page, 'matching');

      // A bad distance first: the error summary links to the field.
      await page
        .getByLabel('A different distance for everyone in this run (kilometres, optional)')
        .fill('far');
      await Promise.all([
        page.waitForNavigation(),
        page.getByRole('button', { name: 'Run and save the allocation' }).click(),
      ]);
      await expect(page.getByRole('heading', { name: 'There is a problem' }).count()).resolves.toBe(1);
      await expectNoAxeViolations(page, 'matching with an error');
      await page
        .getByLabel('A different distance for everyone in this run (kilometres, optional)')
        .fill('10');
      await Promise.all([
        page.waitForNavigation(),
        page.getByRole('button', { name: 'Run and save the allocation' }).click(),
      ]);
      expect(page.url()).toMatch(/\/p\/northmoor\/matching\/runs\/[0-9a-f-]{36}$/);
      const runUrl = page.url();
      await expect(page.locator('svg.cg-boundary-map').isVisible()).resolves.toBe(true);
      await expect.poll(() => page.locator('#unmet-by-area tbody tr').count()).toBeGreaterThan(5);
      await expect.poll(() => page.locator('#service-loads tbody tr').count()).toBeGreaterThan(5);
      await expectNoAxeViolations(page, 'allocation run');

      await Promise.all([page.waitForNavigation(), page.locator('#unmet-by-area tbody a').first().click()]);
      await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toMatch(
        /^How the need in /,
      );
      await expectNoAxeViolations(page, 'area allocation explained');

      await page.goto(runUrl);
      await Promise.all([
        page.waitForNavigation(),
        page.getByRole('link', { name: /Try a what-if/ }).click(),
      ]);
      await expectNoAxeViolations(page, 'what-if form');
      await page.locator('#capacity-serviceId').selectOption({ label: 'Moorside community pantry' });
      await page.getByLabel('New capacity (people a week)').fill('500');
      await Promise.all([
        page.waitForNavigation(),
        page.getByRole('button', { name: 'Try this capacity' }).click(),
      ]);
      await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toContain(
        'What if: Moorside community pantry takes 500 people a week',
      );
      await expect(page.locator('#what-if-totals tbody tr').first().textContent()).resolves.toMatch(/−\d/);
      await expectNoAxeViolations(page, 'what-if result');

      await page.goto('/p/northmoor/needs');
      await Promise.all([
        page.waitForNavigation(),
        page.locator('#needs tbody a', { hasText: 'Who can help' }).first().click(),
      ]);
      await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toMatch(
        /^Who can help with /,
      );
      await expectNoAxeViolations(page, 'who can help for a need');
    } finally {
      await context.close();
    }
  }, 120_000);

  it('asks who can help by area and circumstances without JavaScript', async () => {
    const { context, page } = await openPage(browser, server.baseUrl, { javaScriptEnabled: false });
    try {
      await signIn(page, demoAccounts.viewer, demoPassword);
      await page.goto('/p/northmoor/who-can-help');
      await page.getByLabel('Area').selectOption({ label: 'Moorside (ward)' });
      await page.getByLabel('Theme', { exact: true }).selectOption({ label: 'Loneliness and isolation' });
      await page.getByLabel('Age in years').fill('70');
      await page.getByLabel('Furthest they can travel (kilometres)').fill('20');
      await Promise.all([
        page.waitForNavigation(),
        page.getByRole('button', { name: 'Find who can help' }).click(),
      ]);
      await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(
        'Who can help with Moorside',
      );
      await expect(page.locator('#ranked > li').count()).resolves.toBeGreaterThan(0);
      // The viewer sees runs but may not start one.
      await page.goto('/p/northmoor/matching');
      await expect(page.getByRole('button', { name: 'Run and save the allocation' }).count()).resolves.toBe(
        0,
      );
    } finally {
      await context.close();
    }
    const { context: withJs, page: jsPage } = await openPage(browser, server.baseUrl);
    try {
      await signIn(jsPage, demoAccounts.viewer, demoPassword);
      await jsPage.goto(
        '/p/northmoor/who-can-help?area=E05099101&theme=loneliness-and-isolation&age=70&maxKm=20',
      );
      await expectNoAxeViolations(jsPage, 'who can help for an area');
    } finally {
      await withJs.close();
    }
  }, 60_000);
});
