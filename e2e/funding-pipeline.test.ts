import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { expectNoAxeViolations } from './support/axe.js';
import { describeInBrowser, launchBrowser, openPage, signIn } from './support/browser.js';
import { demoAccounts, demoPassword, startServer, type TestServer } from './support/server.js';

/**
 * The funding pipeline journey of the issue: the council adds a fund and, with two VCS organisations, says it
 * intends to lead a bid; the clash is flagged; a VCS member plans a joint bid, which becomes an action on the
 * action plan. Every page visited, and the commissioning and evidence pages, pass axe.
 */

const FUND = 'Browser test Community Resilience Fund';

/** The text of the first element the locator finds, spaces squeezed. */
async function textOf(locator: Locator): Promise<string> {
  return ((await locator.first().textContent()) ?? '').replace(/\s+/g, ' ').trim();
}

async function submit(page: Page, button: string) {
  await Promise.all([
    page.waitForNavigation(),
    page.getByRole('button', { name: button, exact: true }).click(),
  ]);
}

/** Follows a link, or a link styled as a button (GOV.UK start buttons have role="button"). */
async function follow(page: Page, name: string | RegExp) {
  const exact = typeof name === 'string';
  const target = page.getByRole('link', { name, exact }).or(page.getByRole('button', { name, exact }));
  await Promise.all([page.waitForNavigation(), target.first().click()]);
}

