import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { visibleSections } from '../../src/web/navigation/sections.js';
import { Browser } from '../support/browser.js';
import { createTestApp, demoAccounts, knownPassword, type TestApp } from '../support/test-app.js';

/** The `<li>` elements directly inside the service navigation list, as their HTML. */
function serviceNavigationItems(html: string): string[] {
  const list = /<ul class="govuk-service-navigation__list"[^>]*>([\s\S]*?)<\/ul>/.exec(html)?.[1];
  if (list === undefined) return [];
  return [...list.matchAll(/<li\b[^>]*>[\s\S]*?<\/li>/g)].map((match) => match[0]);
}

const textOf = (html: string) =>
  html
    .replace(/<[^>]+>/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();

describe('the partnership menu over HTTP', () => {
  let test: TestApp;

  const signedIn = async (email: string) => {
    const browser = new Browser(test.app);
    expect((await browser.signIn(email, knownPassword)).statusCode).toBe(303);
    return browser;
  };

  beforeAll(async () => {
    test = await createTestApp();
  }, 60_000);
  afterAll(() => test.close());

  const roles = [
    { role: 'partnership admin', email: demoAccounts.northmoorAdmin, expected: 7, hasSettings: true },
    { role: 'council member', email: demoAccounts.northmoorCouncil, expected: 6, hasSettings: false },
    { role: 'VCS member', email: demoAccounts.northmoorVcs, expected: 6, hasSettings: false },
    { role: 'viewer', email: demoAccounts.northmoorViewer, expected: 6, hasSettings: false },
  ] as const;

  it.each(roles)(
    'gives a $role at most 7 top-level items, with account links outside the list',
    async ({ email, expected, hasSettings }) => {
      const browser = await signedIn(email);
      for (const address of ['/p/northmoor/', '/p/northmoor/needs/map', '/p/northmoor/rounds']) {
        const page = await browser.get(address);
        expect(page.statusCode).toBe(200);
        const items = serviceNavigationItems(page.body);
        expect(items.length).toBeLessThanOrEqual(7);
        expect(items.length).toBe(expected);
        const texts = items.map(textOf);
        expect(texts.slice(0, 3)).toEqual(['Home', 'Assessment', 'Action plan']);
        expect(texts.includes('Settings')).toBe(hasSettings);
        for (const accountLink of ['Sign out', 'Your account', 'Switch partnership'])
          expect(texts.join(' ')).not.toContain(accountLink);
        expect(page.body).toContain('Sign out');
      }
    },
  );

  it('opens every page of every section a partnership admin sees', async () => {
    const browser = await signedIn(demoAccounts.northmoorAdmin);
    for (const section of visibleSections('partnership-admin')) {
      for (const page of section.pages) {
        const address = page.href ?? `/p/northmoor/${page.path}`;
        expect((await browser.get(address)).statusCode, address).toBe(200);
      }
    }
  });

  it('gives a signed-out visitor fewer items, none needing a partnership', async () => {
    const visitor = new Browser(test.app);
    for (const address of ['/', '/sign-in', '/accessibility']) {
      const page = await visitor.get(address);
      expect(page.statusCode).toBe(200);
      const items = serviceNavigationItems(page.body);
      expect(items.map(textOf)).toEqual(['Home', 'Guidance']);
      expect(page.body).toContain('aria-label="Menu"');
      expect(page.body).not.toContain('Partnership menu');
      expect(page.body).not.toContain('/p/northmoor');
    }
  });

  it('marks the current section, lists its pages and shows breadcrumbs below the top level', async () => {
    const browser = await signedIn(demoAccounts.northmoorAdmin);
    const map = await browser.get('/p/northmoor/needs/map');
    const current = serviceNavigationItems(map.body).filter((item) => item.includes('aria-current'));
    expect(current.map(textOf)).toEqual(['Needs and resources']);
    expect(map.body).toMatch(/<nav class="cg-sub-navigation[^"]*" aria-label="Needs and resources">/);
    expect(map.body).toMatch(/href="\/p\/northmoor\/needs\/map" aria-current="page">Needs map</);
    const crumbs = /<nav class="govuk-breadcrumbs[\s\S]*?<\/nav>/.exec(map.body)?.[0] ?? '';
    expect(textOf(crumbs)).toBe('Home Needs and resources Needs map');
    expect(crumbs).toContain('href="/p/northmoor/"');
    expect(crumbs).toContain('href="/p/northmoor/needs"');

    const home = await browser.get('/p/northmoor/');
    expect(home.body).not.toContain('govuk-breadcrumbs');
    expect(home.body).not.toContain('cg-sub-navigation');
    const landing = await browser.get('/p/northmoor/needs');
    expect(landing.body).not.toContain('govuk-breadcrumbs');
    expect(landing.body).toContain('cg-sub-navigation');
  });

  it('replaces the funding pipeline page of three links with the Funding section', async () => {
    const browser = await signedIn(demoAccounts.northmoorViewer);
    const pipeline = await browser.get('/p/northmoor/funding/pipeline');
    expect(pipeline.statusCode).toBe(301);
    expect(pipeline.headers.location).toBe('/p/northmoor/funding/opportunities');
    const opportunities = await browser.get('/p/northmoor/funding/opportunities');
    const subNavigation = /<nav class="cg-sub-navigation[\s\S]*?<\/nav>/.exec(opportunities.body)?.[0] ?? '';
    for (const page of ['Funding against need', 'Grants', 'Commissioning intentions', 'Evidence packs'])
      expect(subNavigation).toContain(`>${page}</a>`);
    const menu = serviceNavigationItems(opportunities.body).map(textOf);
    expect(menu.filter((text) => /Funding|Grants/.test(text))).toEqual(['Funding']);
  });

  it('keeps the partnership menu on guidance, with Guidance as the current section', async () => {
    const browser = await signedIn(demoAccounts.northmoorCouncil);
    const library = await browser.get('/guidance');
    expect(library.statusCode).toBe(200);
    const items = serviceNavigationItems(library.body);
    expect(items.length).toBe(6);
    expect(items.filter((item) => item.includes('aria-current')).map(textOf)).toEqual(['Guidance']);
    expect(library.body).not.toContain('govuk-breadcrumbs');
    const articleHref = /href="(\/guidance\/[a-z0-9-]+)"/.exec(library.body)?.[1] ?? 'no article link';
    const article = await browser.get(articleHref);
    const title = /<h1[^>]*>([^<]+)<\/h1>/.exec(article.body)?.[1]?.trim() ?? 'no title';
    const crumbs = /<nav class="govuk-breadcrumbs[\s\S]*?<\/nav>/.exec(article.body)?.[0] ?? '';
    expect(textOf(crumbs)).toBe(`Home Guidance ${title}`);
    expect(crumbs).toContain('href="/guidance"');
  });
});
