import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { expectNoAxeViolations } from './support/axe.js';
import { describeInBrowser, launchBrowser, openPage, signIn } from './support/browser.js';
import { demoAccounts, demoPassword, startServer, type TestServer } from './support/server.js';

/**
 * The national view in the browser: the national admin publishes framework 2026.2 and Northmoor moves to it;
 * with six partnerships taking part the benchmark shows distributions, with four it shows none. Every page
 * visited passes axe.
 */

async function submit(page: Page, button: string | RegExp) {
  await Promise.all([page.waitForNavigation(), page.getByRole('button', { name: button }).click()]);
}

/** The page's main text with spaces collapsed. */
async function mainText(page: Page): Promise<string> {
  return ((await page.locator('main').textContent()) ?? '').replace(/\s+/g, ' ');
}

async function follow(page: Page, link: string | RegExp) {
  await Promise.all([page.waitForNavigation(), page.getByRole('link', { name: link }).first().click()]);
}

describeInBrowser('national view: framework versions and benchmarks', () => {
  let server: TestServer;
  let browser: Browser;
  let national: Page;
  let admin: Page;

  beforeAll(async () => {
    [server, browser] = await Promise.all([startServer(), launchBrowser()]);
    national = (await openPage(browser, server.baseUrl)).page;
    admin = (await openPage(browser, server.baseUrl)).page;
    await signIn(national, demoAccounts.nationalAdmin, demoPassword);
    await signIn(admin, demoAccounts.partnershipAdmin, demoPassword);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('a national admin publishes a new framework version and a partnership moves to it', async () => {
    await national.goto('/national');
    await expectNoAxeViolations(national, 'national view');
    await follow(national, 'Framework versions');
    await expectNoAxeViolations(national, 'framework versions');
    await submit(national, 'Publish version 2026.2');
    expect(await mainText(national)).toContain('Version 2026.2 is published.');
    expect(await national.getByRole('button', { name: /Publish version/ }).count()).toBe(0);
    await expectNoAxeViolations(national, 'framework versions after publishing');

    await admin.goto('/p/northmoor/');
    await follow(admin, 'Framework version and national benchmarking');
    expect(await mainText(admin)).toContain('New rounds use version 2026.1');
    await expectNoAxeViolations(admin, 'national settings');
    await submit(admin, 'Move to version 2026.2');
    expect(await mainText(admin)).toContain('New rounds use version 2026.2');
    await expectNoAxeViolations(admin, 'national settings after moving');
  });

  it('with six partnerships taking part the benchmark shows distributions; a partnership sees where it sits', async () => {
    await national.goto('/national');
    await follow(national, 'National benchmarks');
    expect(await mainText(national)).toContain('6 partnerships have a closed round to compare');
    expect(
      await national.getByRole('table', { name: 'Medians and quartiles across partnerships' }).count(),
    ).toBe(1);
    await expectNoAxeViolations(national, 'national benchmarks');

    await national.getByLabel('Region').selectOption('North West');
    await submit(national, 'Show benchmarks');
    expect(await mainText(national)).toContain('There are no benchmarks to show');
    await expectNoAxeViolations(national, 'national benchmarks filtered');

    await admin.goto('/p/northmoor/');
    await follow(admin, 'Compare with partnerships across the country');
    const table = admin.getByRole('table', {
      name: 'Your medians against the national medians and quartiles',
    });
    expect(await table.count()).toBe(1);
    expect(await table.getByRole('columnheader', { name: 'Where you sit' }).count()).toBe(1);
    expect(await mainText(admin)).toMatch(
      /In the lowest quarter|Below the middle|At the middle|Above the middle|In the highest quarter/,
    );
    await expectNoAxeViolations(admin, 'partnership benchmarks');

    await national.goto('/national/uptake');
    expect(await national.getByRole('heading', { name: 'Respondents by group' }).count()).toBe(1);
    await expectNoAxeViolations(national, 'uptake');
  });

  it('with four taking part the benchmark shows none', async () => {
    await admin.goto('/p/northmoor/settings/national');
    await admin.getByLabel('No, do not take part').check();
    await submit(admin, 'Save');
    expect(await mainText(admin)).toContain('no longer takes part in national benchmarking');
    await expectNoAxeViolations(admin, 'national settings after opting out');
    const ashvale = await server.runtime.services.partnerships.findBySlug('ashvale');
    if (!ashvale) throw new Error('no ashvale');
    await server.runtime.services.national.setBenchmarking(ashvale, false, { userId: null, label: 'Test' });

    await national.goto('/national/benchmarks');
    expect(await mainText(national)).toContain('4 partnerships have a closed round to compare');
    expect(await mainText(national)).toContain('There are no benchmarks to show');
    expect(await national.getByRole('table').count()).toBe(0);
    await expectNoAxeViolations(national, 'national benchmarks with four');

    await admin.goto('/p/northmoor/benchmarks');
    expect(await mainText(admin)).toContain('does not take part in national benchmarking');
    await expectNoAxeViolations(admin, 'partnership benchmarks when not taking part');
  });
});
