import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PartnershipRecord } from '../../src/app/ports.js';
import { Browser } from '../support/browser.js';
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
 * The results page and CSV, against the scenario: threshold 3; 3 council, 5 VCS and 2 faith
 * respondents. The faith group is below the threshold, so nothing it said may show anywhere.
 */

const EVIL_GROUP = '=HYPERLINK("http://evil.example","Click me")';
const MAIN_ROUND = 'Spring 2026 assessment';
const PULSE_ROUND = '@Summer pulse check';

let t: TestApp;
let clock: FakeClock;
let northmoor: PartnershipRecord;
let mainRoundId: string;
let pulseRoundId: string;
let indicatorCount: number;
let admin: Browser;

beforeAll(async () => {
  clock = new FakeClock();
  t = await createTestApp({ clock });
  northmoor = await t.partnership('northmoor');
  const services = t.runtime.services;
  const view = await createThreeGroupRound(t, northmoor, MAIN_ROUND);
  mainRoundId = view.round.id;
  indicatorCount = view.indicators.length;
  await answerAll(t, view, await respondents(t, clock, view, 'Council', 3, 'council'), councilAnswer);
  await answerAll(t, view, await respondents(t, clock, view, 'VCS', 5, 'vcs'), vcsAnswer);
  await answerAll(t, view, await respondents(t, clock, view, 'Faith', 2, 'faith'), faithAnswer);

  // A later round whose only group has a name a spreadsheet would run as a formula (and no comments).
  clock.advanceMinutes(10);
  const pulse = await services.assessments.create(
    northmoor,
    {
      name: PULSE_ROUND,
      kind: 'quick',
      threshold: '3',
      opensOn: '2026-03-02',
      closesOn: '2026-03-31',
      groups: [{ kind: 'custom', name: EVIL_GROUP, side: 'community' }],
    },
    scenarioActor,
  );
  pulseRoundId = pulse.id;
  const pulseView = await services.assessments.find(northmoor.id, pulse.id);
  if (!pulseView) throw new Error('round not found');
  await answerAll(t, pulseView, await respondents(t, clock, pulseView, EVIL_GROUP, 3, 'pulse'), () => ({
    rating: '3',
  }));

  admin = new Browser(t.app);
  await admin.signIn(demoAccounts.northmoorAdmin, knownPassword);
});

afterAll(async () => {
  await t.close();
});

const pageUrl = (roundId: string) => `/p/northmoor/rounds/${roundId}/results`;
const csvUrl = (roundId: string) => `/p/northmoor/rounds/${roundId}/results.csv`;

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

/** The rows of the table with this id, each as its cells' text (header row first). */
function tableRows(html: string, id: string): string[][] {
  const table = new RegExp(`<table[^>]*id="${id}"[^>]*>([\\s\\S]*?)</table>`).exec(html)?.[1];
  if (!table) throw new Error(`No table ${id}`);
  return [...table.matchAll(/<tr[^>]*>([\s\S]*?)<\/tr>/g)].map((row) =>
    [...(row[1] ?? '').matchAll(/<t[hd][^>]*>([\s\S]*?)<\/t[hd]>/g)].map((cell) => decode(cell[1] ?? '')),
  );
}

function rowFor(rows: string[][], heading: string): string[] {
  const row = rows.find((cells) => cells[0] === heading);
  if (!row) throw new Error(`No row ${heading} in ${JSON.stringify(rows.map((r) => r[0]))}`);
  return row;
}

const occurrences = (text: string, part: string) => text.split(part).length - 1;

