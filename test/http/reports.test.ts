import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PartnershipRecord } from '../../src/app/ports.js';
import { readPdf, type ReadPdf, type StructNode } from '../../src/web/reports/read-pdf.testing.js';
import { Browser, type Response } from '../support/browser.js';
import {
  answerAll,
  COUNCIL_COMMENT,
  councilAnswer,
  createThreeGroupRound,
  FAITH_SECRET,
  faithAnswer,
  respondents,
  scenarioActor,
  VCS_COMMENT,
  vcsAnswer,
} from '../support/assessment-scenario.js';
import { createTestApp, demoAccounts, FakeClock, knownPassword, type TestApp } from '../support/test-app.js';

/**
 * The lead-member summary and the full report, as pages and as tagged PDFs, against the scenario:
 * threshold 3; 3 council, 5 VCS and 2 faith respondents. The faith group is below the threshold, so nothing
 * it said may show anywhere: not a comment, not a figure, not a nudge to its side's medians.
 */

const WORKSHOP_REASONS = 'WORKSHOP-REASONS: both sides agreed the purpose is written down but not used.';
const WORKSHOP_ACTIONS = 'WORKSHOP-ACTIONS: rewrite the compact together by June.';
const ROUND = 'Spring 2026 assessment';
const PARTNERSHIP = 'Northmoor Council and Communities Partnership';
const NOT_ENOUGH = 'Faith: not enough responses to show results.';

let t: TestApp;
let clock: FakeClock;
let northmoor: PartnershipRecord;
let roundId: string;
let admin: Browser;

beforeAll(async () => {
  clock = new FakeClock();
  t = await createTestApp({ clock });
  northmoor = await t.partnership('northmoor');
  const services = t.runtime.services;
  const view = await createThreeGroupRound(t, northmoor, ROUND);
  roundId = view.round.id;
  await answerAll(t, view, await respondents(t, clock, view, 'Council', 3, 'council'), councilAnswer);
  await answerAll(t, view, await respondents(t, clock, view, 'VCS', 5, 'vcs'), vcsAnswer);
  await answerAll(t, view, await respondents(t, clock, view, 'Faith', 2, 'faith'), faithAnswer);
  await services.assessments.saveWorkshop(
    view,
    { principleCode: 'SF', agreedLevel: '2', reasons: WORKSHOP_REASONS, agreedActions: WORKSHOP_ACTIONS },
    scenarioActor,
  );

  admin = new Browser(t.app);
  await admin.signIn(demoAccounts.northmoorAdmin, knownPassword);
});

afterAll(async () => {
  await t.close();
});

const url = (path: 'summary' | 'summary.pdf' | 'report' | 'report.pdf', id = roundId, slug = 'northmoor') =>
  `/p/${slug}/rounds/${id}/${path}`;

function decode(html: string): string {
  return html
    .replace(/<[^>]+>/g, ' ')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ')
    .trim();
}

/** The page's main content as text. */
function mainText(response: Response): string {
  return decode(/<main[\s\S]*<\/main>/.exec(response.body)?.[0] ?? '');
}

function withRole(node: StructNode | null | undefined, role: string): StructNode[] {
  if (!node) return [];
  return [...(node.role === role ? [node] : []), ...(node.children ?? []).flatMap((c) => withRole(c, role))];
}

const occurrences = (text: string, part: string) => text.split(part).length - 1;

/** Page or PDF text compared alike: no list bullets or numbers, and "label: text" as one. */
const flat = (text: string) =>
  text
    .replace(/ ?• /g, ' ')
    .replace(/(^| )\d+\. (?=[A-Z]{2}\d )/g, '$1')
    .replace(/ : /g, ': ');

async function pdfOf(path: 'summary.pdf' | 'report.pdf'): Promise<{ response: Response; pdf: ReadPdf }> {
  const response = await admin.get(url(path));
  expect(response.statusCode).toBe(200);
  return { response, pdf: await readPdf(response.rawPayload) };
}

