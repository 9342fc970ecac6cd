/** The footer of every page of a tagged PDF, drawn when the document is finished. */
import { PDF_COLOURS, PDF_SIZES } from './pdf-styles.js';
import type { TaggedCanvas } from './tagged-canvas.js';

/** Draws on each page, as a pagination artifact, a rule, `footer` on the left and "Page 1 of 3" on the right. */
export function drawFooters(canvas: TaggedCanvas, footer: string): void {
  const range = canvas.doc.bufferedPageRange();
  for (let index = range.start; index < range.start + range.count; index += 1) {
    canvas.doc.switchToPage(index);
    const page = canvas.doc.page;
    const bottom = page.margins.bottom;
    page.margins.bottom = 0;
    const y = page.height - 44;
    const number = `Page ${index - range.start + 1} of ${range.count}`;
    canvas.artifact(() => {
      canvas.doc
        .moveTo(canvas.left, y - 8)
        .lineTo(canvas.left + canvas.width, y - 8)
        .lineWidth(0.75)
        .strokeColor(PDF_COLOURS.rule)
        .stroke();
      const numberWidth = canvas.writer.width(number, false, PDF_SIZES.footer);
      canvas.doc.fillColor(PDF_COLOURS.secondary);
      const footerOptions = {
        align: 'left' as const,
        width: canvas.width - numberWidth - 16,
        height: PDF_SIZES.footer * 1.3,
        ellipsis: true,
      };
      canvas.writer.write([{ text: footer }], canvas.left, y, footerOptions, PDF_SIZES.footer);
      const numberX = canvas.left + canvas.width - numberWidth;
      canvas.writer.write([{ text: number }], numberX, y, { lineBreak: false }, PDF_SIZES.footer);
    }, 'Pagination');
    page.margins.bottom = bottom;
  }
}
