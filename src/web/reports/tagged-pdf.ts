/**
 * Renders a report document as a tagged PDF with pdfkit: no browser. Pure apart from pdfkit's in-memory stream
 * and reading the embedded fonts once: a document in, the PDF's bytes out. Text is in DejaVu Sans
 * (pdf-fonts.ts), so Welsh, Polish, Greek, Cyrillic and Arabic print as written; a character no embedded font
 * has (an emoji) prints as the mark "�", is counted, and the count is said at the end of the document.
 *
 * Tagging: everything readable is in the structure tree (Document > Sect > H1/H2/H3, P, L > LI > Lbl/LBody,
 * Table > THead/TBody > TR > TH/TD, with a Caption); rules, fills, repeated table headings and the page
 * numbers in the footer are marked as artifacts. The document is PDF/UA-1 (pdf-ua-document.ts), with a
 * language (en-GB) and a title that viewers show instead of the file name, and is A4 with body text at 11pt. Where the glyphs alone do not give the text
 * back in reading order (right-to-left text, characters not shown), its element carries it as ActualText.
 */
import { drawDotPlot, dotPlotHeight } from './pdf-dot-plot.js';
import { PdfTextWriter, type Piece } from './pdf-text-writer.js';
import { UNSHOWN_MARK } from './pdf-text.js';
import { createPdfUaDocument, type PdfMeta } from './pdf-ua-document.js';
import type {
  LabelledText,
  ReportBlock,
  ReportFigure,
  ReportDocument,
  ReportSection,
  ReportTable,
} from './report-document.js';

export const PDF_SIZES = { h1: 20, h2: 15, h3: 12.5, body: 11, footer: 10 } as const;
const COLOURS = { text: '#0b0c0c', secondary: '#505a5f', rule: '#b1b4b6', fill: '#f3f2f1' } as const;
const LINE_GAP = 2;
const PARAGRAPH_GAP = 6;
const CELL_PADDING = 4;

type Struct = PDFKit.PDFStructureElement;
type StructOptions = PDFKit.Mixins.StructureElementOptions & { scope?: 'Column' | 'Row' };

/** A tagged A4 PDF written top to bottom: headings, paragraphs, lists, tables and notices. */
export class TaggedPdf {
  private readonly doc: PDFKit.PDFDocument;
  private readonly parents: Struct[] = [];
  private readonly bytes: Promise<Buffer>;
  private readonly writer: PdfTextWriter;

  constructor(private readonly meta: PdfMeta) {
    const { doc, bytes } = createPdfUaDocument(meta);
    this.bytes = bytes;
    this.writer = new PdfTextWriter(doc, LINE_GAP);
    const root = doc.struct('Document');
    doc.addStructure(root);
    this.parents.push(root);
    this.doc = doc;
  }

  private get parent(): Struct {
    const parent = this.parents.at(-1);
    if (!parent) throw new Error('The document has been finished');
    return parent;
  }

  private get left(): number {
    return this.doc.page.margins.left;
  }

  private get width(): number {
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
  private textHeight(text: string, width: number, bold = false, size: number = PDF_SIZES.body): number {
    return this.writer.height(text, width, bold, size);
  }

  /** Starts a new page unless `height` more points fit on this one. */
  private ensureSpace(height: number): void {
    if (this.doc.y + height > this.doc.page.maxY()) this.doc.addPage();
  }

  private space(points: number): void {
    if (this.doc.y > this.doc.page.margins.top + 0.5) this.doc.y += points;
  }

  /** Adds a structure element whose content `draw` puts on the page now. */
  private element(tag: string, draw: () => void, options: StructOptions = {}, parent = this.parent): void {
    parent.add(this.doc.struct(tag, options, draw));
  }

  /** Draws what is not content (rules, fills, repeated headings, footers) as an artifact. */
  private artifact(draw: () => void, type: 'Layout' | 'Pagination' = 'Layout'): void {
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
    this.doc.fillColor(COLOURS.text);
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
        this.doc.fillColor(COLOURS.text);
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
          this.doc.fillColor(options.colour ?? COLOURS.text);
          this.writer.write(
            pieces,
            this.left,
            this.doc.y,
            { width: this.width },
            options.size ?? PDF_SIZES.body,
          );
          this.doc.fillColor(COLOURS.text);
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
          this.doc.fillColor(COLOURS.text);
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
    if (fits) this.artifact(() => this.doc.rect(this.left, y - 2, 4, height + 4).fill(COLOURS.rule));
    this.group('Div', () => {
      for (const text of paragraphs) {
        this.ensureSpace(this.lineHeight());
        const pieces = [{ text }];
        this.element('P', () => this.runs(pieces, x, width), this.writer.structureOptions(pieces));
        this.doc.y += PARAGRAPH_GAP;
      }
    });
  }

  private tableLayout(table: ReportTable) {
    const columns = table.head.length;
    const weights = table.widths?.length === columns ? table.widths : table.head.map(() => 1);
    const total = weights.reduce((sum, weight) => sum + weight, 0);
    const widths = weights.map((weight) => (weight / total) * this.width);
    const xs = widths.map((_, index) => this.left + widths.slice(0, index).reduce((sum, w) => sum + w, 0));
    const cellWidth = (index: number) => (widths[index] ?? 0) - 2 * CELL_PADDING;
    const measure = (cells: readonly string[], head: boolean) =>
      Math.max(...cells.map((cell, index) => this.textHeight(cell, cellWidth(index), head || index === 0))) +
      2 * CELL_PADDING;
    const { caption, head } = table;
    const rows = table.rows.map((row) => [row.heading, ...row.cells]);
    const captionHeight = this.textHeight(caption, this.width, true) + 4;
    const headHeight = measure(head, true);
    const rowHeights = rows.map((cells) => measure(cells, false));
    const height = captionHeight + headHeight + rowHeights.reduce((sum, h) => sum + h, 0) + PARAGRAPH_GAP + 2;
    return { xs, cellWidth, caption, head, rows, captionHeight, headHeight, rowHeights, height };
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
        return this.tableLayout(item.table).height;
      case 'notice':
        return item.paragraphs.reduce(
          (sum, text) => sum + this.textHeight(text, this.width - 15) + PARAGRAPH_GAP,
          0,
        );
      case 'figure':
        return this.figureHeight(item.figure);
    }
  }

