import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { expectNoAxeViolations } from './support/axe.js';
import { describeInBrowser, launchBrowser, openPage, signIn } from './support/browser.js';
import { demoAccounts, demoPassword, startServer, type TestServer } from './support/server.js';

/**
 * Issue 13: a viewer reads the results and the action plan and finds no way to change them. On every page
 * (each passing axe) the main content has no form that posts and no link or button that offers a change;
 * posting to the pages that change things anyway is refused and changes nothing.
 */

const changeWords =
  /^(add|edit|change|delete|remove|close|create|invite|record|run|start|answer|save|send)\b/i;

const path = (page: Page) => new URL(page.url()).pathname;

async function follow(page: Page, name: string | RegExp) {
  await Promise.all([page.waitForNavigation(), page.getByRole('link', { name }).first().click()]);
}

/** Addresses of the pages that change things: forms to add, edit, close, invite, answer or run a workshop. */
const changePages = /\/(new|edit|close|invite|answer|workshop|notes|delete|remove)(\/|\?|$)/;

/** What in the page's main content could change something: posting forms, buttons saying so, links to forms. */
async function waysToChange(page: Page): Promise<string[]> {
  const main = page.locator('main');
  const posting = await main.locator('form[method="post" i]').count();
  const buttons = (await main.getByRole('button').allTextContents())
    .map((text) => text.replace(/\s+/g, ' ').trim())
    .filter((text) => changeWords.test(text));
  const links = (
    await main.locator('a[href]').evaluateAll((anchors) => anchors.map((a) => a.getAttribute('href') ?? ''))
  ).filter((href) => changePages.test(href.split('#')[0] ?? ''));
  return [...(posting > 0 ? [`${posting} form(s) that post`] : []), ...buttons, ...links];
}

describeInBrowser('a viewer reads results and the plan and cannot change them', () => {
  let server: TestServer;
  let browser: Browser;

  beforeAll(async () => {
    [server, browser] = await Promise.all([startServer(), launchBrowser()]);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('reads the results of a round and the action plan, with nothing on screen to change them', async () => {
    const { context, page } = await openPage(browser, server.baseUrl);
    try {
      await signIn(page, demoAccounts.viewer, demoPassword);
      const visited: string[] = [];
      const check = async (label: string) => {
        await expectNoAxeViolations(page, label);
        await expect(waysToChange(page), `${label} (${path(page)})`).resolves.toEqual([]);
        visited.push(path(page));
      };

      await page.goto('/p/northmoor/');
      await check('home page');
      await expect(page.locator('#what-you-can-do').textContent()).resolves.toBe('What you can do here');
      await expect(page.locator('#rounds-to-answer').count()).resolves.toBe(0);

      await follow(page, 'See all rounds and their results');
      await check('rounds');
      await follow(page, 'Autumn 2025 quick check');
      await check('round overview');
      await follow(page, 'See the results');
      await check('results');
      await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toContain('Results');

      await page.goto('/p/northmoor/actions');
      await check('action plan');
      const firstAction = page.locator('main a[href^="/p/northmoor/actions/"]').first();
      await Promise.all([page.waitForNavigation(), firstAction.click()]);
      expect(path(page)).toMatch(/^\/p\/northmoor\/actions\/[\w-]+$/);
      await check('an action');
      expect(visited).toHaveLength(6);
    } finally {
      await context.close();
    }
  });

  it('refuses the viewer’s posts to pages that change the results or the plan', async () => {
    const { context, page } = await openPage(browser, server.baseUrl);
    try {
      await signIn(page, demoAccounts.viewer, demoPassword);
      const services = server.runtime.services;
      const northmoor = await services.partnerships.findBySlug('northmoor');
      if (!northmoor) throw new Error('The demo has no Northmoor');
      const rounds = await services.assessments.list(northmoor.id);
      const round = rounds.find((entry) => entry.round.name === 'Autumn 2025 quick check')?.round;
      const open = rounds.find((entry) => entry.status === 'open')?.round;
      const actions = await services.actions.list(northmoor.id);
      const action = actions[0]?.action;
      if (!round || !open || !action) throw new Error('The demo has no round or action to try');

      await page.goto('/p/northmoor/actions');
      const csrf = await page.locator('input[name="_csrf"]').first().getAttribute('value');
      expect(csrf).toBeTruthy();
      const attempts: [string, Record<string, string>][] = [
        ['/p/northmoor/actions/new', { title: 'Viewer action', side: 'joint' }],
        [`/p/northmoor/actions/${action.id}/edit`, { title: 'Changed by a viewer' }],
        [`/p/northmoor/actions/${action.id}/notes`, { note: 'A viewer note' }],
        [`/p/northmoor/rounds/${round.id}/workshop/SF`, { level: '1', actions: 'Viewer action' }],
        [`/p/northmoor/rounds/${open.id}/close`, {}],
        [`/p/northmoor/rounds/${open.id}/answer`, {}],
      ];
      for (const [url, form] of attempts) {
        const response = await page.request.post(url, {
          form: { _csrf: csrf ?? '', ...form },
          maxRedirects: 0,
        });
        expect(response.status(), url).toBe(403);
      }
      const after = await services.actions.list(northmoor.id);
      expect(after.map((entry) => entry.action.title)).toEqual(actions.map((entry) => entry.action.title));
      expect(
        (await services.assessments.list(northmoor.id)).find((e) => e.round.id === open.id)?.status,
      ).toBe('open');
      await page.goto('/p/northmoor/actions');
      await expectNoAxeViolations(page, 'action plan after the refused posts');
    } finally {
      await context.close();
    }
  });
});
