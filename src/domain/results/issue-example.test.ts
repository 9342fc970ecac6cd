/** The worked example from the results issue, every figure worked by hand. */
import { describe, expect, it } from 'vitest';
import type { Level, Rating } from './rating.js';
import type { ResponseInput, RoundInput } from './round-input.js';
import { computeRoundResults, type RoundResults } from './round-results.js';

const L = (level: Level): Rating => ({ kind: 'level', level });
const DK: Rating = { kind: 'dont-know' };
const NA: Rating = { kind: 'not-applicable' };

const principles = [
  { code: 'SF', name: 'Shared foundations', indicatorCodes: ['SF1', 'SF5'] },
  { code: 'RC', name: 'Relational culture', indicatorCodes: ['RC1', 'RC2'] },
];

/** One response rating SF1, SF5, RC1, RC2 in that order. */
const answer = (
  groupId: string,
  [sf1, sf5, rc1, rc2]: [Rating, Rating, Rating, Rating],
  comments?: Record<string, string>,
): ResponseInput => ({
  groupId,
  ratings: { SF1: sf1, SF5: sf5, RC1: rc1, RC2: rc2 },
  ...(comments ? { comments } : {}),
});

/** Everything shown except the groups list, which names each group and its own status. */
const shown = ({ groups: _groups, ...rest }: RoundResults) => rest;

