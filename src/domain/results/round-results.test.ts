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

describe('a group exactly at the threshold and a group one below (default threshold 5)', () => {
  const responses = (
    groupId: string,
    count: number,
    rating: (index: number) => [Rating, Rating, Rating, Rating],
  ) =>
    Array.from({ length: count }, (_, index) =>
      answer(groupId, rating(index), { RC1: `${groupId} ${index}` }),
    );
  const atThreshold = responses('council', 5, (i) => [L(3), L(i < 2 ? 2 : 4), DK, L(3)]);
  const belowThreshold = responses('members', 4, () => [L(1), L(1), L(1), DK]);
  const community = responses('vcs', 6, (i) => [L(((i % 4) + 1) as Level), NA, L(2), L(2)]);
  const input: RoundInput = {
    principles,
    groups: [
      { id: 'council', name: 'Council officers', side: 'council' },
      { id: 'members', name: 'Councillors', side: 'council' },
      { id: 'vcs', name: 'VCS', side: 'community' },
    ],
    responses: [...atThreshold, ...belowThreshold, ...community],
  };
  const results = computeRoundResults(input);

  it.each([
    ['council', 'meets-threshold', 5],
    ['members', 'below-threshold', 4],
  ])('%s is %s with %i respondents', (groupId, status, respondents) => {
    expect(results.groups.find((group) => group.groupId === groupId)).toMatchObject({ status, respondents });
  });

  it('the group below needs 5 - 4 = 1 more respondent and carries nothing else', () => {
    expect(results.groups[1]).toStrictEqual({
      groupId: 'members',
      groupName: 'Councillors',
      side: 'council',
      status: 'below-threshold',
      respondents: 4,
      needed: 1,
    });
  });

  it('the group below changes no side figure: same results with and without its responses', () => {
    const without = computeRoundResults({ ...input, responses: [...atThreshold, ...community] });
    expect(results.sides).toStrictEqual(without.sides);
    expect(shown(results)).toStrictEqual(shown(without));
    // council side: SF5 levels [2, 2, 4, 4, 4] -> median 4 (the councillors' 1s would make it 2)
    expect(results.indicators[1]?.councilMedian).toBe(4);
    // council side: RC1 all don't know -> no median, DK rate 5 / 5 = 1, and 5 council comments only
    if (results.sides.council.status !== 'has-data') throw new Error('expected council figures');
    expect(results.sides.council.indicators[2]).toMatchObject({ median: null, dontKnow: 5, dontKnowRate: 1 });
    expect(results.sides.council.indicators[2]?.comments).toHaveLength(5);
    expect(results.sides.council.respondents).toBe(5);
  });

  it('one more respondent brings the group in, and then it is pooled', () => {
    const fifth = answer('members', [L(1), L(1), L(1), DK]);
    const more = computeRoundResults({ ...input, responses: [...input.responses, fifth] });
    expect(more.groups[1]).toMatchObject({ status: 'meets-threshold', respondents: 5 });
    // council side SF5 levels now [2, 2, 4, 4, 4, 1, 1, 1, 1, 1]: sorted middle pair 1 and 2 -> 1.5
    expect(more.indicators[1]?.councilMedian).toBe(1.5);
  });
});

describe('indicators nobody could rate', () => {
  const input: RoundInput = {
    principles,
    threshold: 3,
    groups: [
      { id: 'council', name: 'Council', side: 'council' },
      { id: 'vcs', name: 'VCS', side: 'community' },
    ],
    responses: [
      ...[1, 2, 3].map(() => answer('council', [NA, DK, L(3), L(4)])),
      ...[1, 2, 3].map(() => answer('vcs', [NA, L(2), DK, L(4)])),
    ],
  };
  const results = computeRoundResults(input);

  it.each([
    // [indicator, council median, community median]
    ['SF1: all not applicable on both sides', 0, null, null],
    ['SF5: all don’t know on the council side', 1, null, 2],
    ['RC1: all don’t know on the community side', 2, 3, null],
    ['RC2: rated on both sides', 3, 4, 4],
  ])('%s', (_name, index, councilMedian, communityMedian) => {
    expect(results.indicators[index]).toMatchObject({ councilMedian, communityMedian, perceptionGap: false });
  });

  it('leaves them out of principle medians, gaps, strengths and priorities', () => {
    // SF council: [null, null] -> null; SF community: [null, 2] -> 2; RC council [3, 4] -> 3.5; RC community [null, 4] -> 4
    expect(results.principles.map((p) => [p.principleCode, p.councilMedian, p.communityMedian])).toEqual([
      ['SF', null, 2],
      ['RC', 3.5, 4],
    ]);
    expect(results.gaps).toEqual([]);
    expect(results.strengths.map((item) => item.indicatorCode)).toEqual(['RC2']); // 4 and 4, agreed
    expect(results.priorities).toEqual([]);
  });

  it('reports the don’t-know rate as null when nobody gave a level or a don’t know', () => {
    if (results.sides.council.status !== 'has-data') throw new Error('expected council figures');
    expect(results.sides.council.indicators[0]).toMatchObject({
      notApplicable: 3,
      dontKnowRate: null,
      spread: null,
    });
  });
});

describe('sides without a qualifying group', () => {
  it('has no data for the side, and ranks on the only side with data', () => {
    const results = computeRoundResults({
      principles,
      threshold: 3,
      groups: [
        { id: 'council', name: 'Council', side: 'council' },
        { id: 'vcs', name: 'VCS', side: 'community' },
      ],
      responses: [
        ...[1, 2].map(() => answer('council', [L(1), L(1), L(1), L(1)])),
        ...[1, 2, 3].map(() => answer('vcs', [L(4), L(3), L(2), L(1)])),
      ],
    });
    expect(results.sides.council).toStrictEqual({ side: 'council', status: 'no-data' });
    expect(results.indicators.map((row) => row.councilMedian)).toEqual([null, null, null, null]);
    expect(results.gaps).toEqual([]);
    // community only: SF1 4, SF5 3 are strengths; RC1 2, RC2 1 are priorities, lowest first
    expect(results.strengths.map((item) => item.indicatorCode)).toEqual(['SF1', 'SF5']);
    expect(results.priorities.map((item) => item.indicatorCode)).toEqual(['RC2', 'RC1']);
  });

  it('has nothing at all when no group qualifies', () => {
    const results = computeRoundResults({
      principles,
      groups: [{ id: 'vcs', name: 'VCS', side: 'community' }],
      responses: [],
    });
    expect(results.groups).toStrictEqual([
      {
        groupId: 'vcs',
        groupName: 'VCS',
        side: 'community',
        status: 'below-threshold',
        respondents: 0,
        needed: 5,
      },
    ]);
    expect(results.sides.community).toStrictEqual({ side: 'community', status: 'no-data' });
    expect([results.gaps, results.strengths, results.priorities]).toEqual([[], [], []]);
  });
});

describe('the threshold', () => {
  it.each([
    ['2 throws a RangeError', 2],
    ['0 throws a RangeError', 0],
  ])('%s', (_name, threshold) => {
    expect(() => computeRoundResults({ principles, groups: [], responses: [], threshold })).toThrow(
      RangeError,
    );
  });

  it('3 is allowed and reported', () => {
    expect(computeRoundResults({ principles, groups: [], responses: [], threshold: 3 }).threshold).toBe(3);
  });

  it('defaults to 5', () => {
    expect(computeRoundResults({ principles, groups: [], responses: [] }).threshold).toBe(5);
  });
});