  private figureHeight(figure: ReportFigure): number {
    return (
      this.textHeight(figure.caption, this.width, true) +
      4 +
      dotPlotHeight(figure.chart, this.width) +
      PARAGRAPH_GAP
    );
  }

  /**
   * A chart drawn as vectors: its caption as a paragraph, then the drawing as a Figure whose alt text carries
   * every figure (the document puts the same figures in a table after it).
   */
  figure(figure: ReportFigure): void {
    this.keepTogether(this.figureHeight(figure));
    const captionPieces = [{ text: figure.caption, bold: true }];
    this.element(
      'P',
      () => {
        this.doc.fillColor(COLOURS.text);
        this.writer.write(captionPieces, this.left, this.doc.y, { width: this.width }, PDF_SIZES.body);
      },
      this.writer.structureOptions(captionPieces),
    );
    this.doc.y += 4;
    const top = this.doc.y;
    // The drawing's own text (labels, scale) is part of the picture; the alt text says it all, in order.
    this.element(
      'Figure',
      () => {
        this.doc.save();
        this.writer.uncounted(() =>
          drawDotPlot(this.doc, this.writer, figure.chart, { x: this.left, y: top, width: this.width }),
        );
        this.doc.restore();
      },
      { alt: figure.alt },
    );
    this.doc.x = this.left;
    this.doc.y = top + dotPlotHeight(figure.chart, this.width) + PARAGRAPH_GAP;
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
    const { xs, cellWidth, caption, head, rows, captionHeight, headHeight, rowHeights, height } =
      this.tableLayout(table);
    // A table that fits on one page starts on a new page rather than splitting.
    this.keepTogether(height);
    this.ensureSpace(captionHeight + headHeight + (rowHeights[0] ?? 0));

    const element = this.doc.struct('Table');
    this.parent.add(element);
    const captionPieces = [{ text: caption, bold: true }];
    this.element(
      'Caption',
      () => {
        this.doc.fillColor(COLOURS.text);
        this.writer.write(captionPieces, this.left, this.doc.y, { width: this.width }, PDF_SIZES.body);
      },
      this.writer.structureOptions(captionPieces),
      element,
    );
    this.doc.y += 4;

    const drawRule = (y: number, height: number, isHead: boolean) =>
      this.artifact(() => {
        if (isHead) this.doc.rect(this.left, y, this.width, height).fill(COLOURS.fill);
        this.doc
          .moveTo(this.left, y + height)
          .lineTo(this.left + this.width, y + height)
          .lineWidth(isHead ? 1.5 : 0.75)
          .strokeColor(COLOURS.rule)
          .stroke();
      });
    const drawCell = (text: string, index: number, y: number, bold: boolean) => {
      this.doc.fillColor(COLOURS.text);
      const x = (xs[index] ?? this.left) + CELL_PADDING;
      this.writer.write([{ text, bold }], x, y + CELL_PADDING, { width: cellWidth(index) }, PDF_SIZES.body);
    };
    const row = (parent: Struct, cells: readonly string[], height: number, isHead: boolean) => {
      const y = this.doc.y;
      drawRule(y, height, isHead);
      const tr = this.doc.struct('TR');
      parent.add(tr);
      cells.forEach((cell, index) => {
        const header = isHead || index === 0;
        this.element(
          header ? 'TH' : 'TD',
          () => drawCell(cell, index, y, header),
          {
            ...this.writer.structureOptions([{ text: cell, bold: header }]),
            ...(header ? { scope: isHead ? 'Column' : 'Row' } : {}),
          },
          tr,
        );
      });
      tr.end();
      this.doc.x = this.left;
      this.doc.y = y + height;
    };

    const thead = this.doc.struct('THead');
    element.add(thead);
    row(thead, head, headHeight, true);
    thead.end();
    const tbody = this.doc.struct('TBody');
    element.add(tbody);
    rows.forEach((cells, index) => {
      const height = rowHeights[index] ?? 0;
      if (this.doc.y + height > this.doc.page.maxY()) {
        this.doc.addPage();
        // The column headings again, for sighted readers; the structure already has them once.
        const y = this.doc.y;
        drawRule(y, headHeight, true);
        this.artifact(() => head.forEach((text, index) => drawCell(text, index, y, true)), 'Pagination');
        this.doc.x = this.left;
        this.doc.y = y + headHeight;
      }
      row(tbody, cells, height, false);
    });
    tbody.end();
    element.end();
    this.doc.y += PARAGRAPH_GAP + 2;
  }