describe('the issue’s example: 5 VCS, 2 faith and 3 council respondents, threshold 3', () => {
  const input: RoundInput = {
    principles,
    threshold: 3,
    groups: [
      { id: 'vcs', name: 'Voluntary and community sector', side: 'community' },
      { id: 'faith', name: 'Faith groups', side: 'community' },
      { id: 'council', name: 'Council', side: 'council' },
    ],
    responses: [
      answer('vcs', [L(2), L(1), L(2), L(1)], { SF1: 'Zebra crossing talks stalled' }),
      answer('council', [L(3), L(3), L(3), L(3)], { SF1: 'Statement signed' }),
      answer('faith', [L(1), L(4), L(4), L(4)], { SF1: 'Only our mosque was asked', RC1: 'Never invited' }),
      answer('vcs', [L(3), L(2), L(2), L(1)]),
      answer('council', [L(4), L(3), L(3), L(2)]),
      answer('vcs', [L(3), L(2), L(3), L(2)], { SF1: 'agreed in 2024' }),
      answer('faith', [L(1), L(4), L(4), L(4)]),
      answer('vcs', [L(4), NA, L(1), DK]),
      answer('council', [L(4), DK, L(4), L(3)]),
      answer('vcs', [DK, NA, L(2), DK]),
    ],
  };
  const results = computeRoundResults(input);

  it('shows nothing for the faith group but how many more respondents it needs', () => {
    // 2 respondents, threshold 3: needs 3 - 2 = 1 more
    expect(results.groups.find((group) => group.groupId === 'faith')).toStrictEqual({
      groupId: 'faith',
      groupName: 'Faith groups',
      side: 'community',
      status: 'below-threshold',
      respondents: 2,
      needed: 1,
    });
  });

  it('shows the council group, which is exactly at the threshold', () => {
    expect(results.groups.find((group) => group.groupId === 'council')).toMatchObject({
      status: 'meets-threshold',
      respondents: 3,
    });
  });

  it('pools the VCS only on the community side', () => {
    const community = results.sides.community;
    if (community.status !== 'has-data') throw new Error('expected community figures');
    expect([community.groupIds, community.respondents]).toEqual([['vcs'], 5]);
    expect(community.indicators).toStrictEqual([
      {
        indicatorCode: 'SF1',
        // VCS levels [2, 3, 3, 4] + 1 DK: median (3 + 3) / 2 = 3; DK rate 1 / (4 + 1) = 0.2
        // halves [2, 3] and [3, 4]: Q1 2.5, Q3 3.5, IQR 1. With the faith 1s it would be 2.5.
        answered: 4,
        dontKnow: 1,
        notApplicable: 0,
        dontKnowRate: 0.2,
        median: 3,
        spread: { min: 2, max: 4, lowerQuartile: 2.5, upperQuartile: 3.5, interquartileRange: 1 },
        // alphabetical; the faith comment is not here
        comments: ['agreed in 2024', 'Zebra crossing talks stalled'],
      },
      {
        indicatorCode: 'SF5',
        // levels [1, 2, 2] + 2 NA: median 2; DK rate 0 / (3 + 0) = 0; halves [1] and [2]: IQR 1
        answered: 3,
        dontKnow: 0,
        notApplicable: 2,
        dontKnowRate: 0,
        median: 2,
        spread: { min: 1, max: 2, lowerQuartile: 1, upperQuartile: 2, interquartileRange: 1 },
        comments: [],
      },
      {
        indicatorCode: 'RC1',
        // levels sorted [1, 2, 2, 2, 3]: median 2; halves [1, 2] and [2, 3]: Q1 1.5, Q3 2.5, IQR 1
        answered: 5,
        dontKnow: 0,
        notApplicable: 0,
        dontKnowRate: 0,
        median: 2,
        spread: { min: 1, max: 3, lowerQuartile: 1.5, upperQuartile: 2.5, interquartileRange: 1 },
        comments: [], // "Never invited" came from the faith group
      },
      {
        indicatorCode: 'RC2',
        // levels [1, 1, 2] + 2 DK: median 1; DK rate 2 / (3 + 2) = 0.4; halves [1] and [2]: IQR 1
        answered: 3,
        dontKnow: 2,
        notApplicable: 0,
        dontKnowRate: 0.4,
        median: 1,
        spread: { min: 1, max: 2, lowerQuartile: 1, upperQuartile: 2, interquartileRange: 1 },
        comments: [],
      },
    ]);
    expect(community.principles).toStrictEqual([
      // SF: median of indicator medians [3, 2] = 2.5; RC: median of [2, 1] = 1.5
      { principleCode: 'SF', median: 2.5, indicatorsWithMedian: 2, indicatorCount: 2 },
      { principleCode: 'RC', median: 1.5, indicatorsWithMedian: 2, indicatorCount: 2 },
    ]);
  });

  it('gives the same figures for the VCS group as for the community side it alone makes up', () => {
    const vcs = results.groups.find((group) => group.groupId === 'vcs');
    const community = results.sides.community;
    if (vcs?.status !== 'meets-threshold' || community.status !== 'has-data')
      throw new Error('expected figures');
    expect(community.indicators.map(({ comments: _comments, ...figures }) => figures)).toStrictEqual(
      vcs.indicators,
    );
    expect(vcs).not.toHaveProperty('comments');
  });

  it('compares the sides indicator by indicator and principle by principle', () => {
    // council: SF1 [3, 4, 4] -> 4; SF5 [3, 3] + DK -> 3; RC1 [3, 3, 4] -> 3; RC2 [2, 3, 3] -> 3
    // council principles: SF median [4, 3] = 3.5; RC median [3, 3] = 3
    expect(
      results.indicators.map((row) => [
        row.indicatorCode,
        row.councilMedian,
        row.communityMedian,
        row.difference,
      ]),
    ).toEqual([
      ['SF1', 4, 3, -1], // 3 - 4
      ['SF5', 3, 2, -1], // 2 - 3
      ['RC1', 3, 2, -1], // 2 - 3
      ['RC2', 3, 1, -2], // 1 - 3
    ]);
    expect(results.principles).toStrictEqual([
      {
        principleCode: 'SF',
        name: 'Shared foundations',
        indicatorCodes: ['SF1', 'SF5'],
        councilMedian: 3.5,
        communityMedian: 2.5,
      },
      {
        principleCode: 'RC',
        name: 'Relational culture',
        indicatorCodes: ['RC1', 'RC2'],
        councilMedian: 3,
        communityMedian: 1.5,
      },
    ]);
  });

  it('lists gaps biggest first, no strengths, and priorities lowest first', () => {
    // |−2| for RC2 first; then SF1, SF5, RC1 (all |−1|) in framework order
    expect(results.gaps.map((gap) => [gap.indicatorCode, gap.difference])).toEqual([
      ['RC2', -2],
      ['SF1', -1],
      ['SF5', -1],
      ['RC1', -1],
    ]);
    // every indicator has a gap, so none is agreed: no strengths
    expect(results.strengths).toEqual([]);
    // lowest medians: RC2 1 (gap 2); SF5 2 and RC1 2 (gap 1 each, framework order); SF1 3 (gap 1)
    expect(results.priorities.map((item) => [item.indicatorCode, item.lowestMedian, item.gap])).toEqual([
      ['RC2', 1, 2],
      ['SF5', 2, 1],
      ['RC1', 2, 1],
      ['SF1', 3, 1],
    ]);
  });

  it('leaks nothing of the faith group anywhere in the output', () => {
    const text = JSON.stringify(results);
    expect(text).not.toContain('mosque');
    expect(text).not.toContain('Never invited');
    const withoutFaith = computeRoundResults({
      ...input,
      responses: input.responses.filter((response) => response.groupId !== 'faith'),
    });
    expect(shown(results)).toStrictEqual(shown(withoutFaith));
  });
});