describe('the lead-member summary', () => {
  it('is a print-friendly page in plain English', async () => {
    const response = await admin.get(url('summary'));
    expect(response.statusCode).toBe(200);
    const text = mainText(response);
    expect(text).toContain(`Lead-member summary: ${ROUND}`);
    expect(text).toContain(
      `${PARTNERSHIP} ran a full assessment called “${ROUND}” from 2 March 2026 to 31 March 2026`,
    );
    expect(text).toContain('Council side : 3 people (Council)');
    expect(text).toContain('Community side : 5 people (VCS)');
    expect(text).toContain(
      'Principle Council side Community side How it is seen Shared foundations 2 2 Seen much the same way ' +
        'Relational culture 4 2 Seen differently',
    );
    expect(response.body).toMatch(
      /<figure[^>]*>\s*<figcaption[^>]*>Median level of each side for each principle/,
    );
    expect(response.body).toContain('<svg');
    expect(text).toContain('What to do next');
    expect(response.body).toContain(`href="${url('summary.pdf')}"`);
    expect(response.body).toContain(`href="${url('report')}"`);
  });

  it('is a tagged PDF of at most three A4 pages with the same content', async () => {
    const { response, pdf } = await pdfOf('summary.pdf');
    expect(response.headers['content-type']).toBe('application/pdf');
    expect(response.headers['content-disposition']).toBe(
      'attachment; filename="summary-northmoor-spring-2026-assessment.pdf"',
    );
    expect(response.headers['cache-control']).toBe('private, no-store');
    expect(pdf.pageCount).toBeLessThanOrEqual(3);
    expect(pdf.markInfo?.Marked).toBe(true);
    expect(pdf.info.Title).toBe(`Lead-member summary: ${ROUND}`);
    expect(pdf.info.Language).toBe('en-GB');
    expect(pdf.roles).toEqual(expect.arrayContaining(['Document', 'H1', 'H2', 'P', 'L', 'LI']));
    expect(pdf.text).toContain('Community side: 5 people (VCS)');
    expect(pdf.untagged.join('')).toBe('');
  });

  it('describes every difference by the rule, with the headline chart as a tagged figure and its table', async () => {
    const { pdf } = await pdfOf('summary.pdf');
    expect(pdf.text).toContain(
      'A gap of less than half a level is “seen much the same way”; half a level up to 1 level is “some ' +
        'difference”; 1 level or more is “seen differently”',
    );
    const figures = pdf.structTrees.flatMap((tree) => withRole(tree, 'Figure'));
    expect(figures).toHaveLength(1);
    expect(figures[0]?.alt).toContain(
      'Shared foundations: council side 2, community side 2, seen much the same way. Relational culture: ' +
        'council side 4, community side 2, seen differently.',
    );
    expect(pdf.roles.join(' ')).toMatch(/Figure( \w+)* Table/);
    expect(pdf.text).toContain(
      'Median level of each side for each principle Principle Council side Community side How it is seen ' +
        'Shared foundations 2 2 Seen much the same way Relational culture 4 2 Seen differently ' +
        'Effective structures 4 2 Seen differently Capacity and resources 4 2 Seen differently',
    );
    // Every difference named in words is one of the rule's bands, and never by statement code.
    const differences = pdf.text.slice(
      pdf.text.indexOf('Biggest differences'),
      pdf.text.indexOf('Top priorities'),
    );
    expect(differences.match(/: (seen much the same way|some difference|seen differently),/g)).toHaveLength(
      3,
    );
    expect(pdf.text).not.toMatch(/\b[A-Z]{2}\d\b/);
    expect(pdf.text).toContain('The workshop has agreed levels for 1 of 4 principles.');
    expect(pdf.pages.at(-1)).toContain(`Page ${pdf.pageCount} of ${pdf.pageCount}`);
  });

  it('lists the three biggest gaps and the top five priorities', async () => {
    const { pdf } = await pdfOf('summary.pdf');
    const page = mainText(await admin.get(url('summary')));
    expect(pdf.text).toContain('1. Respect as partners: council side 4, community side 2');
    for (const text of [flat(pdf.text), flat(page)]) {
      expect(text).toContain(
        'Respect as partners: council side 4, community side 2: seen differently, the community side rates it ' +
          '2 levels lower.',
      );
      expect(text).toContain('the top 3 of 19');
      const priorities = text.slice(text.indexOf('Top priorities'), text.indexOf('What to do next'));
      expect(priorities.match(/council side \d/g)).toHaveLength(5);
    }
  });
});

