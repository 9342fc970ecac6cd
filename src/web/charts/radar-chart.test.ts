import { describe, expect, it } from 'vitest';
import { openRuns, radarChart, type RadarChartOptions, type RadarSeries } from './radar-chart.js';
import { SERIES_STYLES } from './series-styles.js';
import { wellFormednessProblems } from './xml-check.js';

const axes = [{ label: 'A' }, { label: 'B' }, { label: 'C' }, { label: 'D' }];

function chart(series: readonly RadarSeries[], extra: Partial<RadarChartOptions> = {}): string {
  return radarChart({
    id: 'r',
    title: 'Principles',
    description: 'Medians.',
    axes,
    series,
    max: 4,
    ...extra,
  });
}

/** The markup of each series group, in order (series groups contain no nested groups). */
function seriesGroups(svg: string): string[] {
  return [...svg.matchAll(/<g class="cg-chart__series [^"]*"[^>]*>([\s\S]*?)<\/g>/g)].map(
    (match) => match[1] ?? '',
  );
}

const count = (text: string, pattern: RegExp) => [...text.matchAll(pattern)].length;

/** The points of the polygon with the given attribute, as [x, y] pairs. */
function polygonPoints(markup: string, marker = ''): number[][] {
  const points = new RegExp(`<polygon [^>]*${marker}[^>]*points="([^"]*)"`).exec(markup)?.[1] ?? '';
  return points.split(' ').map((pair) => pair.split(',').map(Number));
}

const hostile = '<script>alert("x")</script> & co';

