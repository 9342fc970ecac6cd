import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { expectNoAxeViolations } from './support/axe.js';
import { describeInBrowser, launchBrowser, openPage, signIn, type OpenPage } from './support/browser.js';
import { isFocused, tabTo } from './support/keyboard.js';
import { demoAccounts, demoPassword, startServer, type TestServer } from './support/server.js';

const mapUrl = '/p/northmoor/needs/map?theme=food&level=lsoa&layer=gap';

describeInBrowser('the needs map, gaps list and explanations in the demo', () => {
  let server: TestServer;
  let browser: Browser;
  let withJs: OpenPage;
  let withoutJs: OpenPage;

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    withJs = await openPage(browser, server.baseUrl);
    await signIn(withJs.page, demoAccounts.viewer, demoPassword);
    withoutJs = await openPage(browser, server.baseUrl, { javaScriptEnabled: false });
    await signIn(withoutJs.page, demoAccounts.viewer, demoPassword);
  }, 60_000);
  afterAll(async () => {
    await withJs?.context.close();
    await withoutJs?.context.close();
    await browser?.close();
    await server?.close();
  });

  it('with JavaScript: a Leaflet map with areas, clustered service markers, a legend and keyboard controls', async () => {
    const { page } = withJs;
    const problems: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(message.text());
    });
    await page.goto(mapUrl);
    const map = page.locator('#needs-leaflet.leaflet-container');
    await map.waitFor({ state: 'visible' });
    await expect
      .poll(() => page.locator('#needs-leaflet path.leaflet-interactive').count())
      .toBeGreaterThan(10);
    await expect.poll(() => page.locator('#needs-leaflet .leaflet-marker-icon').count()).toBeGreaterThan(0);
    await expect(page.locator('#needs-svg').isHidden()).resolves.toBe(true);
    // One legend, beside the map (not drawn over it).
    await expect(page.locator('#needs-legend .cg-map-legend').isVisible()).resolves.toBe(true);
    await expect(page.locator('#needs-leaflet .cg-map-legend').count()).resolves.toBe(0);
    // The table is still on the page, one link away.
    await expect(page.locator('#needs-table').isVisible()).resolves.toBe(true);
    await expect(page.getByRole('link', { name: 'Go to the table' }).count()).resolves.toBe(1);

    // The zoom control is reached with Tab and works with Enter.
    const zoomIn = page.locator('#needs-leaflet .leaflet-control-zoom-in');
    await page.locator('#layer').focus();
    await tabTo(page, zoomIn, { maxPresses: 80 });
    await expect(isFocused(zoomIn)).resolves.toBe(true);
    const firstArea = page.locator('#needs-leaflet path.leaflet-interactive').first();
    const before = await firstArea.getAttribute('d');
    await page.keyboard.press('Enter');
    await expect.poll(() => firstArea.getAttribute('d')).not.toBe(before);
    expect(problems).toEqual([]);
    await expectNoAxeViolations(page, 'needs map with JavaScript');
  });

  it('without JavaScript: the SVG map, its legend and the full table', async () => {
    const { page } = withoutJs;
    await page.goto(mapUrl);
    await expect(page.locator('#needs-svg svg').isVisible()).resolves.toBe(true);
    await expect(page.locator('#needs-leaflet').isHidden()).resolves.toBe(true);
    await expect(page.locator('#needs-legend .cg-map-legend').isVisible()).resolves.toBe(true);
    await expect.poll(() => page.locator('#needs-table tbody tr').count()).toBeGreaterThan(10);
    await page.getByRole('link', { name: 'Skip to the table' }).click();
    await expect.poll(() => new URL(page.url()).hash).toBe('#needs-table');
    // axe needs JavaScript to run, so it checks the same page with only our map script refused.
    const noMapScript = await openPage(browser, server.baseUrl);
    await noMapScript.context.route('**/static/js/needs-map.js', (route) => route.abort());
    await signIn(noMapScript.page, demoAccounts.viewer, demoPassword);
    await noMapScript.page.goto(mapUrl);
    await expect(noMapScript.page.locator('#needs-svg svg').isVisible()).resolves.toBe(true);
    await expectNoAxeViolations(noMapScript.page, 'needs map without its script');
    await noMapScript.context.close();
  });

  it('the gaps list sorts with links and passes axe, as does an explanation', async () => {
    const { page } = withJs;
    await page.goto('/p/northmoor/needs/gaps?theme=food&level=lsoa');
    await expectNoAxeViolations(page, 'gaps list');
    await page.locator('#gaps-table thead th a', { hasText: 'Area' }).click();
    await expect.poll(() => page.url()).toContain('sort=area');
    await expectNoAxeViolations(page, 'gaps list by area');
    await page.locator('#gaps-table tbody tr th a').first().click();
    await expect
      .poll(() => page.getByRole('heading', { level: 1 }).textContent())
      .toMatch(/^Food in .+: (unmet need|thin provision|balanced|overlap|no data)$/);
    await expectNoAxeViolations(page, 'explanation');
    await page.getByRole('link', { name: /^See the area profile of / }).click();
    await expect.poll(() => page.locator('#area-gaps').count()).toBe(1);
    await expectNoAxeViolations(page, 'area profile with its needs and gaps');
  });

  it('the settings page passes axe for an admin', async () => {
    const admin = await openPage(browser, server.baseUrl);
    await signIn(admin.page, demoAccounts.partnershipAdmin, demoPassword);
    await admin.page.goto('/p/northmoor/needs/settings');
    await expectNoAxeViolations(admin.page, 'needs settings');
    await admin.context.close();
  });
});
