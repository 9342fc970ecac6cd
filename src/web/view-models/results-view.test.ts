import { describe, expect, it } from 'vitest';
import type { RoundResultsView } from '../../app/assessments/results.js';
import type { GroupRecord, RoundRecord, WorkshopRecord } from '../../app/ports.js';
import type { Framework, Indicator, Principle } from '../../domain/framework/framework.js';
import { computeRoundResults, type Level, type Rating, type Side } from '../../domain/results/index.js';
import {
  belowThresholdMessage,
  changePhrase,
  differencePhrase,
  formatMedian,
  levelPhrase,
} from './results-wording.js';
import { csvFileName, resultsCsvRows } from './results-csv.js';
import { guardCell } from './spreadsheet-cell.js';
import { resultsPageView } from './results-view.js';

const indicator = (code: string, title: string): Indicator => ({
  code,
  title,
  quickCheck: true,
  statement: '',
  levels: [],
  discussionQuestions: [],
  guidance: [],
});
const principle = (code: string, name: string, indicators: Indicator[]): Principle => ({
  code,
  name,
  description: '',
  indicators,
});

const framework: Framework = {
  id: 'test',
  version: '9.1',
  title: 'Test framework',
  published: '2026-01-01',
  changelog: '',
  about: { title: '', summary: '', sections: [], relatedFrameworks: [] },
  scale: {
    levels: [
      { level: 1, name: 'Ad hoc', meaning: '' },
      { level: 2, name: 'Developing', meaning: '' },
      { level: 3, name: 'Established', meaning: '' },
      { level: 4, name: 'Embedded', meaning: '' },
    ],
    otherAnswers: [],
  },
  principles: [
    principle('AA', 'Alpha', [indicator('AA1', 'First alpha'), indicator('AA2', 'Second alpha')]),
    principle('BB', 'Beta', [indicator('BB1', 'First beta')]),
    principle('CC', 'Gamma', [indicator('CC1', 'First gamma')]),
  ],
};
const indicators = framework.principles.flatMap((p) => p.indicators);

const round: RoundRecord = {
  id: 'round-1',
  partnershipId: 'p',
  name: 'Spring round',
  kind: 'full',
  frameworkVersion: '9.1',
  threshold: 3,
  opensOn: '2026-03-01',
  closesOn: '2026-03-31',
  closedAt: null,
  thresholdLockedAt: null,
  createdAt: '2026-03-01T09:00:00.000Z',
  answersVersion: 0,
};

const L = (level: Level): Rating => ({ kind: 'level', level });
const DK: Rating = { kind: 'dont-know' };

interface GroupSpec {
  name: string;
  side: Side;
  answers: Rating[][];
  comment?: string;
}

function viewOf(groups: GroupSpec[], workshop: WorkshopRecord[] = []): RoundResultsView {
  const records: GroupRecord[] = groups.map((group, position) => ({
    id: `g${position}`,
    roundId: round.id,
    kind: 'custom',
    name: group.name,
    side: group.side,
    position,
    hasShareLink: false,
  }));
  const results = computeRoundResults({
    threshold: 3,
    principles: framework.principles.map((p) => ({
      code: p.code,
      name: p.name,
      indicatorCodes: p.indicators.map((i) => i.code),
    })),
    groups: records.map((record) => ({ id: record.id, name: record.name, side: record.side })),
    responses: groups.flatMap((group, position) =>
      group.answers.map((ratings) => ({
        groupId: `g${position}`,
        ratings: Object.fromEntries(indicators.map((ind, i) => [ind.code, ratings[i] ?? DK])),
        comments: (group.comment ? { AA1: group.comment } : {}) as Record<string, string>,
      })),
    ),
  });
  return {
    view: { round, status: 'open', groups: records, framework, indicators },
    results,
    previous: undefined,
    workshop,
  };
}

const all = (rating: Rating): Rating[] => indicators.map(() => rating);

describe('formatting', () => {
  it('shows medians without trailing zeros and a dash for no data', () => {
    expect(formatMedian(3)).toBe('3');
    expect(formatMedian(2.5)).toBe('2.5');
    expect(formatMedian(2.25)).toBe('2.25');
    expect(formatMedian(null)).toBe('–');
  });

  it('names levels, and the two levels a median falls between', () => {
    expect(levelPhrase(3, framework)).toBe('3 (Established)');
    expect(levelPhrase(2.5, framework)).toBe('2.5 (between Developing and Established)');
    expect(levelPhrase(null, framework)).toBe('no data');
  });

  it('puts changes and differences into words', () => {
    expect(changePhrase(0.5)).toBe('Up 0.5');
    expect(changePhrase(-1)).toBe('Down 1');
    expect(changePhrase(0)).toBe('No change');
    expect(differencePhrase(-1.5)).toBe('Community side 1.5 lower');
    expect(differencePhrase(1)).toBe('Community side 1 higher');
  });

  it('words the below-threshold notice as the issue asks', () => {
    expect(belowThresholdMessage('Faith', 2)).toBe(
      'Faith: not enough responses yet to show results. 2 more needed.',
    );
  });

  it('says plainly, once the round has closed, that the group’s answers are not shown and what to do next', () => {
    const closed = belowThresholdMessage('Faith', 2, true);
    expect(closed).toBe(
      'Faith: too few people answered to show this group’s results, so its answers are not shown. ' +
        'Next time, invite more people to this group.',
    );
    expect(closed).not.toContain('more needed');
  });
});