describeInBrowser('the funding pipeline: a clash over one fund becomes a joint bid', () => {
  let server: TestServer;
  let browser: Browser;
  let opportunityUrl = '';

  beforeAll(async () => {
    [server, browser] = await Promise.all([startServer(), launchBrowser()]);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  async function signedIn(email: string): Promise<Page> {
    const { page } = await openPage(browser, server.baseUrl);
    await signIn(page, email, demoPassword);
    return page;
  }

  /** Registers the signed-in member's own organisation as a lead bidder on the test fund. */
  async function registerLead(page: Page, organisation: string, note: string) {
    await page.goto(opportunityUrl);
    await follow(page, 'Register your interest');
    await expectNoAxeViolations(page, `register interest as ${organisation}`);
    expect(await textOf(page.getByLabel('Organisation').locator('option:checked'))).toBe(organisation);
    await page.getByLabel('Lead bidder').check();
    await page.getByLabel('Note for partners (optional)').fill(note);
    await submit(page, 'Register interest');
    expect(await textOf(page.locator('.govuk-notification-banner'))).toContain(
      'Your interest was registered.',
    );
  }

  it('lets the council add a fund through the Funding section and register its interest as lead bidder', async () => {
    const council = await signedIn(demoAccounts.councilMember);
    await council.goto('/p/northmoor/');
    // "Funding" in the partnership menu opens the section on its opportunities (the pipeline).
    await follow(council, 'Funding');
    expect(new URL(council.url()).pathname).toBe('/p/northmoor/funding/opportunities');
    await expectNoAxeViolations(council, 'funding opportunities (demo clash flagged)');
    expect(await textOf(council.getByRole('table'))).toContain('Partners would compete');
    await follow(council, 'Add a funding opportunity');
    await expectNoAxeViolations(council, 'new opportunity form');
    await submit(council, 'Save the opportunity');
    expect(await textOf(council.locator('.govuk-error-summary'))).toContain('Enter the name of the fund');
    await expectNoAxeViolations(council, 'new opportunity form with errors');
    await council.getByLabel('Funder').fill('Moorland Community Foundation');
    await council.getByLabel('Name of the fund').fill(FUND);
    await council.getByLabel('Smallest award').fill('5000');
    await council.getByLabel('Largest award').fill('40000');
    const deadline = new Date(Date.now() + 30 * 86_400_000);
    const group = council.getByRole('group', { name: 'Deadline (optional)' });
    await group.getByLabel('Day').fill(String(deadline.getUTCDate()));
    await group.getByLabel('Month').fill(String(deadline.getUTCMonth() + 1));
    await group.getByLabel('Year').fill(String(deadline.getUTCFullYear()));
    await council.getByLabel('Money, debt and benefits advice').check();
    await submit(council, 'Save the opportunity');
    expect(await textOf(council.getByRole('heading', { level: 1 }))).toBe(FUND);
    expect(await textOf(council.locator('#opportunity-details'))).toContain('£5,000 to £40,000');
    await expectNoAxeViolations(council, 'opportunity page');
    opportunityUrl = new URL(council.url()).pathname;
    await registerLead(council, 'Northmoor Council', 'We could bid for the whole borough.');
    expect(await council.locator('#clash').count()).toBe(0);
  });

  it('lets two VCS organisations register as lead bidders too, and flags the clash plainly', async () => {
    const foodBank = await signedIn(demoAccounts.vcsMember);
    await registerLead(foodBank, 'Northmoor Food Bank', 'Crisis support alongside food parcels.');
    expect(await textOf(foodBank.locator('#clash'))).toContain(
      '2 partners plan to bid for this fund as lead bidders: Northmoor Council and Northmoor Food Bank.',
    );
    const advice = await signedIn(demoAccounts.adviceVcsMember);
    await registerLead(advice, 'Moorside Money and Debt Advice', 'Debt advice in the south-east wards.');
    expect(await textOf(advice.locator('#clash'))).toContain(
      '3 partners plan to bid for this fund as lead bidders: Northmoor Council, Northmoor Food Bank and Moorside Money and Debt Advice.',
    );
    expect(await textOf(advice.locator('#interests'))).toContain('Moorside Money and Debt Advice');
    await expectNoAxeViolations(advice, 'opportunity page with a clash');
    await advice.goto('/p/northmoor/funding/opportunities');
    expect(await textOf(advice.getByRole('row', { name: new RegExp(FUND) }))).toContain(
      'Partners would compete',
    );
  });

  it('plans a joint bid: an action on the action plan, and the flag says so', async () => {
    const advice = await signedIn(demoAccounts.adviceVcsMember);
    await advice.goto(opportunityUrl);
    await follow(advice, 'Plan a joint bid');
    await expectNoAxeViolations(advice, 'plan a joint bid');
    expect(await advice.getByLabel('Title of the action').inputValue()).toBe(`Plan a joint bid to ${FUND}`);
    expect(
      await textOf(advice.getByLabel('Organisation that owns the action').locator('option:checked')),
    ).toBe('Northmoor Council');
    expect(await textOf(advice.locator('main'))).toContain('CR4 Bidding for funding together');
    await submit(advice, 'Add the action to the plan');
    expect(await textOf(advice.locator('#clash'))).toContain('A joint bid is planned');
    await expectNoAxeViolations(advice, 'opportunity page with a joint bid planned');
    await follow(advice, 'See the action on the action plan');
    expect(await textOf(advice.getByRole('heading', { level: 1 }))).toBe(`Plan a joint bid to ${FUND}`);
    expect(await textOf(advice.locator('#action-details'))).toContain('Joint');
    expect(await textOf(advice.locator('#action-details'))).toContain('Northmoor Council');
    await expectNoAxeViolations(advice, 'the joint-bid action');
    await advice.goto('/p/northmoor/actions');
    expect(await textOf(advice.locator('main'))).toContain(`Plan a joint bid to ${FUND}`);
    await advice.goto('/p/northmoor/funding/opportunities');
    expect(await textOf(advice.getByRole('row', { name: new RegExp(FUND) }))).toContain('Joint bid planned');
  });

  it('passes axe on the commissioning and evidence pages', async () => {
    const council = await signedIn(demoAccounts.councilMember);
    await council.goto('/p/northmoor/commissioning');
    await expectNoAxeViolations(council, 'commissioning intentions');
    await follow(council, 'Money and energy advice in the south-east wards');
    await expectNoAxeViolations(council, 'commissioning intention with evidence');
    await follow(council, /^Evidence pack for Money, debt and benefits advice in Greenacres/);
    expect(await textOf(council.getByRole('heading', { level: 1 }))).toContain('Evidence pack');
    await expectNoAxeViolations(council, 'evidence pack');
    await council.goto('/p/northmoor/commissioning/new');
    await expectNoAxeViolations(council, 'new commissioning intention');
    await submit(council, 'Save the intention');
    expect(await textOf(council.locator('.govuk-error-summary'))).toContain(
      'Select at least one need or gap',
    );
    await expectNoAxeViolations(council, 'new commissioning intention with errors');
    await council.goto('/p/northmoor/evidence');
    await expectNoAxeViolations(council, 'evidence pack chooser');
  });
});
