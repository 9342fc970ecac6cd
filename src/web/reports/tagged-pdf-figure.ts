/** A chart in a tagged PDF: its caption, then the dot plot drawn as vectors in a Figure with alt text. */
import { drawDotPlot, dotPlotHeight } from './pdf-dot-plot.js';
import { PARAGRAPH_GAP } from './pdf-styles.js';
import type { ReportFigure } from './report-document.js';
import type { TaggedCanvas } from './tagged-canvas.js';

/** The height a figure takes, caption included. */
export function figureHeight(canvas: TaggedCanvas, figure: ReportFigure): number {
  return (
    canvas.textHeight(figure.caption, canvas.width, true) +
    4 +
    dotPlotHeight(figure.chart, canvas.width) +
    PARAGRAPH_GAP
  );
}

/**
 * A chart drawn as vectors: its caption as a paragraph, then the drawing as a Figure whose alt text carries
 * every figure (the document puts the same figures in a table after it).
 */
export function drawFigure(canvas: TaggedCanvas, figure: ReportFigure): void {
  const { doc, writer, left, width } = canvas;
  canvas.keepTogether(figureHeight(canvas, figure));
  canvas.caption('P', figure.caption);
  const top = doc.y;
  // The drawing's own text (labels, scale) is part of the picture; the alt text says it all, in order.
  canvas.element(
    'Figure',
    () => {
      doc.save();
      writer.uncounted(() => drawDotPlot(doc, writer, figure.chart, { x: left, y: top, width }));
      doc.restore();
    },
    { alt: figure.alt },
  );
  doc.x = left;
  doc.y = top + dotPlotHeight(figure.chart, width) + PARAGRAPH_GAP;
}
