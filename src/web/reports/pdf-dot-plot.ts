/**
 * Draws the headline dot plot on a pdfkit page as vectors, from the same layout as the page's SVG
 * (charts/dot-plot.ts), so the printed chart and the one on screen are the same chart.
 */
import { DOT_STYLES, dotPlotLayout, type DotPlotOptions } from '../charts/index.js';
import { tickAnchor, tickNameOffset } from '../charts/dot-plot.js';
import type { PdfTextWriter } from './pdf-text-writer.js';

/** Text in the chart, in points; the layout's units are about a pixel of 14 px text. */
const TEXT_SIZE = 10;
const SCALE = TEXT_SIZE / 14;
/** From a baseline to the top of the line pdfkit writes from, as a share of the text size. */
const ASCENT = 0.8;
const COLOURS = { text: '#0b0c0c', grid: '#b1b4b6' } as const;

export interface PdfBox {
  readonly x: number;
  readonly y: number;
  readonly width: number;
}

/** The height in points the chart takes when drawn `width` points wide. */
export function dotPlotHeight(chart: DotPlotOptions, width: number): number {
  return dotPlotLayout(chart, width / SCALE).height * SCALE;
}

export function drawDotPlot(
  doc: PDFKit.PDFDocument,
  writer: PdfTextWriter,
  chart: DotPlotOptions,
  box: PdfBox,
): void {
  const layout = dotPlotLayout(chart, box.width / SCALE);
  const X = (x: number) => box.x + x * SCALE;
  const Y = (y: number) => box.y + y * SCALE;
  const text = (value: string, x: number, baseline: number, anchor: 'start' | 'middle' | 'end' = 'start') => {
    const width = writer.width(value, false, TEXT_SIZE);
    const left = anchor === 'start' ? X(x) : anchor === 'end' ? X(x) - width : X(x) - width / 2;
    doc.fillColor(COLOURS.text);
    writer.write([{ text: value }], left, Y(baseline) - ASCENT * TEXT_SIZE, { lineBreak: false }, TEXT_SIZE);
  };
  const line = (x1: number, y1: number, x2: number, y2: number, colour: string, width: number) =>
    doc.moveTo(X(x1), Y(y1)).lineTo(X(x2), Y(y2)).lineWidth(width).strokeColor(colour).stroke();
  const dot = (which: 'council' | 'community', x: number, y: number) => {
    const style = DOT_STYLES[which];
    if (style.marker === 'circle') doc.circle(X(x), Y(y), 5 * SCALE).fill(style.colour);
    else doc.rect(X(x - 4.5), Y(y - 4.5), 9 * SCALE, 9 * SCALE).fill(style.colour);
  };

  (['council', 'community'] as const).forEach((which, index) => {
    const x = layout.plotLeft - 4 + index * 150;
    dot(which, x + 6, layout.legendY - 5);
    text(DOT_STYLES[which].label, x + 18, layout.legendY);
  });
  for (const tick of layout.ticks) {
    line(tick.x, layout.plotTop, tick.x, layout.plotBottom, COLOURS.grid, 0.75);
  }
  for (const row of layout.rows) {
    row.label.forEach((value, index) => text(value, layout.plotLeft - 12, row.labelY + index * 17));
    line(layout.plotLeft, row.trackY, layout.plotRight, row.trackY, COLOURS.grid, 0.75);
    const { council, community } = row;
    if (council && community) line(council.x, row.trackY, community.x, row.trackY, COLOURS.text, 1.5);
    if (council) dot('council', council.x, council.y);
    if (community) dot('community', community.x, community.y);
  }
  layout.ticks.forEach((tick, index) => {
    const anchor = tickAnchor(index, layout.ticks.length);
    text(String(tick.level), tick.x, layout.plotBottom + 16, anchor);
    text(tick.name, tick.x, layout.plotBottom + tickNameOffset(index), anchor);
  });
  text('Median level', layout.width / 2, layout.height - 4, 'middle');
}
