/**
 * A report table in a tagged PDF: Table > Caption, THead > TR > TH (scope Column), TBody > TR > TH (scope Row)
 * and TD. Column widths follow the table's relative widths; a table that fits on a page is not split, and a
 * split table repeats its column headings at the top of the next page as an artifact.
 */
import { CELL_PADDING, PARAGRAPH_GAP, PDF_COLOURS, PDF_SIZES } from './pdf-styles.js';
import type { ReportTable } from './report-document.js';
import type { Struct, TaggedCanvas } from './tagged-canvas.js';

/** Where the columns go and how tall the caption, heading row and each row are. */
export function tableLayout(canvas: TaggedCanvas, table: ReportTable) {
  const { left, width } = canvas;
  const columns = table.head.length;
  const weights = table.widths?.length === columns ? table.widths : table.head.map(() => 1);
  const total = weights.reduce((sum, weight) => sum + weight, 0);
  const widths = weights.map((weight) => (weight / total) * width);
  const xs = widths.map((_, index) => left + widths.slice(0, index).reduce((sum, w) => sum + w, 0));
  const cellWidth = (index: number) => (widths[index] ?? 0) - 2 * CELL_PADDING;
  const measure = (cells: readonly string[], head: boolean) =>
    Math.max(...cells.map((cell, index) => canvas.textHeight(cell, cellWidth(index), head || index === 0))) +
    2 * CELL_PADDING;
  const { caption, head } = table;
  const rows = table.rows.map((row) => [row.heading, ...row.cells]);
  const captionHeight = canvas.textHeight(caption, width, true) + 4;
  const headHeight = measure(head, true);
  const rowHeights = rows.map((cells) => measure(cells, false));
  const height = captionHeight + headHeight + rowHeights.reduce((sum, h) => sum + h, 0) + PARAGRAPH_GAP + 2;
  return { xs, cellWidth, caption, head, rows, captionHeight, headHeight, rowHeights, height };
}

export function drawTable(canvas: TaggedCanvas, table: ReportTable): void {
  const { doc, writer, left, width } = canvas;
  const { xs, cellWidth, caption, head, rows, captionHeight, headHeight, rowHeights, height } = tableLayout(
    canvas,
    table,
  );
  // A table that fits on one page starts on a new page rather than splitting.
  canvas.keepTogether(height);
  canvas.ensureSpace(captionHeight + headHeight + (rowHeights[0] ?? 0));

  const element = doc.struct('Table');
  canvas.parent.add(element);
  canvas.caption('Caption', caption, element);

  const drawRule = (y: number, height: number, isHead: boolean) =>
    canvas.artifact(() => {
      if (isHead) doc.rect(left, y, width, height).fill(PDF_COLOURS.fill);
      doc
        .moveTo(left, y + height)
        .lineTo(left + width, y + height)
        .lineWidth(isHead ? 1.5 : 0.75)
        .strokeColor(PDF_COLOURS.rule)
        .stroke();
    });
  const drawCell = (text: string, index: number, y: number, bold: boolean) => {
    doc.fillColor(PDF_COLOURS.text);
    const x = (xs[index] ?? left) + CELL_PADDING;
    writer.write([{ text, bold }], x, y + CELL_PADDING, { width: cellWidth(index) }, PDF_SIZES.body);
  };
  const row = (parent: Struct, cells: readonly string[], height: number, isHead: boolean) => {
    const y = doc.y;
    drawRule(y, height, isHead);
    const tr = doc.struct('TR');
    parent.add(tr);
    cells.forEach((cell, index) => {
      const header = isHead || index === 0;
      canvas.element(
        header ? 'TH' : 'TD',
        () => drawCell(cell, index, y, header),
        {
          ...writer.structureOptions([{ text: cell, bold: header }]),
          ...(header ? { scope: isHead ? 'Column' : 'Row' } : {}),
        },
        tr,
      );
    });
    tr.end();
    doc.x = left;
    doc.y = y + height;
  };

  const thead = doc.struct('THead');
  element.add(thead);
  row(thead, head, headHeight, true);
  thead.end();
  const tbody = doc.struct('TBody');
  element.add(tbody);
  rows.forEach((cells, index) => {
    const height = rowHeights[index] ?? 0;
    if (doc.y + height > doc.page.maxY()) {
      doc.addPage();
      // The column headings again, for sighted readers; the structure already has them once.
      const y = doc.y;
      drawRule(y, headHeight, true);
      canvas.artifact(() => head.forEach((text, index) => drawCell(text, index, y, true)), 'Pagination');
      doc.x = left;
      doc.y = y + headHeight;
    }
    row(tbody, cells, height, false);
  });
  tbody.end();
  element.end();
  doc.y += PARAGRAPH_GAP + 2;
}
