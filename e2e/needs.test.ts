import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { expectNoAxeViolations } from './support/axe.js';
import { describeInBrowser, launchBrowser, openPage, signIn } from './support/browser.js';
import { demoAccounts, demoPassword, startServer, type TestServer } from './support/server.js';

describeInBrowser('the needs register in the demo', () => {
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

  it('lists the demo needs, filters them, and records a need through the form with an error first', async () => {
    const { context, page } = await openPage(browser, server.baseUrl);
    try {
      await signIn(page, demoAccounts.vcsMember, demoPassword);
      await page.goto('/p/northmoor/');
      await Promise.all([
        page.waitForNavigation(),
        page
          .getByRole('navigation', { name: 'Partnership menu' })
          .getByRole('link', { name: 'Needs and resources' })
          .click(),
      ]);
      await expect(page.locator('#need-count').textContent()).resolves.toMatch(/^\d+ needs\.$/);
      await expectNoAxeViolations(page, 'needs register');
      await page.getByLabel('Theme').selectOption({ label: 'Food' });
      await Promise.all([page.waitForNavigation(), page.getByRole('button', { name: 'Filter' }).click()]);
      await expect(page.locator('#need-count').textContent()).resolves.toMatch(
        /^\d+ needs? match(es)? the filter\.$/,
      );
      await expectNoAxeViolations(page, 'needs register filtered');

      await Promise.all([
        page.waitForNavigation(),
        page.getByRole('button', { name: 'Record a need' }).click(),
      ]);
      await expectNoAxeViolations(page, 'record a need');
      await page.getByLabel('Area').selectOption({ label: 'Greenacres (the whole ward)' });
      await page.getByLabel('Theme').selectOption({ label: 'Food' });
      await page.getByLabel('3 – High').check();
      await page.getByLabel('Evidence').fill('Pantry queue reported by Mrs Jones, call 07700 900123.');
      await page.getByLabel('Voluntary and community sector frontline').check();
      await Promise.all([
        page.waitForNavigation(),
        page.getByRole('button', { name: 'Save the need' }).click(),
      ]);
      await expect(page.getByRole('heading', { name: 'There is a problem' }).count()).resolves.toBe(1);
      await expect(page.getByRole('link', { name: /This looks like a person’s name/ }).count()).resolves.toBe(
        1,
      );
      await expectNoAxeViolations(page, 'record a need with errors');
      await page
        .getByLabel('Evidence')
        .fill('The pantry queue is out of the door every Saturday: about 50 households.');
      await Promise.all([
        page.waitForNavigation(),
        page.getByRole('button', { name: 'Save the need' }).click(),
      ]);
      expect(new URL(page.url()).pathname).toBe('/p/northmoor/needs');
      await expect(page.getByText('The need was recorded.').count()).resolves.toBe(1);
      await expect(
        page.getByText('The pantry queue is out of the door every Saturday').count(),
      ).resolves.toBe(1);

      await page.getByRole('link', { name: 'Delete the Food need in Greenacres' }).first().click();
      await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('Delete this need?');
      await expectNoAxeViolations(page, 'delete a need');
    } finally {
      await context.close();
    }
  });
});
