/**
 * The headline dot plot: one row per principle, the council side and the community side as two dots on the
 * level scale (1 to 4), joined by a line that shows the gap. The sides differ in shape and colour (a blue
 * circle and a red square), and each row names how the sides see it by the one rule (side-difference.ts).
 *
 * The layout is worked out once, in viewBox units, by `dotPlotLayout`: the SVG for pages and the vector
 * drawing in the PDF both draw from it, so they show the same chart. The page and the PDF always give the
 * same figures in a table beside it.
 */
import { describeDifference } from '../../domain/results/index.js';
import { escapeXml } from './escape-xml.js';
import { marker, seriesStyle } from './series-styles.js';
import { attrs, checkIdPrefix, formatValue, svgRoot, textBlock, wrapWords } from './svg.js';

export interface DotPlotRow {
  readonly label: string;
  readonly council: number | null;
  readonly community: number | null;
}

export interface DotPlotOptions {
  /** Prefix for the ids inside the SVG; unique on the page. */
  readonly id: string;
  readonly title: string;
  readonly description: string;
  readonly rows: readonly DotPlotRow[];
  /** The answer scale, lowest first: [{ level: 1, name: 'Ad hoc' }, …]. */
  readonly levels: readonly { readonly level: number; readonly name: string }[];
}

/** What each side is drawn as: shape and colour, so neither is told apart by colour alone. */
export const DOT_STYLES = {
  council: { label: 'Council side', marker: 'circle', colour: seriesStyle(0).colour },
  community: { label: 'Community side', marker: 'square', colour: seriesStyle(1).colour },
} as const;

/** Proportions in viewBox units: narrow enough to be read at 1:1 on a 390 px phone. */
export const DOT_PLOT_LAYOUT = {
  width: 360,
  side: 18,
  lineHeight: 17,
  labelChars: 46,
  rowGap: 14,
  /** Space between a row's label and its track, and below the track. */
  trackGap: 14,
  /** Council above the track and community below it, so equal values never hide each other. */
  dotOffset: 6,
  legendHeight: 30,
  axisHeight: 75,
} as const;

export interface DotPlotDot {
  readonly x: number;
  readonly y: number;
  readonly value: number;
}

export interface DotPlotRowLayout {
  readonly label: readonly string[];
  /** Baseline of the label's first line. */
  readonly labelY: number;
  readonly trackY: number;
  readonly council: DotPlotDot | null;
  readonly community: DotPlotDot | null;
  /** The rule's words for this row ("some difference"). */
  readonly words: string;
}

export interface DotPlotGeometry {
  readonly width: number;
  readonly height: number;
  readonly plotLeft: number;
  readonly plotRight: number;
  readonly plotTop: number;
  readonly plotBottom: number;
  readonly legendY: number;
  readonly ticks: readonly { readonly level: number; readonly name: string; readonly x: number }[];
  readonly rows: readonly DotPlotRowLayout[];
}

function validate({ id, rows, levels }: DotPlotOptions): void {
  checkIdPrefix(id);
  if (levels.length < 2) throw new RangeError('A dot plot needs a scale of at least 2 levels.');
  const low = levels[0]?.level ?? 0;
  const high = levels.at(-1)?.level ?? 0;
  for (const row of rows) {
    for (const value of [row.council, row.community]) {
      if (value !== null && !(Number.isFinite(value) && value >= low && value <= high)) {
        throw new RangeError(`Row "${row.label}" has a value outside ${low}–${high}: ${value}`);
      }
    }
  }
}

/**
 * Where everything goes, in units of about a pixel at 14 px text, for a chart `width` units wide (labels wrap
 * to fit). Throws a RangeError or TypeError for input it cannot draw truthfully.
 */
export function dotPlotLayout(
  options: DotPlotOptions,
  width: number = DOT_PLOT_LAYOUT.width,
): DotPlotGeometry {
  validate(options);
  const { side, lineHeight, rowGap, trackGap, dotOffset, legendHeight, axisHeight } = DOT_PLOT_LAYOUT;
  const labelChars = Math.floor((DOT_PLOT_LAYOUT.labelChars * width) / DOT_PLOT_LAYOUT.width);
  const { levels } = options;
  const low = levels[0]?.level ?? 1;
  const high = levels.at(-1)?.level ?? 4;
  const plotLeft = side;
  const plotRight = width - side;
  const x = (value: number) => plotLeft + ((value - low) / (high - low)) * (plotRight - plotLeft);
  const legendY = 16;
  const plotTop = legendHeight;

  let y = plotTop + rowGap;
  const rows = options.rows.map((row) => {
    const words = describeDifference(row.council, row.community).words;
    const label = wrapWords(`${row.label}: ${words}`, labelChars);
    const labelY = y + lineHeight - 4;
    const trackY = y + label.length * lineHeight + trackGap;
    const dot = (value: number | null, offset: number): DotPlotDot | null =>
      value === null ? null : { x: x(value), y: trackY + offset, value };
    y = trackY + trackGap + rowGap;
    return {
      label,
      labelY,
      trackY,
      council: dot(row.council, -dotOffset),
      community: dot(row.community, dotOffset),
      words,
    };
  });
  const plotBottom = y - rowGap;
  return {
    width,
    height: plotBottom + axisHeight,
    plotLeft,
    plotRight,
    plotTop,
    plotBottom,
    legendY,
    ticks: levels.map((entry) => ({ level: entry.level, name: entry.name, x: x(entry.level) })),
    rows,
  };
}

