import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Browser } from '../support/browser.js';
import { createTestApp, demoAccounts, knownPassword, type TestApp } from '../support/test-app.js';

/** Guidance anyone can read, and the links to it from the rest of the service. */

let t: TestApp;
let admin: Browser;
let roundId: string;

beforeAll(async () => {
  t = await createTestApp();
  const northmoor = await t.partnership('northmoor');
  const rounds = await t.runtime.services.assessments.list(northmoor.id);
  roundId = rounds.find((r) => r.round.name === 'Spring 2026 full assessment')?.round.id as string;
  admin = new Browser(t.app);
  await admin.signIn(demoAccounts.northmoorAdmin, knownPassword);
}, 60_000);
afterAll(async () => {
  await t.close();
});

/** The part of a page from one marker to the next. */
const between = (body: string, from: string, to: string): string => {
  const start = body.indexOf(from);
  expect(start, from).toBeGreaterThan(-1);
  const end = body.indexOf(to, start);
  return body.slice(start, end === -1 ? undefined : end);
};

const guidanceLinks = (html: string) =>
  [...html.matchAll(/<a class="govuk-link[^"]*" href="\/guidance\/([a-z-]+)">([^<]+)<\/a>/g)].map((m) => ({
    slug: m[1] ?? '',
    text: m[2] ?? '',
  }));

/** The guide's title as the link names it: "Guidance: " and the title. */
const linkText = (slug: string) => `Guidance: ${t.runtime.services.guidance.find(slug)?.title ?? 'none'}`;

describe('guidance for people who are not signed in', () => {
  it('shows the library with no partnership menu, and says what signing in adds', async () => {
    const stranger = new Browser(t.app);
    const page = await stranger.get('/guidance');
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('All 7 guides');
    expect(page.body).not.toContain('Partnership menu');
    expect(page.body).not.toContain('Signed in as');
    expect(page.body).toContain('Anyone can read these guides.');
    expect(page.body).toContain('href="/sign-in?next=%2Fguidance"');
  });

  it('shows every article, with its suggested actions and a way to sign in to add them', async () => {
    const stranger = new Browser(t.app);
    for (const article of t.runtime.services.guidance.list()) {
      const page = await stranger.get(`/guidance/${article.slug}`);
      expect(page.statusCode, article.slug).toBe(200);
      expect(page.body).toContain(article.suggestedActions[0]?.title);
      expect(page.body).not.toContain('Add to action plan');
      expect(page.body).toContain(
        `<a class="govuk-link" href="/sign-in?next=${encodeURIComponent(`/guidance/${article.slug}`)}">sign in to add these actions to your action plan</a>`,
      );
    }
  });

  it('links to the guidance from the start page', async () => {
    const stranger = new Browser(t.app);
    const start = await stranger.get('/');
    expect(start.body).toContain('<a class="govuk-link" href="/guidance">read the guidance</a>');
  });

  it('still answers 404 for an article that does not exist', async () => {
    const stranger = new Browser(t.app);
    expect((await stranger.get('/guidance/no-such-guide')).statusCode).toBe(404);
  });
});