describe('the results page', () => {
  it('shows each side’s figures, with the community side from the VCS group alone', async () => {
    const page = await admin.get(pageUrl(mainRoundId));
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain(`Results: ${MAIN_ROUND}`);

    const summary = decode(
      /<dl class="govuk-summary-list" id="summary">([\s\S]*?)<\/dl>/.exec(page.body)?.[1] ?? '',
    );
    expect(summary).toContain('Full assessment');
    expect(summary).toContain('Council side: 3');
    expect(summary).toContain('Community side: 5');

    const indicators = tableRows(page.body, 'indicators-table');
    expect(indicators[0]).toEqual(['Indicator', 'Council side', 'Community side', 'Council', 'VCS']);
    expect(indicators).toHaveLength(1 + indicatorCount);
    // Medians worked out by hand from the answers above.
    expect(rowFor(indicators, 'RC1 Respect as partners')).toEqual([
      'RC1 Respect as partners',
      '4',
      '2',
      '4',
      '2',
    ]);
    expect(rowFor(indicators, 'SF1 A shared written purpose')).toEqual([
      'SF1 A shared written purpose',
      '2',
      '2.5',
      '2',
      '2.5',
    ]);
    expect(rowFor(indicators, 'SF2 Clear roles for each side').slice(1)).toEqual(['2', '3', '2', '3']);

    const principles = tableRows(page.body, 'principles-table');
    expect(principles[0]).toEqual([
      'Principle',
      'Council side',
      'Community side',
      'How it is seen',
      'Council',
      'VCS',
    ]);
    // SF community: indicator medians 2.5, 3, 2, 2, 2, 2 have median 2.
    // Council, community, how it is seen (by the one rule), then each group.
    expect(rowFor(principles, 'Shared foundations').slice(1)).toEqual([
      '2',
      '2',
      'Seen much the same way',
      '2',
      '2',
    ]);
    expect(rowFor(principles, 'Relational culture').slice(1)).toEqual([
      '4',
      '2',
      'Seen differently',
      '4',
      '2',
    ]);
  });

  it('draws both charts inside a figure with a visible caption, followed by their tables', async () => {
    const { body } = await admin.get(pageUrl(mainRoundId));
    const figures = [
      ...body.matchAll(
        /<figure[^>]*>\s*<figcaption[^>]*>([^<]+)<\/figcaption>\s*<svg[\s\S]*?<\/svg>\s*<\/figure>/g,
      ),
    ];
    expect(figures).toHaveLength(2);
    for (const figure of figures) expect(figure[1]?.trim().length).toBeGreaterThan(20);
    // The dot plot has a council dot and a community dot for each principle, and nothing for any group.
    const dots = /<svg[^>]*class="cg-chart cg-chart--dot-plot"[\s\S]*?<\/svg>/.exec(body)?.[0] ?? '';
    const sides = [...dots.matchAll(/data-side="([^"]+)"/g)].map((match) => match[1]);
    expect(sides).toEqual(Array.from({ length: 4 }, () => ['council', 'community']).flat());
    expect(dots).not.toContain('Faith');
    expect(decode(dots)).toContain('Relational culture: council side 4, community side 2, seen differently.');
    expect(body.indexOf('id="principles-table"')).toBeGreaterThan(body.indexOf('cg-chart--dot-plot'));
    expect(body.indexOf('id="indicators-table"')).toBeGreaterThan(body.indexOf('cg-chart--heat-map'));
    expect(body).not.toMatch(/\sstyle=/);
  });

  it('lists perception gaps biggest first, and strengths and priorities', async () => {
    const { body } = await admin.get(pageUrl(mainRoundId));
    const gaps = tableRows(body, 'gaps-table').slice(1);
    // 18 indicators outside SF differ by 2; SF2 by 1; SF1 (0.5) and SF3 to SF6 (0) are not gaps.
    expect(gaps).toHaveLength(19);
    expect(gaps[0]).toEqual([
      'RC1 Respect as partners Guidance: Strategic commissioning: outcomes, not one-off grants',
      '4',
      '2',
      'Community side 2 lower',
      'Add an action for Respect as partners',
    ]);
    expect(gaps.at(-1)).toEqual([
      'SF2 Clear roles for each side Guidance: Strategic commissioning: outcomes, not one-off grants',
      '2',
      '3',
      'Community side 1 higher',
      'Add an action for Clear roles for each side',
    ]);
    expect(gaps.some((row) => row[0]?.startsWith('SF1 '))).toBe(false);

    // Every indicator's lowest median is 2, so the biggest gaps come first, in framework order.
    const priorities = decode(/id="priorities"[\s\S]*?<\/ul>/.exec(body)?.[0] ?? '');
    expect(priorities).toContain(
      'RC1 Respect as partners : council side 4 (Embedded), community side 2 (Developing) Add an action for Respect as partners Guidance: Strategic commissioning: outcomes, not one-off grants RC2 Safe to challenge',
    );
    expect(decode(/id="strengths"[\s\S]*?id="priorities"/.exec(body)?.[0] ?? '')).toContain(
      'No indicator is rated Established or above by both sides',
    );
  });

  it('shows “don’t know” rates per side and says a high rate is a finding', async () => {
    const { body } = await admin.get(pageUrl(mainRoundId));
    const rows = tableRows(body, 'dont-know-table');
    expect(rowFor(rows, 'SF2 Clear roles for each side').slice(1)).toEqual([
      '0% (0 of 3)',
      '40% (2 of 5) high',
    ]);
    expect(rowFor(rows, 'SF1 A shared written purpose').slice(1)).toEqual(['0% (0 of 3)', '20% (1 of 5)']);
    expect(body).toContain('A high rate is itself a finding');
    expect(body).toContain('Some indicators have a high “don’t know” rate.');
  });

  it('shows comments per side without attribution, and nothing at all from the faith group', async () => {
    const { body } = await admin.get(pageUrl(mainRoundId));
    const comments = decode(/id="comments"[\s\S]*$/.exec(body)?.[0] ?? '');
    expect(comments).toContain(`SF1 A shared written purpose Community side ${VCS_COMMENT}`);
    expect(comments).toContain(`RC1 Respect as partners Council side ${COUNCIL_COMMENT}`);
    expect(body).not.toContain(FAITH_SECRET);

    // The faith group's name appears only in its notice, with no figure.
    const notice = 'Faith: not enough responses yet to show results. 1 more needed.';
    expect(occurrences(body, notice)).toBe(1);
    expect(occurrences(body, 'Faith')).toBe(1);
  });

  it('can be seen by a viewer of the partnership', async () => {
    const viewer = new Browser(t.app);
    await viewer.signIn(demoAccounts.northmoorViewer, knownPassword);
    const page = await viewer.get(pageUrl(mainRoundId));
    expect(page.statusCode).toBe(200);
    expect(rowFor(tableRows(page.body, 'indicators-table'), 'RC1 Respect as partners')[2]).toBe('2');
    expect((await viewer.get(csvUrl(mainRoundId))).statusCode).toBe(200);
  });

  it('is not found for a member of another partnership, an unknown round, or a round of another partnership', async () => {
    const eastbrook = new Browser(t.app);
    await eastbrook.signIn(demoAccounts.eastbrookAdmin, knownPassword);
    for (const url of [pageUrl(mainRoundId), csvUrl(mainRoundId)]) {
      const response = await eastbrook.get(url);
      expect(response.statusCode).toBe(404);
      expect(response.body).toContain('Page not found');
      expect(response.body).not.toContain(MAIN_ROUND);
    }
    // Eastbrook's own address with Northmoor's round.
    const crossed = await eastbrook.get(`/p/eastbrook/rounds/${mainRoundId}/results`);
    expect(crossed.statusCode).toBe(404);
    expect((await eastbrook.get(`/p/eastbrook/rounds/${mainRoundId}/results.csv`)).statusCode).toBe(404);

    const unknown = '7d0f3c0e-0000-4000-8000-000000000000';
    expect((await admin.get(pageUrl(unknown))).statusCode).toBe(404);
    expect((await admin.get(csvUrl(unknown))).statusCode).toBe(404);

    const anonymous = await new Browser(t.app).get(pageUrl(mainRoundId));
    expect(anonymous.statusCode).toBe(303);
    expect(anonymous.headers.location).toContain('/sign-in');
  });

  it('shows trends against the previous round, naming it', async () => {
    const { body, statusCode } = await admin.get(pageUrl(pulseRoundId));
    expect(statusCode).toBe(200);
    expect(decode(body)).toContain(`since the previous round, ${MAIN_ROUND},`);
    const rows = tableRows(body, 'trends-table');
    // The quick check shares its 8 indicators with the full round; its only group is on the community side.
    expect(rows.slice(2)).toHaveLength(8);
    expect(rowFor(rows, 'RC1 Respect as partners').slice(1)).toEqual([
      '–',
      '–',
      'No comparison',
      '2',
      '3',
      'Up 1',
    ]);
    expect(decode(body)).toContain('There are not enough answers yet to compare the two sides');
    expect(decode(body)).toContain('Council side: no results yet');
  });
});

