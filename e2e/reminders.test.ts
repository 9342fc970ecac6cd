import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { expectNoAxeViolations } from './support/axe.js';
import { describeInBrowser, launchBrowser, openPage, signIn } from './support/browser.js';
import { demoAccounts, demoPassword, startServer, type TestServer } from './support/server.js';

/**
 * Reminder emails: a VCS member turns one kind off on their account, the job runs, and a reminder's "stop" link
 * from the demo mailbox turns a kind off without signing in. Every page visited passes axe.
 */

async function submit(page: Page, button: string) {
  await Promise.all([
    page.waitForNavigation(),
    page.getByRole('button', { name: button, exact: true }).click(),
  ]);
}

describeInBrowser('reminder emails: choosing them and stopping them from the email', () => {
  let server: TestServer;
  let browser: Browser;

  beforeAll(async () => {
    [server, browser] = await Promise.all([startServer(), launchBrowser()]);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('a member chooses which reminders they get on their account', async () => {
    const { context, page } = await openPage(browser, server.baseUrl);
    try {
      await signIn(page, demoAccounts.vcsMember, demoPassword);
      await page.goto('/account');
      await Promise.all([
        page.waitForNavigation(),
        page.getByRole('link', { name: 'Choose which reminders you get' }).click(),
      ]);
      await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('Reminder emails');
      await expectNoAxeViolations(page, 'reminder choices');
      const funding = page.getByLabel(
        'Funding deadlines for opportunities your organisation is interested in',
      );
      await expect(funding.isChecked()).resolves.toBe(true);
      await funding.uncheck();
      await submit(page, 'Save reminder choices');
      await expect(page.getByText('Your reminder choices have been saved').count()).resolves.toBe(1);
      await expectNoAxeViolations(page, 'reminder choices saved');
      await expect(funding.isChecked()).resolves.toBe(false);
      await expect(
        page.getByLabel('Actions your organisation owns are due or overdue').isChecked(),
      ).resolves.toBe(true);
    } finally {
      await context.close();
    }
  });

  it('the job leaves the opted-out member out, and a stop link in another email works without signing in', async () => {
    const counts = await server.runtime.services.reminders.run();
    expect(counts['funding-deadline']).toBe(0);
    expect(counts['round-closing']).toBe(3);
    const { context, page } = await openPage(browser, server.baseUrl);
    try {
      await page.goto('/demo/mail');
      await expectNoAxeViolations(page, 'demo mailbox with reminders');
      const row = page
        .getByRole('row')
        .filter({ hasText: demoAccounts.adviceVcsMember })
        .filter({ hasText: 'needs checking' });
      await Promise.all([page.waitForNavigation(), row.getByRole('link').first().click()]);
      await expectNoAxeViolations(page, 'a stale records reminder');
      await Promise.all([
        page.waitForNavigation(),
        page.getByRole('link', { name: /\/reminders\/stop\// }).click(),
      ]);
      await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(
        'Stop these reminders',
      );
      await expectNoAxeViolations(page, 'stop reminders: confirm');
      await submit(page, 'Stop these reminders');
      await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toContain(
        'Reminders stopped',
      );
      await expectNoAxeViolations(page, 'stop reminders: done');
      const adviceUser = await server.runtime.services.users.findByEmail(demoAccounts.adviceVcsMember);
      await expect(server.runtime.services.store.reminders.optedOut(adviceUser?.id ?? '')).resolves.toEqual([
        'stale-records',
      ]);
    } finally {
      await context.close();
    }
  });

  it('an invitee’s round reminder links to their answers and to a stop page for that round', async () => {
    const { context, page } = await openPage(browser, server.baseUrl);
    try {
      await page.goto('/demo/mail');
      const row = page.getByRole('row').filter({ hasText: 'respondent-06@vcs.eastbrook.example' });
      await Promise.all([page.waitForNavigation(), row.getByRole('link').first().click()]);
      await expectNoAxeViolations(page, 'a round closing reminder');
      const mail = page.url();
      await Promise.all([page.waitForNavigation(), page.getByRole('link', { name: /\/respond\// }).click()]);
      await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toContain(
        'Eastbrook winter quick check',
      );
      await page.goto(mail);
      await Promise.all([
        page.waitForNavigation(),
        page.getByRole('link', { name: /\/reminders\/stop\// }).click(),
      ]);
      await expect(page.getByText('This stops reminders about this round only').count()).resolves.toBe(1);
      await expectNoAxeViolations(page, 'stop round reminders: confirm');
    } finally {
      await context.close();
    }
  });
});
