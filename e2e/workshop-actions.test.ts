import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { ukDate } from '../src/domain/assessment/round-rules.js';
import { expectNoAxeViolations } from './support/axe.js';
import { describeInBrowser, launchBrowser, openPage, signIn } from './support/browser.js';
import { demoAccounts, demoPassword, startServer, type TestServer } from './support/server.js';

/**
 * The workshop journey of issue 13: a partnership admin records what the workshop agreed, the two actions
 * typed into "Actions agreed" appear in the plan with their origin, and the last principle ends on a summary
 * with a next step. Every page visited passes axe.
 */

const FIRST = 'Browser workshop: refresh the partnership statement';
const SECOND = 'Browser workshop: publish the grants calendar';

async function submit(page: Page, button: string | RegExp) {
  await Promise.all([page.waitForNavigation(), page.getByRole('button', { name: button }).click()]);
}

describeInBrowser('workshop actions reach the action plan', () => {
  let server: TestServer;
  let browser: Browser;
  let admin: Page;
  let workshopUrl = '';

  beforeAll(async () => {
    [server, browser] = await Promise.all([startServer(), launchBrowser()]);
    admin = (await openPage(browser, server.baseUrl)).page;
    await signIn(admin, demoAccounts.partnershipAdmin, demoPassword);
    const services = server.runtime.services;
    const northmoor = await services.partnerships.findBySlug('northmoor');
    if (!northmoor) throw new Error('The demo has no Northmoor');
    const today = ukDate(new Date());
    const round = await services.assessments.create(
      northmoor,
      {
        name: 'Browser workshop round',
        kind: 'quick',
        threshold: '',
        opensOn: today,
        closesOn: ukDate(new Date(Date.now() + 5 * 86_400_000)),
        groups: [{ kind: 'vcs', name: 'VCS', side: '' }],
      },
      { userId: null, label: 'Browser test' },
    );
    workshopUrl = `/p/northmoor/rounds/${round.id}/workshop`;
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('turns two agreed actions into plan actions, once, and ends on a summary', async () => {
    await admin.goto(`${workshopUrl}/SF`);
    await expectNoAxeViolations(admin, 'workshop principle');
    await admin.getByLabel('2 Developing').check();
    await admin.getByLabel('Actions agreed').fill(`${FIRST}\n${SECOND}`);
    await submit(admin, /Save and go to the next principle/);
    const banner = admin.getByRole('alert');
    await expect(banner.textContent()).resolves.toContain('2 actions were added to the action plan');
    await expectNoAxeViolations(admin, 'next principle with a success banner');

    // Saving the same principle again adds nothing.
    await admin.goto(`${workshopUrl}/SF`);
    await submit(admin, /Save and go to the next principle/);
    await expect(admin.getByRole('alert').textContent()).resolves.toContain('No new actions were added');

    // The last principle ends on the summary.
    await admin.goto(workshopUrl);
    const last = admin.locator('table a.govuk-link').last();
    await Promise.all([admin.waitForNavigation(), last.click()]);
    await admin.getByLabel('Not agreed').check();
    await submit(admin, 'Save and finish');
    await expect(admin.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('Workshop summary');
    await expectNoAxeViolations(admin, 'workshop summary');
    const summary = admin.locator('#workshop-summary');
    await expect(summary.getByRole('link', { name: FIRST }).count()).resolves.toBe(1);
    await expect(summary.textContent()).resolves.toContain('Level 2');

    await Promise.all([
      admin.waitForNavigation(),
      admin.getByRole('link', { name: 'Go to the action plan' }).click(),
    ]);
    await expectNoAxeViolations(admin, 'action plan with workshop actions');
    for (const title of [FIRST, SECOND]) {
      const link = admin.getByRole('link', { name: title });
      await expect(link.count()).resolves.toBe(1);
      const row = admin.getByRole('row').filter({ has: link });
      await expect(row.textContent()).resolves.toContain('Agreed at the workshop');
    }
    await Promise.all([admin.waitForNavigation(), admin.getByRole('link', { name: FIRST }).click()]);
    await expect(admin.locator('#action-details').textContent()).resolves.toContain('Agreed at the workshop');
    await expectNoAxeViolations(admin, 'workshop action');
  });
});