describe('radarChart', () => {
  it.each<[string, readonly RadarSeries[], Partial<RadarChartOptions>]>([
    [
      'two complete series',
      [
        { name: 'Council', values: [3, 2.5, 2, 3.5] },
        { name: 'Community', values: [2, 1, 4, 3] },
      ],
      {},
    ],
    ['a series with gaps', [{ name: 'Council', values: [3, null, 2, null] }], {}],
    ['a series with no data at all', [{ name: 'Council', values: [null, null, null, null] }], {}],
    ['no series', [], {}],
    ['six series', SERIES_STYLES.map((_style, index) => ({ name: `S${index}`, values: [1, 2, 3, 4] })), {}],
    [
      'hostile text everywhere',
      [{ name: hostile, values: [1, 2, 3, 4] }],
      {
        title: hostile,
        description: hostile,
        axes: axes.map(() => ({ label: hostile })),
      },
    ],
    [
      'long wrapped labels',
      [{ name: 'A very long group name '.repeat(5), values: [1, 2, 3, 4] }],
      {
        axes: axes.map((_axis, index) => ({ label: `Principle ${index} with a long name that wraps` })),
      },
    ],
  ])('is well-formed XML: %s', (_name, series, extra) => {
    expect(wellFormednessProblems(chart(series, extra))).toEqual([]);
  });

  it('is an image labelled by its title and description, scaling to its container', () => {
    const svg = chart([{ name: 'Council', values: [1, 2, 3, 4] }], { id: 'results-radar' });
    const root = /^<svg [^>]*>/.exec(svg)?.[0] ?? '';
    expect(root).toContain('role="img"');
    expect(root).toContain('aria-labelledby="results-radar-title results-radar-desc"');
    expect(root).toContain('focusable="false"');
    expect(root).toMatch(/viewBox="0 0 \d+(\.\d+)? \d+(\.\d+)?"/);
    expect(root).not.toMatch(/ (width|height)=/);
    expect(svg).toContain('<title id="results-radar-title">Principles</title>');
    expect(svg).toMatch(/<desc id="results-radar-desc">Medians\. Council: A 1, B 2, C 3, D 4\.<\/desc>/);
  });

  it('gives every call its own ids', () => {
    const ids = (svg: string) => [...svg.matchAll(/ id="([^"]+)"/g)].map((match) => match[1]);
    const one = ids(chart([], { id: 'one' }));
    const two = ids(chart([], { id: 'two' }));
    expect(one).toEqual(['one', 'one-title', 'one-desc']);
    expect(two.filter((id) => one.includes(id))).toEqual([]);
  });

  it('escapes every text it inserts', () => {
    const svg = chart([{ name: hostile, values: [1, 2, 3, 4] }], {
      title: hostile,
      description: hostile,
      axes: axes.map(() => ({ label: hostile })),
    });
    expect(svg).not.toContain('<script');
    expect(svg).toContain(
      '<title id="r-title">&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; co</title>',
    );
    // title 1; desc: description, series name and 4 axis labels = 6; axis labels 4; legend 1; data-series 1
    expect(count(svg, /&lt;script&gt;/g)).toBe(13);
  });

  it('draws a ring for each level 1–4, labelled, the outer ring at the full radius', () => {
    const svg = chart([]);
    for (const level of [1, 2, 3, 4]) {
      expect(svg).toMatch(new RegExp(`<polygon class="cg-chart__ring" data-level="${level}"`));
      expect(svg).toMatch(new RegExp(`<text class="cg-chart__ring-label"[^>]*>${level}</text>`));
    }
    // Centre (280, 157) for one-line labels: 12 gap + 8 + 1 line × 17 + radius 120 = 157; width 560 / 2 = 280.
    expect(polygonPoints(svg, 'data-level="4"')).toEqual([
      [280, 37],
      [400, 157],
      [280, 277],
      [160, 157],
    ]);
    expect(polygonPoints(svg, 'data-level="1"')).toEqual([
      [280, 127],
      [310, 157],
      [280, 187],
      [250, 157],
    ]);
  });

  it('puts each value on its axis at value / max of the radius (hand-computed)', () => {
    const [group = ''] = seriesGroups(chart([{ name: 'S', values: [4, 4, 2, 1] }]));
    // top 4 → the outer ring's top (280, 157 − 120); right 4 → (280 + 120, 157);
    // bottom 2 → (280, 157 + 60); left 1 → (280 − 30, 157).
    expect(polygonPoints(group)).toEqual([
      [280, 37],
      [400, 157],
      [280, 217],
      [250, 157],
    ]);
    const outerTop = polygonPoints(chart([]), 'data-level="4"')[0];
    expect(polygonPoints(group)[0]).toEqual(outerTop);
    expect(group).toContain(
      '<circle data-marker="circle" fill="currentColor" stroke="currentColor" stroke-width="1" cx="280" cy="37" r="5"/>',
    );
  });

  it('draws one closed polygon per complete series, each with its own colour, dash and marker', () => {
    const series = SERIES_STYLES.map((_style, index) => ({ name: `S${index}`, values: [1, 2, 3, 4] }));
    const groups = seriesGroups(chart(series));
    expect(groups).toHaveLength(6);
    groups.forEach((group, index) => {
      const style = SERIES_STYLES[index];
      expect(count(group, /<polygon [^>]*stroke-width="2.5"/g)).toBe(1);
      expect(count(group, /<path /g)).toBe(style?.marker === 'cross' ? 4 : 0); // a cross marker is a path
      expect(count(group, new RegExp(`data-marker="${style?.marker}"`, 'g'))).toBe(4);
      if (style?.dash) expect(group).toContain(`stroke-dasharray="${style.dash}"`);
    });
    const svg = chart(series);
    SERIES_STYLES.forEach((style, index) => {
      expect(svg).toContain(
        `<g class="cg-chart__series cg-chart__series--${index + 1}" color="${style.colour}"`,
      );
    });
  });

  it.each([
    // [values, expected path d (null for no path), markers, "no data" mentions]
    [[3, null, 2, 4], 'M280 217L160 157L280 67', 3, 1], // bottom → left → top: one run round the corner
    [[4, 4, null, null], 'M280 37L400 157', 2, 2],
    [[4, null, 4, null], null, 2, 2], // no two neighbours: markers only
    [[null, null, null, null], null, 0, 4],
  ])('with gaps %j draws open segments, never a closed polygon', (values, d, markers, noData) => {
    const svg = chart([{ name: 'S', values }]);
    const [group = ''] = seriesGroups(svg);
    expect(group).not.toContain('<polygon');
    expect(/<path [^>]*d="([^"]*)"/.exec(group)?.[1] ?? null).toBe(d);
    expect(count(group, /data-marker=/g)).toBe(markers);
    expect(count(/<desc[^>]*>(.*)<\/desc>/.exec(svg)?.[1] ?? '', /no data/g)).toBe(noData);
  });

  it('has a text legend naming every series with its line and marker', () => {
    const svg = chart([
      { name: 'Council', values: [1, 2, 3, 4] },
      { name: 'Community', values: [1, 2, 3, 4] },
    ]);
    const legend = /<g class="cg-chart__legend">([\s\S]*)<\/g>\n<\/svg>$/.exec(svg)?.[1] ?? '';
    expect(legend).toMatch(/<tspan [^>]*>Council<\/tspan>/);
    expect(legend).toMatch(/<tspan [^>]*>Community<\/tspan>/);
    expect(legend).toContain('data-marker="circle"');
    expect(legend).toContain('data-marker="square"');
    expect(legend).toContain('stroke-dasharray="10 6"');
  });

  it.each<[string, Partial<RadarChartOptions>, ErrorConstructor]>([
    [
      'seven series',
      { series: Array.from({ length: 7 }, () => ({ name: 'S', values: [1, 2, 3, 4] })) },
      RangeError,
    ],
    ['too few values', { series: [{ name: 'S', values: [1, 2, 3] }] }, RangeError],
    ['a value above max', { series: [{ name: 'S', values: [1, 2, 3, 5] }] }, RangeError],
    ['a negative value', { series: [{ name: 'S', values: [1, 2, 3, -1] }] }, RangeError],
    ['NaN', { series: [{ name: 'S', values: [1, 2, 3, Number.NaN] }] }, RangeError],
    ['two axes', { axes: [{ label: 'A' }, { label: 'B' }], series: [] }, RangeError],
    ['a fractional max', { max: 3.5 }, RangeError],
    ['an unsafe id', { id: 'a" onload="x' }, TypeError],
  ])('rejects %s', (_name, extra, error) => {
    expect(() => chart([], extra)).toThrow(error);
  });
});

describe('openRuns', () => {
  const p = (n: number) => [n, n] as const;
  it.each([
    ['no gaps: no runs (drawn as a polygon instead)', [p(0), p(1), p(2)], []],
    [
      'one gap: one run from after the gap round to before it',
      [p(0), null, p(2), p(3)],
      [[p(2), p(3), p(0)]],
    ],
    [
      'two runs',
      [p(0), p(1), null, p(3), p(4), null],
      [
        [p(0), p(1)],
        [p(3), p(4)],
      ],
    ],
    ['single points are left out', [p(0), null, p(2), null], []],
    ['all gaps', [null, null, null], []],
  ])('%s', (_name, points, expected) => {
    expect(openRuns(points)).toEqual(expected);
  });
});
