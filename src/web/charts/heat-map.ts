/**
 * A heat map as an SVG string: one row per indicator, one column per group or side, each cell showing its
 * median as text on a fill from a sequential palette. The text carries the value; the fill only helps the
 * eye. Server-rendered, no JavaScript; the page shows a table of the same figures beside it (ADR 0003).
 */
import { textColourOn } from './contrast.js';
import { attrs, checkIdPrefix, formatValue, svgRoot, textBlock, wrapWords } from './svg.js';

export interface HeatMapOptions {
  /** Prefix for the ids inside the SVG; unique on the page. */
  readonly id: string;
  readonly title: string;
  readonly description: string;
  /** Indicators, top to bottom. */
  readonly rows: readonly { readonly label: string; readonly code: string }[];
  /** Groups and sides, left to right. */
  readonly columns: readonly { readonly label: string }[];
  /** cells[row][column]: a median from 1 to 4, or null for no data. */
  readonly cells: readonly (readonly (number | null)[])[];
}

/** The maturity levels (content brief, "Maturity scale"). */
export const LEVEL_NAMES = ['Ad hoc', 'Developing', 'Established', 'Embedded'] as const;

/**
 * Seven steps of GOV.UK blue for 1, 1.5, 2, …, 4, light to dark. Each cell's text is black or white,
 * whichever contrasts more (at least 4.5:1; heat-map.test.ts checks every step).
 */
export const HEAT_MAP_PALETTE = [
  { value: 1, fill: '#eef4fa' },
  { value: 1.5, fill: '#d2e2f1' },
  { value: 2, fill: '#a5c6e3' },
  { value: 2.5, fill: '#77a9d4' },
  { value: 3, fill: '#4a8dc6' },
  { value: 3.5, fill: '#1d70b8' },
  { value: 4, fill: '#003078' },
] as const;

/** The palette step for a value from 1 to 4: the nearest half level (2.75 and 3.25 → the step for 3). */
export function paletteStep(value: number): (typeof HEAT_MAP_PALETTE)[number] {
  const index = Math.min(Math.max(Math.round((value - 1) * 2), 0), HEAT_MAP_PALETTE.length - 1);
  return HEAT_MAP_PALETTE[index] ?? HEAT_MAP_PALETTE[0];
}

/** Layout in viewBox units. The chart scales to its container, so these fix only proportions. */
export const HEAT_MAP_LAYOUT = {
  margin: 12,
  rowLabelWidth: 260,
  rowLabelChars: 32,
  columnWidth: 92,
  columnLabelChars: 11,
  lineHeight: 17,
  minRowHeight: 40,
  swatchWidth: 52,
  swatchHeight: 34,
} as const;

function validate({ id, rows, columns, cells }: HeatMapOptions): void {
  checkIdPrefix(id);
  if (cells.length !== rows.length)
    throw new RangeError(`${cells.length} rows of cells for ${rows.length} rows.`);
  cells.forEach((row, index) => {
    if (row.length !== columns.length) {
      throw new RangeError(`Row ${index + 1} has ${row.length} cells for ${columns.length} columns.`);
    }
    for (const value of row) {
      if (value !== null && !(Number.isFinite(value) && value >= 1 && value <= 4)) {
        throw new RangeError(`Row ${index + 1} has a value outside 1–4: ${value}`);
      }
    }
  });
}