/** "Shared foundations: council side 3, community side 2.25, some difference." for every row. */
export function dotPlotSummary(rows: readonly DotPlotRow[]): string {
  return rows
    .map((row) => {
      const words = describeDifference(row.council, row.community).words;
      return (
        `${row.label}: council side ${formatValue(row.council)}, ` +
        `community side ${formatValue(row.community)}, ${words}.`
      );
    })
    .join(' ');
}

/**
 * Where a level's name sits under the axis: every other one a line lower, so that neighbouring names
 * ("Established", "Embedded") never run into each other on a narrow chart. Offset from the axis, in units.
 */
export function tickNameOffset(index: number): number {
  return 31 + (index % 2) * 15;
}

/** How a tick's label sits: the ends inside the chart, the middle ones centred on their line. */
export function tickAnchor(index: number, count: number): 'start' | 'middle' | 'end' {
  if (index === 0) return 'start';
  return index === count - 1 ? 'end' : 'middle';
}

function dotMarkup(which: 'council' | 'community', dot: DotPlotDot | null): string {
  if (!dot) return '';
  const style = DOT_STYLES[which];
  const group = { class: `cg-chart__series cg-chart__dot--${which}`, color: style.colour };
  return `<g${attrs({ ...group, 'data-side': which, 'data-value': dot.value })}>${marker(style.marker, dot.x, dot.y)}</g>`;
}

/** Renders the dot plot as SVG markup. */
export function dotPlot(options: DotPlotOptions): string {
  const layout = dotPlotLayout(options);
  const { lineHeight } = DOT_PLOT_LAYOUT;
  const grid = layout.ticks.map(
    (tick) =>
      `<line${attrs({ x1: tick.x, x2: tick.x, y1: layout.plotTop, y2: layout.plotBottom, stroke: 'currentColor', 'stroke-opacity': 0.3 })}/>`,
  );
  const axis = layout.ticks.map((tick, index) => {
    const label = { 'text-anchor': tickAnchor(index, layout.ticks.length), 'font-size': 13 };
    return (
      `<text${attrs({ class: 'cg-chart__axis-label', x: tick.x, y: layout.plotBottom + 16, ...label })}>${tick.level}</text>` +
      `<text${attrs({ class: 'cg-chart__axis-label', x: tick.x, y: layout.plotBottom + tickNameOffset(index), ...label })}>${escapeXml(tick.name)}</text>`
    );
  });
  const rows = layout.rows.map((row) => {
    const { council, community } = row;
    const connector =
      council && community
        ? `<line${attrs({ x1: council.x, x2: community.x, y1: row.trackY, y2: row.trackY, stroke: 'currentColor', 'stroke-width': 2 })}/>`
        : '';
    const track = `<line${attrs({ x1: layout.plotLeft, x2: layout.plotRight, y1: row.trackY, y2: row.trackY, stroke: 'currentColor', 'stroke-opacity': 0.3 })}/>`;
    return (
      `<g class="cg-chart__row">` +
      textBlock(row.label, layout.plotLeft - 12, row.labelY, lineHeight, { class: 'cg-chart__row-label' }) +
      track +
      connector +
      dotMarkup('council', council) +
      dotMarkup('community', community) +
      '</g>'
    );
  });
  const legend = (['council', 'community'] as const).map((which, index) => {
    const style = DOT_STYLES[which];
    const x = layout.plotLeft - 4 + index * 150;
    const sample = `<g${attrs({ class: `cg-chart__legend-item cg-chart__dot--${which}`, color: style.colour })}>${marker(style.marker, x + 6, layout.legendY - 5)}</g>`;
    return `${sample}<text${attrs({ x: x + 18, y: layout.legendY })}>${style.label}</text>`;
  });
  return svgRoot({
    id: options.id,
    className: 'cg-chart cg-chart--dot-plot',
    title: options.title,
    description: [options.description, dotPlotSummary(options.rows)].filter((part) => part !== '').join(' '),
    width: layout.width,
    height: layout.height,
    body: [
      `<g class="cg-chart__legend">${legend.join('')}</g>`,
      `<g class="cg-chart__grid">${grid.join('')}</g>`,
      ...rows,
      `<g class="cg-chart__axis">${axis.join('')}</g>`,
      `<text${attrs({ x: layout.width / 2, y: layout.height - 4, 'text-anchor': 'middle', 'font-size': 13 })}>Median level</text>`,
    ],
  });
}
