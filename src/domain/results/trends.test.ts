import { describe, expect, it } from 'vitest';
import type { Level, Rating } from './rating.js';
import type { PrincipleInput, ResponseInput } from './round-input.js';
import { computeRoundResults, type RoundResults } from './round-results.js';
import { compareRounds } from './trends.js';

const full: PrincipleInput[] = ['SF', 'RC', 'ES', 'CR'].map((code) => ({
  code,
  name: code,
  indicatorCodes: [1, 2, 3, 4, 5, 6].map((n) => `${code}${n}`),
}));
const quickCodes = new Set(['SF1', 'SF5', 'RC1', 'RC2', 'ES1', 'ES3', 'CR2', 'CR4']);
const quick: PrincipleInput[] = full.map((principle) => ({
  ...principle,
  indicatorCodes: principle.indicatorCodes.filter((code) => quickCodes.has(code)),
}));

/**
 * A round with three council and three community respondents (threshold 3) who all give the same rating,
 * so each side's median for an indicator is simply the rating given to it.
 */
function round(
  principles: PrincipleInput[],
  council: (code: string) => Rating,
  community: (code: string) => Rating,
  councilRespondents = 3,
): RoundResults {
  const codes = principles.flatMap((principle) => principle.indicatorCodes);
  const response = (groupId: string, rate: (code: string) => Rating): ResponseInput => ({
    groupId,
    ratings: Object.fromEntries(codes.map((code) => [code, rate(code)])),
  });
  return computeRoundResults({
    principles,
    threshold: 3,
    groups: [
      { id: 'council', name: 'Council', side: 'council' },
      { id: 'vcs', name: 'VCS', side: 'community' },
    ],
    responses: [
      ...Array.from({ length: councilRespondents }, () => response('council', council)),
      ...Array.from({ length: 3 }, () => response('vcs', community)),
    ],
  });
}

const L = (level: Level): Rating => ({ kind: 'level', level });

describe('compareRounds', () => {
  // previous: a quick check; council 2 everywhere; community 1 everywhere but RC2 "don't know"
  const previous = round(
    quick,
    () => L(2),
    (code) => (code === 'RC2' ? { kind: 'dont-know' } : L(1)),
  );
  // current: a full round; council 3 everywhere but ES1 2; community 2 everywhere
  const current = round(
    full,
    (code) => (code === 'ES1' ? L(2) : L(3)),
    () => L(2),
  );
  const comparison = compareRounds(current, previous);

  it('compares only the 8 indicators the quick check and the full round share, in framework order', () => {
    expect(comparison.sharedIndicatorCodes).toEqual(['SF1', 'SF5', 'RC1', 'RC2', 'ES1', 'ES3', 'CR2', 'CR4']);
  });

  it.each([
    // council: previous 2 everywhere; current 3, but 2 for ES1
    ['council', 'SF1', 2, 3, 1], // 3 - 2 = 1
    ['council', 'ES1', 2, 2, 0], // 2 - 2 = 0
    ['council', 'CR4', 2, 3, 1],
    // community: previous 1; current 2
    ['community', 'SF1', 1, 2, 1], // 2 - 1 = 1
    ['community', 'CR2', 1, 2, 1],
  ] as const)('%s %s: %d -> %d, change %d', (side, code, previousMedian, currentMedian, change) => {
    expect(comparison[side].find((trend) => trend.indicatorCode === code)).toStrictEqual({
      indicatorCode: code,
      principleCode: code.slice(0, 2),
      previousMedian,
      currentMedian,
      change,
    });
  });

  it('gives a trend only where both rounds have a median for the side', () => {
    expect(comparison.council).toHaveLength(8);
    // RC2 had no community median last time (all don't know): 8 - 1 = 7 community trends
    expect(comparison.community.map((trend) => trend.indicatorCode)).toEqual([
      'SF1',
      'SF5',
      'RC1',
      'ES1',
      'ES3',
      'CR2',
      'CR4',
    ]);
  });

  it('works the other way round, from a full round to a quick check', () => {
    const back = compareRounds(previous, current);
    expect(back.sharedIndicatorCodes).toHaveLength(8);
    // council SF1: previous (the full round) 3, current (the quick check) 2: change 2 - 3 = -1
    expect(back.council[0]).toMatchObject({
      indicatorCode: 'SF1',
      previousMedian: 3,
      currentMedian: 2,
      change: -1,
    });
  });

  it('has no trend for a side that was below the threshold in either round', () => {
    const thin = round(
      quick,
      () => L(4),
      () => L(4),
      2,
    ); // 2 council respondents: council side has no data
    const result = compareRounds(current, thin);
    expect(result.council).toEqual([]);
    expect(result.community).toHaveLength(8); // 2 - 4 = -2 each
    expect(result.community.every((trend) => trend.change === -2)).toBe(true);
  });

  it('shares nothing with a round on other indicators', () => {
    const other = round(
      [{ code: 'XX', name: 'Other', indicatorCodes: ['XX1'] }],
      () => L(3),
      () => L(3),
    );
    expect(compareRounds(current, other)).toStrictEqual({
      sharedIndicatorCodes: [],
      council: [],
      community: [],
    });
  });
});
