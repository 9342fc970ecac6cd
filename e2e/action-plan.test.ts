import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { ukDate } from '../src/domain/assessment/round-rules.js';
import { expectNoAxeViolations } from './support/axe.js';
import { describeInBrowser, launchBrowser, openPage, signIn } from './support/browser.js';
import { demoAccounts, demoPassword, startServer, type TestServer } from './support/server.js';

/**
 * The action plan journey of the issue: from a round's results, add two actions from suggestions and one by
 * hand; the VCS member of the owning organisation updates progress; the overdue action stands out; the plan
 * exports to CSV; a new round opens and the open actions are carried over. Every page visited passes axe.
 */

const FOOD_BANK = 'Northmoor Food Bank';
const BY_HAND = 'Browser test: run a joint listening event';
const dayOffset = (days: number) => ukDate(new Date(Date.now() + days * 86_400_000)).split('-');

async function fillDate(page: Page, legend: string, days: number) {
  const [year, month, day] = dayOffset(days);
  const group = page.getByRole('group', { name: legend });
  await group.getByLabel('Day').fill(String(Number(day)));
  await group.getByLabel('Month').fill(String(Number(month)));
  await group.getByLabel('Year').fill(year ?? '');
}

async function submit(page: Page, button: string) {
  await Promise.all([page.waitForNavigation(), page.getByRole('button', { name: button }).click()]);
}

