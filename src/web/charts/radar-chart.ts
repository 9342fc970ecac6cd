/**
 * A radar (spider) chart as an SVG string: one axis per principle, rings at each level, one outline per
 * series. Server-rendered, no JavaScript; the page shows a table of the same figures beside it (ADR 0003).
 */
import { marker, seriesStyle } from './series-styles.js';
import { attrs, checkIdPrefix, formatValue, num, svgRoot, textBlock, wrapWords } from './svg.js';

export interface RadarSeries {
  readonly name: string;
  /** One value per axis, from 0 to `max`; null for no data. */
  readonly values: readonly (number | null)[];
}

export interface RadarChartOptions {
  /** Prefix for the ids inside the SVG; unique on the page. */
  readonly id: string;
  readonly title: string;
  readonly description: string;
  readonly axes: readonly { readonly label: string }[];
  /** At most MAX_SERIES (6). */
  readonly series: readonly RadarSeries[];
  /** The outer ring's value; a ring is drawn and labelled at each whole level 1…max. Default 4. */
  readonly max?: number;
}

/** Layout in viewBox units. The chart scales to its container, so these fix only proportions. */
export const RADAR_LAYOUT = {
  width: 560,
  radius: 120,
  lineHeight: 17,
  labelGap: 12,
  /** Characters per line of an axis label beside the chart (left or right) and above or below it. */
  sideLabelChars: 19,
  endLabelChars: 30,
  legendChars: 52,
  legendRowGap: 11,
} as const;

/** The angle of axis `index` of `count`: the first points straight up, the rest follow clockwise. */
function axisAngle(index: number, count: number): number {
  return -Math.PI / 2 + (2 * Math.PI * index) / count;
}

/** The point at `value` along axis `index`, for a chart centred on (cx, cy). */
export function radarPoint(
  value: number,
  index: number,
  count: number,
  centre: { cx: number; cy: number },
  max: number,
): [number, number] {
  const angle = axisAngle(index, count);
  const r = (RADAR_LAYOUT.radius * value) / max;
  return [centre.cx + r * Math.cos(angle), centre.cy + r * Math.sin(angle)];
}

function validate({ id, axes, series, max = 4 }: RadarChartOptions): void {
  checkIdPrefix(id);
  if (axes.length < 3) throw new RangeError('A radar chart needs at least 3 axes.');
  if (!Number.isInteger(max) || max < 1)
    throw new RangeError(`max must be a whole number of at least 1: ${max}`);
  series.forEach((one, index) => {
    seriesStyle(index); // throws beyond the number of styles
    if (one.values.length !== axes.length) {
      throw new RangeError(`Series "${one.name}" has ${one.values.length} values for ${axes.length} axes.`);
    }
    for (const value of one.values) {
      if (value !== null && !(Number.isFinite(value) && value >= 0 && value <= max)) {
        throw new RangeError(`Series "${one.name}" has a value outside 0–${max}: ${value}`);
      }
    }
  });
}

/** "Council: Leadership 3, Trust no data." for each series, so the description carries every figure. */
function summary(axes: RadarChartOptions['axes'], series: readonly RadarSeries[]): string {
  return series
    .map((one) => {
      const parts = one.values.map(
        (value, index) => `${axes[index]?.label ?? ''} ${value === null ? 'no data' : formatValue(value)}`,
      );
      return `${one.name}: ${parts.join(', ')}.`;
    })
    .join(' ');
}

type Point = readonly [number, number];

/**
 * The runs of neighbouring points (going round, so the last axis neighbours the first) in a list with at
 * least one gap; runs of a single point are left out (they are drawn as markers only).
 */
export function openRuns(points: readonly (Point | null)[]): Point[][] {
  const start = points.findIndex((point, index) => point !== null && points.at(index - 1) === null);
  if (start === -1) return [];
  const runs: Point[][] = [];
  let run: Point[] = [];
  for (let step = 0; step < points.length; step += 1) {
    const point = points[(start + step) % points.length];
    if (point) run.push(point);
    if (!point || step === points.length - 1) {
      if (run.length > 1) runs.push(run);
      run = [];
    }
  }
  return runs;
}

/**
 * The outline of one series: a closed polygon when every value is there, else an open path through each run
 * of neighbouring values (none when no two neighbours have values); a marker at every value.
 */
function seriesGroup(
  one: RadarSeries,
  index: number,
  centre: { cx: number; cy: number },
  max: number,
): string {
  const style = seriesStyle(index);
  const count = one.values.length;
  const points = one.values.map((value, axis) =>
    value === null ? null : radarPoint(value, axis, count, centre, max),
  );
  const line = { fill: 'none', stroke: 'currentColor', 'stroke-width': 2.5, 'stroke-dasharray': style.dash };
  let outline = '';
  if (points.every((point) => point !== null)) {
    const list = points.map(([x, y]) => `${num(x)},${num(y)}`).join(' ');
    outline = `<polygon${attrs({ ...line, 'stroke-linejoin': 'round', points: list })}/>`;
  } else {
    const runs = openRuns(points);
    const d = runs.map((run) =>
      run.map(([x, y], at) => `${at === 0 ? 'M' : 'L'}${num(x)} ${num(y)}`).join(''),
    );
    if (d.length > 0) outline = `<path${attrs({ ...line, 'stroke-linejoin': 'round', d: d.join('') })}/>`;
  }
  const markers = points.flatMap((point) => (point ? [marker(style.marker, point[0], point[1])] : []));
  const group = { class: `cg-chart__series cg-chart__series--${index + 1}`, color: style.colour };
  return `<g${attrs({ ...group, 'data-series': one.name })}>${outline}${markers.join('')}</g>`;
}

