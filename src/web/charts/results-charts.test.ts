import { describe, expect, it } from 'vitest';
import { computeRoundResults, type Rating, type ResponseInput } from '../../domain/results/index.js';
import { heatMap } from './heat-map.js';
import { dotPlot } from './dot-plot.js';
import { indicatorHeatMap, principleDotPlot } from './results-charts.js';
import { wellFormednessProblems } from './xml-check.js';

const L = (level: 1 | 2 | 3 | 4): Rating => ({ kind: 'level', level });

/** Five council officers rating A1 3 and B1 2; three in a small VCS group (below the default threshold 5). */
const responses: ResponseInput[] = [
  ...Array.from({ length: 5 }, () => ({ groupId: 'officers', ratings: { A1: L(3), B1: L(2) } })),
  ...Array.from({ length: 3 }, () => ({ groupId: 'small', ratings: { A1: L(1), B1: L(1) } })),
];
const results = computeRoundResults({
  principles: [
    { code: 'A', name: 'Shared foundations', indicatorCodes: ['A1'] },
    { code: 'B', name: 'Relational culture', indicatorCodes: ['B1'] },
    { code: 'C', name: 'Power & <voice>', indicatorCodes: ['C1'] },
  ],
  groups: [
    { id: 'officers', name: 'Officers', side: 'council' },
    { id: 'small', name: 'Small VCS group', side: 'community' },
  ],
  responses,
});
const text = { id: 'c', title: 'T', description: 'D.' };

const levels = [
  { level: 1, name: 'Ad hoc' },
  { level: 2, name: 'Developing' },
  { level: 3, name: 'Established' },
  { level: 4, name: 'Embedded' },
];

describe('principleDotPlot', () => {
  it('has a row per principle with each side’s median, and no figure where a side has none', () => {
    const options = principleDotPlot(results, text, levels);
    expect(options.rows).toEqual([
      { label: 'Shared foundations', council: 3, community: null },
      { label: 'Relational culture', council: 2, community: null },
      { label: 'Power & <voice>', council: null, community: null },
    ]);
    const svg = dotPlot(options);
    expect(wellFormednessProblems(svg)).toEqual([]);
    expect(svg).toContain(
      'Shared foundations: council side 3, community side –, not enough answers to compare.',
    );
    expect(svg).not.toContain('Small VCS group');
    // Two council dots (the principles with a council median), no community dot.
    expect(svg.match(/data-side="council"/g)).toHaveLength(2);
    expect(svg).not.toContain('data-side="community"');
  });
});

describe('indicatorHeatMap', () => {
  it('has a column per side and per group that meets the threshold, and none for a group below it', () => {
    const options = indicatorHeatMap(results, text, new Map([['A1', 'Common purpose']]));
    expect(options.columns.map((column) => column.label)).toEqual([
      'Council side',
      'Community side',
      'Officers',
    ]);
    expect(options.rows).toEqual([
      { code: 'A1', label: 'Common purpose' },
      { code: 'B1', label: '' },
      { code: 'C1', label: '' },
    ]);
    expect(options.cells).toEqual([
      [3, null, 3],
      [2, null, 2],
      [null, null, null],
    ]);
    const svg = heatMap(options);
    expect(wellFormednessProblems(svg)).toEqual([]);
    expect(svg).not.toContain('Small VCS group');
  });
});
