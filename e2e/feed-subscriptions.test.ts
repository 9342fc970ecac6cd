import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startLoopbackServer, type LoopbackServer } from '../test/support/loopback-server.js';
import { expectNoAxeViolations } from './support/axe.js';
import { describeInBrowser, launchBrowser, openPage, signIn } from './support/browser.js';
import { demoAccounts, demoPassword, startServer, type TestServer } from './support/server.js';

/** Subscribing to a feed in the browser: the form, the changes to check, applying them and ending it. */

const services = (
  JSON.parse(
    fs.readFileSync(path.resolve('../shared/data/oruk/feeds/bristol_services_list_2024-12-18.json'), 'utf8'),
  ) as unknown[]
).slice(1, 13);

/** Follows the page's own refresh link, as someone without JavaScript would, until the page no longer has it. */
async function refreshUntilGone(page: Page, link: string): Promise<void> {
  for (let attempt = 0; attempt < 100; attempt += 1) {
    const refresh = page.getByRole('link', { name: link });
    if ((await refresh.count()) === 0) return;
    await Promise.all([page.waitForNavigation(), refresh.click()]);
  }
  throw new Error(`The page still says "${link}"`);
}

describeInBrowser('feed subscriptions', () => {
  let server: TestServer;
  let browser: Browser;
  let feed: LoopbackServer;

  beforeAll(async () => {
    feed = await startLoopbackServer((_request, response) => {
      response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(services));
    });
    [server, browser] = await Promise.all([
      startServer({ env: { FEEDS_ALLOW_LOOPBACK: 'true' } }),
      launchBrowser(),
    ]);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await feed?.close();
  });

  it('subscribes, shows the new services, applies them and ends the subscription', async () => {
    const { page } = await openPage(browser, server.baseUrl);
    await signIn(page, demoAccounts.partnershipAdmin, demoPassword);
    await page.goto('/p/northmoor/imports');
    await Promise.all([
      page.waitForNavigation(),
      page.getByRole('link', { name: 'subscribe to the feed' }).click(),
    ]);
    await expectNoAxeViolations(page, 'feed subscriptions');
    await Promise.all([
      page.waitForNavigation(),
      page.getByRole('button', { name: 'Subscribe and read the feed' }).click(),
    ]);
    await expect(page.locator('.govuk-error-summary').textContent()).resolves.toContain(
      'Enter the feed’s address',
    );
    await expectNoAxeViolations(page, 'feed subscriptions with an error');

    await page.getByLabel('Feed address').fill(`${feed.origin}/services`);
    await page.getByLabel('Show me the changes first').check();
    await Promise.all([
      page.waitForNavigation(),
      page.getByRole('button', { name: 'Subscribe and read the feed' }).click(),
    ]);
    // The feed is read in the background: the page says so and links to itself until it has been read.
    await expectNoAxeViolations(page, 'feed being read');
    await refreshUntilGone(page, 'Refresh this page to see the result');
    await expect(page.locator('#new-services').textContent()).resolves.toContain('New services: 12');
    await expectNoAxeViolations(page, 'feed changes to check');
    await Promise.all([
      page.waitForNavigation(),
      page.getByRole('button', { name: 'Apply these changes' }).click(),
    ]);
    await expect(page.locator('main').textContent()).resolves.toContain(
      '12 new, 0 changed and 0 withdrawn services',
    );
    await expectNoAxeViolations(page, 'feed applied');

    const feedPage = page.url();
    await Promise.all([
      page.waitForNavigation(),
      page.getByRole('link', { name: 'Check this feed against the Open Referral UK standard' }).click(),
    ]);
    await expectNoAxeViolations(page, 'feed health, not checked');
    await Promise.all([
      page.waitForNavigation(),
      page.getByRole('button', { name: 'Check this feed' }).nth(1).click(),
    ]);
    await refreshUntilGone(page, 'Refresh this page to see how far it has got');
    await expect(page.locator('#feed-1').locator('..').textContent()).resolves.toContain('Records checked');
    await expectNoAxeViolations(page, 'feed health, checked');
    await page.goto(feedPage);

    await Promise.all([
      page.waitForNavigation(),
      page.getByRole('link', { name: 'End this subscription' }).click(),
    ]);
    await expectNoAxeViolations(page, 'end a feed subscription');
    await Promise.all([
      page.waitForNavigation(),
      page.getByRole('button', { name: 'End the subscription' }).click(),
    ]);
    await expect(page.locator('main').textContent()).resolves.toContain(
      'The directory is not subscribed to any feed yet.',
    );
  });
});
