import fs from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';
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