describe('the results CSV', () => {
  const download = async (roundId: string) => {
    const response = await admin.get(csvUrl(roundId));
    const rows: string[][] = parse(response.body, { bom: true });
    return { response, rows };
  };

  it('is an attachment with a safe file name', async () => {
    const { response } = await download(mainRoundId);
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(response.headers['content-disposition']).toBe(
      'attachment; filename="results-northmoor-spring-2026-assessment.csv"',
    );
    const pulse = await download(pulseRoundId);
    expect(pulse.response.headers['content-disposition']).toBe(
      'attachment; filename="results-northmoor-summer-pulse-check.csv"',
    );
  });

  it('has one aggregated row per indicator for each side and qualifying group, and nothing else', async () => {
    const { response, rows } = await download(mainRoundId);
    const [header, ...data] = rows;
    expect(header).toEqual([
      'Partnership',
      'Round',
      'Indicator code',
      'Indicator',
      'Principle',
      'Group or side',
      'Respondents',
      'Answered',
      "Don't know",
      'Not applicable',
      'Median',
      'Minimum',
      'Maximum',
      'Lower quartile',
      'Upper quartile',
      'Perception gap',
    ]);
    // Council side, community side, Council and VCS: never a row per person, and none for Faith.
    expect(data).toHaveLength(indicatorCount * 4);
    expect(new Set(data.map((row) => row[5]))).toEqual(
      new Set(['Council side', 'Community side', 'Council', 'VCS']),
    );
    expect(response.body).not.toContain('Faith');
    expect(response.body).not.toContain(FAITH_SECRET);
    expect(response.body).not.toContain(VCS_COMMENT);
    expect(response.body).not.toContain(COUNCIL_COMMENT);

    const find = (code: string, column: string) =>
      data.find((row) => row[2] === code && row[5] === column)?.slice(6);
    // VCS on RC1: 1, 2, 2, 3, 4.
    expect(find('RC1', 'Community side')).toEqual(['5', '5', '0', '0', '2', '1', '4', '1.5', '3.5', 'yes']);
    expect(find('RC1', 'VCS')).toEqual(['5', '5', '0', '0', '2', '1', '4', '1.5', '3.5', '']);
    expect(find('SF1', 'Community side')).toEqual(['5', '4', '1', '0', '2.5', '2', '4', '2', '3.5', 'no']);
    expect(find('SF1', 'Council side')).toEqual(['3', '3', '0', '0', '2', '2', '3', '2', '3', 'no']);
  });

  it('guards every text cell against formula injection', async () => {
    const { rows } = await download(pulseRoundId);
    const [, ...data] = rows;
    expect(data).toHaveLength(8 * 3); // two sides and the one group, for 8 quick-check indicators
    const groupRows = data.filter((row) => row[5] === `'${EVIL_GROUP}`);
    expect(groupRows).toHaveLength(8);
    expect(data.every((row) => row[1] === `'${PULSE_ROUND}`)).toBe(true);
    for (const row of data) for (const cell of row) expect(cell).not.toMatch(/^[=+\-@]/);
    // The council side has no data: its rows have no figures.
    expect(data.find((row) => row[5] === 'Council side')?.slice(6)).toEqual([
      '0',
      '',
      '',
      '',
      '',
      '',
      '',
      '',
      '',
      'no',
    ]);
  });
});
