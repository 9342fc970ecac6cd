import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { axeViolations, describeViolations, expectNoAxeViolations } from './support/axe.js';
import { describeInBrowser, launchBrowser, openPage, signIn, type OpenPage } from './support/browser.js';
import { phoneWidthProblems, phoneWidths } from './support/phone-width.js';
import { demoAccounts, demoPassword, startServer, type TestServer } from './support/server.js';

/** Most pages a single role's crawl visits. */
const pageCap = 300;

/**
 * Pages of the same shape (ids replaced, query values ignored) are the same template: check one of each, so the
 * crawl reaches every template within its time rather than stopping at the cap with some never seen.
 */
const visitsPerShape = 1;

/** A role's crawl checks up to `pageCap` pages with axe, at desktop and phone widths: minutes on a busy machine. */
const crawlTimeout = 600_000;

function shapeOf(path: string): string {
  const url = new URL(path, 'http://shape.invalid');
  const keys = [...url.searchParams.keys()].sort().join('&');
  const shape = url.pathname
    .replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g, ':id')
    .replace(/\/[EWSN]\d{8}(?=\/|$)/g, '/:area-code');
  return `${shape}?${keys}`;
}

interface Role {
  readonly name: string;
  readonly email?: string;
  /** Where the crawl starts, besides `/`: pages that may not be linked from anywhere. */
  readonly starts: readonly string[];
  /** Pages this role must be refused, with the status it must get. */
  readonly refused: Readonly<Record<string, 403 | 404>>;
}

const northmoorAdminOnly = {
  '/p/northmoor/members': 403,
  '/p/northmoor/members/invite': 403,
  '/p/northmoor/audit': 403,
  '/p/northmoor/emails': 403,
  '/p/northmoor/organisations/new': 403,
  '/p/northmoor/needs/settings': 403,
  '/p/northmoor/settings/national': 403,
  '/p/northmoor/settings/retention': 403,
  '/p/northmoor/imports/feeds/health': 403,
} as const;

const roles: readonly Role[] = [
  {
    name: 'partnership admin',
    email: demoAccounts.partnershipAdmin,
    starts: [
      '/account',
      '/account/your-data',
      '/account/delete',
      '/p/northmoor/settings/retention',
      '/p/northmoor/imports/feeds/health',
      '/partnerships',
      '/p/eastbrook/',
      '/p/northmoor/dashboard/print',
      '/p/northmoor/needs/map?theme=food&level=ward&layer=need',
      '/p/northmoor/needs/settings',
      '/p/northmoor/funding/opportunities',
      '/p/northmoor/commissioning',
      '/p/northmoor/evidence',
      '/p/northmoor/matching',
      '/p/northmoor/who-can-help?area=E05099101&theme=food&age=70',
      '/p/northmoor/settings/national',
      '/p/northmoor/benchmarks',
      '/p/eastbrook/benchmarks',
    ],
    refused: {
      '/national': 403,
      '/national/benchmarks': 403,
      '/p/eastbrook/members': 403,
      '/p/no-such-partnership/': 404,
    },
  },
  {
    name: 'council member',
    email: demoAccounts.councilMember,
    starts: [
      '/account',
      '/account/your-data',
      '/account/delete',
      '/partnerships',
      '/p/northmoor/dashboard/print',
    ],
    refused: { ...northmoorAdminOnly, '/national': 403, '/p/eastbrook/': 404 },
  },
  {
    name: 'voluntary and community sector member',
    email: demoAccounts.vcsMember,
    starts: [
      '/account',
      '/account/reminders',
      '/partnerships',
      '/p/northmoor/dashboard/print',
      '/p/northmoor/funding/opportunities',
      '/p/northmoor/commissioning',
    ],
    refused: {
      ...northmoorAdminOnly,
      '/national': 403,
      '/p/eastbrook/': 404,
      '/p/northmoor/commissioning/new': 403,
    },
  },
  {
    name: 'viewer',
    email: demoAccounts.viewer,
    starts: ['/account', '/partnerships', '/p/northmoor/dashboard/print'],
    refused: { ...northmoorAdminOnly, '/national': 403, '/p/eastbrook/': 404 },
  },
  {
    name: 'national admin',
    email: demoAccounts.nationalAdmin,
    starts: [
      '/account',
      '/account/your-data',
      '/account/delete',
      '/partnerships',
      '/national/partnerships/new',
      '/national/framework',
      '/national/uptake',
      '/national/benchmarks',
      '/national/benchmarks?region=North+West',
      '/national/partnerships/northmoor/region',
    ],
    refused: {
      '/p/northmoor/': 404,
      '/p/northmoor/dashboard/print': 404,
      '/p/eastbrook/members': 404,
      '/p/northmoor/benchmarks': 404,
      '/p/northmoor/settings/national': 404,
    },
  },
  {
    name: 'signed out',
    starts: ['/sign-in', '/password-reset', '/signed-out', '/demo/mail', '/privacy', '/account-deleted'],
    refused: { '/no-such-page': 404 },
  },
];

