import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { RoundView } from '../src/app/assessments/rounds.js';
import { ukDate } from '../src/domain/assessment/round-rules.js';
import { expectNoAxeViolations } from './support/axe.js';
import { describeInBrowser, launchBrowser, openPage } from './support/browser.js';
import {
  chooseRadio,
  expectFocused,
  pressAndWaitForPage,
  tabTo,
  tabToSelector,
  typeText,
} from './support/keyboard.js';
import { startServer, type TestServer } from './support/server.js';

const actor = { userId: null, label: 'Browser test' };
const path = (page: Page) => new URL(page.url()).pathname;
const heading = async (page: Page) =>
  ((await page.getByRole('heading', { level: 1 }).textContent()) ?? '').replace(/\s+/g, ' ').trim();

/** The answer to choose for each of the 8 quick-check questions, by its label. */
const choices = [
  'Developing',
  'Established',
  'Ad hoc',
  'I don’t know',
  'Embedded',
  'Not applicable',
  'Developing',
  'Established',
];

describeInBrowser('answering a round with the keyboard', () => {
  let server: TestServer;
  let browser: Browser;
  let view: RoundView;

  /** Creates a quick check in Northmoor that opens today, and invites people to its first group. */
  async function inviteTo(emails: string): Promise<void> {
    const services = server.runtime.services;
    const partnership = await services.partnerships.findBySlug('northmoor');
    if (!partnership) throw new Error('The demo partnership is missing');
    await services.assessments.invite(view, partnership.name, view.groups[0]?.id ?? '', emails, actor);
  }

  beforeAll(async () => {
    [server, browser] = await Promise.all([startServer(), launchBrowser()]);
    const services = server.runtime.services;
    const partnership = await services.partnerships.findBySlug('northmoor');
    if (!partnership) throw new Error('The demo partnership is missing');
    const now = new Date();
    const round = await services.assessments.create(
      partnership,
      {
        name: 'Keyboard quick check',
        kind: 'quick',
        threshold: '3',
        opensOn: ukDate(now),
        closesOn: ukDate(new Date(now.getTime() + 30 * 86_400_000)),
        groups: [
          { kind: 'council', name: 'Council', side: '' },
          { kind: 'vcs', name: 'VCS', side: '' },
        ],
      },
      actor,
    );
    const found = await services.assessments.find(partnership.id, round.id);
    if (!found) throw new Error('The round was not found after creating it');
    view = found;
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('answers a quick check using only the keyboard, changes an answer and sends it', async () => {
    const email = 'keyboard.respondent@northmoor.example';
    await inviteTo(email);
    const { context, page } = await openPage(browser, server.baseUrl);
    try {
      // The personal link, followed from the demo mailbox.
      await page.goto('/demo/mail');
      await expectNoAxeViolations(page, 'demo mailbox');
      await tabTo(
        page,
        page
          .getByRole('row')
          .filter({ hasText: email })
          .getByRole('link', { name: 'Your views on working together: Keyboard quick check' }),
      );
      await pressAndWaitForPage(page);
      await expectNoAxeViolations(page, 'invitation email');
      await tabTo(page, page.locator('.cg-mail-body').getByRole('link', { name: /\/respond\// }));
      await pressAndWaitForPage(page);

      const link = path(page);
      expect(link).toMatch(/^\/respond\/[\w-]+$/);
      await expect(heading(page)).resolves.toBe('Keyboard quick check');
      await expect(page.locator('main').textContent()).resolves.toContain('There are 8 questions');
      await expectNoAxeViolations(page, 'start page');
      await tabTo(page, page.getByRole('button', { name: 'Start now' }));
      await pressAndWaitForPage(page);

      // Question 1 without an answer: the error summary takes focus and leads to the first radio.
      expect(path(page)).toBe(`${link}/questions/${view.indicators[0]?.code}`);
      await tabTo(page, page.getByRole('button', { name: 'Continue' }));
      await pressAndWaitForPage(page);
      await expect(page.title()).resolves.toMatch(/^Error: /);
      await expectFocused(page.locator('.govuk-error-summary'));
      await expectNoAxeViolations(page, 'question 1 with an error');
      await tabTo(page, page.getByRole('link', { name: /Select the level that best describes things now/ }));
      await page.keyboard.press('Enter');
      await expectFocused(page.getByRole('radio', { name: 'Ad hoc', exact: true }));

      for (const [index, indicator] of view.indicators.entries()) {
        const choice = choices[index] ?? 'Developing';
        expect(path(page)).toBe(`${link}/questions/${indicator.code}`);
        await expect(heading(page)).resolves.toContain(`Question ${index + 1} of 8 ·`);
        if (index > 0) {
          await expectNoAxeViolations(page, `question ${index + 1}`);
          await tabToSelector(page, 'input[name="rating"]');
        }
        await chooseRadio(page, page.getByRole('radio', { name: choice, exact: true }));
        if (index === 1) {
          await tabTo(page, page.getByLabel('Comment (optional)'));
          await typeText(page, 'We agreed this at the spring forum.');
        }
        await tabTo(page, page.getByRole('button', { name: 'Continue' }));
        await pressAndWaitForPage(page);
      }

      expect(path(page)).toBe(`${link}/check`);
      await expect(heading(page)).resolves.toBe('Check your answers');
      await expectNoAxeViolations(page, 'check your answers');
      const third = view.indicators[2];
      if (!third) throw new Error('no third question');
      const thirdRow = page.locator('.govuk-summary-list__row').nth(2);
      await expect(thirdRow.textContent()).resolves.toContain('Ad hoc');
      await expect(page.locator('.govuk-summary-list__row').nth(1).textContent()).resolves.toContain(
        'Comment added',
      );

      // Change the third answer from its Change link; "Continue" comes back here.
      await tabTo(page, page.getByRole('link', { name: `Change your answer to ${third.title}` }));
      await pressAndWaitForPage(page);
      expect(path(page)).toBe(`${link}/questions/${third.code}`);
      await expectNoAxeViolations(page, 'changing question 3');
      await tabToSelector(page, 'input[name="rating"]');
      await expectFocused(page.getByRole('radio', { name: 'Ad hoc', exact: true })); // the saved answer
      await chooseRadio(page, page.getByRole('radio', { name: 'Embedded', exact: true }));
      await tabTo(page, page.getByRole('button', { name: 'Continue' }));
      await pressAndWaitForPage(page);
      expect(path(page)).toBe(`${link}/check`);
      await expect(thirdRow.textContent()).resolves.toContain('Embedded');
      await expect(thirdRow.textContent()).resolves.not.toContain('Ad hoc');
      await expectNoAxeViolations(page, 'check your answers after a change');

      await tabTo(page, page.getByRole('button', { name: 'Send your answers' }));
      await pressAndWaitForPage(page);
      expect(path(page)).toBe(`${link}/done`);
      await expect(page.locator('.govuk-panel__title').textContent()).resolves.toContain(
        'Your answers have been sent',
      );
      await expectNoAxeViolations(page, 'answers sent');

      const progress = await server.runtime.services.assessments.progress(view);
      expect(progress.find((row) => row.group.name === 'Council')).toMatchObject({
        started: 1,
        submitted: 1,
      });
    } finally {
      await context.close();
    }
  });

  it('a question page works with JavaScript switched off', async () => {
    const email = 'no.script@northmoor.example';
    await inviteTo(email);
    const messages = await server.runtime.services.store.outbox.listRecent(20);
    const body = messages.find((m) => m.recipient === email)?.bodyText ?? '';
    const link = /https?:\/\/\S+\/respond\/\S+/.exec(body)?.[0];
    if (!link) throw new Error('No personal link in the email');
    const [first, second] = view.indicators;
    if (!first || !second) throw new Error('no indicators');

    const { context, page } = await openPage(browser, server.baseUrl, { javaScriptEnabled: false });
    try {
      await page.goto(`${link}/questions/${first.code}`);
      // Nothing ran: no enhancement class, and the character count is the plain hint it starts as.
      expect(await page.locator('body.js-enabled').count()).toBe(0);
      await expect(page.locator('#comment-info').textContent()).resolves.toContain(
        'You can enter up to 2000 characters',
      );
      await page.getByRole('radio', { name: 'Established', exact: true }).check();
      await page.getByLabel('Comment (optional)').fill('Typed without scripts.');
      await Promise.all([page.waitForNavigation(), page.getByRole('button', { name: 'Continue' }).click()]);
      expect(path(page)).toBe(`${new URL(link).pathname}/questions/${second.code}`);
      await expect(heading(page)).resolves.toContain('Question 2 of 8');

      const token = new URL(link).pathname.split('/').at(-1) ?? '';
      const saved = (await server.runtime.services.assessments.openResponse(token))?.answers.get(first.code);
      expect(saved).toMatchObject({ rating: '3', comment: 'Typed without scripts.' });
    } finally {
      await context.close();
    }

    // axe-core needs scripts to run, so it checks the same unenhanced page with only our own script blocked.
    const unenhanced = await openPage(browser, server.baseUrl);
    try {
      await unenhanced.context.route('**/static/js/app.js', (route) => route.abort());
      await unenhanced.page.goto(`${link}/questions/${second.code}`);
      expect(await unenhanced.page.locator('body.js-enabled').count()).toBe(0);
      await expectNoAxeViolations(unenhanced.page, 'question 2 without the enhancement script');
    } finally {
      await unenhanced.context.close();
    }
  });
});