/** Renders the chart. Throws a RangeError or TypeError for input it cannot draw truthfully. */
export function radarChart(options: RadarChartOptions): string {
  validate(options);
  const { id, title, description, axes, series, max = 4 } = options;
  const { width, radius, lineHeight, labelGap } = RADAR_LAYOUT;
  const count = axes.length;

  const labels = axes.map((axis, index) => {
    const angle = axisAngle(index, count);
    const [cos, sin] = [Math.cos(angle), Math.sin(angle)];
    const atEnd = Math.abs(cos) < 0.3; // above or below the chart: centred
    const lines = wrapWords(axis.label, atEnd ? RADAR_LAYOUT.endLabelChars : RADAR_LAYOUT.sideLabelChars);
    return { lines, cos, sin, anchor: atEnd ? 'middle' : cos > 0 ? 'start' : 'end' };
  });
  const mostLines = Math.max(...labels.map((label) => label.lines.length));
  const cx = width / 2;
  const cy = labelGap + 8 + mostLines * lineHeight + radius;
  const centre = { cx, cy };

  const rings: string[] = [];
  for (let level = 1; level <= max; level += 1) {
    const ring = axes.map((_axis, index) => radarPoint(level, index, count, centre, max));
    const ringPoints = ring.map(([x, y]) => `${num(x)},${num(y)}`).join(' ');
    const ringAttributes = {
      fill: 'none',
      stroke: 'currentColor',
      'stroke-opacity': 0.45,
      points: ringPoints,
    };
    rings.push(`<polygon${attrs({ class: 'cg-chart__ring', 'data-level': level, ...ringAttributes })}/>`);
    const [, top] = radarPoint(level, 0, count, centre, max);
    rings.push(
      `<text${attrs({ class: 'cg-chart__ring-label', x: cx + 9, y: top - 4, 'font-size': 12 })}>${level}</text>`,
    );
  }
  const spokes = axes.map((_axis, index) => {
    const [x, y] = radarPoint(max, index, count, centre, max);
    return `<line${attrs({ x1: cx, y1: cy, x2: x, y2: y, stroke: 'currentColor', 'stroke-opacity': 0.45 })}/>`;
  });
  const axisLabels = labels.map(({ lines, cos, sin, anchor }) => {
    const x = cx + (radius + labelGap) * cos;
    const edge = cy + (radius + labelGap) * sin;
    // Above the chart the block ends at the edge; below it starts there; beside it, it is centred.
    const height = (lines.length - 1) * lineHeight;
    const y = anchor !== 'middle' ? edge - height / 2 + 5 : sin < 0 ? edge - height : edge + 12;
    return textBlock(lines, x, y, lineHeight, { class: 'cg-chart__axis-label', 'text-anchor': anchor });
  });

  const legend: string[] = [];
  let legendY = cy + radius + labelGap + 12 + mostLines * lineHeight + 20;
  series.forEach((one, index) => {
    const style = seriesStyle(index);
    const lines = wrapWords(one.name, RADAR_LAYOUT.legendChars);
    const line = { x1: 24, y1: legendY, x2: 72, y2: legendY, stroke: 'currentColor', 'stroke-width': 2.5 };
    const sample = `<line${attrs({ ...line, 'stroke-dasharray': style.dash })}/>${marker(style.marker, 48, legendY)}`;
    const group = { class: `cg-chart__legend-item cg-chart__series--${index + 1}`, color: style.colour };
    const text = textBlock(lines, 84, legendY + 5, lineHeight, { fill: 'currentColor' });
    legend.push(`<g${attrs(group)}>${sample}</g>${text}`);
    legendY += Math.max(lines.length, 1) * lineHeight + RADAR_LAYOUT.legendRowGap;
  });

  const fullDescription = [description, summary(axes, series)].filter((part) => part !== '').join(' ');
  return svgRoot({
    id,
    className: 'cg-chart cg-chart--radar',
    title,
    description: fullDescription,
    width,
    height: legendY + 8,
    body: [
      `<g class="cg-chart__grid">${spokes.join('')}${rings.join('')}</g>`,
      `<g class="cg-chart__axis-labels">${axisLabels.join('')}</g>`,
      ...series.map((one, index) => seriesGroup(one, index, centre, max)),
      `<g class="cg-chart__legend">${legend.join('')}</g>`,
    ],
  });
}