/** Links the crawl does not follow: actions, files, the JSON APIs (our own and the Open Referral feed) and the health check. */
function shouldFollow(url: URL, origin: string): boolean {
  if (url.origin !== origin) return false;
  const path = url.pathname;
  if (/^\/(static|assets|api|oruk)\//.test(path)) return false;
  if (/sign-?out$/.test(path) && path !== '/signed-out') return false;
  if (path === '/healthz') return false;
  return !/\.(json|geojson|css|js|svg|png|ico|jpe?g|pdf|csv|xlsx|xml|txt|zip)$/i.test(path);
}

const pathOf = (url: string) => {
  const parsed = new URL(url);
  return parsed.pathname + parsed.search;
};

interface CrawlReport {
  readonly checked: readonly { path: string; status: number }[];
  readonly problems: readonly string[];
  /** Pages wider than a phone's viewport, or failing axe's layout rules at phone width. */
  readonly phoneProblems: readonly string[];
}

/** Breadth-first over same-origin links from the start pages; axe and a status check on each page. */
async function crawl(page: Page, origin: string, role: Role): Promise<CrawlReport> {
  const refused = new Map<string, number>(Object.entries(role.refused));
  const queue = ['/', ...role.starts, ...refused.keys()];
  const queued = new Set(queue);
  const checked: { path: string; status: number }[] = [];
  const checkedPaths = new Set<string>();
  const shapes = new Map<string, number>();
  const problems: string[] = [];
  const phoneProblems: string[] = [];

  while (queue.length > 0 && checked.length < pageCap) {
    const requested = queue.shift() as string;
    const response = await page.goto(requested);
    const status = response?.status() ?? 0;
    const finalPath = pathOf(page.url());
    const expected = refused.get(requested);
    if (expected !== undefined ? status !== expected : status >= 400) {
      problems.push(`${requested} answered ${status}, expected ${expected ?? 'less than 400'}`);
    }
    if (checkedPaths.has(finalPath)) continue;
    checkedPaths.add(finalPath);
    checked.push({ path: finalPath, status });

    const violations = await axeViolations(page);
    if (violations.length > 0) problems.push(describeViolations(page.url(), violations));
    if (status < 400) phoneProblems.push(...(await phoneWidthProblems(page)));

    const hrefs = await page.$$eval('a[href]', (links) => links.map((a) => (a as HTMLAnchorElement).href));
    for (const href of hrefs) {
      const url = new URL(href);
      url.hash = '';
      if (!shouldFollow(url, origin)) continue;
      const path = url.pathname + url.search;
      if (queued.has(path) || checkedPaths.has(path)) continue;
      const shape = shapeOf(path);
      if ((shapes.get(shape) ?? 0) >= visitsPerShape) continue;
      shapes.set(shape, (shapes.get(shape) ?? 0) + 1);
      queued.add(path);
      queue.push(path);
    }
  }
  return { checked, problems, phoneProblems };
}

describeInBrowser('every page a role can reach passes axe-core (WCAG 2.2 AA)', () => {
  let server: TestServer;
  let browser: Browser;
  const sessions = new Map<string, OpenPage>();
  const crawled = new Map<string, number>();

  /** One signed-in context per role, reused by later tests. */
  async function sessionFor(role: Role): Promise<Page> {
    const existing = sessions.get(role.name);
    if (existing) return existing.page;
    const opened = await openPage(browser, server.baseUrl);
    if (role.email) await signIn(opened.page, role.email, demoPassword);
    sessions.set(role.name, opened);
    return opened.page;
  }

  const roleNamed = (name: string) => roles.find((role) => role.name === name) as Role;

  beforeAll(async () => {
    [server, browser] = await Promise.all([startServer(), launchBrowser()]);
  });

  afterAll(async () => {
    for (const { path, count } of [...crawled].map(([path, count]) => ({ path, count }))) {
      console.log(`crawl: ${path} – ${count} pages checked`);
    }
    await browser?.close();
    await server?.close();
  });

  it('the admin invites someone, a password reset is asked for and reminders run, so emails and pending invitations exist', async () => {
    const page = await sessionFor(roleNamed('partnership admin'));
    await page.goto('/p/northmoor/members/invite');
    await page.getByLabel('Their email address').fill('crawl.invitee@northmoor.example');
    await page.getByLabel('Viewer', { exact: true }).check();
    await Promise.all([
      page.waitForNavigation(),
      page.getByRole('button', { name: 'Send invitation' }).click(),
    ]);
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toContain('Invitation sent');
    await expectNoAxeViolations(page, 'invitation sent');
    await server.runtime.services.passwords.requestReset(demoAccounts.eastbrookAdmin);
    // Reminder emails too, so the signed-out crawl of the demo mailbox reaches reminders and their stop links.
    await server.runtime.services.reminders.run();
  });

  for (const role of roles) {
    it(
      `${role.name}: every reachable page answers as expected, has no axe violations and fits a phone screen`,
      async () => {
        const page = await sessionFor(role);
        const report = await crawl(page, server.baseUrl, role);
        crawled.set(role.name, report.checked.length);
        expect(report.problems, report.problems.join('\n')).toEqual([]);
        expect(
          report.phoneProblems,
          `pages that do not fit a phone ${phoneWidths.join(' or ')} px wide:\n${report.phoneProblems.join('\n')}`,
        ).toEqual([]);
        expect(report.checked.length).toBeGreaterThan(role.email ? 4 : 3);
        expect(report.checked.length, 'the crawl stopped at its cap: raise pageCap').toBeLessThan(pageCap);
      },
      crawlTimeout,
    );
  }

  it('the signed-out crawl reached the emailed invitation and password pages', async () => {
    const page = await sessionFor(roleNamed('signed out'));
    await page.goto('/demo/mail');
    const subjects = await page.getByRole('table').getByRole('link').allTextContents();
    expect(subjects.length).toBeGreaterThanOrEqual(2);
  });

  it('sign-in errors: empty form and wrong password', async () => {
    const { context, page } = await openPage(browser, server.baseUrl);
    try {
      await page.goto('/sign-in');
      const [response] = await Promise.all([
        page.waitForNavigation(),
        page.getByRole('button', { name: 'Sign in', exact: true }).click(),
      ]);
      expect(response?.status()).toBe(400);
      await expect(page.title()).resolves.toMatch(/^Error: Sign in/);
      expect(await page.getByRole('link', { name: 'Enter your email address' }).count()).toBe(1);
      expect(await page.getByRole('link', { name: 'Enter your password' }).count()).toBe(1);
      await expectNoAxeViolations(page, 'sign-in submitted empty');

      await page.getByLabel('Email address').fill(demoAccounts.viewer);
      await page.getByLabel('Password', { exact: true }).fill('not-the-password-at-all');
      await Promise.all([
        page.waitForNavigation(),
        page.getByRole('button', { name: 'Sign in', exact: true }).click(),
      ]);
      await expect(page.getByLabel('Email address').inputValue()).resolves.toBe(demoAccounts.viewer);
      await expectNoAxeViolations(page, 'sign-in with a wrong password');
    } finally {
      await context.close();
    }
  });

  it('form errors: invite, organisation, token, password reset, new partnership and invitation forms', async () => {
    const admin = await sessionFor(roleNamed('partnership admin'));
    const submitEmpty = async (page: Page, path: string, button: string) => {
      await page.goto(path);
      const [response] = await Promise.all([
        page.waitForNavigation(),
        page.getByRole('button', { name: button, exact: true }).click(),
      ]);
      expect(response?.status(), `${path} submitted empty`).toBe(400);
      expect(await page.getByRole('heading', { name: 'There is a problem' }).count()).toBe(1);
      await expectNoAxeViolations(page, `${path} submitted empty`);
    };
    await submitEmpty(admin, '/p/northmoor/members/invite', 'Send invitation');
    await submitEmpty(admin, '/p/northmoor/organisations/new', 'Add organisation');
    await submitEmpty(admin, '/account', 'Create token');

    const national = await sessionFor(roleNamed('national admin'));
    await submitEmpty(national, '/national/partnerships/new', 'Add partnership');

    const { context, page } = await openPage(browser, server.baseUrl);
    try {
      await submitEmpty(page, '/password-reset', 'Send me a link');
      await page.goto('/demo/mail');
      await Promise.all([
        page.waitForNavigation(),
        page
          .getByRole('link', { name: /invitation|join/i })
          .first()
          .click(),
      ]);
      const invitationLink = await page.locator('.cg-mail-body a').first().getAttribute('href');
      expect(invitationLink).toMatch(/\/invitations\//);
      await submitEmpty(page, pathOf(invitationLink as string), 'Accept invitation and create account');
    } finally {
      await context.close();
    }
  });

  it('the print view prints no addresses of the service’s own pages after their links', async () => {
    const page = await sessionFor(roleNamed('council member'));
    await page.goto('/p/northmoor/dashboard/print');
    await page.emulateMedia({ media: 'print' });
    try {
      const printed = await page.$$eval('main a[href^="/"]', (links) =>
        links.map((link) => getComputedStyle(link, '::after').content),
      );
      expect(printed.length).toBeGreaterThan(0);
      // GOV.UK Frontend's print style would add ` (https://www.gov.uk` attr(href) `)` after each of them.
      expect(printed.filter((content) => content !== 'none' && content !== 'normal')).toEqual([]);
    } finally {
      await page.emulateMedia({ media: 'screen' });
    }
  });

  it('the page-not-found page, signed in and signed out', async () => {
    for (const name of ['viewer', 'national admin', 'signed out']) {
      const page = await sessionFor(roleNamed(name));
      const response = await page.goto('/no-such-page');
      expect(response?.status(), name).toBe(404);
      expect(pathOf(page.url()), name).toBe('/no-such-page');
      await expect(page.title()).resolves.toBe('Page not found – Common Ground');
      expect(await page.getByRole('heading', { level: 1, name: 'Page not found' }).count()).toBe(1);
      await expectNoAxeViolations(page, `page not found (${name})`);
    }
  });

  it('works without JavaScript: sign in, see the partnership home, a form error and sign out', async () => {
    const { context, page } = await openPage(browser, server.baseUrl, { javaScriptEnabled: false });
    try {
      await page.goto('/sign-in');
      await Promise.all([
        page.waitForNavigation(),
        page.getByRole('button', { name: 'Sign in', exact: true }).click(),
      ]);
      expect(await page.getByRole('heading', { name: 'There is a problem' }).count()).toBe(1);

      await signIn(page, demoAccounts.partnershipAdmin, demoPassword);
      expect(new URL(page.url()).pathname).toMatch(/^\/p\/(northmoor|eastbrook)\/$/);
      expect(await page.getByText('Signed in as').count()).toBe(1);

      await Promise.all([
        page.waitForNavigation(),
        page.getByRole('link', { name: 'Switch partnership' }).click(),
      ]);
      await page.getByLabel('Northmoor Council and Communities Partnership').check();
      await Promise.all([page.waitForNavigation(), page.getByRole('button', { name: 'Continue' }).click()]);
      expect(new URL(page.url()).pathname).toBe('/p/northmoor/');
      expect(
        await page
          .getByRole('heading', { level: 1, name: 'Northmoor Council and Communities Partnership' })
          .count(),
      ).toBe(1);

      await Promise.all([page.waitForNavigation(), page.getByRole('button', { name: 'Sign out' }).click()]);
      expect(await page.getByRole('heading', { level: 1, name: 'You have signed out' }).count()).toBe(1);
    } finally {
      await context.close();
    }
  });
});
