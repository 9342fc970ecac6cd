import { describe, expect, it } from 'vitest';
import { DOT_PLOT_LAYOUT, dotPlot, dotPlotLayout, tickAnchor, type DotPlotOptions } from './dot-plot.js';
import { wellFormednessProblems } from './xml-check.js';

const levels = [
  { level: 1, name: 'Ad hoc' },
  { level: 2, name: 'Developing' },
  { level: 3, name: 'Established' },
  { level: 4, name: 'Embedded' },
];

function options(rows: DotPlotOptions['rows'], extra: Partial<DotPlotOptions> = {}): DotPlotOptions {
  return { id: 'dots', title: 'Headline', description: 'Medians.', levels, rows, ...extra };
}

const rows = [
  { label: 'Shared foundations', council: 3, community: 2.25 },
  { label: 'Relational culture', council: 2, community: 3.5 },
  { label: 'Effective structures', council: 3, community: 3 },
  { label: 'Capacity and resources', council: null, community: 2 },
];

/** The (x, y) of the marker drawn for a side in the SVG, in row order. */
function markerCentres(svg: string, side: 'council' | 'community'): number[][] {
  return [...svg.matchAll(new RegExp(`data-side="${side}"[^>]*>(<[^>]*>)`, 'g'))].map((match) => {
    const tag = match[1] ?? '';
    if (side === 'council') {
      return [Number(/cx="([^"]+)"/.exec(tag)?.[1]), Number(/cy="([^"]+)"/.exec(tag)?.[1])];
    }
    // A square: x and y are its top-left corner, 4.5 from its centre.
    return [Number(/ x="([^"]+)"/.exec(tag)?.[1]) + 4.5, Number(/ y="([^"]+)"/.exec(tag)?.[1]) + 4.5];
  });
}

describe('dotPlotLayout', () => {
  it('puts level 1 at the left of the plot and level 4 at the right, the rest evenly between', () => {
    const layout = dotPlotLayout(options(rows));
    expect(layout.ticks.map((tick) => tick.x)).toEqual([18, 126, 234, 342]);
    expect(layout.rows[0]?.council?.x).toBe(234);
    // 2.25 is a quarter of the way from 2 (126) to 3 (234).
    expect(layout.rows[0]?.community?.x).toBe(153);
  });

  it('gives each row its words by the rule, and no dot for a side without a median', () => {
    const layout = dotPlotLayout(options(rows));
    expect(layout.rows.map((row) => row.words)).toEqual([
      'some difference',
      'seen differently',
      'seen much the same way',
      'not enough answers to compare',
    ]);
    expect(layout.rows[3]?.council).toBeNull();
    expect(layout.rows[3]?.community?.value).toBe(2);
  });

  it('keeps equal values apart: council above the track, community below it', () => {
    const row = dotPlotLayout(options(rows)).rows[2];
    expect(row?.council?.x).toBe(row?.community?.x);
    expect(row?.council?.y).toBe((row?.trackY ?? 0) - DOT_PLOT_LAYOUT.dotOffset);
    expect(row?.community?.y).toBe((row?.trackY ?? 0) + DOT_PLOT_LAYOUT.dotOffset);
  });

  it('stacks rows top to bottom without overlap, and wraps long labels', () => {
    const long = 'A principle with a name so long that it cannot fit on one line of the chart at all';
    const layout = dotPlotLayout(options([{ label: long, council: 1, community: 4 }, ...rows]));
    expect(layout.rows[0]?.label.length).toBeGreaterThan(1);
    layout.rows.forEach((row, index) => {
      const next = layout.rows[index + 1];
      if (next) expect(next.labelY).toBeGreaterThan(row.trackY + DOT_PLOT_LAYOUT.dotOffset + 6);
    });
    expect(layout.height).toBeGreaterThan(layout.plotBottom);
  });

  it.each([
    ['a value above the scale', [{ label: 'A', council: 4.5, community: 2 }]],
    ['a value below the scale', [{ label: 'A', council: 2, community: 0 }]],
    ['a value that is not a number', [{ label: 'A', council: Number.NaN, community: 2 }]],
  ])('refuses %s', (_name, bad) => {
    expect(() => dotPlotLayout(options(bad))).toThrow(RangeError);
  });

  it('refuses an unsafe id', () => {
    expect(() => dotPlotLayout(options(rows, { id: '1 bad"' }))).toThrow(TypeError);
  });
});

describe('dotPlot', () => {
  it('is well-formed, an image with a title and a description that carries every figure and its words', () => {
    const svg = dotPlot(options(rows));
    expect(wellFormednessProblems(svg)).toEqual([]);
    expect(svg).toContain('role="img"');
    expect(svg).toContain('<title id="dots-title">Headline</title>');
    expect(svg).toContain(
      'Medians. Shared foundations: council side 3, community side 2.25, some difference. ' +
        'Relational culture: council side 2, community side 3.5, seen differently. ' +
        'Effective structures: council side 3, community side 3, seen much the same way. ' +
        'Capacity and resources: council side –, community side 2, not enough answers to compare.',
    );
  });

  it('draws the sides in different shapes and colours, where the layout puts them', () => {
    const svg = dotPlot(options(rows));
    const layout = dotPlotLayout(options(rows));
    expect(markerCentres(svg, 'council')).toEqual(
      layout.rows.flatMap((row) => (row.council ? [[row.council.x, row.council.y]] : [])),
    );
    expect(markerCentres(svg, 'community')).toEqual(
      layout.rows.flatMap((row) => (row.community ? [[row.community.x, row.community.y]] : [])),
    );
    expect(svg).toMatch(/color="#1d70b8" data-side="council"[^>]*><circle/);
    expect(svg).toMatch(/color="#d4351c" data-side="community"[^>]*><rect/);
    // The legend names both and shows the same shapes.
    expect(svg).toMatch(
      /cg-chart__dot--council" color="#1d70b8"><circle[^>]*\/><\/g><text[^>]*>Council side</,
    );
    expect(svg).toMatch(
      /cg-chart__dot--community" color="#d4351c"><rect[^>]*\/><\/g><text[^>]*>Community side</,
    );
  });

  it('joins the two dots of a row with a line only when both sides have a median', () => {
    const svg = dotPlot(options(rows));
    const connectors = [...svg.matchAll(/<line [^>]*stroke-width="2"/g)];
    expect(connectors).toHaveLength(3);
  });

  it('labels every level of the scale with its number and name, every other name a line lower', () => {
    const svg = dotPlot(options(rows));
    const nameY = levels.map(({ level, name }) => {
      expect(svg).toMatch(new RegExp(`>${level}</text>`));
      const match = new RegExp(`<text[^>]* y="([\\d.]+)"[^>]*>${name}</text>`).exec(svg);
      return Number(match?.[1]);
    });
    expect(nameY[1]).toBe((nameY[0] ?? 0) + 15);
    expect(nameY[2]).toBe(nameY[0]);
    expect(nameY[3]).toBe(nameY[1]);
    expect([0, 1, 2, 3].map((index) => tickAnchor(index, 4))).toEqual(['start', 'middle', 'middle', 'end']);
  });

  it('escapes text', () => {
    const svg = dotPlot(options([{ label: '<script>x</script> & co', council: 2, community: 2 }]));
    expect(wellFormednessProblems(svg)).toEqual([]);
    expect(svg).not.toContain('<script>');
    expect(svg).toContain('&lt;script&gt;x&lt;/script&gt; &amp; co');
  });
});
