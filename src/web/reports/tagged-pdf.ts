/**
 * Renders a report document as a tagged PDF with pdfkit: no browser, no font files. Pure apart from pdfkit's
 * in-memory stream: a document in, the PDF's bytes out.
 *
 * Tagging: everything readable is in the structure tree (Document > Sect > H1/H2/H3, P, L > LI > Lbl/LBody,
 * Table > THead/TBody > TR > TH/TD, with a Caption); rules, fills, repeated table headings and the page
 * numbers in the footer are marked as artifacts. The document has a language (en-GB), a title that viewers
 * show instead of the file name, and is A4 with body text at 11pt.
 */
import PDFDocument from 'pdfkit';
import type {
  LabelledText,
  ReportBlock,
  ReportDocument,
  ReportSection,
  ReportTable,
} from './report-document.js';

const MARGINS = { top: 56, bottom: 68, left: 56, right: 56 };
const FONTS = { regular: 'Helvetica', bold: 'Helvetica-Bold' } as const;
export const PDF_SIZES = { h1: 20, h2: 15, h3: 12.5, body: 11, footer: 10 } as const;
const COLOURS = { text: '#0b0c0c', secondary: '#505a5f', rule: '#b1b4b6', fill: '#f3f2f1' } as const;
const LINE_GAP = 2;
const PARAGRAPH_GAP = 6;
const CELL_PADDING = 4;

/** Characters from 0x80 to 0x9F in Windows-1252 (WinAnsiEncoding), which the built-in fonts can draw. */
const WIN_ANSI_EXTRA = new Set('€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ');
const REPLACEMENTS: Record<string, string> = {
  '\u2010': '-',
  '\u2011': '-',
  '\u2012': '–',
  '\u2212': '-',
  '\u2015': '—',
  '\u2192': '->',
  '\u2190': '<-',
  '\u2032': "'",
  '\u2033': '"',
};
const DROPPED = new Set(['\u00ad', '\u200b', '\u200c', '\u200d', '\u2060', '\ufeff']);

function drawable(char: string): boolean {
  const code = char.codePointAt(0) ?? 0;
  return (
    char === '\n' ||
    (code >= 0x20 && code <= 0x7e) ||
    (code >= 0xa0 && code <= 0xff) ||
    WIN_ANSI_EXTRA.has(char)
  );
}

function isControl(char: string): boolean {
  const code = char.codePointAt(0) ?? 0;
  return code < 0x20 || (code >= 0x7f && code <= 0x9f);
}

/**
 * Text the built-in Helvetica can draw (Windows-1252): accents outside it are dropped (ŵ becomes w), a few
 * symbols are spelt out, and anything else becomes "?", so no character silently vanishes.
 */
export function printable(text: string): string {
  let result = '';
  for (const char of text.replace(/\r\n?/g, '\n').replace(/\t/g, ' ')) {
    if (drawable(char)) result += char;
    else if (DROPPED.has(char) || isControl(char)) continue;
    else if (REPLACEMENTS[char] !== undefined) result += REPLACEMENTS[char];
    else {
      const base = char.normalize('NFKD').replace(/[\u0300-\u036f]/g, '');
      result += base !== '' && [...base].every(drawable) ? base : '?';
    }
  }
  return result;
}

export interface PdfMeta {
  readonly title: string;
  readonly subject: string;
  /** Shown on the left of every footer, beside the page number. */
  readonly footer: string;
  readonly createdAt: Date;
}

type Struct = PDFKit.PDFStructureElement;
type StructOptions = PDFKit.Mixins.StructureElementOptions & { scope?: 'Column' | 'Row' };

/** A tagged A4 PDF written top to bottom: headings, paragraphs, lists, tables and notices. */
export class TaggedPdf {
  private readonly doc: PDFKit.PDFDocument;
  private readonly parents: Struct[] = [];
  private readonly bytes: Promise<Buffer>;
  private readonly heights = new Map<string, number>();

