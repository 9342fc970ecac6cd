import { describe, expect, it } from 'vitest';
import { compareSides } from './perception-gaps.js';
import { priorities, strengths } from './strengths-and-priorities.js';

const both = { council: true, community: true };
const councilOnly = { council: true, community: false };

// [code, council median, community median]; principle codes are the code's first two letters.
type Row = readonly [string, number | null, number | null];
const compare = (rows: readonly Row[]) =>
  rows.map(([code, council, community]) => compareSides(code, code.slice(0, 2), council, community));
const codes = (list: readonly { indicatorCode: string }[]) => list.map((item) => item.indicatorCode);

// A full set used by several cases. Lowest side median and |gap| worked out per row.
const rows: Row[] = [
  ['SF1', 4, 4], // lowest 4, gap 0: strength
  ['SF2', 3, 4], // lowest 3, gap 1: a perception gap, so not a strength
  ['SF3', 3.5, 3], // lowest 3, gap 0.5: strength
  ['SF4', 2, 2], // lowest 2, gap 0
  ['SF5', 1, 2.5], // lowest 1, gap 1.5
  ['SF6', 4, 3.5], // lowest 3.5, gap 0.5: strength
  ['RC1', 3, 3], // lowest 3, gap 0: strength
  ['RC2', 1, 1.5], // lowest 1, gap 0.5
  ['RC3', 2.5, 2], // lowest 2, gap 0.5
  ['RC4', 4, 2], // lowest 2, gap 2
  ['RC5', null, 1], // council has data but no median here: neither list
  ['RC6', 3, 3.5], // lowest 3, gap 0.5: strength
  ['ES1', 4, 3], // lowest 3, gap 1: a perception gap, so a priority, not a strength
  ['ES2', 3.5, 3.5], // lowest 3.5, gap 0: strength
];

describe('strengths', () => {
  it('keeps agreed indicators at level 3 or more, highest lowest-median first, ties in framework order', () => {
    // candidates (lowest median): SF1 4, SF3 3, SF6 3.5, RC1 3, RC6 3, ES2 3.5
    // order: SF1 (4); SF6, ES2 (3.5, framework order); SF3, RC1, RC6 (3); take 5 -> RC6 is sixth
    expect(codes(strengths(compare(rows), both))).toEqual(['SF1', 'SF6', 'ES2', 'SF3', 'RC1']);
  });

  it.each([
    ['a gap of exactly 1.0 is not agreed', [['SF1', 3, 4]] as Row[], []],
    ['a gap of 0.5 is agreed', [['SF1', 3.5, 3]] as Row[], ['SF1']],
    ['lowest side at 2.5 is below Established', [['SF1', 2.5, 3]] as Row[], []],
    ['one side with no median for it', [['SF1', 4, null]] as Row[], []],
  ])('%s', (_name, input, expected) => {
    expect(codes(strengths(compare(input), both))).toEqual(expected);
  });

  it('uses the only side with data when the other side has none', () => {
    // community side has no data at all, so its nulls do not block; council 4 > 3.5 > 3, 2 is too low
    const input: Row[] = [
      ['SF1', 3, null],
      ['SF2', 2, null],
      ['SF3', 4, null],
      ['SF4', 3.5, null],
    ];
    expect(strengths(compare(input), councilOnly)).toStrictEqual([
      {
        indicatorCode: 'SF3',
        principleCode: 'SF',
        councilMedian: 4,
        communityMedian: null,
        lowestMedian: 4,
        gap: 0,
      },
      {
        indicatorCode: 'SF4',
        principleCode: 'SF',
        councilMedian: 3.5,
        communityMedian: null,
        lowestMedian: 3.5,
        gap: 0,
      },
      {
        indicatorCode: 'SF1',
        principleCode: 'SF',
        councilMedian: 3,
        communityMedian: null,
        lowestMedian: 3,
        gap: 0,
      },
    ]);
  });

  it('is empty when neither side has data', () => {
    expect(strengths(compare([['SF1', null, null]]), { council: false, community: false })).toEqual([]);
  });
});

describe('priorities', () => {
  it('ranks by lowest side median ascending, then gap descending, then framework order; strengths left out', () => {
    // not strengths: SF2 (3, gap 1), SF4 (2, 0), SF5 (1, 1.5), RC2 (1, 0.5), RC3 (2, 0.5), RC4 (2, 2), ES1 (3, 1)
    // lowest 1: SF5 (gap 1.5) before RC2 (gap 0.5)
    // lowest 2: RC4 (gap 2), RC3 (gap 0.5), SF4 (gap 0)
    // lowest 3: SF2, ES1 (gap 1 each, framework order) -> cut off at 5
    expect(priorities(compare(rows), both)).toStrictEqual([
      {
        indicatorCode: 'SF5',
        principleCode: 'SF',
        councilMedian: 1,
        communityMedian: 2.5,
        lowestMedian: 1,
        gap: 1.5,
      },
      {
        indicatorCode: 'RC2',
        principleCode: 'RC',
        councilMedian: 1,
        communityMedian: 1.5,
        lowestMedian: 1,
        gap: 0.5,
      },
      {
        indicatorCode: 'RC4',
        principleCode: 'RC',
        councilMedian: 4,
        communityMedian: 2,
        lowestMedian: 2,
        gap: 2,
      },
      {
        indicatorCode: 'RC3',
        principleCode: 'RC',
        councilMedian: 2.5,
        communityMedian: 2,
        lowestMedian: 2,
        gap: 0.5,
      },
      {
        indicatorCode: 'SF4',
        principleCode: 'SF',
        councilMedian: 2,
        communityMedian: 2,
        lowestMedian: 2,
        gap: 0,
      },
    ]);
  });

  it.each([
    // a high-level indicator with a perception gap is still a priority
    ['a gap at high levels', [['SF1', 3, 4]] as Row[], ['SF1']],
    // agreed at 3 or more is a strength, so never a priority
    ['an agreed strength', [['SF1', 3, 3.5]] as Row[], []],
    ['one side with no median for it', [['SF1', 1, null]] as Row[], []],
    // equal lowest median 2: bigger gap first (RC1 gap 4 - 2 = 2 beats SF1 gap 2.5 - 2 = 0.5)
    [
      'gap breaks a tie',
      [
        ['SF1', 2.5, 2],
        ['RC1', 2, 4],
      ] as Row[],
      ['RC1', 'SF1'],
    ],
  ])('%s', (_name, input, expected) => {
    expect(codes(priorities(compare(input), both))).toEqual(expected);
  });

  it('never lists an indicator that is also a strength', () => {
    const listedAsStrength = new Set(codes(strengths(compare(rows), both, 99)));
    for (const code of codes(priorities(compare(rows), both, 99)))
      expect(listedAsStrength.has(code)).toBe(false);
  });
});
