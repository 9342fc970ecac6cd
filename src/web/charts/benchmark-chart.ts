/**
 * The benchmark strip chart: for each principle and side, a bar from the lower to the upper quartile across
 * partnerships with a line at the median, on the 1–4 level scale, and (on a partnership's page) a diamond at
 * its own median. The page always has the table with the same figures beside it.
 */
import { escapeXml } from './escape-xml.js';
import { attrs, num, svgRoot } from './svg.js';

export interface BenchmarkChartRow {
  readonly label: string;
  readonly lowerQuartile: number;
  readonly median: number;
  readonly upperQuartile: number;
  readonly own?: number | null;
}

const layout = { width: 720, labelWidth: 320, rowHeight: 34, top: 10, axisHeight: 40, right: 20 } as const;

export function benchmarkChart(id: string, rows: readonly BenchmarkChartRow[], withOwn: boolean): string {
  const plotLeft = layout.labelWidth;
  const plotWidth = layout.width - plotLeft - layout.right;
  const x = (level: number) => plotLeft + ((level - 1) / 3) * plotWidth;
  const height = layout.top + rows.length * layout.rowHeight + layout.axisHeight;
  const body: string[] = [];
  for (const level of [1, 2, 3, 4]) {
    body.push(
      `<line${attrs({ x1: x(level), x2: x(level), y1: layout.top, y2: height - layout.axisHeight, stroke: '#b1b4b6' })}/>`,
      `<text${attrs({ x: x(level), y: height - layout.axisHeight + 18, 'text-anchor': 'middle' })}>${level}</text>`,
    );
  }
  body.push(
    `<text${attrs({ x: plotLeft + plotWidth / 2, y: height - 6, 'text-anchor': 'middle' })}>Median level (1 ad hoc to 4 embedded)</text>`,
  );
  rows.forEach((row, index) => {
    const top = layout.top + index * layout.rowHeight;
    const middle = top + layout.rowHeight / 2;
    body.push(
      `<text${attrs({ x: plotLeft - 8, y: middle + 5, 'text-anchor': 'end' })}>${escapeXml(row.label)}</text>`,
      `<rect${attrs({ x: x(row.lowerQuartile), y: middle - 8, width: Math.max(2, x(row.upperQuartile) - x(row.lowerQuartile)), height: 16, fill: '#5694ca' })}/>`,
      `<line${attrs({ x1: x(row.median), x2: x(row.median), y1: middle - 12, y2: middle + 12, stroke: '#0b0c0c', 'stroke-width': 3 })}/>`,
    );
    if (withOwn && typeof row.own === 'number') {
      const cx = x(row.own);
      body.push(
        `<path${attrs({ d: `M${num(cx)} ${num(middle - 9)}L${num(cx + 9)} ${num(middle)}L${num(cx)} ${num(middle + 9)}L${num(cx - 9)} ${num(middle)}Z`, fill: '#d4351c', stroke: '#ffffff', 'stroke-width': 1.5 })}/>`,
      );
    }
  });
  return svgRoot({
    id,
    className: 'app-chart app-benchmark-chart',
    title: withOwn
      ? 'Your medians against the middle half of partnerships, by principle and side'
      : 'The middle half of partnerships, by principle and side',
    description: withOwn
      ? 'Each blue bar runs from the lower to the upper quartile across partnerships, the black line is the median and the red diamond is your median. The table gives the same figures.'
      : 'Each blue bar runs from the lower to the upper quartile across partnerships and the black line is the median. The table gives the same figures.',
    width: layout.width,
    height,
    body,
  });
}
