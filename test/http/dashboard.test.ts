import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PartnershipRecord } from '../../src/app/ports.js';
import { ukDayText } from '../../src/web/reports/report-document.js';
import { Browser, type Response } from '../support/browser.js';
import { createTestApp, demoAccounts, knownPassword, type TestApp } from '../support/test-app.js';

/** The text of an element with this id (tags dropped, spaces squeezed); '' when there is none. */
function section(body: string, id: string): string {
  const start = body.indexOf(`id="${id}"`);
  if (start === -1) return '';
  const open = body.lastIndexOf('<', start);
  const tag = /^<(\w+)/.exec(body.slice(open))?.[1] ?? 'div';
  const end = body.indexOf(`</${tag}>`, start);
  return body
    .slice(open, end)
    .replace(/<[^>]+>/g, ' ')
    .replace(/&#39;|&rsquo;/g, '’')
    .replace(/\s+/g, ' ')
    .trim();
}

/** The text of the section headed by the h2 with this id, up to the next section. */
function sectionText(body: string, id: string): string {
  const start = body.indexOf(`id="${id}"`);
  const end = body.indexOf('</section>', start);
  return body
    .slice(start, end)
    .replace(/<[^>]+>/g, ' ')
    .replace(/\s+/g, ' ');
}

describe('the partnership dashboard', () => {
  let test: TestApp;
  let northmoor: PartnershipRecord;
  let admin: Response;
  let vcs: Response;
  let adminBrowser: Browser;
  let vcsBrowser: Browser;

  const signedIn = async (email: string) => {
    const browser = new Browser(test.app);
    expect((await browser.signIn(email, knownPassword)).statusCode).toBe(303);
    return browser;
  };

  beforeAll(async () => {
    test = await createTestApp();
    northmoor = await test.partnership('northmoor');
    adminBrowser = await signedIn(demoAccounts.northmoorAdmin);
    vcsBrowser = await signedIn(demoAccounts.northmoorVcs);
    admin = await adminBrowser.get('/p/northmoor/');
    vcs = await vcsBrowser.get('/p/northmoor/');
  }, 60_000);
  afterAll(() => test.close());

  it('is the page members land on, with every section for every member', () => {
    for (const page of [admin, vcs]) {
      expect(page.statusCode).toBe(200);
      for (const heading of [
        'Relationship assessment',
        'Headline by principle',
        'Top priorities',
        'Perception gaps',
        'Action plan',
        'Directory freshness',
        'Biggest unmet-need gaps',
        'Funding clashes and deadlines',
      ]) {
        expect(page.body).toContain(`>${heading}</h`);
      }
      expect(page.body).toContain('href="/p/northmoor/dashboard/print"');
    }
  });

  it('shows the open round with counts only for groups that met the threshold', async () => {
    const rounds = await test.runtime.services.assessments.list(northmoor.id);
    const open = rounds.find((r) => r.status === 'open');
    expect(open).toBeDefined();
    for (const page of [admin, vcs]) {
      const responses = section(page.body, 'dashboard-responses');
      expect(responses).toContain(`Responses to ${open?.round.name}`);
      expect(responses).toContain('Council side Not enough responses yet');
      // Every demo group of the open round is below the threshold: none of them has a row of figures.
      expect(responses).not.toMatch(/Faith groups|Voluntary and community sector \(/);
      expect(section(page.body, 'dashboard-below-threshold')).toContain(
        'Faith groups: not enough responses yet to show results.',
      );
      expect(page.body).toContain(`href="/p/northmoor/rounds/${open?.round.id}"`);
    }
  });

  it('shows invitation progress to the admin only, as on the round’s own page', async () => {
    const progress = section(admin.body, 'dashboard-progress');
    expect(progress).toContain('Invited Started Submitted');
    expect(progress).toMatch(/Faith groups Community side \d+ \d+ \d+/);
    expect(vcs.body).not.toContain('dashboard-progress');
    expect(vcs.body).not.toContain('Invitations and answers');
    const rounds = await test.runtime.services.assessments.list(northmoor.id);
    const open = rounds.find((r) => r.status === 'open');
    const overview = await vcsBrowser.get(`/p/northmoor/rounds/${open?.round.id}`);
    expect(overview.body).not.toContain('Submitted');
  });

  it('takes the headline, priorities and perception gaps from the last round with figures, as its results page shows them', async () => {
    const rounds = await test.runtime.services.assessments.list(northmoor.id);
    const spring = rounds.find((r) => r.round.name === 'Spring 2026 full assessment');
    const results = await vcsBrowser.get(`/p/northmoor/rounds/${spring?.round.id}/results`);
    const view = await test.runtime.services.assessments.find(northmoor.id, spring?.round.id as string);
    if (!view) throw new Error('No Spring 2026 round');
    const figures = await test.runtime.services.assessments.results(view);
    // Indicators by name, as on the results page, not by code.
    const titleOf = (code: string) => view.indicators.find((i) => i.code === code)?.title ?? code;
    for (const page of [admin, vcs]) {
      expect(page.body).toContain(
        'has no figures to show yet, so these are from Spring 2026 full assessment.',
      );
      const principles = section(page.body, 'dashboard-principles');
      for (const principle of figures.results.principles) {
        const median = (value: number | null) =>
          value === null ? '–' : String(Math.round(value * 100) / 100);
        expect(principles).toContain(
          `${principle.name} ${median(principle.councilMedian)} ${median(principle.communityMedian)}`,
        );
      }
      const priorities = sectionText(page.body, 'dashboard-priorities');
      for (const priority of figures.results.priorities.slice(0, 3)) {
        expect(priorities).toContain(titleOf(priority.indicatorCode));
        expect(priorities).not.toContain(`${priority.indicatorCode} `);
        expect(results.body).toContain(priority.indicatorCode);
      }
      const gaps = sectionText(page.body, 'dashboard-perception-gaps');
      for (const gap of figures.results.gaps.slice(0, 3)) expect(gaps).toContain(titleOf(gap.indicatorCode));
      expect(page.body).toContain(`href="/p/northmoor/rounds/${spring?.round.id}/results"`);
    }
  });

  it('lists overdue actions, those due in the next 14 days and those done this quarter, each linked', async () => {
    const actions = await test.runtime.services.store.actions.list(northmoor.id);
    const named = (start: string) => actions.find((a) => a.title.startsWith(start));
    for (const page of [admin, vcs]) {
      const overdue = section(page.body, 'dashboard-overdue');
      expect(overdue).toContain('Agree a written promise that challenge will not affect funding');
      expect(overdue).not.toContain('Publish next year');
      const soon = section(page.body, 'dashboard-due-soon');
      expect(soon).toContain('Publish next year’s small grants calendar');
      // Due in 30 days: outside the 14-day window.
      expect(soon).not.toContain('Pay food bank grants');
      const done = section(page.body, 'dashboard-done');
      expect(done).toContain('Name one contact for funding questions from the sector');
      expect(done).not.toContain('Write a new partnership statement');
      expect(page.body).toContain(`href="/p/northmoor/actions/${named('Publish next year')?.id}"`);
      expect(page.body).toContain(`${actions.length} actions in the plan.`);
    }
  });

  it('counts directory records unchecked for 12 months, and a member’s own when they have an organisation', async () => {
    const stale = await test.runtime.services.directory.search(northmoor.id, { needsChecking: true });
    expect(stale.total).toBeGreaterThan(0);
    for (const page of [admin, vcs]) {
      expect(section(page.body, 'dashboard-unchecked')).toMatch(
        new RegExp(`^${stale.total} of \\d+ directory records have not been checked for 12 months\\.$`),
      );
      expect(page.body).toContain('href="/p/northmoor/directory?check=yes"');
    }
    const vcsUser = await test.runtime.services.users.findByEmail(demoAccounts.northmoorVcs);
    const membership = await test.runtime.services.store.memberships.find(
      northmoor.id,
      vcsUser?.id as string,
    );
    const own = await test.runtime.services.directory.search(northmoor.id, {
      needsChecking: true,
      organisationId: membership?.organisationId as string,
    });
    expect(section(vcs.body, 'dashboard-unchecked-own')).toContain(
      `Your organisation has ${own.total} ${own.total === 1 ? 'record' : 'records'} to check`,
    );
    expect(vcs.body).toContain('href="/p/northmoor/directory?check=yes&amp;mine=yes"');
  });

  it('lists the biggest unmet-need gaps by ward with the figures of the gaps page', async () => {
    const table = section(vcs.body, 'dashboard-gap-table');
    const rows = [...vcs.body.matchAll(/href="\/p\/northmoor\/needs\/gaps\/(E05\d{6})\/([a-z-]+)"/g)];
    expect(rows.length).toBe(5);
    const gaps = await vcsBrowser.get('/p/northmoor/needs/gaps?level=ward&class=unmet-need');
    expect(gaps.statusCode).toBe(200);
    const [, code, theme] = rows[0] ?? [];
    expect(gaps.body).toContain(`/p/northmoor/needs/gaps/${code}/${theme}`);
    const explanation = await vcsBrowser.get(`/p/northmoor/needs/gaps/${code}/${theme}`);
    expect(explanation.statusCode).toBe(200);
    expect(table).toContain('Ward and theme Need (0 to 100) Provision Gap score');
    expect(vcs.body).toContain('href="/p/northmoor/needs/gaps?level=ward&amp;class=unmet-need"');
  });

  it('flags the funding clash and the deadline in the next 14 days, linked to the opportunities', async () => {
    const opportunities = await test.runtime.services.store.funding.listOpportunities(northmoor.id);
    const warm = opportunities.find((o) => o.fundName === 'Warm Homes Community Fund');
    const household = opportunities.find((o) => o.fundName.startsWith('Household Support Fund'));
    for (const page of [admin, vcs]) {
      const clashes = section(page.body, 'dashboard-clashes');
      expect(clashes).toContain('Warm Homes Community Fund');
      expect(clashes).toContain('2 partners plan to bid for this fund as lead bidders');
      expect(clashes).not.toContain('Household Support Fund');
      const closing = section(page.body, 'dashboard-closing');
      expect(closing).toContain('Household Support Fund');
      expect(closing).not.toContain('Warm Homes');
      expect(page.body).toContain(`href="/p/northmoor/funding/opportunities/${warm?.id}"`);
      expect(page.body).toContain(`href="/p/northmoor/funding/opportunities/${household?.id}"`);
    }
  });

  it('offers the admin the links to run the partnership, and nobody else', () => {
    expect(admin.body).toContain('Run the partnership');
    expect(vcs.body).not.toContain('Run the partnership');
    expect(vcs.body).not.toContain('href="/p/northmoor/audit"');
  });

  it('has a print view with the partnership’s name and the date, following the same role rules', async () => {
    const adminPrint = await adminBrowser.get('/p/northmoor/dashboard/print');
    const vcsPrint = await vcsBrowser.get('/p/northmoor/dashboard/print');
    const today = ukDayText(test.runtime.services.clock.now());
    for (const page of [adminPrint, vcsPrint]) {
      expect(page.statusCode).toBe(200);
      expect(page.body).toContain('<h1 class="govuk-heading-l">Partnership dashboard</h1>');
      expect(page.body).toContain(northmoor.name);
      expect(section(page.body, 'dashboard-date')).toContain(today);
      expect(section(page.body, 'dashboard-overdue')).toContain('Agree a written promise');
      expect(page.body).toContain('id="dashboard-gap-table"');
      expect(page.body).toContain('id="dashboard-clashes"');
      expect(page.body).not.toContain('Give your answers');
    }
    expect(adminPrint.body).toContain('id="dashboard-progress"');
    expect(vcsPrint.body).not.toContain('id="dashboard-progress"');
    // Only useful on screen: the member's own records to check.
    expect(vcs.body).toContain('id="dashboard-unchecked-own"');
    expect(vcsPrint.body).not.toContain('id="dashboard-unchecked-own"');
  });

  it('is not shown to people outside the partnership', async () => {
    const other = await signedIn(demoAccounts.eastbrookAdmin);
    expect((await other.get('/p/northmoor/')).statusCode).toBe(404);
    expect((await other.get('/p/northmoor/dashboard/print')).statusCode).toBe(404);
    const stranger = new Browser(test.app);
    expect((await stranger.get('/p/northmoor/dashboard/print')).statusCode).toBe(303);
  });

  it('shows a partnership with no rounds, actions or records without failing', async () => {
    const eastbrook = await signedIn(demoAccounts.eastbrookAdmin);
    const page = await eastbrook.get('/p/eastbrook/');
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('>Relationship assessment</h2>');
    expect(section(page.body, 'dashboard-overdue')).toBe('No actions are overdue.');
    expect((await eastbrook.get('/p/eastbrook/dashboard/print')).statusCode).toBe(200);
  });
});
