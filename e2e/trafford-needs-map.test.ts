import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { expectNoAxeViolations } from './support/axe.js';
import { describeInBrowser, launchBrowser, openPage, signIn, type OpenPage } from './support/browser.js';
import { demoAccounts, demoPassword, startServer, type TestServer } from './support/server.js';

/** The demo's Trafford partnership (real public data): its needs map, a gap explanation and who can help. */
describeInBrowser('the Trafford needs map in the demo', () => {
  let server: TestServer;
  let browser: Browser;
  let viewer: OpenPage;

  beforeAll(async () => {
    server = await startServer({ samplePacks: true });
    browser = await launchBrowser();
    viewer = await openPage(browser, server.baseUrl);
    await signIn(viewer.page, demoAccounts.viewer, demoPassword);
  }, 120_000);
  afterAll(async () => {
    await viewer?.context.close();
    await browser?.close();
    await server?.close();
  });

  it('draws Trafford’s 21 real wards and lists them by name', async () => {
    const { page } = viewer;
    await page.goto('/p/trafford/needs/map?theme=food&level=ward&layer=gap');
    await page.locator('#needs-leaflet.leaflet-container').waitFor({ state: 'visible' });
    await expect
      .poll(() => page.locator('#needs-leaflet path.leaflet-interactive').count())
      .toBeGreaterThanOrEqual(21);
    const table = page.getByRole('table', { name: /^Food: 21 areas$/ });
    await expect(table.getByRole('link', { name: 'Bucklow-St Martins', exact: true }).count()).resolves.toBe(
      1,
    );
    await expect(table.getByRole('link', { name: 'Altrincham', exact: true }).count()).resolves.toBe(1);
    await expectNoAxeViolations(page, 'Trafford needs map by ward');
  });

  it('draws its 139 real neighbourhoods', async () => {
    const { page } = viewer;
    await page.goto('/p/trafford/needs/map?theme=food&level=lsoa&layer=gap');
    await expect
      .poll(() => page.locator('#needs-leaflet path.leaflet-interactive').count())
      .toBeGreaterThanOrEqual(139);
    await expect(page.getByRole('table', { name: /^Food: 139 areas$/ }).count()).resolves.toBe(1);
    await expectNoAxeViolations(page, 'Trafford needs map by neighbourhood');
  });

  it('explains the gap in a real ward, and goes on to who can help there', async () => {
    const { page } = viewer;
    await page.goto('/p/trafford/needs/map?theme=food&level=ward&layer=gap');
    // The visually hidden part of the link's name is a block of its own, so the name reads "Why : …".
    await page.getByRole('link', { name: /^Why\s*: Bucklow-St Martins$/ }).click();
    await expect
      .poll(() => page.getByRole('heading', { level: 1 }).textContent())
      .toMatch(/^Food in Bucklow-St Martins: /);
    await expectNoAxeViolations(page, 'gap explanation for a Trafford ward');
    await page.getByRole('link', { name: 'Who can help with food in Bucklow-St Martins' }).click();
    await expect
      .poll(() => page.getByRole('heading', { level: 1 }).textContent())
      .toMatch(/^Who can help with /);
    await expect(page.getByRole('heading', { level: 2, name: /can help with food$/ }).count()).resolves.toBe(
      1,
    );
    await expectNoAxeViolations(page, 'who can help in a Trafford ward');
  });
});
