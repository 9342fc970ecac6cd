/**
 * The benchmark strip chart: for each principle and side, a bar from the lower to the upper quartile across
 * partnerships with a line at the median, on the 1–4 level scale, and (on a partnership's page) a diamond at
 * its own median. Each row's label sits above its bar, so the chart is narrow enough to read at 1:1 on a
 * 390 px phone. The page always has the table with the same figures beside it.
 */
import { tickAnchor, tickNameOffset } from './dot-plot.js';
import { escapeXml } from './escape-xml.js';
import { attrs, num, svgRoot, textBlock, wrapWords } from './svg.js';

export interface BenchmarkChartRow {
  readonly label: string;
  readonly lowerQuartile: number;
  readonly median: number;
  readonly upperQuartile: number;
  readonly own?: number | null;
}

export const BENCHMARK_LAYOUT = {
  width: 360,
  side: 18,
  lineHeight: 17,
  labelChars: 44,
  /** Space for the bar under a row's label, and between rows. */
  barBand: 30,
  rowGap: 10,
  legendLine: 22,
  axisHeight: 75,
  /** A bar is never drawn narrower than this, so a distribution whose quartiles are equal still shows. */
  minimumBar: 8,
} as const;

const COLOURS = { bar: '#5694ca', median: '#0b0c0c', own: '#d4351c', grid: '#b1b4b6' } as const;
const LEVEL_NAMES = ['Ad hoc', 'Developing', 'Established', 'Embedded'] as const;

/** Left edge and width of a quartile bar: at least `minimumBar` wide, centred where the quartiles are. */
export function barExtent(lowerX: number, upperX: number): { readonly x: number; readonly width: number } {
  const width = upperX - lowerX;
  if (width >= BENCHMARK_LAYOUT.minimumBar) return { x: lowerX, width };
  const middle = (lowerX + upperX) / 2;
  return { x: middle - BENCHMARK_LAYOUT.minimumBar / 2, width: BENCHMARK_LAYOUT.minimumBar };
}

const diamond = (cx: number, cy: number, size: number) =>
  `<path${attrs({
    d: `M${num(cx)} ${num(cy - size)}L${num(cx + size)} ${num(cy)}L${num(cx)} ${num(cy + size)}L${num(cx - size)} ${num(cy)}Z`,
    fill: COLOURS.own,
    stroke: '#ffffff',
    'stroke-width': 1.5,
  })}/>`;

function legend(withOwn: boolean): { markup: string[]; height: number } {
  const { side, legendLine } = BENCHMARK_LAYOUT;
  const markup = [
    `<rect${attrs({ x: side, y: 5, width: 24, height: 12, fill: COLOURS.bar })}/>`,
    `<text${attrs({ x: side + 32, y: 16 })}>Middle half of partnerships</text>`,
    `<line${attrs({ x1: side + 12, x2: side + 12, y1: legendLine + 3, y2: legendLine + 19, stroke: COLOURS.median, 'stroke-width': 3 })}/>`,
    `<text${attrs({ x: side + 32, y: legendLine + 16 })}>Median of partnerships</text>`,
  ];
  if (withOwn) {
    markup.push(
      diamond(side + 12, 2 * legendLine + 11, 7),
      `<text${attrs({ x: side + 32, y: 2 * legendLine + 16 })}>Your median</text>`,
    );
  }
  return { markup, height: (withOwn ? 3 : 2) * legendLine + 8 };
}

export function benchmarkChart(id: string, rows: readonly BenchmarkChartRow[], withOwn: boolean): string {
  const { width, side, lineHeight, labelChars, barBand, rowGap, axisHeight } = BENCHMARK_LAYOUT;
  const plotLeft = side;
  const plotRight = width - side;
  const x = (level: number) => plotLeft + ((level - 1) / 3) * (plotRight - plotLeft);
  const key = legend(withOwn);
  const body: string[] = [`<g class="app-chart__legend">${key.markup.join('')}</g>`];
  const rowMarkup: string[] = [];
  let y = key.height;
  for (const row of rows) {
    const label = wrapWords(row.label, labelChars);
    rowMarkup.push(textBlock(label, plotLeft, y + 13, lineHeight, { class: 'app-chart__row-label' }));
    const middle = y + label.length * lineHeight + barBand / 2;
    const bar = barExtent(x(row.lowerQuartile), x(row.upperQuartile));
    rowMarkup.push(
      `<rect${attrs({ x: bar.x, y: middle - 8, width: bar.width, height: 16, fill: COLOURS.bar })}/>`,
      `<line${attrs({ x1: x(row.median), x2: x(row.median), y1: middle - 12, y2: middle + 12, stroke: COLOURS.median, 'stroke-width': 3 })}/>`,
    );
    if (withOwn && typeof row.own === 'number') rowMarkup.push(diamond(x(row.own), middle, 9));
    y += label.length * lineHeight + barBand + rowGap;
  }
  const plotTop = key.height;
  const plotBottom = y - rowGap;
  LEVEL_NAMES.forEach((name, index) => {
    const level = index + 1;
    const label = { x: x(level), 'text-anchor': tickAnchor(index, LEVEL_NAMES.length), 'font-size': 13 };
    body.push(
      `<line${attrs({ x1: x(level), x2: x(level), y1: plotTop, y2: plotBottom, stroke: COLOURS.grid })}/>`,
      `<text${attrs({ ...label, y: plotBottom + 16 })}>${level}</text>`,
      `<text${attrs({ ...label, y: plotBottom + tickNameOffset(index) })}>${name}</text>`,
    );
  });
  const height = plotBottom + axisHeight;
  body.push(
    ...rowMarkup,
    `<text${attrs({ x: width / 2, y: height - 6, 'text-anchor': 'middle', 'font-size': 13 })}>${escapeXml('Median level')}</text>`,
  );
  return svgRoot({
    id,
    className: 'app-chart app-benchmark-chart',
    title: withOwn
      ? 'Your medians against the middle half of partnerships, by principle and side'
      : 'The middle half of partnerships, by principle and side',
    description: withOwn
      ? 'Each blue bar runs from the lower to the upper quartile across partnerships, the black line is the median and the red diamond is your median. The table gives the same figures.'
      : 'Each blue bar runs from the lower to the upper quartile across partnerships and the black line is the median. The table gives the same figures.',
    width,
    height,
    body,
  });
}