describeInBrowser('action plans: from results to a new round', () => {
  let server: TestServer;
  let browser: Browser;
  let admin: Page;
  let resultsUrl = '';
  const titles: string[] = [];
  let overdueUrl = '';

  beforeAll(async () => {
    [server, browser] = await Promise.all([startServer(), launchBrowser()]);
    admin = (await openPage(browser, server.baseUrl)).page;
    await signIn(admin, demoAccounts.partnershipAdmin, demoPassword);
    const northmoor = await server.runtime.services.partnerships.findBySlug('northmoor');
    const rounds = await server.runtime.services.assessments.list(northmoor?.id ?? '');
    const spring = rounds.find((r) => r.round.name === 'Spring 2026 full assessment');
    resultsUrl = `/p/northmoor/rounds/${spring?.round.id ?? ''}/results`;
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  /** Opens an "Add an action" link from the results, takes the first suggestion and fills in the rest. */
  async function addFromSuggestion(link: 'first' | 'last', owner: string, side: string, dueInDays: number) {
    await admin.goto(resultsUrl);
    await expectNoAxeViolations(admin, 'results');
    await Promise.all([
      admin.waitForNavigation(),
      admin
        .getByRole('link', { name: /^Add an action for / })
        [link]()
        .click(),
    ]);
    const radios = admin.getByRole('radio', { name: /^Use this suggestion: / });
    let chosen = -1;
    for (let index = 0; index < (await radios.count()) && chosen < 0; index += 1) {
      const id = (await radios.nth(index).getAttribute('id')) ?? '';
      const label = (await admin.locator(`label[for="${id}"]`).textContent()) ?? '';
      const title = label.replace('Use this suggestion:', '').trim();
      if (!titles.includes(title)) {
        titles.push(title);
        chosen = index;
      }
    }
    expect(chosen).toBeGreaterThanOrEqual(0);
    await radios.nth(chosen).check();
    await admin.getByLabel('Owner organisation').selectOption({ label: owner });
    await admin.getByRole('group', { name: 'Who will do it?' }).getByLabel(side, { exact: true }).check();
    await admin.getByLabel('Lead (optional)').fill('Priya Shah');
    await fillDate(admin, 'Due date (optional)', dueInDays);
    await expectNoAxeViolations(admin, 'new action from a suggestion');
    await submit(admin, 'Add the action');
    expect(new URL(admin.url()).pathname).toMatch(/^\/p\/northmoor\/actions\/[0-9a-f-]{36}$/);
    await expect(admin.getByRole('heading', { level: 1 }).textContent()).resolves.toContain(titles.at(-1));
    await expectNoAxeViolations(admin, 'action page');
    return new URL(admin.url()).pathname;
  }

  it('adds two actions from suggestions on the results page and one by hand', async () => {
    overdueUrl = await addFromSuggestion('first', FOOD_BANK, 'Voluntary and community sector', -3);
    await expect(admin.getByText('Overdue', { exact: true }).first().isVisible()).resolves.toBe(true);
    await addFromSuggestion('last', 'Northmoor Council', 'Council', 40);

    await admin.goto('/p/northmoor/actions');
    await Promise.all([
      admin.waitForNavigation(),
      admin.getByRole('link', { name: 'Add an action' }).click(),
    ]);
    await admin.getByLabel('Title', { exact: true }).fill(BY_HAND);
    await admin.getByLabel('Description (optional)').fill('Both sides listen to residents together.');
    await admin.getByLabel('Owner organisation').selectOption({ label: FOOD_BANK });
    await admin.getByRole('group', { name: 'Who will do it?' }).getByLabel('Joint', { exact: true }).check();
    await expectNoAxeViolations(admin, 'new action by hand');
    await submit(admin, 'Add the action');
    titles.push(BY_HAND);
    await expect(admin.getByRole('heading', { level: 1 }).textContent()).resolves.toContain(BY_HAND);
  });

  it('lets the VCS member of the owning organisation record progress, and shows the overdue action', async () => {
    const vcs = (await openPage(browser, server.baseUrl)).page;
    await signIn(vcs, demoAccounts.vcsMember, demoPassword);
    await vcs.goto('/p/northmoor/actions');
    await expectNoAxeViolations(vcs, 'action plan as a VCS member');
    const overdueRow = vcs.getByRole('row').filter({ hasText: titles[0] as string });
    await expect(overdueRow.first().textContent()).resolves.toContain('Overdue');

    await vcs.goto(overdueUrl);
    await vcs.getByLabel('What has happened?').fill('Spoke to three partners; dates pencilled in.');
    await vcs.getByLabel('Status').selectOption({ label: 'In progress' });
    await expectNoAxeViolations(vcs, 'action page as its owner');
    await submit(vcs, 'Add the note');
    await expect(vcs.locator('main').textContent()).resolves.toContain('Spoke to three partners');
    await expect(vcs.locator('main').textContent()).resolves.toContain('In progress');
    await expectNoAxeViolations(vcs, 'action page after a progress note');

    await vcs.goto('/p/northmoor/actions');
    await vcs.getByRole('link', { name: titles[1] as string }).click();
    await vcs.waitForURL(/\/actions\/[0-9a-f-]{36}$/);
    await expect(vcs.getByLabel('What has happened?').count()).resolves.toBe(0);
    await vcs.context().close();
  });

  it('exports the plan as CSV with the overdue action marked', async () => {
    await admin.goto('/p/northmoor/actions');
    await expectNoAxeViolations(admin, 'action plan');
    const [download] = await Promise.all([
      admin.waitForEvent('download'),
      admin.getByRole('link', { name: 'Download the action plan as a spreadsheet (CSV)' }).click(),
    ]);
    const file = await download.path();
    const { readFile } = await import('node:fs/promises');
    const csv = await readFile(file, 'utf8');
    for (const title of titles) expect(csv).toContain(title);
    const overdueLine = csv.split('\r\n').find((line) => line.includes(titles[0] as string)) ?? '';
    expect(overdueLine).toContain(',yes,');
    expect(overdueLine).toContain('Spoke to three partners');

    await admin.getByRole('link', { name: 'One-page summary for lead members' }).click();
    await admin.waitForURL(/\/actions\/summary$/);
    await expect(admin.locator('#overdue').locator('..').textContent()).resolves.toContain(titles[0]);
    await expectNoAxeViolations(admin, 'action plan summary');
  });

  it('carries the open actions over into a new round', async () => {
    await admin.goto('/p/northmoor/rounds/new');
    await admin.getByLabel('Name of the round').fill('Browser follow-up round');
    await admin.getByLabel('Quick check').check();
    await fillDate(admin, 'Closing date', 21);
    await submit(admin, 'Create round');
    const roundUrl = new URL(admin.url()).pathname;
    expect(roundUrl).toMatch(/^\/p\/northmoor\/rounds\/[0-9a-f-]{36}$/);

    await admin.goto(`${roundUrl}/results`);
    await expectNoAxeViolations(admin, 'new round results');
    const carried = (await admin.locator('#carried-actions-table').textContent()) ?? '';
    for (const title of titles) expect(carried).toContain(title);

    await admin.goto(`${roundUrl}/report`);
    await expect(admin.locator('#action-plan').locator('..').textContent()).resolves.toContain(BY_HAND);
    await expectNoAxeViolations(admin, 'new round full report');
  });
});
