import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { ukDate } from '../src/domain/assessment/round-rules.js';
import { expectNoAxeViolations } from './support/axe.js';
import { describeInBrowser, launchBrowser, openPage, signIn } from './support/browser.js';
import { demoAccounts, demoPassword, startServer, type TestServer } from './support/server.js';

/**
 * Issue 13: a councillor who has just joined the partnership answers an open quick check from their home
 * page, with no invitation to the round. Every page visited passes axe.
 */

const ROUND = 'New members’ quick check';
const NEWCOMER = 'cllr.newcomer@northmoor.example';

const path = (page: Page) => new URL(page.url()).pathname;
const heading = async (page: Page) =>
  ((await page.getByRole('heading', { level: 1 }).textContent()) ?? '').replace(/\s+/g, ' ').trim();

async function click(page: Page, role: 'button' | 'link', name: string | RegExp) {
  await Promise.all([page.waitForNavigation(), page.getByRole(role, { name }).first().click()]);
}

describeInBrowser('a council member who has just joined answers an open quick check', () => {
  let server: TestServer;
  let browser: Browser;
  let roundId = '';

  beforeAll(async () => {
    [server, browser] = await Promise.all([startServer(), launchBrowser()]);
    const services = server.runtime.services;
    const northmoor = await services.partnerships.findBySlug('northmoor');
    if (!northmoor) throw new Error('The demo has no Northmoor');
    const now = new Date();
    const round = await services.assessments.create(
      northmoor,
      {
        name: ROUND,
        kind: 'quick',
        threshold: '3',
        opensOn: ukDate(now),
        closesOn: ukDate(new Date(now.getTime() + 21 * 86_400_000)),
        groups: [
          { kind: 'council', name: 'Council', side: '' },
          { kind: 'vcs', name: 'Voluntary and community sector', side: '' },
        ],
      },
      { userId: null, label: 'Browser test' },
    );
    roundId = round.id;
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  /** The admin invites the newcomer to the partnership with the council as their organisation; the link. */
  async function inviteNewcomer(): Promise<string> {
    const admin = await openPage(browser, server.baseUrl);
    try {
      await signIn(admin.page, demoAccounts.partnershipAdmin, demoPassword);
      await admin.page.goto('/p/northmoor/members/invite');
      await expectNoAxeViolations(admin.page, 'invite a member');
      await admin.page.getByLabel('Their email address').fill(NEWCOMER);
      await admin.page.getByRole('radio', { name: 'Council member' }).check();
      await admin.page.getByLabel('Organisation (optional)').selectOption({ label: 'Northmoor Council' });
      await click(admin.page, 'button', 'Send invitation');
      await expectNoAxeViolations(admin.page, 'invitation sent');
      const link = ((await admin.page.locator('#invitation-link').textContent()) ?? '').trim();
      expect(link).toMatch(/\/invitations\//);
      return link;
    } finally {
      await admin.context.close();
    }
  }

  it('joins through a partnership invitation and answers from the home page', async () => {
    // The admin invites a councillor to the partnership (not to the round).
    const invitationLink = await inviteNewcomer();

    const { context, page } = await openPage(browser, server.baseUrl);
    try {
      await page.goto(new URL(invitationLink).pathname);
      await expectNoAxeViolations(page, 'invitation to join');
      await page.getByLabel('Your full name').fill('Cllr Nia Newcomer');
      await page.getByLabel('Choose a password').fill('newcomer-password-123');
      await page.getByLabel('Enter the password again').fill('newcomer-password-123');
      await click(page, 'button', 'Accept invitation and create account');

      // Home: a panel says the round is open for them.
      expect(path(page)).toBe('/p/northmoor/');
      await expectNoAxeViolations(page, 'home page after joining');
      const panel = page.locator('#rounds-to-answer');
      await expect(panel.textContent()).resolves.toContain('with the Council group');
      await Promise.all([
        page.waitForNavigation(),
        panel.getByRole('link', { name: `Answer ${ROUND}` }).click(),
      ]);

      expect(path(page)).toBe(`/p/northmoor/rounds/${roundId}/answer`);
      await expect(heading(page)).resolves.toBe(`Answer ${ROUND}`);
      await expect(page.locator('main').textContent()).resolves.toContain(
        'You will answer with the Council group',
      );
      await expectNoAxeViolations(page, 'answer start page');
      await click(page, 'button', 'Start now');

      expect(path(page)).toMatch(/^\/respond\/[\w-]+$/);
      const link = path(page);
      await expectNoAxeViolations(page, 'respondent start page');
      await click(page, 'button', 'Start now');
      for (let question = 1; question <= 8; question += 1) {
        await expect(heading(page)).resolves.toContain(`Question ${question} of 8`);
        await expectNoAxeViolations(page, `question ${question}`);
        await page.getByRole('radio', { name: 'Developing', exact: true }).check();
        await click(page, 'button', 'Continue');
      }
      expect(path(page)).toBe(`${link}/check`);
      await expectNoAxeViolations(page, 'check your answers');
      await click(page, 'button', 'Send your answers');
      expect(path(page)).toBe(`${link}/done`);
      await expect(page.locator('.govuk-panel__title').textContent()).resolves.toContain(
        'Your answers have been sent',
      );
      await expectNoAxeViolations(page, 'answers sent');

      // Answered once: the home page no longer asks, and the answer page reopens the same answers.
      await page.goto('/p/northmoor/');
      await expectNoAxeViolations(page, 'home page after answering');
      await expect(page.locator('#rounds-to-answer').getByText(ROUND).count()).resolves.toBe(0);
      await page.goto(`/p/northmoor/rounds/${roundId}/answer`);
      expect(path(page)).toMatch(/^\/respond\/[\w-]+$/);
      await expect(page.getByRole('button', { name: 'Check or change your answers' }).count()).resolves.toBe(
        1,
      );
      await expectNoAxeViolations(page, 'own answers again');
    } finally {
      await context.close();
    }

    const northmoor = await server.runtime.services.partnerships.findBySlug('northmoor');
    const view = northmoor && (await server.runtime.services.assessments.find(northmoor.id, roundId));
    if (!view) throw new Error('The round has gone');
    const progress = await server.runtime.services.assessments.progress(view);
    expect(progress.find((row) => row.group.name === 'Council')).toMatchObject({ invited: 0, submitted: 1 });
  });
});
