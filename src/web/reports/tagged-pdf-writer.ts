/**
 * A tagged A4 PDF written top to bottom with pdfkit: each block is drawn and put in the structure tree as it is
 * written (headings, paragraphs, lists, notices, figures, and tables through tagged-pdf-table.ts); rules,
 * fills and the footers (tagged-pdf-footers.ts) are artifacts. Where the glyphs alone do not give the text back
 * in reading order (right-to-left text, characters not shown), its element carries it as ActualText.
 */
import { LINE_GAP, PARAGRAPH_GAP, PDF_COLOURS, PDF_SIZES } from './pdf-styles.js';
import { PdfTextWriter, type Piece } from './pdf-text-writer.js';
import { createPdfUaDocument, type PdfMeta } from './pdf-ua-document.js';
import type { LabelledText, ReportBlock, ReportFigure, ReportTable } from './report-document.js';
import type { Struct, StructOptions, TaggedCanvas } from './tagged-canvas.js';
import { drawFigure, figureHeight } from './tagged-pdf-figure.js';
import { drawFooters } from './tagged-pdf-footers.js';
import { drawTable, tableLayout } from './tagged-pdf-table.js';

/** A tagged A4 PDF written top to bottom: headings, paragraphs, lists, tables and notices. */
export class TaggedPdf implements TaggedCanvas {
  readonly doc: PDFKit.PDFDocument;
  private readonly parents: Struct[] = [];
  private readonly bytes: Promise<Buffer>;
  readonly writer: PdfTextWriter;

  constructor(private readonly meta: PdfMeta) {
    const { doc, bytes } = createPdfUaDocument(meta);
    this.bytes = bytes;
    this.writer = new PdfTextWriter(doc, LINE_GAP);
    const root = doc.struct('Document');
    doc.addStructure(root);
    this.parents.push(root);
    this.doc = doc;
  }

  get parent(): Struct {
    const parent = this.parents.at(-1);
    if (!parent) throw new Error('The document has been finished');
    return parent;
  }

  get left(): number {
    return this.doc.page.margins.left;
  }

  get width(): number {
    return this.doc.page.width - this.doc.page.margins.left - this.doc.page.margins.right;
  }

  /** Characters written so far that no embedded font has, each shown as the mark. */
  get unshownCharacters(): number {
    return this.writer.unshown;
  }

  private lineHeight(size: number = PDF_SIZES.body): number {
    return this.writer.font(false, size).currentLineHeight(true) + LINE_GAP;
  }

  /** The height `text` takes wrapped to `width`. */
  textHeight(text: string, width: number, bold = false, size: number = PDF_SIZES.body): number {
    return this.writer.height(text, width, bold, size);
  }

  /** Starts a new page unless `height` more points fit on this one. */
  ensureSpace(height: number): void {
    if (this.doc.y + height > this.doc.page.maxY()) this.doc.addPage();
  }

  private space(points: number): void {
    if (this.doc.y > this.doc.page.margins.top + 0.5) this.doc.y += points;
  }

  /** Adds a structure element whose content `draw` puts on the page now. */
  element(tag: string, draw: () => void, options: StructOptions = {}, parent = this.parent): void {
    parent.add(this.doc.struct(tag, options, draw));
  }

  /** `text` in bold across the column as a `tag` element, such as a table's Caption, and a small gap after it. */
  caption(tag: 'P' | 'Caption', text: string, parent = this.parent): void {
    const pieces = [{ text, bold: true }];
    this.element(
      tag,
      () => {
        this.doc.fillColor(PDF_COLOURS.text);
        this.writer.write(pieces, this.left, this.doc.y, { width: this.width }, PDF_SIZES.body);
      },
      this.writer.structureOptions(pieces),
      parent,
    );
    this.doc.y += 4;
  }

  /** Draws what is not content (rules, fills, repeated headings, footers) as an artifact. */
  artifact(draw: () => void, type: 'Layout' | 'Pagination' = 'Layout'): void {
    this.doc.markContent('Artifact', { type });
    this.doc.save();
    this.writer.uncounted(draw);
    this.doc.restore();
    this.doc.endMarkedContent();
  }

  /** Bold `label: ` (if any) then regular `text`. */
  private static labelled(label: string | undefined, text: string): Piece[] {
    return label === undefined ? [{ text }] : [{ text: `${label}: `, bold: true }, { text }];
  }

  /** Writes `pieces` in body text, wrapping within `width` from `x`. */
  private runs(pieces: readonly Piece[], x: number, width: number, align?: 'left'): void {
    this.doc.fillColor(PDF_COLOURS.text);
    this.writer.write(pieces, x, this.doc.y, { width, ...(align ? { align } : {}) }, PDF_SIZES.body);
    this.doc.x = this.left;
  }

  /** Groups what `fill` writes in a structure element, such as a Sect. */
  group(tag: string, fill: () => void): void {
    const element = this.doc.struct(tag);
    this.parent.add(element);
    this.parents.push(element);
    fill();
    this.parents.pop();
    element.end();
  }

  heading(level: 1 | 2 | 3, text: string): void {
    const size = level === 1 ? PDF_SIZES.h1 : level === 2 ? PDF_SIZES.h2 : PDF_SIZES.h3;
    const pieces = [{ text, bold: true }];
    this.space(level === 1 ? 0 : level === 2 ? 12 : 6);
    // Keep a heading with at least the first lines of what follows it.
    this.ensureSpace(this.textHeight(text, this.width, true, size) + 3 * this.lineHeight());
    this.element(
      `H${level}`,
      () => {
        this.doc.fillColor(PDF_COLOURS.text);
        this.writer.write(pieces, this.left, this.doc.y, { width: this.width }, size);
      },
      this.writer.structureOptions(pieces),
    );
    this.doc.y += level === 1 ? 6 : 4;
  }

