import { describe, expect, it } from 'vitest';
import { benchmarkChart } from './benchmark-chart.js';
import { wellFormednessProblems } from './xml-check.js';

const rows = [
  { label: 'Shared <foundations>, council', lowerQuartile: 2, median: 2.5, upperQuartile: 3, own: 3.5 },
  { label: 'Shared foundations, community', lowerQuartile: 1.5, median: 2, upperQuartile: 2.5, own: null },
];

describe('benchmarkChart', () => {
  it.each([
    ['national: bars and medians, no diamonds', false, 0],
    ['partnership: a diamond for each own median it has', true, 1],
  ])('%s', (_name, withOwn, diamonds) => {
    const svg = benchmarkChart('bench', rows, withOwn);
    expect(wellFormednessProblems(svg)).toEqual([]);
    expect(svg.match(/<rect /g)).toHaveLength(2);
    expect(svg.match(/<path /g) ?? []).toHaveLength(diamonds);
    expect(svg).toContain('Shared &lt;foundations&gt;, council');
    expect(svg).toContain('role="img"');
  });

  it('places the quartile bar on the 1 to 4 scale', () => {
    // plot from x=320 to x=700 (380 wide): level 2 at 320 + 380/3 = 446.67, level 3 at 573.33
    const svg = benchmarkChart('bench', rows.slice(0, 1), false);
    expect(svg).toContain('<rect x="446.67" y="19" width="126.67" height="16"');
  });
});