describe('links to the guidance', () => {
  it('links each priority on the results page to a guide for its indicator', async () => {
    const page = await admin.get(`/p/northmoor/rounds/${roundId}/results`);
    expect(page.statusCode).toBe(200);
    const priorities = between(page.body, 'id="priorities"', 'id="indicators"');
    const items = [...priorities.matchAll(/<li><strong>([A-Z]{2}\d+) [^<]*<\/strong>([\s\S]*?)<\/li>/g)];
    expect(items.length).toBeGreaterThan(0);
    for (const [, code = '', rest = ''] of items) {
      const [link] = guidanceLinks(rest);
      expect(link, code).toBeDefined();
      expect(t.runtime.services.guidance.find(link?.slug ?? '')?.indicators, code).toContain(code);
      expect(link?.text).toBe(linkText(link?.slug ?? ''));
    }
  });

  it('links each perception gap on the results page to a guide for its indicator', async () => {
    const page = await admin.get(`/p/northmoor/rounds/${roundId}/results`);
    const table = between(page.body, 'id="gaps-table"', '</table>');
    const rows = [...table.matchAll(/<th scope="row"[^>]*>([A-Z]{2}\d+) ([\s\S]*?)<\/th>/g)];
    expect(rows.length).toBeGreaterThan(0);
    for (const [, code = '', rest = ''] of rows) {
      const [link] = guidanceLinks(rest);
      expect(t.runtime.services.guidance.find(link?.slug ?? '')?.indicators, code).toContain(code);
    }
  });

  it('links each top priority and perception gap on the dashboard to a guide for its indicator', async () => {
    const page = await admin.get('/p/northmoor/');
    expect(page.statusCode).toBe(200);
    for (const [from, to] of [
      ['id="dashboard-priorities"', '</ol>'],
      ['id="dashboard-perception-gaps"', '</ul>'],
    ] as const) {
      const items = [
        ...between(page.body, from, to).matchAll(
          /<li data-indicator="([A-Z]{2}\d+)"><strong>[\s\S]*?<\/li>/g,
        ),
      ];
      expect(items.length, from).toBeGreaterThan(0);
      for (const [item, code = ''] of items) {
        const [link] = guidanceLinks(item);
        expect(t.runtime.services.guidance.find(link?.slug ?? '')?.indicators, code).toContain(code);
      }
    }
  });

  it('prints the dashboard without links to the guidance', async () => {
    const page = await admin.get('/p/northmoor/dashboard/print');
    expect(page.statusCode).toBe(200);
    expect(guidanceLinks(between(page.body, 'id="dashboard-priorities"', '</ol>'))).toEqual([]);
  });

  it('lists guides for the gaps and priorities on the lead-member summary page', async () => {
    const page = await admin.get(`/p/northmoor/rounds/${roundId}/summary`);
    const related = between(page.body, 'id="related-guidance-heading"', '</aside>');
    const links = guidanceLinks(related);
    expect(links.length).toBeGreaterThan(0);
    expect(links.length).toBeLessThanOrEqual(4);
    expect(new Set(links.map((l) => l.slug)).size).toBe(links.length);
    for (const link of links) expect(link.text).toBe(linkText(link.slug));
  });

  it('lists guides for a principle’s statements on its workshop page', async () => {
    const page = await admin.get(`/p/northmoor/rounds/${roundId}/workshop/CR`);
    expect(page.statusCode).toBe(200);
    const links = guidanceLinks(between(page.body, 'id="related-guidance-heading"', '</aside>'));
    expect(links.length).toBeGreaterThan(0);
    for (const link of links) {
      expect(t.runtime.services.guidance.find(link.slug)?.principles).toContain('CR');
    }
  });

  it('links a suggested action to the guide it comes from', async () => {
    const page = await admin.get(
      `/p/northmoor/actions/new?round=${roundId}&indicator=CR2&source=priority:CR2`,
    );
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain(
      `From <a class="govuk-link" href="/guidance/cost-of-living-top-tips">${linkText('cost-of-living-top-tips')}</a>.`,
    );
  });

  it.each([
    ['/p/northmoor/needs/map', ['using-the-needs-map-for-commissioning', 'strategic-commissioning']],
    ['/p/northmoor/needs/gaps', ['using-the-needs-map-for-commissioning', 'strategic-commissioning']],
    ['/p/northmoor/funding', ['funding-together', 'strategic-commissioning', 'cost-of-living-top-tips']],
    ['/p/northmoor/funding/opportunities', ['funding-together', 'cost-of-living-top-tips']],
  ])('offers related guidance on %s', async (url, slugs) => {
    const page = await admin.get(url);
    expect(page.statusCode).toBe(200);
    const links = guidanceLinks(between(page.body, 'id="related-guidance-heading"', '</aside>'));
    expect(links).toEqual(slugs.map((slug) => ({ slug, text: linkText(slug) })));
  });
});
