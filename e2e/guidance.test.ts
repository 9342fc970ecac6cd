import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { expectNoAxeViolations } from './support/axe.js';
import { describeInBrowser, launchBrowser, openPage, signIn } from './support/browser.js';
import { demoAccounts, demoPassword, startServer, type TestServer } from './support/server.js';

/**
 * The guidance journeys of issue 13: a signed-out visitor reads the cost-of-living tips, and a signed-in
 * member follows a link from a results priority to its guide and adds one of the guide's suggested actions
 * to the action plan. Every page visited passes axe.
 */

const COST_OF_LIVING = 'Supporting the VCS through the cost-of-living crisis: top tips';

/** The "Add to action plan" button for one suggestion; its name ends with the suggestion, visually hidden. */
const addButton = (page: Page, suggestion: string) =>
  page.getByRole('button', { name: /^Add to action plan/ }).filter({ hasText: suggestion });

async function follow(page: Page, link: Locator) {
  await Promise.all([page.waitForNavigation(), link.click()]);
}

describeInBrowser('guidance, public and linked from the results', () => {
  let server: TestServer;
  let browser: Browser;
  let resultsUrl = '';

  beforeAll(async () => {
    [server, browser] = await Promise.all([startServer(), launchBrowser()]);
    const services = server.runtime.services;
    const northmoor = await services.partnerships.findBySlug('northmoor');
    if (!northmoor) throw new Error('The demo has no Northmoor');
    const rounds = await services.assessments.list(northmoor.id);
    const full = rounds.find((r) => r.round.name === 'Spring 2026 full assessment');
    if (!full) throw new Error('The demo has no Spring 2026 full assessment');
    resultsUrl = `/p/northmoor/rounds/${full.round.id}/results`;
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('lets a signed-out visitor read the cost-of-living tips', async () => {
    const { page, context } = await openPage(browser, server.baseUrl);
    await page.goto('/');
    await expectNoAxeViolations(page, 'start page');
    await follow(page, page.getByRole('link', { name: 'read the guidance' }));
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('Guidance');
    await expect(page.getByText('Anyone can read these guides.').count()).resolves.toBe(1);
    await expectNoAxeViolations(page, 'guidance library, signed out');

    await follow(page, page.getByRole('link', { name: COST_OF_LIVING }));
    expect(new URL(page.url()).pathname).toBe('/guidance/cost-of-living-top-tips');
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toContain(COST_OF_LIVING);
    await expect(page.getByRole('heading', { name: 'Suggested actions' }).count()).resolves.toBe(1);
    await expect(
      page.getByRole('heading', { level: 3, name: 'Pay VCS grants on time or in advance' }).count(),
    ).resolves.toBe(1);
    await expect(page.getByRole('button', { name: /Add to action plan/ }).count()).resolves.toBe(0);
    await expect(
      page.getByRole('link', { name: 'sign in to add these actions to your action plan' }).count(),
    ).resolves.toBe(1);
    await expect(page.getByText('Signed in as').count()).resolves.toBe(0);
    await expectNoAxeViolations(page, 'cost-of-living tips, signed out');

    // Signing in from the guide comes back to it, now with a way to add its actions to the plan.
    await follow(page, page.getByRole('link', { name: 'sign in to add these actions to your action plan' }));
    await expectNoAxeViolations(page, 'sign in from a guide');
    await page.getByLabel('Email address').fill(demoAccounts.vcsMember);
    await page.getByLabel('Password', { exact: true }).fill(demoPassword);
    await follow(page, page.getByRole('button', { name: 'Sign in', exact: true }));
    expect(new URL(page.url()).pathname).toBe('/guidance/cost-of-living-top-tips');
    await expect(addButton(page, 'Pay VCS grants on time or in advance').count()).resolves.toBe(1);
    await expectNoAxeViolations(page, 'cost-of-living tips, signed in');
    await context.close();
  });

  it('takes a member from a results priority to its guide, and adds a suggested action to the plan', async () => {
    const { page, context } = await openPage(browser, server.baseUrl);
    await signIn(page, demoAccounts.councilMember, demoPassword);
    await page.goto(resultsUrl);
    await expectNoAxeViolations(page, 'results');

    const priorities = page.locator('#priorities ~ ul').first();
    const guideLink = priorities.getByRole('link', { name: /^Guidance: / }).first();
    const linkText = (await guideLink.textContent()) ?? '';
    const guideTitle = linkText.replace(/^Guidance: /, '');
    expect(guideTitle).not.toBe('');
    await follow(page, guideLink);
    expect(new URL(page.url()).pathname).toMatch(/^\/guidance\/[a-z0-9-]+$/);
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toContain(guideTitle);
    await expect(page.getByText('Add any of these to the action plan of Northmoor').count()).resolves.toBe(1);
    await expectNoAxeViolations(page, 'guide reached from a priority');

    const suggestion = (
      (await page.locator('#suggested-actions ~ div h3').first().textContent()) ?? ''
    ).trim();
    expect(suggestion).not.toBe('');
    await follow(page, addButton(page, suggestion));
    expect(new URL(page.url()).pathname).toBe('/p/northmoor/actions');
    await expect(page.getByRole('alert').textContent()).resolves.toContain(
      `“${suggestion}” is in the action plan`,
    );
    const planLink = page.getByRole('link', { name: suggestion, exact: true });
    await expect(planLink.count()).resolves.toBe(1);
    const row = page.getByRole('row').filter({ has: planLink });
    await expect(row.textContent()).resolves.toContain('Suggested in the guidance');
    await expectNoAxeViolations(page, 'action plan with the guide’s action');

    // Back on the guide, the suggestion is marked as already in the plan instead of offered again.
    await page.goBack();
    await page.reload();
    await expect(addButton(page, suggestion).count()).resolves.toBe(0);
    await expect(page.getByRole('link', { name: `Open the action: ${suggestion}` }).count()).resolves.toBe(1);
    await expectNoAxeViolations(page, 'guide with the action in the plan');

    await follow(page, page.getByRole('link', { name: `Open the action: ${suggestion}` }));
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toContain(suggestion);
    await expect(page.getByRole('main').textContent()).resolves.toContain('Suggested in the guidance');
    await expectNoAxeViolations(page, 'the guide’s action');
    await context.close();
  });
});