  /** Adds the footers, closes the structure and answers the PDF's bytes. */
  finish(): Promise<Buffer> {
    const range = this.doc.bufferedPageRange();
    for (let index = range.start; index < range.start + range.count; index += 1) {
      this.doc.switchToPage(index);
      const page = this.doc.page;
      const bottom = page.margins.bottom;
      page.margins.bottom = 0;
      const y = page.height - 44;
      const number = `Page ${index - range.start + 1} of ${range.count}`;
      this.artifact(() => {
        this.doc
          .moveTo(this.left, y - 8)
          .lineTo(this.left + this.width, y - 8)
          .lineWidth(0.75)
          .strokeColor(COLOURS.rule)
          .stroke();
        const numberWidth = this.writer.width(number, false, PDF_SIZES.footer);
        this.doc.fillColor(COLOURS.secondary);
        const footer = {
          align: 'left' as const,
          width: this.width - numberWidth - 16,
          height: PDF_SIZES.footer * 1.3,
          ellipsis: true,
        };
        this.writer.write([{ text: this.meta.footer }], this.left, y, footer, PDF_SIZES.footer);
        const numberX = this.left + this.width - numberWidth;
        this.writer.write([{ text: number }], numberX, y, { lineBreak: false }, PDF_SIZES.footer);
      }, 'Pagination');
      page.margins.bottom = bottom;
    }
    this.parents.splice(0).forEach((element) => element.end());
    this.doc.end();
    return this.bytes;
  }
}

function block(pdf: TaggedPdf, item: ReportBlock): void {
  switch (item.kind) {
    case 'paragraph':
      pdf.paragraph(item.text, item.label);
      break;
    case 'list':
      pdf.list(item.items, item.ordered);
      break;
    case 'table':
      pdf.table(item.table);
      break;
    case 'notice':
      pdf.notice(item.paragraphs);
      break;
    case 'figure':
      pdf.figure(item.figure);
      break;
  }
}

function sectionOf(pdf: TaggedPdf, item: ReportSection, level: 2 | 3): void {
  // A short section (its heading and its own blocks) is kept on one page; a longer one keeps its heading with
  // what comes before its first table or figure, and that table or figure.
  const heights = item.blocks.map((entry) => pdf.measure(entry));
  const firstTable = item.blocks.findIndex((entry) => entry.kind === 'table' || entry.kind === 'figure');
  const total = heights.reduce((sum, height) => sum + height, pdf.headingHeight(level, item.heading));
  const lead = heights
    .slice(0, firstTable + 1)
    .reduce((sum, height) => sum + height, pdf.headingHeight(level, item.heading));
  pdf.keepTogether(total <= pdf.pageHeight / 2 ? total : lead);
  pdf.group('Sect', () => {
    pdf.heading(level, item.heading);
    for (const entry of item.blocks) block(pdf, entry);
    for (const sub of item.subsections) sectionOf(pdf, sub, 3);
  });
}

export interface RenderedPdf {
  readonly bytes: Buffer;
  /** Characters no embedded font has (emoji, say), each printed as the mark; the PDF ends by saying how many. */
  readonly unshownCharacters: number;
}

/** The sentence that ends a PDF with characters it could not show. */
export function unshownNote(count: number): string {
  const characters = count === 1 ? '1 character' : `${count} characters`;
  return `This PDF could not show ${characters}, such as emoji: each is printed as ${UNSHOWN_MARK}.`;
}

/** The report as a tagged PDF, with the number of characters it could not show. */
export async function renderReport(document: ReportDocument): Promise<RenderedPdf> {
  const pdf = new TaggedPdf({
    title: document.title,
    subject: document.partnershipName,
    footer: `${document.title} – ${document.partnershipName}`,
    createdAt: new Date(document.generatedAt),
  });
  pdf.paragraph(document.partnershipName, undefined, { size: 12, colour: COLOURS.secondary });
  pdf.heading(1, document.title);
  pdf.paragraph(`Produced on ${document.generatedOn} by Common Ground.`);
  for (const entry of document.intro) block(pdf, entry);
  for (const item of document.sections) sectionOf(pdf, item, 2);
  const unshownCharacters = pdf.unshownCharacters;
  if (unshownCharacters > 0) pdf.notice([unshownNote(unshownCharacters)]);
  return { bytes: await pdf.finish(), unshownCharacters };
}

/** The report as a tagged PDF. */
export async function renderReportPdf(document: ReportDocument): Promise<Buffer> {
  return (await renderReport(document)).bytes;
}
