import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectNoAxeViolations } from './support/axe.js';
import { describeInBrowser, launchBrowser, openPage, signIn } from './support/browser.js';
import { demoAccounts, demoPassword, startServer, type TestServer } from './support/server.js';

/**
 * The information architecture of issue 13: at most seven items in the partnership menu, each section's pages
 * in its sub-navigation, and every page of the old menu within two clicks of its section (one to the section,
 * one to the page). Every page visited passes axe.
 */

/** The old menu's pages (and the three the old "Funding pipeline" page linked to), by their address. */
const everyone = [
  '/p/northmoor/',
  '/p/northmoor/rounds',
  '/p/northmoor/actions',
  '/p/northmoor/organisations',
  '/p/northmoor/directory',
  '/p/northmoor/needs',
  '/p/northmoor/needs/map',
  '/p/northmoor/needs/gaps',
  '/p/northmoor/matching',
  '/p/northmoor/grants',
  '/p/northmoor/funding',
  '/p/northmoor/funding/opportunities',
  '/p/northmoor/commissioning',
  '/p/northmoor/evidence',
  '/p/northmoor/areas',
  '/guidance',
];
const memberSections = ['Home', 'Assessment', 'Action plan', 'Needs and resources', 'Funding', 'Guidance'];
const adminOnly = [
  '/p/northmoor/members',
  '/p/northmoor/audit',
  '/p/northmoor/emails',
  '/p/northmoor/imports',
];

const pathOf = (page: Page) => new URL(page.url()).pathname;

async function follow(page: Page, link: Locator) {
  await Promise.all([page.waitForNavigation(), link.click()]);
}

describeInBrowser('finding every page from the partnership menu', () => {
  let server: TestServer;
  let browser: Browser;

  beforeAll(async () => {
    [server, browser] = await Promise.all([startServer(), launchBrowser()]);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  /** Opens a section from the menu, then each page of its sub-navigation; adds every address reached. */
  async function walkSection(page: Page, section: string, reached: Set<string>): Promise<void> {
    const menu = page.getByRole('navigation', { name: 'Partnership menu' });
    await follow(page, menu.getByRole('link', { name: section, exact: true }));
    const landing = page.url();
    reached.add(pathOf(page));
    await expect(menu.locator('[aria-current]').textContent()).resolves.toContain(section);
    await expectNoAxeViolations(page, section);
    const subNavigation = page.getByRole('navigation', { name: section, exact: true });
    if ((await subNavigation.count()) === 0) return;
    const pages = (await subNavigation.getByRole('link').allTextContents()).map((text) => text.trim());
    for (const name of pages.slice(1)) {
      await follow(page, subNavigation.getByRole('link', { name, exact: true }));
      reached.add(pathOf(page));
      await expect(subNavigation.locator('[aria-current="page"]').textContent()).resolves.toBe(name);
      await expect(menu.locator('[aria-current]').textContent()).resolves.toContain(section);
      await expectNoAxeViolations(page, `${section}: ${name}`);
      await page.goto(landing);
    }
  }

  describe.each([
    {
      role: 'a partnership admin',
      email: demoAccounts.partnershipAdmin,
      oldMenu: [...everyone, ...adminOnly],
      sections: [...memberSections, 'Settings'],
    },
    {
      role: 'a council member',
      email: demoAccounts.councilMember,
      oldMenu: everyone,
      sections: memberSections,
    },
  ])('as $role', ({ email, oldMenu, sections }) => {
    let page: Page;
    const reached = new Set<string>();

    beforeAll(async () => {
      page = (await openPage(browser, server.baseUrl)).page;
      await signIn(page, email, demoPassword);
    });

    it('shows at most seven sections, with the account links outside the menu', async () => {
      await page.goto('/p/northmoor/');
      const menu = page.getByRole('navigation', { name: 'Partnership menu' });
      const items = (await menu.getByRole('listitem').allTextContents()).map((text) => text.trim());
      expect(items).toEqual(sections);
      expect(items.length).toBeLessThanOrEqual(7);
      for (const accountLink of ['Your account', 'Sign out', 'Switch partnership'])
        expect(await menu.getByText(accountLink).count()).toBe(0);
      expect(await page.getByRole('navigation', { name: 'Your account' }).getByText('Sign out').count()).toBe(
        1,
      );
    });

    it.each(sections)('opens %s and each of its pages, two clicks at most', async (section) => {
      await walkSection(page, section, reached);
    });

    it('has reached every page of the old menu', () => {
      expect(oldMenu.filter((address) => !reached.has(address))).toEqual([]);
    });
  });

  it('shows breadcrumbs on a page below the top level, which lead back up', async () => {
    const { context, page } = await openPage(browser, server.baseUrl);
    try {
      await signIn(page, demoAccounts.viewer, demoPassword);
      await page.goto('/p/northmoor/needs/map');
      const crumbs = page.getByRole('navigation', { name: 'Breadcrumb' });
      expect((await crumbs.getByRole('listitem').allTextContents()).map((text) => text.trim())).toEqual([
        'Home',
        'Needs and resources',
        'Needs map',
      ]);
      await expectNoAxeViolations(page, 'needs map with breadcrumbs');
      await follow(page, crumbs.getByRole('link', { name: 'Needs and resources' }));
      expect(pathOf(page)).toBe('/p/northmoor/needs');
      expect(await page.getByRole('navigation', { name: 'Breadcrumb' }).count()).toBe(0);

      await page.goto('/p/northmoor/rounds');
      await follow(
        page,
        page
          .getByRole('main')
          .getByRole('link', { name: /quick check/i })
          .first(),
      );
      const round = (await page.getByRole('heading', { level: 1 }).textContent())?.trim() ?? '';
      await follow(
        page,
        page.getByRole('navigation', { name: 'Assessment' }).getByRole('link', { name: 'Results' }),
      );
      const roundCrumbs = page.getByRole('navigation', { name: 'Breadcrumb' });
      const texts = (await roundCrumbs.getByRole('listitem').allTextContents()).map((text) => text.trim());
      expect(texts.slice(0, 2)).toEqual(['Home', 'Assessment']);
      expect(texts.at(-1)).toBe('Results');
      expect(round).toContain(texts[2] ?? 'no round crumb');
      await expectNoAxeViolations(page, 'round results with breadcrumbs');
    } finally {
      await context.close();
    }
  });
});
