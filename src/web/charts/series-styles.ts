/**
 * How chart series differ: colour, and also line dash pattern and marker shape, so that no series is told
 * apart by colour alone (WCAG 1.4.1). Every colour has at least 3:1 contrast with white (WCAG 1.4.11);
 * series-styles.test.ts checks it. Colours are set with the `color` presentation attribute and drawn with
 * `currentColor`, so a forced-colours style sheet can recolour a whole series with one rule.
 */
import { attrs, num } from './svg.js';

export type MarkerShape = 'circle' | 'square' | 'triangle' | 'diamond' | 'cross' | 'triangle-down';

export interface SeriesStyle {
  /** GOV.UK Design System colour. */
  readonly colour: string;
  readonly colourName: string;
  /** SVG stroke-dasharray; undefined for a solid line. */
  readonly dash: string | undefined;
  readonly dashName: string;
  readonly marker: MarkerShape;
}

export const SERIES_STYLES: readonly SeriesStyle[] = [
  { colour: '#1d70b8', colourName: 'blue', dash: undefined, dashName: 'solid', marker: 'circle' },
  { colour: '#d4351c', colourName: 'red', dash: '10 6', dashName: 'dashed', marker: 'square' },
  { colour: '#00703c', colourName: 'green', dash: '3 4', dashName: 'dotted', marker: 'triangle' },
  { colour: '#4c2c92', colourName: 'purple', dash: '14 5 3 5', dashName: 'dash-dot', marker: 'diamond' },
  { colour: '#b58840', colourName: 'brown', dash: '6 3', dashName: 'short dashes', marker: 'cross' },
  {
    colour: '#505a5f',
    colourName: 'dark grey',
    dash: '2 3 2 3 10 3',
    dashName: 'dot-dot-dash',
    marker: 'triangle-down',
  },
];

export const MAX_SERIES = SERIES_STYLES.length;

/** The style of the series at `index` (0-based); throws a RangeError beyond MAX_SERIES. */
export function seriesStyle(index: number): SeriesStyle {
  const style = SERIES_STYLES[index];
  if (!style) throw new RangeError(`A chart shows at most ${MAX_SERIES} series.`);
  return style;
}

function points(list: readonly (readonly [number, number])[]): string {
  return list.map(([x, y]) => `${num(x)},${num(y)}`).join(' ');
}

/**
 * A marker centred on (x, y), about 12 units across, filled and outlined with `currentColor` (a cross is
 * stroke only). `data-marker` names the shape for tests and style sheets.
 */
export function marker(shape: MarkerShape, x: number, y: number): string {
  const common = { 'data-marker': shape, fill: 'currentColor', stroke: 'currentColor', 'stroke-width': 1 };
  switch (shape) {
    case 'circle':
      return `<circle${attrs({ ...common, cx: x, cy: y, r: 5 })}/>`;
    case 'square':
      return `<rect${attrs({ ...common, x: x - 4.5, y: y - 4.5, width: 9, height: 9 })}/>`;
    case 'triangle':
      return `<polygon${attrs({
        ...common,
        points: points([
          [x, y - 6],
          [x + 5.5, y + 4],
          [x - 5.5, y + 4],
        ]),
      })}/>`;
    case 'triangle-down':
      return `<polygon${attrs({
        ...common,
        points: points([
          [x, y + 6],
          [x + 5.5, y - 4],
          [x - 5.5, y - 4],
        ]),
      })}/>`;
    case 'diamond':
      return `<polygon${attrs({
        ...common,
        points: points([
          [x, y - 6],
          [x + 6, y],
          [x, y + 6],
          [x - 6, y],
        ]),
      })}/>`;
    case 'cross': {
      const d = `M${num(x - 5)} ${num(y - 5)}L${num(x + 5)} ${num(y + 5)}M${num(x + 5)} ${num(y - 5)}L${num(x - 5)} ${num(y + 5)}`;
      return `<path${attrs({ ...common, fill: 'none', 'stroke-width': 2.5, d })}/>`;
    }
  }
}
