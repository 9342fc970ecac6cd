import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Browser } from '../support/browser.js';
import { createTestApp, demoAccounts, knownPassword, type TestApp } from '../support/test-app.js';

let t: TestApp;
let viewer: Browser;

beforeAll(async () => {
  t = await createTestApp();
  viewer = new Browser(t.app);
  await viewer.signIn(demoAccounts.northmoorViewer, knownPassword);
});
afterAll(async () => {
  await t.close();
});

/** The article links in the results list, in order. */
const resultSlugs = (html: string): string[] =>
  [
    ...html.matchAll(/<h3 class="govuk-heading-s[^"]*"><a class="govuk-link" href="\/guidance\/([a-z-]+)">/g),
  ].map((match) => match[1] ?? '');

describe('the guidance library', () => {
  it('lists all 7 articles with summary, audience and last reviewed date', async () => {
    const page = await viewer.get('/guidance');
    expect(page.statusCode).toBe(200);
    expect(resultSlugs(page.body)).toHaveLength(7);
    expect(resultSlugs(page.body)[0]).toBe('cost-of-living-top-tips');
    expect(page.body).toContain('Supporting the VCS through the cost-of-living crisis: top tips');
    expect(page.body).toContain('All 7 guides');
    expect(page.body).toContain('Last reviewed <time datetime="2026-11-25">25 November 2026</time>');
    expect(page.body).toContain('For: Lead members (councillors)');
    expect(page.body).toMatch(/<form method="get" action="\/guidance" role="search"/);
  });

  it.each([
    ['q=mosques', ['working-with-faith-groups']],
    ['q=Household+Support+Fund', ['cost-of-living-top-tips']],
    ['q=pipeline', ['funding-together']],
    ['q=zebra', []],
    ['principle=SF&audience=faith-leaders', ['working-with-faith-groups', 'running-an-assessment-workshop']],
    ['theme=fuel-and-energy', ['cost-of-living-top-tips']],
    ['audience=commissioners&q=overlaps', ['using-the-needs-map-for-commissioning']],
  ])('searching and filtering with %s', async (query, expected) => {
    const page = await viewer.get(`/guidance?${query}`);
    expect(page.statusCode).toBe(200);
    expect(resultSlugs(page.body)).toEqual(expected);
    expect(page.body).toContain(`${expected.length} of 7 guides match`);
    expect(page.body).toContain('Clear search and filters');
  });

  it('keeps the chosen filters selected and the words in the search box', async () => {
    const page = await viewer.get('/guidance?q=faith&principle=CR&theme=food&audience=officers');
    expect(page.body).toContain('value="faith"');
    expect(page.body).toMatch(/<option value="CR" selected>/);
    expect(page.body).toMatch(/<option value="food" selected>/);
    expect(page.body).toMatch(/<option value="officers" selected>/);
  });

  it('ignores filter values that are not on offer', async () => {
    const page = await viewer.get('/guidance?principle=XX&theme=%3Cscript%3E&audience=everyone');
    expect(page.statusCode).toBe(200);
    expect(resultSlugs(page.body)).toHaveLength(7);
    expect(page.body).not.toContain('<script>');
  });

  it('shows an article with its last review, principles, statements, actions and related guidance', async () => {
    const page = await viewer.get('/guidance/cost-of-living-top-tips');
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain(
      '<h1 class="govuk-heading-l">Supporting the VCS through the cost-of-living crisis: top tips</h1>',
    );
    expect(page.body).toContain('Last reviewed <time datetime="2026-11-25">25 November 2026</time>');
    expect(page.body).toContain('Capacity and resources');
    expect(page.body).toContain('CR2: Fair and timely funding');
    expect(page.body).toContain('<h2 class="govuk-heading-m">1. Pay on time, or pay early</h2>');
    expect(page.body).toContain('Pay VCS grants on time or in advance');
    expect(page.body).toContain('Related guidance');
    expect(page.body).toMatch(/<a class="govuk-link" href="\/guidance\/funding-together">/);
    expect(page.body).toContain('govuk-!-display-none-print');
  });

  it('answers 404 for an article that does not exist', async () => {
    const page = await viewer.get('/guidance/no-such-article');
    expect(page.statusCode).toBe(404);
  });

  it('offers the library in the partnership menu', async () => {
    const home = await viewer.get('/p/northmoor/');
    expect(home.body).toMatch(/href="\/guidance"[^>]*>\s*Guidance/);
  });

  it('lets people who are signed out read the library and every article', async () => {
    const stranger = new Browser(t.app);
    for (const url of ['/guidance', '/guidance/funding-together']) {
      const page = await stranger.get(url);
      expect(page.statusCode).toBe(200);
    }
  });
});
