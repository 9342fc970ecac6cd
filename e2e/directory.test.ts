import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { expectNoAxeViolations } from './support/axe.js';
import { describeInBrowser, launchBrowser, openPage, signIn } from './support/browser.js';
import { demoAccounts, demoPassword, startServer, type TestServer } from './support/server.js';

describeInBrowser('the resource directory in the demo', () => {
  let server: TestServer;
  let browser: Browser;
  /** The demo food parcels' postcode, written the way people often type it: lower case, no space. */
  let typedPostcode = '';
  let parcelsId = '';
  let adviceId = '';

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    const { services } = server.runtime;
    const northmoor = (await services.store.partnerships.list()).find((p) => p.slug === 'northmoor');
    if (!northmoor) throw new Error('no demo partnership');
    const all = (await services.directory.search(northmoor.id, {})).items;
    parcelsId = all.find((s) => s.name === 'Emergency food parcels')?.id ?? '';
    adviceId = all.find((s) => s.name === 'Debt and benefits advice drop-in')?.id ?? '';
    const parcels = await services.directory.view(northmoor.id, parcelsId, undefined);
    typedPostcode = (parcels.service.details.locations[0]?.postcode ?? '').replace(' ', '').toLowerCase();
    expect(typedPostcode).toMatch(/^nm\d\d[a-z]{2}$/);
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  /** Fills in the search form by postcode and submits it: a plain GET form, so it works without scripts. */
  const searchByPostcode = async (page: Page, postcode: string, within: string, scripts = true) => {
    await page.goto('/p/northmoor/directory');
    if (scripts) await expectNoAxeViolations(page, 'directory');
    await page.getByLabel('Postcode').fill(postcode);
    await page.getByLabel('Within').selectOption({ label: within });
    await Promise.all([page.waitForNavigation(), page.getByRole('button', { name: 'Search' }).click()]);
  };

  const expectNearbyResults = async (page: Page, scripts = true) => {
    await expect(page.locator('#service-count').textContent()).resolves.toMatch(
      /\d+ services match within 5 miles of NM\d \d[A-Z]{2}, nearest first\./,
    );
    const first = page.locator('#services > li').first();
    await expect(first.getByRole('heading').getByRole('link').textContent()).resolves.toBe(
      'Emergency food parcels',
    );
    await expect(first.getByRole('link', { name: 'Northmoor Food Bank' }).count()).resolves.toBe(1);
    await expect(first.textContent()).resolves.toContain('less than 0.1 miles away');
    const distances = await page.locator('#services > li strong').allTextContents();
    const miles = distances.map((d) => Number.parseFloat(d.replace('less than ', '')));
    expect(miles.length).toBeGreaterThan(2);
    expect([...miles].sort((a, b) => a - b)).toEqual(miles);
    await expect(
      page.getByRole('link', { name: 'Safe accommodation for women and children' }).count(),
    ).resolves.toBe(0);
    // axe runs as a script in the page, so only where scripts run; a page without them is the same HTML.
    if (scripts) await expectNoAxeViolations(page, 'directory near a postcode');
  };

  it('searches by a demo postcode and lists nearby services with distances, nearest first', async () => {
    const { context, page } = await openPage(browser, server.baseUrl);
    try {
      await signIn(page, demoAccounts.viewer, demoPassword);
      await searchByPostcode(page, 'not a postcode', '5 miles');
      await expect(page.getByRole('heading', { name: 'There is a problem' }).count()).resolves.toBe(1);
      await expect(page.getByRole('link', { name: /is not a UK postcode/ }).count()).resolves.toBe(1);
      await expectNoAxeViolations(page, 'directory postcode error');
      await searchByPostcode(page, typedPostcode, '5 miles');
      await expectNearbyResults(page);
      await page.getByRole('link', { name: 'Emergency food parcels' }).click();
      await expect
        .poll(() => page.getByRole('heading', { level: 1 }).textContent())
        .toBe('Emergency food parcels');
      await expectNoAxeViolations(page, 'service page');
      // The area profile lists the services in and around it and links to the directory search for it.
      await page.goto('/p/northmoor/areas/E05099101');
      await expect(
        page.getByRole('heading', { level: 2, name: 'Services in and around this area' }).count(),
      ).resolves.toBe(1);
      await expect(page.getByRole('link', { name: 'Emergency food parcels' }).count()).resolves.toBe(1);
      await expectNoAxeViolations(page, 'ward profile with services');
      await Promise.all([
        page.waitForNavigation(),
        page.getByRole('link', { name: 'Search the directory for services in or covering Moorside' }).click(),
      ]);
      await expect(page.locator('#service-count').textContent()).resolves.toContain(
        'in or covering Moorside',
      );
      await expect(page.getByLabel('Ward').inputValue()).resolves.toBe('E05099101');
      await expectNoAxeViolations(page, 'directory in a ward');
    } finally {
      await context.close();
    }
  });

  it('searches by postcode the same way with JavaScript switched off', async () => {
    const { context, page } = await openPage(browser, server.baseUrl, { javaScriptEnabled: false });
    try {
      await signIn(page, demoAccounts.viewer, demoPassword);
      await searchByPostcode(page, typedPostcode, '5 miles', false);
      expect(await page.locator('body.js-enabled').count()).toBe(0);
      await expectNearbyResults(page, false);
      const address = page.url();
      // The same address with scripts on, for axe, which runs as a script.
      const scripted = await openPage(browser, server.baseUrl);
      try {
        await signIn(scripted.page, demoAccounts.viewer, demoPassword);
        await scripted.page.goto(address);
        await expectNearbyResults(scripted.page);
      } finally {
        await scripted.context.close();
      }
    } finally {
      await context.close();
    }
  });

  it('lets a VCS member change a service of their own organisation and see the change', async () => {
    const { context, page } = await openPage(browser, server.baseUrl);
    try {
      await signIn(page, demoAccounts.vcsMember, demoPassword);
      await page.goto(`/p/northmoor/directory/services/${parcelsId}`);
      await expectNoAxeViolations(page, 'own service');
      await Promise.all([
        page.waitForNavigation(),
        page.getByRole('link', { name: 'Change this service' }).click(),
      ]);
      await expectNoAxeViolations(page, 'service form');
      await page.getByLabel('Cost').fill('Free. Donations of tinned food welcome.');
      await Promise.all([
        page.waitForNavigation(),
        page.getByRole('button', { name: 'Save changes' }).click(),
      ]);
      expect(new URL(page.url()).pathname).toBe(`/p/northmoor/directory/services/${parcelsId}`);
      await expect(page.getByText('Free. Donations of tinned food welcome.').count()).resolves.toBe(1);
      await expectNoAxeViolations(page, 'service after saving');
    } finally {
      await context.close();
    }
  });

  it('gives a VCS member of another organisation no change link, and refuses the form', async () => {
    const { context, page } = await openPage(browser, server.baseUrl);
    try {
      await signIn(page, demoAccounts.adviceVcsMember, demoPassword);
      await page.goto(`/p/northmoor/directory/services/${adviceId}`);
      await expect(page.getByRole('link', { name: 'Change this service' }).count()).resolves.toBe(1);
      await expectNoAxeViolations(page, 'own organisation’s service');
      await page.goto(`/p/northmoor/directory/services/${parcelsId}`);
      await expect
        .poll(() => page.getByRole('heading', { level: 1 }).textContent())
        .toBe('Emergency food parcels');
      await expect(page.getByRole('link', { name: 'Change this service' }).count()).resolves.toBe(0);
      await expect(page.getByRole('button', { name: 'Confirm it is still correct' }).count()).resolves.toBe(
        0,
      );
      await expectNoAxeViolations(page, 'another organisation’s service');
      const refused = await page.goto(`/p/northmoor/directory/services/${parcelsId}/edit`);
      expect(refused?.status()).toBe(403);
      await expect(
        page.getByText(/Only people from the organisation that runs this service/).count(),
      ).resolves.toBe(1);
      await expectNoAxeViolations(page, 'refused change');
    } finally {
      await context.close();
    }
  });
});