interface Box {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

/** One cell (or key swatch): a rectangle outlined in the page's text colour, its value centred on it. */
function cell(value: number | null, box: Box, kind: 'cell' | 'swatch' = 'cell'): string {
  const fill = value === null ? 'none' : paletteStep(value).fill;
  const rect = { class: `cg-chart__${kind}`, ...box, fill, stroke: 'currentColor', 'stroke-width': 1 };
  const text = {
    class: `cg-chart__${kind}-text`,
    x: box.x + box.width / 2,
    y: box.y + box.height / 2 + 6,
    fill: value === null ? 'currentColor' : textColourOn(fill),
    'text-anchor': 'middle',
    'font-size': 16,
    'font-weight': 'bold',
  };
  const data = value === null ? 'none' : formatValue(value);
  return `<rect${attrs({ ...rect, 'data-value': data })}/><text${attrs(text)}>${formatValue(value)}</text>`;
}

/** The key: a swatch per palette step with its value on it, level names under the whole levels, no data. */
function legend(top: number): { markup: string; height: number; width: number } {
  const { margin, swatchWidth: w, swatchHeight: h, lineHeight } = HEAT_MAP_LAYOUT;
  const swatchTop = top + lineHeight + 6;
  const parts = [`<text${attrs({ x: margin, y: top + 13, 'font-weight': 'bold' })}>Key: median level</text>`];
  HEAT_MAP_PALETTE.forEach((step, index) => {
    const x = margin + index * w;
    parts.push(cell(step.value, { x, y: swatchTop, width: w, height: h }, 'swatch'));
    const name = Number.isInteger(step.value) ? LEVEL_NAMES[step.value - 1] : undefined;
    if (name) {
      parts.push(
        `<text${attrs({ x: x + w / 2, y: swatchTop + h + 17, 'text-anchor': 'middle', 'font-size': 13 })}>` +
          `${name}</text>`,
      );
    }
  });
  const noDataX = margin + HEAT_MAP_PALETTE.length * w + 24;
  parts.push(cell(null, { x: noDataX, y: swatchTop, width: w, height: h }, 'swatch'));
  parts.push(`<text${attrs({ x: noDataX + w + 8, y: swatchTop + h / 2 + 5 })}>No data</text>`);
  return {
    markup: `<g class="cg-chart__legend">${parts.join('')}</g>`,
    height: swatchTop + h + 17 - top + 8,
    width: noDataX + w + 8 + 60 + margin,
  };
}

/** Renders the heat map. Throws a RangeError or TypeError for input it cannot draw truthfully. */
export function heatMap(options: HeatMapOptions): string {
  validate(options);
  const { id, title, description, rows, columns, cells } = options;
  const { margin, rowLabelWidth, columnWidth, lineHeight, minRowHeight } = HEAT_MAP_LAYOUT;
  const gridLeft = margin + rowLabelWidth;

  const columnLines = columns.map((column) => wrapWords(column.label, HEAT_MAP_LAYOUT.columnLabelChars));
  const headerHeight = Math.max(1, ...columnLines.map((lines) => lines.length)) * lineHeight + 10;
  const columnLabels = columnLines.map((lines, index) => {
    const x = gridLeft + index * columnWidth + columnWidth / 2;
    const y = margin + headerHeight - 10 - (lines.length - 1) * lineHeight; // bottom-aligned over the column
    return textBlock(lines, x, y, lineHeight, { class: 'cg-chart__column-label', 'text-anchor': 'middle' });
  });

  const body: string[] = [];
  let y = margin + headerHeight;
  rows.forEach((row, rowIndex) => {
    const lines = wrapWords(`${row.code} ${row.label}`, HEAT_MAP_LAYOUT.rowLabelChars);
    const height = Math.max(minRowHeight, lines.length * lineHeight + 14);
    const labelY = y + height / 2 + 5 - ((lines.length - 1) * lineHeight) / 2;
    body.push(textBlock(lines, margin, labelY, lineHeight, { class: 'cg-chart__row-label' }));
    (cells[rowIndex] ?? []).forEach((value, columnIndex) => {
      body.push(cell(value, { x: gridLeft + columnIndex * columnWidth, y, width: columnWidth, height }));
    });
    y += height;
  });

  const key = legend(y + 20);
  const fullDescription = [
    description,
    `Each cell shows a median level from 1 (${LEVEL_NAMES[0]}) to 4 (${LEVEL_NAMES[3]}); – means no data.`,
  ]
    .filter((part) => part !== '')
    .join(' ');
  return svgRoot({
    id,
    className: 'cg-chart cg-chart--heat-map',
    title,
    description: fullDescription,
    width: Math.max(gridLeft + columns.length * columnWidth + margin, key.width),
    height: y + 20 + key.height + margin,
    body: [
      `<g class="cg-chart__column-labels">${columnLabels.join('')}</g>`,
      `<g class="cg-chart__cells">${body.join('')}</g>`,
      key.markup,
    ],
  });
}
