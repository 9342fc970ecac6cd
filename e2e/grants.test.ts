import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { expectNoAxeViolations } from './support/axe.js';
import { describeInBrowser, launchBrowser, openPage, signIn } from './support/browser.js';
import { demoAccounts, demoPassword, startServer, type TestServer } from './support/server.js';

describeInBrowser('grants and funding against need in the demo', () => {
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

  it('lists grants, confirms an uncertain recipient, and shows funding against need, all without axe violations', async () => {
    const { context, page } = await openPage(browser, server.baseUrl);
    try {
      await signIn(page, demoAccounts.partnershipAdmin, demoPassword);
      await page.goto('/p/northmoor/');
      await Promise.all([
        page.waitForNavigation(),
        page
          .getByRole('navigation', { name: 'Partnership menu' })
          .getByRole('link', { name: 'Funding' })
          .click(),
      ]);
      await Promise.all([
        page.waitForNavigation(),
        page
          .getByRole('navigation', { name: 'Funding' })
          .getByRole('link', { name: 'Grants', exact: true })
          .click(),
      ]);
      await expect(page.locator('#grant-totals').textContent()).resolves.toContain('GBP');
      await expectNoAxeViolations(page, 'grants');
      await page.getByLabel('Theme').selectOption({ label: 'Food' });
      await Promise.all([page.waitForNavigation(), page.getByRole('button', { name: 'Filter' }).click()]);
      await expectNoAxeViolations(page, 'grants filtered');

      await Promise.all([
        page.waitForNavigation(),
        page.getByRole('link', { name: /matched by a similar name/ }).click(),
      ]);
      await expect(
        page.getByRole('cell', { name: 'Northmoor Foodbank Trust' }).count(),
      ).resolves.toBeGreaterThan(0);
      await expectNoAxeViolations(page, 'grant recipients to check');
      const before = await page.locator('#matches tbody tr').count();
      await Promise.all([
        page.waitForNavigation(),
        page
          .getByRole('button', { name: /Yes, confirm/ })
          .first()
          .click(),
      ]);
      await expect(page.getByText('The match was confirmed.').count()).resolves.toBe(1);
      await expect(page.locator('#matches tbody tr').count()).resolves.toBe(before - 1);
      await expectNoAxeViolations(page, 'grant recipients after confirming');

      await page.goto('/p/northmoor/funding');
      await expect(page.locator('svg.cg-boundary-map').count()).resolves.toBe(1);
      await expect(page.locator('#funding-shares').textContent()).resolves.toContain('Multi-year funding');
      await expectNoAxeViolations(page, 'funding against need');
      await page.getByLabel('Show').selectOption({ label: 'Need without funding' });
      await Promise.all([page.waitForNavigation(), page.getByRole('button', { name: 'Filter' }).click()]);
      await expectNoAxeViolations(page, 'funding against need, filtered');
    } finally {
      await context.close();
    }
  }, 120_000);
});
