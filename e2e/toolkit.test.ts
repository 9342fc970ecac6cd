import type { APIRequestContext, Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { ukDate } from '../src/domain/assessment/round-rules.js';
import { expectNoAxeViolations } from './support/axe.js';
import { describeInBrowser, launchBrowser, openPage, signIn } from './support/browser.js';
import { demoAccounts, demoPassword, startServer, type TestServer } from './support/server.js';

const secret = 'FAITH-SECRET-COMMENT';
let fullIndicatorCodes: string[] = [];
const levelNames = ['Ad hoc', 'Developing', 'Established', 'Embedded'];
const path = (page: Page) => new URL(page.url()).pathname;

async function required<T>(value: Promise<T | undefined>): Promise<T> {
  const found = await value;
  if (found === undefined) throw new Error('Expected the demo data to have this');
  return found;
}

/** Level codes each side gives every indicator: the council side sees things more positively. */
const ratingFor = (group: 'council' | 'vcs' | 'faith', index: number, person: number): string => {
  if (group === 'council') return String(3 + ((index + person) % 2)); // 3 or 4
  if (group === 'faith') return '4';
  return String(1 + ((index + person) % 2)); // 1 or 2
};

async function pdfText(bytes: Buffer): Promise<{ text: string; pages: number }> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const document = await pdfjs.getDocument({ data: new Uint8Array(bytes), verbosity: 0 }).promise;
  let text = '';
  for (let number = 1; number <= document.numPages; number += 1) {
    const content = await (await document.getPage(number)).getTextContent();
    text += `${content.items.map((item) => ('str' in item ? item.str : '')).join(' ')}\n`;
  }
  return { text, pages: document.numPages };
}

/** Answers every question of a personal link over HTTP, as a browser without JavaScript would. */
async function answerOverHttp(
  request: APIRequestContext,
  link: string,
  answers: (code: string, index: number) => { rating: string; comment?: string },
) {
  const unique = fullIndicatorCodes;
  expect((await request.get(link)).status()).toBe(200);
  for (const [index, code] of unique.entries()) {
    const page = await (await request.get(`${link}/questions/${code}`)).text();
    const csrf = /name="_csrf" value="([^"]+)"/.exec(page)?.[1] ?? '';
    const answer = answers(code, index);
    const saved = await request.post(`${link}/questions/${code}`, {
      form: {
        _csrf: csrf,
        rating: answer.rating,
        comment: answer.comment ?? '',
        evidenceUrl: '',
        action: 'continue',
      },
      maxRedirects: 0,
    });
    expect(saved.status()).toBe(303);
  }
  const check = await (await request.get(`${link}/check`)).text();
  const csrf = /name="_csrf" value="([^"]+)"/.exec(check)?.[1] ?? '';
  const submitted = await request.post(`${link}/submit`, { form: { _csrf: csrf }, maxRedirects: 0 });
  expect(submitted.status()).toBe(303);
}