describe('CSV safety', () => {
  it.each(['=1+1', '+44 1234', '-3', '@SUM(A1)', '\tcmd', '\rcmd'])('guards %j', (value) => {
    expect(guardCell(value)).toBe(`'${value}`);
  });

  it('leaves ordinary text alone', () => {
    expect(guardCell('Council side')).toBe('Council side');
    expect(guardCell('a=b')).toBe('a=b');
  });

  it('makes file names of lower-case letters, digits and hyphens only', () => {
    expect(csvFileName('northmoor', '@Spring "2026"; rm -rf /')).toBe(
      'results-northmoor-spring-2026-rm-rf.csv',
    );
    expect(csvFileName('northmoor', 'Café Ünïted')).toBe('results-northmoor-cafe-united.csv');
    expect(csvFileName('northmoor', '!!!')).toBe('results-northmoor.csv');
  });
});

describe('the page view', () => {
  const council: GroupSpec = {
    name: 'Officers',
    side: 'council',
    answers: [all(L(3)), all(L(3)), all(L(4))],
  };
  const vcs: GroupSpec = {
    name: 'Charities',
    side: 'community',
    answers: [all(L(1)), all(L(2)), all(L(2))],
    comment: 'Charities comment',
  };
  const secret: GroupSpec = {
    name: 'Hidden circle',
    side: 'community',
    answers: [all(L(4)), all(L(4))],
    comment: 'SECRET',
  };

  it('shows a group below the threshold only in its notice', () => {
    const view = viewOf([council, vcs, secret]);
    const page = resultsPageView(view);
    expect(page.belowThreshold).toEqual([belowThresholdMessage('Hidden circle', 1)]);
    const { belowThreshold: _notice, ...rest } = page;
    const everythingElse = JSON.stringify(rest);
    expect(everythingElse).not.toContain('Hidden circle');
    expect(everythingElse).not.toContain('SECRET');
    expect(everythingElse).toContain('Charities comment');
    expect(page.columns).toEqual(['Council side', 'Community side', 'Officers', 'Charities']);
    // The community side is the charities alone: 1, 2, 2 has median 2 (with the hidden 4s it would be 2.5).
    expect(page.indicators[0]?.cells).toEqual(['3', '2', '3', '2']);

    const csv = resultsCsvRows(view, 'Test partnership');
    expect(JSON.stringify(csv)).not.toContain('Hidden circle');
    expect(JSON.stringify(csv)).not.toContain('SECRET');
    expect(csv).toHaveLength(1 + indicators.length * 4);
  });

  it('draws the headline dot plot for the two sides only, with every group still in the table', () => {
    const groups = (count: number): GroupSpec[] =>
      Array.from({ length: count }, (_, i) => ({ ...council, name: `Group ${i + 1}` }));
    const page = resultsPageView(viewOf(groups(5)));
    expect(page.dotPlotSvg).toContain('cg-chart--dot-plot');
    expect(page.dotPlotSvg).not.toContain('Group 1');
    expect(page.columns).toHaveLength(7);
    // Only the council side has results, so no principle can be compared.
    expect(page.comparable).toBe(false);
    expect(page.principles.map((row) => row.seen)).toEqual(
      page.principles.map(() => 'Not enough answers to compare'),
    );
  });

  it('marks a high “don’t know” rate', () => {
    const unsure: GroupSpec = { name: 'Unsure', side: 'community', answers: [all(DK), all(L(2)), all(L(3))] };
    const page = resultsPageView(viewOf([council, unsure]));
    expect(page.dontKnow[0]?.community).toEqual({ text: '33% (1 of 3)', high: true });
    expect(page.dontKnow[0]?.council).toEqual({ text: '0% (0 of 3)', high: false });
    expect(page.anyHighDontKnow).toBe(true);
  });

  it('lists workshop records in framework order with named levels', () => {
    const record = (principleCode: string, agreedLevel: number | null): WorkshopRecord => ({
      id: principleCode,
      roundId: round.id,
      principleCode,
      agreedLevel,
      reasons: 'Because',
      agreedActions: 'Act',
      recordedAt: '2026-03-02T00:00:00.000Z',
      recordedBy: 'someone@example.org',
    });
    const page = resultsPageView(viewOf([council, vcs], [record('CC', null), record('AA', 2)]));
    expect(page.workshop.map((w) => [w.principle, w.agreedLevel])).toEqual([
      ['Alpha', '2 (Developing)'],
      ['Gamma', 'Not agreed'],
    ]);
    expect(JSON.stringify(page.workshop)).not.toContain('someone@example.org');
  });

  it('has no data and no figures when no group meets the threshold', () => {
    const page = resultsPageView(viewOf([secret]));
    expect(page.hasData).toBe(false);
    expect(page.sides.map((side) => side.respondents)).toEqual([null, null]);
    expect(page.comments).toEqual([]);
  });
});
