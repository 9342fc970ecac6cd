import { describe, expect, it } from 'vitest';
import { BENCHMARK_LAYOUT, barExtent, benchmarkChart } from './benchmark-chart.js';
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
    // A rect for each row's bar and one in the legend.
    expect(svg.match(/<rect /g)).toHaveLength(3);
    // A diamond for each own median, and one in the legend.
    expect(svg.match(/<path /g) ?? []).toHaveLength(diamonds === 0 ? 0 : diamonds + 1);
    expect(svg).toContain('Shared &lt;foundations&gt;, council');
    expect(svg).toContain('role="img"');
  });

  it('places the quartile bar on the 1 to 4 scale, under its label', () => {
    // plot from x=18 to x=342 (324 wide): level 2 at 126, level 3 at 234; the legend is 52 high, the label
    // one line of 17, so the bar's middle is 52 + 17 + 15 = 84.
    const svg = benchmarkChart('bench', rows.slice(0, 1), false);
    expect(svg).toContain('<rect x="126" y="76" width="108" height="16"');
    expect(svg).toContain('viewBox="0 0 360 ');
  });

  it.each([
    ['equal quartiles: a bar of the minimum width centred on them', 2, 2, { x: 122, width: 8 }],
    ['a narrow spread: widened about its middle', 2, 2.05, { x: 124.7, width: 8 }],
    ['a spread wider than the minimum: as it is', 2, 3, { x: 126, width: 108 }],
  ])('%s', (_name, lower, upper, expected) => {
    const x = (level: number) => 18 + ((level - 1) / 3) * 324;
    const extent = barExtent(x(lower), x(upper));
    expect(extent.x).toBeCloseTo(expected.x, 2);
    expect(extent.width).toBeCloseTo(expected.width, 2);
    expect(extent.width).toBeGreaterThanOrEqual(BENCHMARK_LAYOUT.minimumBar);
  });
});