describeInBrowser('relationship toolkit: a full round from creation to reports', () => {
  let server: TestServer;
  let browser: Browser;
  let admin: Page;
  let roundUrl = '';

  beforeAll(async () => {
    [server, browser] = await Promise.all([startServer(), launchBrowser()]);
    admin = (await openPage(browser, server.baseUrl)).page;
    fullIndicatorCodes = server.runtime.services.assessments.frameworks.current.principles.flatMap((p) =>
      p.indicators.map((i) => i.code),
    );
    await signIn(admin, demoAccounts.partnershipAdmin, demoPassword);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('an admin creates a full round with threshold 3 and invites 3 council, 5 VCS and 2 faith respondents', async () => {
    await admin.goto('/p/northmoor/rounds');
    await expectNoAxeViolations(admin, 'rounds list');
    await admin.getByRole('link', { name: 'Start a new round' }).click();
    await admin.getByLabel('Name of the round').fill('Browser full assessment');
    await admin.getByLabel('Full assessment').check();
    await admin.getByLabel('Fewest answers before a group’s results show').fill('3');
    const closes = ukDate(new Date(Date.now() + 20 * 86_400_000)).split('-');
    const closing = admin.getByRole('group', { name: 'Closing date' });
    await closing.getByLabel('Day').fill(String(Number(closes[2])));
    await closing.getByLabel('Month').fill(String(Number(closes[1])));
    await closing.getByLabel('Year').fill(closes[0] ?? '');
    await expectNoAxeViolations(admin, 'new round form');
    await Promise.all([
      admin.waitForNavigation(),
      admin.getByRole('button', { name: 'Create round' }).click(),
    ]);
    roundUrl = path(admin);
    expect(roundUrl).toMatch(/^\/p\/northmoor\/rounds\/[0-9a-f-]{36}$/);
    await expectNoAxeViolations(admin, 'round overview');

    for (const [group, count] of [
      ['Council', 3],
      ['Voluntary and community sector', 5],
      ['Faith groups', 2],
    ] as const) {
      const emails = Array.from(
        { length: count },
        (_, i) => `${group.split(' ')[0]?.toLowerCase()}-${i + 1}@respondents.example`,
      );
      await admin.getByLabel(`Email addresses for ${group}`).fill(emails.join('\n'));
      await Promise.all([
        admin.waitForNavigation(),
        admin.getByRole('button', { name: `Send invitations to ${group}` }).click(),
      ]);
      await expect(admin.getByRole('heading', { level: 1 }).textContent()).resolves.toContain(
        'Invitations sent',
      );
      await admin.goto(roundUrl);
    }
    const invited = await admin.getByRole('table').first().textContent();
    expect(invited?.replace(/\s+/g, ' ')).toMatch(/Council Council side 3 0 0/);
  });

  it('respondents answer through their personal links', async () => {
    const messages = await server.runtime.services.store.outbox.listRecent(100);
    const links = new Map<string, string>();
    for (const message of messages.filter((m) => m.kind === 'round-invitation')) {
      const link = /(http:\/\/\S+\/respond\/\S+)/.exec(message.bodyText)?.[1];
      if (link && !links.has(message.recipient)) links.set(message.recipient, link);
    }
    expect(links.size).toBe(10);

    // One VCS respondent answers in the browser; axe checks each kind of page.
    const first = links.get('voluntary-1@respondents.example') as string;
    const { page, context } = await openPage(browser, server.baseUrl);
    await page.goto(first);
    await expectNoAxeViolations(page, 'respondent start page');
    await page.getByRole('button', { name: /Start now|Continue/ }).click();
    for (let index = 0; index < 24; index += 1) {
      if (index === 0) await expectNoAxeViolations(page, 'first question');
      await page
        .getByLabel(levelNames[Number(ratingFor('vcs', index, 0)) - 1] as string, { exact: true })
        .check();
      await Promise.all([page.waitForNavigation(), page.getByRole('button', { name: 'Continue' }).click()]);
    }
    expect(path(page)).toMatch(/\/check$/);
    await expectNoAxeViolations(page, 'check your answers');
    await Promise.all([
      page.waitForNavigation(),
      page.getByRole('button', { name: 'Send your answers' }).click(),
    ]);
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toContain(
      'Your answers have been sent',
    );
    await expectNoAxeViolations(page, 'answers sent');
    await context.close();

    // The other nine answer over HTTP through their own links.
    for (const [email, link] of links) {
      if (email === 'voluntary-1@respondents.example') continue;
      const group = email.startsWith('council') ? 'council' : email.startsWith('faith') ? 'faith' : 'vcs';
      const person = Number(/-(\d+)@/.exec(email)?.[1] ?? 0) - 1;
      const own = await browser.newContext({ baseURL: server.baseUrl });
      await answerOverHttp(own.request, link, (_code, index) => ({
        rating: ratingFor(group, index, person),
        ...(group === 'faith' && index === 0 ? { comment: secret } : {}),
      }));
      await own.close();
    }
  });

  it('shows both sides, gaps and priorities, and nothing of the faith group anywhere', async () => {
    await admin.goto(`${roundUrl}/results`);
    await expectNoAxeViolations(admin, 'results');
    const html = await admin.content();
    expect(html).toContain('Council side');
    expect(html).toContain('Community side');
    expect(html).toContain('Faith groups: not enough responses yet to show results. 1 more needed.');
    expect(html).not.toContain(secret);
    const differences = await admin.getByRole('table', { name: 'Perception gaps' }).textContent();
    expect(differences).toBeTruthy();
    expect(await admin.getByRole('heading', { name: 'Priorities' }).count()).toBe(1);

    const csv = await (await admin.request.get(`${roundUrl}/results.csv`)).text();
    expect(csv).not.toContain(secret);
    expect(csv).not.toContain('Faith groups');

    const token = await server.runtime.services.apiTokens.create(
      await required(server.runtime.services.users.findByEmail(demoAccounts.partnershipAdmin)),
      'browser test',
    );
    const roundId = roundUrl.split('/').pop() as string;
    const api = await admin.request.get(`/api/v1/partnerships/northmoor/rounds/${roundId}/results`, {
      headers: { authorization: `Bearer ${token.token}` },
    });
    const json = (await api.json()) as {
      results: {
        sides: { community: { indicators: { indicatorCode: string; median: number | null }[] } };
        groups: {
          groupName: string;
          status: string;
          indicators?: { indicatorCode: string; median: number | null }[];
        }[];
      };
    };
    expect(JSON.stringify(json)).not.toContain(secret);
    const faith = json.results.groups.find((g) => g.groupName === 'Faith groups');
    expect(faith).toMatchObject({ status: 'below-threshold' });
    expect(faith && 'indicators' in faith).toBe(false);
    const vcs = json.results.groups.find((g) => g.groupName === 'Voluntary and community sector');
    // The community side pools the VCS only: its medians are exactly the VCS group's.
    expect(json.results.sides.community.indicators.map((i) => i.median)).toEqual(
      vcs?.indicators?.map((i) => i.median),
    );

    for (const report of ['summary.pdf', 'report.pdf']) {
      const response = await admin.request.get(`${roundUrl}/${report}`);
      expect(response.status()).toBe(200);
      const { text } = await pdfText(await response.body());
      expect(text).not.toContain(secret);
      expect(text).toContain('Community side');
    }
  });

  it('a workshop records agreed levels that appear in the full report, and a second round shows trends', async () => {
    await admin.goto(`${roundUrl}/workshop/SF`);
    await expectNoAxeViolations(admin, 'workshop principle');
    await admin.getByLabel('2 Developing').check();
    await admin.getByLabel('Why the meeting agreed this').fill('Our shared statement is six years old.');
    await admin.getByLabel('Actions agreed').fill('Write a new statement together.');
    await Promise.all([
      admin.waitForNavigation(),
      admin.getByRole('button', { name: /Save and go to the next principle/ }).click(),
    ]);
    await admin.goto(`${roundUrl}/report`);
    await expectNoAxeViolations(admin, 'full report');
    expect(await admin.content()).toContain('Our shared statement is six years old.');
    const pdf = await pdfText(await (await admin.request.get(`${roundUrl}/report.pdf`)).body());
    expect(pdf.text).toContain('Our shared statement is six years old.');

    // A second round, answered by three people on each side, compares with the first.
    const services = server.runtime.services;
    const partnership = await required(services.partnerships.findBySlug('northmoor'));
    const today = ukDate(new Date());
    const second = await services.assessments.create(
      partnership,
      {
        name: 'Browser second round',
        kind: 'quick',
        threshold: '3',
        opensOn: today,
        closesOn: ukDate(new Date(Date.now() + 10 * 86_400_000)),
        groups: [
          { kind: 'council', name: 'Council', side: '' },
          { kind: 'vcs', name: 'VCS', side: '' },
        ],
      },
      { userId: null, label: 'Browser test' },
    );
    const view = await required(services.assessments.find(partnership.id, second.id));
    for (const [groupIndex, prefix] of [
      [0, 'c'],
      [1, 'v'],
    ] as const) {
      const emails = [1, 2, 3].map((n) => `${prefix}${n}@second.example`).join(',');
      await services.assessments.invite(view, partnership.name, view.groups[groupIndex]?.id ?? '', emails, {
        userId: null,
        label: 'Browser test',
      });
    }
    const messages = await services.store.outbox.listRecent(20);
    for (const message of messages.filter((m) => m.recipient.endsWith('@second.example'))) {
      const token = /\/respond\/(\S+)/.exec(message.bodyText)?.[1] as string;
      for (const indicator of view.indicators) {
        await services.assessments.saveAnswer(token, indicator.code, {
          rating: '3',
          comment: '',
          evidenceUrl: '',
        });
      }
      await services.assessments.submit(token);
    }
    await admin.goto(`/p/northmoor/rounds/${second.id}/results`);
    await expectNoAxeViolations(admin, 'second round results');
    const trends = await admin.locator('#trends').count();
    expect(trends).toBe(1);
    expect(await admin.content()).toContain('Browser full assessment');
  });

  it('a shareable link, saving for later and a closed round all read well', async () => {
    await admin.goto(roundUrl);
    await Promise.all([
      admin.waitForNavigation(),
      admin.getByRole('button', { name: 'Make a shareable link for Faith groups' }).click(),
    ]);
    await expectNoAxeViolations(admin, 'shareable link shown once');
    const shareLink = ((await admin.locator('#share-link').textContent()) ?? '').trim();
    expect(shareLink).toMatch(/\/share\//);

    const { page, context } = await openPage(browser, server.baseUrl);
    await page.goto(shareLink);
    await expectNoAxeViolations(page, 'share page');
    await page.getByLabel('Email address').fill('faith-new@respondents.example');
    await Promise.all([page.waitForNavigation(), page.getByRole('button', { name: /link/i }).click()]);
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toContain(
      'Check your email',
    );
    await expectNoAxeViolations(page, 'check your email');

    const message = (await server.runtime.services.store.outbox.listRecent(5)).find(
      (m) => m.recipient === 'faith-new@respondents.example',
    );
    const personal = /(http:\/\/\S+\/respond\/\S+)/.exec(message?.bodyText ?? '')?.[1] ?? '';
    await page.goto(personal);
    await page.getByRole('button', { name: /Start now|Continue/ }).click();
    await page.getByLabel('Established', { exact: true }).check();
    await Promise.all([
      page.waitForNavigation(),
      page.getByRole('button', { name: 'Save and come back later' }).click(),
    ]);
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toContain('saved');
    await expectNoAxeViolations(page, 'saved for later');

    await admin.goto(`${roundUrl}/close`);
    await expectNoAxeViolations(admin, 'close the round');
    await Promise.all([
      admin.waitForNavigation(),
      admin.getByRole('button', { name: 'Close the round' }).click(),
    ]);
    await page.goto(personal);
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toContain(
      'This round has closed',
    );
    await expectNoAxeViolations(page, 'closed round');
    await context.close();
  });
});