  paragraph(text: string, label?: string, options: { size?: number; colour?: string } = {}): void {
    const pieces = TaggedPdf.labelled(label, text);
    this.ensureSpace(2 * this.lineHeight(options.size));
    this.element(
      'P',
      () => {
        if (options.size || options.colour) {
          this.doc.fillColor(options.colour ?? PDF_COLOURS.text);
          this.writer.write(
            pieces,
            this.left,
            this.doc.y,
            { width: this.width },
            options.size ?? PDF_SIZES.body,
          );
          this.doc.fillColor(PDF_COLOURS.text);
        } else {
          this.runs(pieces, this.left, this.width);
        }
      },
      this.writer.structureOptions(pieces),
    );
    this.doc.y += PARAGRAPH_GAP;
  }

  list(items: readonly LabelledText[], ordered: boolean): void {
    const list = this.doc.struct('L');
    // How the labels count, for assistive technology: 1, 2, 3 or bullets.
    (list as unknown as { dictionary: { data: Record<string, unknown> } }).dictionary.data.A = {
      O: 'List',
      ListNumbering: ordered ? 'Decimal' : 'Disc',
    };
    this.parent.add(list);
    const indent = ordered ? 22 : 16;
    items.forEach((item, index) => {
      this.ensureSpace(1.5 * this.lineHeight());
      const entry = this.doc.struct('LI');
      list.add(entry);
      const y = this.doc.y;
      this.element(
        'Lbl',
        () => {
          this.doc.fillColor(PDF_COLOURS.text);
          const label = ordered ? `${index + 1}.` : '•';
          this.writer.write(
            [{ text: label }],
            this.left,
            y,
            { width: indent, lineBreak: false },
            PDF_SIZES.body,
          );
        },
        {},
        entry,
      );
      const pieces = TaggedPdf.labelled(item.label, item.text);
      this.element(
        'LBody',
        () => {
          this.doc.y = y;
          // Beside its bullet or number, even when right to left.
          this.runs(pieces, this.left + indent, this.width - indent, 'left');
        },
        this.writer.structureOptions(pieces),
        entry,
      );
      entry.end();
      this.doc.y += 3;
    });
    list.end();
    this.doc.y += PARAGRAPH_GAP - 3;
  }

  /** Paragraphs set apart by a bar on the left. */
  notice(paragraphs: readonly string[]): void {
    const indent = 15;
    const x = this.left + indent;
    const width = this.width - indent;
    const height =
      paragraphs.reduce((sum, text) => sum + this.textHeight(text, width) + PARAGRAPH_GAP, 0) - PARAGRAPH_GAP;
    const fits = height <= this.doc.page.maxY() - this.doc.page.margins.top;
    if (fits) this.ensureSpace(height);
    const y = this.doc.y;
    if (fits) this.artifact(() => this.doc.rect(this.left, y - 2, 4, height + 4).fill(PDF_COLOURS.rule));
    this.group('Div', () => {
      for (const text of paragraphs) {
        this.ensureSpace(this.lineHeight());
        const pieces = [{ text }];
        this.element('P', () => this.runs(pieces, x, width), this.writer.structureOptions(pieces));
        this.doc.y += PARAGRAPH_GAP;
      }
    });
  }

  /** About how much height a block takes, to keep short sections on one page. */
  measure(item: ReportBlock): number {
    const labelled = (label: string | undefined, text: string) =>
      label === undefined ? text : `${label}: ${text}`;
    switch (item.kind) {
      case 'paragraph':
        return this.textHeight(labelled(item.label, item.text), this.width) + PARAGRAPH_GAP;
      case 'list': {
        const indent = item.ordered ? 22 : 16;
        return item.items.reduce(
          (sum, entry) => sum + this.textHeight(labelled(entry.label, entry.text), this.width - indent) + 3,
          PARAGRAPH_GAP - 3,
        );
      }
      case 'table':
        return tableLayout(this, item.table).height;
      case 'notice':
        return item.paragraphs.reduce(
          (sum, text) => sum + this.textHeight(text, this.width - 15) + PARAGRAPH_GAP,
          0,
        );
      case 'figure':
        return figureHeight(this, item.figure);
    }
  }

  /** A chart, drawn as vectors in a Figure with alt text (tagged-pdf-figure.ts). */
  figure(figure: ReportFigure): void {
    drawFigure(this, figure);
  }

  headingHeight(level: 1 | 2 | 3, text: string): number {
    const size = level === 1 ? PDF_SIZES.h1 : level === 2 ? PDF_SIZES.h2 : PDF_SIZES.h3;
    return (level === 2 ? 12 : 6) + this.textHeight(text, this.width, true, size) + 4;
  }

  /** Starts a new page unless `height` fits on this one, when it could fit on an empty page at all. */
  keepTogether(height: number): void {
    if (height <= this.doc.page.maxY() - this.doc.page.margins.top) this.ensureSpace(height);
  }

  /** The height of the area pages write in. */
  get pageHeight(): number {
    return this.doc.page.maxY() - this.doc.page.margins.top;
  }

  table(table: ReportTable): void {
    drawTable(this, table);
  }

  /** Adds the footers, closes the structure and answers the PDF's bytes. */
  finish(): Promise<Buffer> {
    drawFooters(this, this.meta.footer);
    this.parents.splice(0).forEach((element) => element.end());
    this.doc.end();
    return this.bytes;
  }
}
