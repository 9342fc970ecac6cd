import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { expectNoAxeViolations } from './support/axe.js';
import { describeInBrowser, launchBrowser, openPage, signIn, type OpenPage } from './support/browser.js';
import { demoAccounts, demoPassword, startServer, type TestServer } from './support/server.js';

describeInBrowser('area pages in the demo', () => {
  let server: TestServer;
  let browser: Browser;
  let opened: OpenPage;

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    opened = await openPage(browser, server.baseUrl);
    await signIn(opened.page, demoAccounts.viewer, demoPassword);
  }, 60_000);
  afterAll(async () => {
    await opened?.context.close();
    await browser?.close();
    await server?.close();
  });

  it('goes from the menu to a ward and one of its neighbourhoods, each page passing axe', async () => {
    const { page } = opened;
    await page.goto('/p/northmoor/');
    await page
      .getByRole('navigation', { name: 'Partnership menu' })
      .getByRole('link', { name: 'Needs and resources' })
      .click();
    await page.waitForURL('**/p/northmoor/needs');
    await page
      .getByRole('navigation', { name: 'Needs and resources' })
      .getByRole('link', { name: 'Areas', exact: true })
      .click();
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Areas');
    await expect(page.getByRole('img', { name: /Map of Northmoor and its wards/ }).count()).resolves.toBe(1);
    await expectNoAxeViolations(page, 'areas');
    await page.getByRole('link', { name: 'Moorside', exact: true }).click();
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Moorside');
    await expectNoAxeViolations(page, 'ward profile');
    await page.getByRole('link', { name: 'Northmoor 001A' }).click();
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Northmoor 001A');
    await expectNoAxeViolations(page, 'neighbourhood profile');
    await page.goto('/p/northmoor/areas/E06099001');
    await expectNoAxeViolations(page, 'authority profile');
  });

  it('looks up a postcode without JavaScript-only controls and shows errors in a summary', async () => {
    const { page } = opened;
    await page.goto('/p/northmoor/postcode');
    await expectNoAxeViolations(page, 'postcode form');
    await page.getByLabel('Postcode').fill('not a postcode');
    await page.getByRole('button', { name: 'Find areas' }).click();
    await expect.poll(() => page.getByText('There is a problem').count()).toBe(1);
    await expectNoAxeViolations(page, 'postcode error');
    await page.getByLabel('Postcode').fill('SR1 1AA');
    await page.getByRole('button', { name: 'Find areas' }).click();
    await expect.poll(() => page.getByText(/not in the postcode file/).count()).toBe(1);
    await expectNoAxeViolations(page, 'postcode not found');
  });
});