describe('the full report', () => {
  it('sets out the method: who was asked, dates, threshold, medians and framework version', async () => {
    const { pdf } = await pdfOf('report.pdf');
    const page = mainText(await admin.get(url('report')));
    for (const text of [flat(pdf.text), flat(page)]) {
      expect(text).toContain('Method');
      expect(text).toContain('Council (council side): 3 people');
      expect(text).toContain('VCS (community side): 5 people');
      expect(text).toContain('The round ran from 2 March 2026 to 31 March 2026.');
      expect(text).toContain('The threshold for this round is 3 people.');
      expect(text).toContain('Each figure is a median');
      expect(text).toContain('relationship framework, version 2026.1');
    }
    expect(pdf.info.Title).toBe(`Full report: ${ROUND}`);
    expect(pdf.markInfo?.Marked).toBe(true);
    expect(pdf.roles).toEqual(
      expect.arrayContaining([
        'Document',
        'Sect',
        'H1',
        'H2',
        'H3',
        'P',
        'Table',
        'TR',
        'TH',
        'TD',
        'Caption',
      ]),
    );
  });

  it('gives every indicator’s medians, spreads and “don’t know” rates, the community side from VCS alone', async () => {
    const { pdf } = await pdfOf('report.pdf');
    const page = mainText(await admin.get(url('report')));
    for (const text of [pdf.text, page]) {
      // Who | Median | Range | Middle half | "Don't know"
      expect(text).toContain('Community side 2 1–4 1.5–3.5 0% (0 of 5)');
      expect(text).toContain('VCS (community side) 2 1–4 1.5–3.5 0% (0 of 5)');
      expect(text).toContain('Council side 4 3–4 3–4 0% (0 of 3)');
      expect(text).toContain('Community side 3 2–4 2–4 40% (2 of 5), high');
      // Were the faith answers pooled, the community side would read 3, range 1–4, middle half 2–4.
      expect(text).not.toContain('Community side 3 1–4');
      expect(text).not.toContain('of 7)');
      expect(text).not.toMatch(/Faith group/);
    }
    const response = await admin.get(url('report.pdf'));
    expect(response.headers['content-disposition']).toBe(
      'attachment; filename="report-northmoor-spring-2026-assessment.pdf"',
    );
  });

  it('shows comments by side without attribution', async () => {
    const { pdf } = await pdfOf('report.pdf');
    const page = mainText(await admin.get(url('report')));
    for (const text of [flat(pdf.text), flat(page)]) {
      const sf1 = text.slice(
        text.indexOf('SF1 A shared written purpose We'),
        text.indexOf('SF2 Clear roles'),
      );
      expect(sf1).toContain(`Comments from the community side: ${VCS_COMMENT}`);
      expect(sf1).not.toContain('Comments from the council side');
      const rc1 = text.slice(text.indexOf('RC1 Respect as partners Both'), text.indexOf('RC2 Safe'));
      expect(rc1).toContain(`Comments from the council side: ${COUNCIL_COMMENT}`);
      expect(rc1).not.toContain('Comments from the community side');
      expect(occurrences(text, 'Comments from the')).toBe(2);
    }
  });

  it('shows the workshop’s agreed level, reasons and actions beside the survey results', async () => {
    const { pdf } = await pdfOf('report.pdf');
    const page = mainText(await admin.get(url('report')));
    for (const text of [flat(pdf.text), flat(page)]) {
      const headline = text.slice(text.indexOf('Headline by principle'));
      expect(headline).toContain('Shared foundations 2 2 Seen much the same way 2 (Developing)');
      const workshop = text.slice(text.indexOf('What the workshop agreed'));
      expect(workshop).toContain('Agreed level: 2 (Developing)');
      expect(workshop).toContain('The survey: Council side 2, community side 2: seen much the same way.');
      expect(workshop).toContain(`Reasons: ${WORKSHOP_REASONS}`);
      expect(workshop).toContain(`Agreed actions: ${WORKSHOP_ACTIONS}`);
      // The workshop sits in its principle's section, before the principle's first indicator.
      expect(text.indexOf('What the workshop agreed')).toBeLessThan(
        text.indexOf('SF1 A shared written purpose'),
      );
    }
  });
});

describe('below the threshold', () => {
  it('the faith group shows nothing but “not enough responses”, in every page and PDF', async () => {
    const texts = {
      summaryPage: (await admin.get(url('summary'))).body,
      reportPage: (await admin.get(url('report'))).body,
      summaryPdf: (await pdfOf('summary.pdf')).pdf.text,
      reportPdf: (await pdfOf('report.pdf')).pdf.text,
    };
    for (const [name, text] of Object.entries(texts)) {
      const where = { name };
      expect({ ...where, secret: text.includes(FAITH_SECRET) }).toEqual({ ...where, secret: false });
      expect({ ...where, notice: occurrences(text, NOT_ENOUGH) }).toEqual({ ...where, notice: 1 });
      expect({ ...where, named: occurrences(text, 'Faith') }).toEqual({ ...where, named: 1 });
      expect(text).not.toContain('7 people');
      expect(text).not.toContain('2 people');
      expect(text).not.toContain('more needed');
    }
  });
});

describe('access', () => {
  it('every report route is not found for a member of another partnership, or another partnership’s round', async () => {
    const eastbrook = new Browser(t.app);
    await eastbrook.signIn(demoAccounts.eastbrookAdmin, knownPassword);
    for (const path of ['summary', 'summary.pdf', 'report', 'report.pdf'] as const) {
      const response = await eastbrook.get(url(path));
      expect({ path, status: response.statusCode }).toEqual({ path, status: 404 });
      expect(response.headers['content-type']).toContain('text/html');
      expect(response.body).not.toContain(ROUND);
      const crossed = await eastbrook.get(url(path, roundId, 'eastbrook'));
      expect({ path, status: crossed.statusCode }).toEqual({ path, status: 404 });
      const unknown = await admin.get(url(path, '7d0f3c0e-0000-4000-8000-000000000000'));
      expect({ path, status: unknown.statusCode }).toEqual({ path, status: 404 });
      const anonymous = await new Browser(t.app).get(url(path));
      expect(anonymous.statusCode).toBe(303);
    }
  });

  it('a viewer of the partnership can read every report', async () => {
    const viewer = new Browser(t.app);
    await viewer.signIn(demoAccounts.northmoorViewer, knownPassword);
    for (const path of ['summary', 'summary.pdf', 'report', 'report.pdf'] as const) {
      expect((await viewer.get(url(path))).statusCode).toBe(200);
    }
  });
});