  constructor(private readonly meta: PdfMeta) {
    const doc = new PDFDocument({
      size: 'A4',
      margins: MARGINS,
      tagged: true,
      lang: 'en-GB',
      displayTitle: true,
      pdfVersion: '1.7',
      bufferPages: true,
      info: {
        Title: meta.title,
        Author: 'Common Ground',
        Subject: meta.subject,
        Creator: 'Common Ground',
        CreationDate: meta.createdAt,
      },
    });
    const chunks: Buffer[] = [];
    this.bytes = new Promise((resolve, reject) => {
      doc.on('data', (chunk: Buffer) => chunks.push(chunk));
      doc.on('end', () => resolve(Buffer.concat(chunks)));
      doc.on('error', reject);
    });
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

  private font(bold: boolean, size: number = PDF_SIZES.body): PDFKit.PDFDocument {
    return this.doc.font(bold ? FONTS.bold : FONTS.regular).fontSize(size);
  }

  private lineHeight(size: number = PDF_SIZES.body): number {
    return this.font(false, size).currentLineHeight(true) + LINE_GAP;
  }

  /** The height `text` takes wrapped to `width`; measured once for each text, width and font. */
  private textHeight(text: string, width: number, bold = false, size: number = PDF_SIZES.body): number {
    const key = `${bold ? 'b' : 'r'}${size}|${width.toFixed(2)}|${text}`;
    let height = this.heights.get(key);
    if (height === undefined) {
      height = this.font(bold, size).heightOfString(text, { width, lineGap: LINE_GAP });
      this.heights.set(key, height);
    }
    return height;
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

  /** Draws decoration that is not content (rules, fills) as an artifact. */
  private artifact(draw: () => void, type: 'Layout' | 'Pagination' = 'Layout'): void {
    this.doc.markContent('Artifact', { type });
    this.doc.save();
    draw();
    this.doc.restore();
    this.doc.endMarkedContent();
  }

  /** Bold `lead` (if any) then regular `body`, wrapping within `width` from `x`. */
  private runs(lead: string | undefined, body: string, x: number, width: number): void {
    const options = { width, lineGap: LINE_GAP };
    this.doc.fillColor(COLOURS.text);
    if (lead) {
      this.font(true).text(lead, x, this.doc.y, { ...options, continued: body !== '' });
      if (body !== '') this.font(false).text(body, options);
    } else {
      this.font(false).text(body, x, this.doc.y, options);
    }
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
    const clean = printable(text);
    this.space(level === 1 ? 0 : level === 2 ? 12 : 6);
    // Keep a heading with at least the first lines of what follows it.
    this.ensureSpace(this.textHeight(clean, this.width, true, size) + 3 * this.lineHeight());
    this.element(`H${level}`, () => {
      this.font(true, size)
        .fillColor(COLOURS.text)
        .text(clean, this.left, this.doc.y, { width: this.width, lineGap: LINE_GAP });
    });
    this.doc.y += level === 1 ? 6 : 4;
  }

  paragraph(text: string, label?: string, options: { size?: number; colour?: string } = {}): void {
    const body = printable(text);
    const lead = label === undefined ? undefined : `${printable(label)}: `;
    this.ensureSpace(2 * this.lineHeight(options.size));
    this.element('P', () => {
      if (options.size || options.colour) {
        this.font(false, options.size)
          .fillColor(options.colour ?? COLOURS.text)
          .text(body, this.left, this.doc.y, { width: this.width, lineGap: LINE_GAP });
        this.doc.fillColor(COLOURS.text);
      } else {
        this.runs(lead, body, this.left, this.width);
      }
    });
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
          this.font(false)
            .fillColor(COLOURS.text)
            .text(ordered ? `${index + 1}.` : '•', this.left, y, { width: indent, lineBreak: false });
        },
        {},
        entry,
      );
      this.element(
        'LBody',
        () => {
          this.doc.y = y;
          const lead = item.label === undefined ? undefined : `${printable(item.label)}: `;
          this.runs(lead, printable(item.text), this.left + indent, this.width - indent);
        },
        {},
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
    const texts = paragraphs.map(printable);
    const height =
      texts.reduce((sum, text) => sum + this.textHeight(text, width) + PARAGRAPH_GAP, 0) - PARAGRAPH_GAP;
    const fits = height <= this.doc.page.maxY() - this.doc.page.margins.top;
    if (fits) this.ensureSpace(height);
    const y = this.doc.y;
    if (fits) this.artifact(() => this.doc.rect(this.left, y - 2, 4, height + 4).fill(COLOURS.rule));
    this.group('Div', () => {
      for (const text of texts) {
        this.ensureSpace(this.lineHeight());
        this.element('P', () => this.runs(undefined, text, x, width));
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
    const caption = printable(table.caption);
    const head = table.head.map(printable);
    const rows = table.rows.map((row) => [printable(row.heading), ...row.cells.map(printable)]);
    const captionHeight = this.textHeight(caption, this.width, true) + 4;
    const headHeight = measure(head, true);
    const rowHeights = rows.map((cells) => measure(cells, false));
    const height = captionHeight + headHeight + rowHeights.reduce((sum, h) => sum + h, 0) + PARAGRAPH_GAP + 2;
    return { xs, cellWidth, caption, head, rows, captionHeight, headHeight, rowHeights, height };
  }

  /** About how much height a block takes, to keep short sections on one page. */
  measure(item: ReportBlock): number {
    const labelled = (label: string | undefined, text: string) =>
      label === undefined ? printable(text) : `${printable(label)}: ${printable(text)}`;
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
          (sum, text) => sum + this.textHeight(printable(text), this.width - 15) + PARAGRAPH_GAP,
          0,
        );
    }
  }

  headingHeight(level: 1 | 2 | 3, text: string): number {
    const size = level === 1 ? PDF_SIZES.h1 : level === 2 ? PDF_SIZES.h2 : PDF_SIZES.h3;
    return (level === 2 ? 12 : 6) + this.textHeight(printable(text), this.width, true, size) + 4;
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
    this.element(
      'Caption',
      () => {
        this.font(true)
          .fillColor(COLOURS.text)
          .text(caption, this.left, this.doc.y, { width: this.width, lineGap: LINE_GAP });
      },
      {},
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
      this.font(bold)
        .fillColor(COLOURS.text)
        .text(text, (xs[index] ?? this.left) + CELL_PADDING, y + CELL_PADDING, {
          width: cellWidth(index),
          lineGap: LINE_GAP,
        });
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
          header ? { scope: isHead ? 'Column' : 'Row' } : {},
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
        const numberWidth = this.font(false, PDF_SIZES.footer).widthOfString(number);
        this.font(false, PDF_SIZES.footer)
          .fillColor(COLOURS.secondary)
          .text(printable(this.meta.footer), this.left, y, {
            width: this.width - numberWidth - 16,
            height: PDF_SIZES.footer * 1.3,
            ellipsis: true,
          });
        this.doc.text(number, this.left + this.width - numberWidth, y, { lineBreak: false });
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
  }
}

function sectionOf(pdf: TaggedPdf, item: ReportSection, level: 2 | 3): void {
  // A short section (its heading and its own blocks) is kept on one page; a longer one keeps its heading with
  // what comes before its first table, and that table.
  const heights = item.blocks.map((entry) => pdf.measure(entry));
  const firstTable = item.blocks.findIndex((entry) => entry.kind === 'table');
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

/** The report as a tagged PDF. */
export function renderReportPdf(document: ReportDocument): Promise<Buffer> {
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
  return pdf.finish();
}
